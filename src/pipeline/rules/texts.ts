/**
 * Every word the rules say, keyed by rule and reason: the message (what we found) and the advice
 * (what to do for the retake, '' when nothing needs doing), each beside its source. A reason code is
 * stable: the app, the CLI and later issues key on it, while the words may change.
 *
 * [NHS-LOGIN-PHOTO]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk):
 *   the photo must show all four corners of the ID, be clear and in focus, without glare, and the ID
 *   must be in date and one NHS login accepts. The advice says how to take such a photo.
 * [NHS-LOGIN]: the accepted-document list, cited row by row in acceptedDocuments.ts.
 * [ICAO-9303]: check digits, ICAO 9303 part 3 §4.9: a failed one means a misread or a wrong document.
 * [DVLA]: the UK driver number (field 5) encodes the surname and date of birth (DVLA, INF45).
 * [EU-LICENCE]: the distinguishing sign in the flag of the EU model licence (Directive 2006/126/EC,
 *   Annex I, side 1 (b)).
 * [OURS]: what the check could not read or confirm, which the guidance does not cover: our words, in
 *   the NHS's voice (NHS digital service manual, content style guide: plain, direct, "we" and "your").
 */
import type { CornerName, RuleId } from '../types.ts';

/** Words are plain, or made from what the rule found (a corner, a date, a field). */
type Words = string | ((found: never) => string);

export interface RuleText {
  readonly message: Words;
  readonly advice: Words;
  readonly source: string;
}

const listCorners = (corners: readonly CornerName[]) =>
  corners.length === 1
    ? `the ${corners[0]} corner`
    : `the ${corners.slice(0, -1).join(', ')} and ${corners.at(-1)} corners`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The whole list, for a document NHS login does not take. */
const USE_ACCEPTED =
  'Use a passport, a UK driving licence, a full European driving licence or a European national identity card.';

/** Where the kind or issuer was not read: which documents are accepted, and which side to photograph. */
const UNSURE_WHICH_DOCUMENT =
  'Use a passport, a UK driving licence, a European driving licence or a European national identity card. For an ID card, photograph the side with the code (rows of letters, numbers and <<<) at the bottom.';

