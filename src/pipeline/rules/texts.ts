/**
 * Every word the rules say, keyed by rule and reason: the message (what we found) and the advice
 * (what to do for the retake, '' when nothing needs doing), each beside its source. A reason code is
 * stable: the app, the CLI and later issues key on it, while the words may change.
 *
 * [NHS-LOGIN-PHOTO]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk):
 *   the photo must show all four corners of the ID, be clear and in focus, without glare, and the ID
 *   must be in date and one NHS login accepts; "you can clearly see your face" (the portrait on the
 *   ID), "there's no shine from a light or window". The advice says how to take such a photo.
 * [NHS-LOGIN]: the accepted-document list, cited row by row in acceptedDocuments.ts.
 * [NHS-LOGIN-ORIGINAL]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk,
 *   document list of 23 April 2024): "You cannot send: ... an image of a printout or screen" and "The
 *   image you send needs to be of your original photo ID".
 * [ICAO-9303]: check digits, ICAO 9303 part 3 §4.9: a failed one means a misread or a wrong document.
 * [DVLA]: the UK driver number (field 5) encodes the surname and date of birth (DVLA, INF45).
 * [EU-LICENCE]: the distinguishing sign in the flag of the EU model licence (Directive 2006/126/EC,
 *   Annex I, side 1 (b)).
 * [OURS]: what the check could not read or confirm, which the guidance does not cover: our words, in
 *   the NHS's voice (NHS digital service manual, content style guide: plain, direct, "we" and "your").
 * [NHS-LOGIN-2024]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk),
 *   whose document list changed on 23 April 2024: "You can send: passport; UK driving licence (full
 *   or provisional); UK biometric residence permit (BRP); UK residence card; UK application
 *   registration card (ARC); CitizenCard; European driving licence (full); European national identity
 *   card; a valid UK entry clearance visa sticker."
 * [NHS-LOGIN-EXPIRED]: the same page: "We can accept an expired photo ID if it expired less than 12
 *   months ago." (EXPIRY_ALLOWANCE_MONTHS, inDate.ts.)
 * [NHS-LOGIN-NO-PHOTO-ID]: proving who you are without photo ID, quoted in words.ts.
 * [NHS-LOGIN-HANDWRITING]: the same page: "We do not accept photo ID with any handwritten information
 *   other than a signature"; "You cannot send: ... any other document with handwritten information".
 * Dates are written as the NHS.UK content style guide asks: "25 May 2024".
 */
import type { CornerName, RuleId } from '../types.ts';
import {
  capitalise,
  listCorners,
  longDate,
  NHS_LOGIN_ACCEPTS_SENTENCE,
  wayForward,
  type ExpiryFound,
} from './words.ts';
import { ACCEPTED_DOCUMENT_TEXTS } from './acceptedDocumentTexts.ts';

export {
  insteadOf,
  isDeadEnd,
  longDate,
  NHS_LOGIN_ACCEPTS,
  NHS_LOGIN_ACCEPTS_SENTENCE,
  WAY_FORWARD,
  type ExpiryFound,
} from './words.ts';

/** Words are plain, or made from what the rule found (a corner, a date, a field). */
type Words = string | ((found: never) => string);

export interface RuleText {
  readonly message: Words;
  readonly advice: Words;
  readonly source: string;
}

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
    'no-document': {
      message: 'We could not find your ID in the photo to judge how clear it is.',
      advice: 'Take a photo of your ID on its own, filling most of the photo.',
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
    'glare-over-portrait': {
      message: 'There is shine over the photo of your face.',
      advice:
        'Tilt your ID or the camera a little, away from lights and windows, and turn off the flash, so that your face on the ID can be clearly seen.',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'portrait-covered': {
      message: 'Something is covering the photo of your face, perhaps a finger.',
      advice:
        'Put your ID down on a surface and keep your fingers off it, so that your face on the ID can be clearly seen.',
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
      message: ({ document, expiry }: ExpiryFound) =>
        `Your ${document} is in date: it expires on ${longDate(expiry)}.`,
      advice: '',
      source: '[NHS-LOGIN-PHOTO]',
    },
    'expired-within-allowance': {
      message: ({ document, expiry, deadline }: ExpiryFound) =>
        `Your ${document} expired on ${longDate(expiry)}. NHS login accepts photo ID up to 12 months after it expires, so use it before ${longDate(deadline)}.`,
      advice: '',
      source: '[NHS-LOGIN-EXPIRED]',
    },
    expired: {
      message: ({ document, expiry }: ExpiryFound) =>
        `Your ${document} expired on ${longDate(expiry)}, more than 12 months ago. NHS login accepts photo ID only up to 12 months after it expires.`,
      advice: wayForward(
        `Use a different photo ID that is in date, or that expired less than 12 months ago. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
      ),
      source: '[NHS-LOGIN-EXPIRED] [NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
    },
    'expiry-unread': {
      message: 'We could not read the expiry date of your ID.',
      advice: 'Make sure the whole ID is in focus, with no glare over its writing, and try again.',
      source: '[OURS]',
    },
    'expiry-unconfirmed': {
      message: ({ expiry }: ExpiryFound) =>
        `We read the expiry date as ${longDate(expiry)}, but could not confirm it.`,
      advice: 'Take a sharper photo so the expiry date can be read for certain.',
      source: '[OURS]',
    },
  },
  'accepted-document': ACCEPTED_DOCUMENT_TEXTS,
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
    // A card whose code is on the back (ICAO 9303 part 5: a TD1 card's MRZ is on its back): the front,
    // with the face, is the photo NHS login needs; the back only lets us check the code's details.
    'card-front': {
      message: (what: string) =>
        `This is the front of your ${what}, the side with your face: the photo to upload to NHS login. The code we check (rows of letters, numbers and <<<) is on the back.`,
      advice: (what: string) =>
        `Upload this photo of the front to NHS login. To have the details in the code checked too, you can also check a photo of the back of your ${what}.`,
      source: '[NHS-LOGIN-PHOTO] [ICAO-9303] [OURS]',
    },
    'card-back-checks-hold': {
      message: (what: string) =>
        `The details in the code on the back of your ${what} add up. But NHS login needs a photo of the front, the side with your face: do not upload this photo of the back.`,
      advice: (what: string) =>
        `Take a photo of the front of your ${what}, the side with your face, and check that one before you upload it.`,
      source: '[NHS-LOGIN-PHOTO] [ICAO-9303]',
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

/** What the photo shows instead of the document itself: its own accepted-document reasons. */
export type MediumReason = Extract<RuleReason<'accepted-document'>, 'printout' | 'screen'>;

/** accepted-document's reasons for a photo that is not an ID at all (front/readNotAnId.ts), not table rows. */
export const NOT_AN_ID_REASONS = [
  'bank-card',
  'non-european-licence',
  'non-european-id-card',
  'refused-card',
  'voucher',
  'business-card',
  'page-of-text',
  'photo-of-people',
  'health-card',
  'not-an-id',
] as const;
export type NotAnIdReason = (typeof NOT_AN_ID_REASONS)[number];

/**
 * The acceptance table's reasons: every accepted-document reason but those for what was not read, not
 * the document itself, or not an ID.
 */
export type AcceptanceReason = Exclude<
  RuleReason<'accepted-document'>,
  'unknown-kind' | 'unknown-issuer' | MediumReason | NotAnIdReason | 'handwriting'
>;