export const RULE_TEXTS = {
  'four-corners': {
    'all-in': {
      message: 'All 4 corners of your ID are in the photo.',
      advice: '',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'not-found': {
      message: 'We could not find the edges of your ID in the photo.',
      advice:
        'Put your ID on a plain, darker surface and take the photo from above, with a little space around all 4 corners.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'cut-off': {
      message: (corners: readonly CornerName[]) =>
        `${capitalise(listCorners(corners))} of your ID ${corners.length === 1 ? 'is' : 'are'} cut off.`,
      advice: 'Move the camera back a little so that all 4 corners of your ID are in the photo.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'edges-unseen': {
      message:
        'We could not see the edges of your ID clearly enough to tell whether all 4 corners are in the photo.',
      advice:
        'Put your ID on a plain, darker surface and take the photo from above, with a little space around all 4 corners.',
      source: '[OURS]',
    },
    covered: {
      message: (corners: readonly CornerName[]) =>
        `${capitalise(listCorners(corners))} of your ID ${corners.length === 1 ? 'looks' : 'look'} covered, perhaps by a finger.`,
      advice: 'Put your ID down on a surface and keep your fingers away from its edges.',
      source: '[NHS-LOGIN-PHOTO]',
    },
  },
  'clear-photo': {
    clear: {
      message: 'The photo is clear: in focus, with no glare.',
      advice: '',
      source: '[NHS-LOGIN-PHOTO]',
    },
    unmeasured: {
      message: 'We could not measure how clear the photo is.',
      advice: 'Take the photo again in good light.',
      source: '[OURS]',
    },
    dark: {
      message: 'The photo is too dark.',
      advice: 'Take the photo in a well-lit room or near a window, without covering the light.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'washed-out': {
      message: 'The photo is too bright: the writing is washed out.',
      advice: 'Move away from direct sunlight or bright lamps and try again.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    glare: {
      message: 'There is shine or glare on your ID.',
      advice: 'Tilt your ID or the camera a little, away from lights and windows, and turn off the flash.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    blurred: {
      message: 'The photo is blurred.',
      advice: 'Hold the camera still, tap the screen to focus on your ID, and try again.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    small: {
      message: 'Your ID is too small in the photo for its writing to be read.',
      advice: 'Move the camera closer, so that your ID fills most of the photo.',
      source: '[NHS-LOGIN-PHOTO]',
    },
  },
  'in-date': {
    'in-date': {
      message: (expiry: string) => `Your ID is in date: it expires on ${expiry}.`,
      advice: '',
      source: '[NHS-LOGIN-PHOTO]',
    },
    expired: {
      message: (expiry: string) => `Your ID expired on ${expiry}.`,
      advice: 'Use a photo ID that is in date.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'expiry-unread': {
      message: 'We could not read the expiry date of your ID.',
      advice: 'Make sure the whole ID is in focus, with no glare over its writing, and try again.',
      source: '[OURS]',
    },
    'expiry-unconfirmed': {
      message: (expiry: string) => `We read the expiry date as ${expiry}, but could not confirm it.`,
      advice: 'Take a sharper photo so the expiry date can be read for certain.',
      source: '[OURS]',
    },
  },
  'accepted-document': {
    // A reason for each row of the acceptance table (acceptedDocuments.ts), where the row cites its source.
    'syrian-passport': {
      message: 'NHS login cannot accept Syrian passports.',
      advice:
        'Use a different photo ID, such as a driving licence or a UK residence card or biometric residence permit.',
      source: '[NHS-LOGIN]',
    },
    passport: { message: 'Passports are accepted.', advice: '', source: '[NHS-LOGIN]' },
    'greek-id-card': {
      message: 'NHS login cannot accept Greek ID cards.',
      advice: 'Use your passport or a driving licence instead.',
      source: '[NHS-LOGIN]',
    },
    'european-id-card': {
      message: 'European national identity cards are accepted.',
      advice: '',
      source: '[NHS-LOGIN]',
    },
    'other-id-card': {
      message: 'Only national identity cards from European (EU or EEA) countries are accepted.',
      advice: 'Use your passport instead.',
      source: '[NHS-LOGIN]',
    },
    'uk-driving-licence': {
      message: 'UK driving licences, full or provisional, are accepted.',
      advice: '',
      source: '[NHS-LOGIN]',
    },
    'eu-provisional-licence': {
      message: 'Only full European driving licences are accepted, not learner or provisional ones.',
      advice: 'Use your passport, your national identity card or a full driving licence instead.',
      source: '[NHS-LOGIN]',
    },
    'eu-driving-licence': {
      message: 'Full European driving licences are accepted.',
      advice: '',
      source: '[NHS-LOGIN]',
    },
    'uk-residence-permit': {
      message: 'UK residence cards and biometric residence permits are accepted.',
      advice: '',
      source: '[NHS-LOGIN]',
    },
    'other-residence-permit': {
      message:
        'Only UK residence cards and biometric residence permits are accepted, not other countries\u2019 residence permits.',
      advice:
        'Use your passport instead, or your national identity card if an EU or EEA country issued it. A residence permit from the UK (a residence card or biometric residence permit) is also accepted.',
      source: '[NHS-LOGIN]',
    },
    visa: {
      message: 'Visas are not accepted as photo ID.',
      advice: 'Use the passport the visa is in, or a UK residence card or biometric residence permit.',
      source: '[NHS-LOGIN]',
    },
    'other-document': {
      message: 'This type of document is not accepted as photo ID.',
      advice: USE_ACCEPTED,
      source: '[NHS-LOGIN]',
    },
    'unknown-kind': {
      message: 'We could not tell what kind of document this is.',
      advice: UNSURE_WHICH_DOCUMENT,
      source: '[OURS] [NHS-LOGIN]',
    },
    'unknown-issuer': {
      message: 'We could not tell which country issued your document.',
      advice: UNSURE_WHICH_DOCUMENT,
      source: '[OURS] [NHS-LOGIN]',
    },
  },
  'valid-details': {
    'checks-hold': {
      message: 'The details in the code on your ID add up.',
      advice: '',
      source: '[ICAO-9303]',
    },
    'checks-fail': {
      message: (fields: readonly string[]) =>
        `The code on your ID does not add up (${fields.join(', ')}). The document may be damaged, or not genuine.`,
      advice:
        'Check the photo shows your ID flat and undamaged, and try again. If it fails again, use a different photo ID.',
      source: '[ICAO-9303]',
    },
    'code-unread': {
      message: 'We could not read the code on your ID (the rows of letters, numbers and <<<).',
      advice: 'Make sure the bottom of your ID is in the photo, in focus and without glare.',
      source: '[OURS]',
    },
    'code-unclear': {
      message: 'We could not read the code on your ID clearly enough to check it.',
      advice: 'Take a sharper photo, with no glare over the code at the bottom of your ID.',
      source: '[OURS]',
    },
    'no-code': { message: 'This licence has no code we can check.', advice: '', source: '[OURS]' },
    'driver-number-agrees': {
      message: 'The driver number agrees with the name and date of birth.',
      advice: '',
      source: '[DVLA]',
    },
    'driver-number-disagrees': {
      message: 'The driver number does not agree with the name or date of birth on the licence.',
      advice:
        'Check the photo shows your licence flat and undamaged. If it fails again, use a different photo ID.',
      source: '[DVLA]',
    },
    'driver-number-unclear': {
      message: 'We could not read the driver number and date of birth clearly enough to check them.',
      advice: 'Take a sharper photo of the whole licence, with no glare over its writing.',
      source: '[OURS] [DVLA]',
    },
    'card-front': {
      message: (what: string) =>
        `This is the front of your ${what}. The code we check (rows of letters, numbers and <<<) is on the back.`,
      advice: (what: string) =>
        `Turn your ${what} over and take a photo of the back, the side with the code.`,
      source: '[OURS]',
    },
    'sign-mismatch': {
      message: ({ sign, mrzIssuer }: { sign: string; mrzIssuer: string }) =>
        `The country sign on your licence (${sign}) does not match the country in its code (${mrzIssuer}).`,
      advice:
        'Take the photo again with the whole licence flat and in focus, and no glare over the flag in its top-left corner. If they still do not match, use a different photo ID.',
      source: '[EU-LICENCE] [OURS]',
    },
  },
} as const satisfies Record<RuleId, Record<string, RuleText>>;

/** The reasons a rule gives, by rule: stable codes for its outcomes. */
export type RuleReason<R extends RuleId> = keyof (typeof RULE_TEXTS)[R];

/** The acceptance table's reasons: every accepted-document reason but the two for what was not read. */
export type AcceptanceReason = Exclude<RuleReason<'accepted-document'>, 'unknown-kind' | 'unknown-issuer'>;
