/**
 * The words the rule texts share (texts.ts): NHS login's list of accepted documents, the way forward where
 * a new photo cannot help, corners named and dates written as the NHS.UK content style guide asks.
 * Sources as in texts.ts: [NHS-LOGIN-2024], [NHS-LOGIN-EXPIRED], and:
 *
 * [NHS-LOGIN-NO-PHOTO-ID]: NHS login help centre, proving who you are without photo ID: only "if your
 *   GP is in England", the surgery gives a Linkage Key ("could be called Passphrase"), an ODS Code
 *   ("Organisation Code or Practice ID") and an Account ID; "They will ask you to fill in a form";
 *   each set of details can be used once.
 */
import type { CornerName, Status } from '../types.ts';

export const listCorners = (corners: readonly CornerName[]) =>
  corners.length === 1
    ? `the ${corners[0]} corner`
    : `the ${corners.slice(0, -1).join(', ')} and ${corners.at(-1)} corners`;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** NHS login's list of photo ID it accepts, in its words and order [NHS-LOGIN-2024]: one text, reused everywhere. */
export const NHS_LOGIN_ACCEPTS: readonly string[] = [
  'a passport',
  'a UK driving licence (full or provisional)',
  'a UK biometric residence permit (BRP)',
  'a UK residence card',
  'a UK application registration card (ARC)',
  'a CitizenCard',
  'a European driving licence (full)',
  'a European national identity card',
  'a valid UK entry clearance visa sticker',
];

/** "NHS login accepts: a passport, …, or a valid UK entry clearance visa sticker." [NHS-LOGIN-2024] */
export const NHS_LOGIN_ACCEPTS_SENTENCE = `NHS login accepts: ${NHS_LOGIN_ACCEPTS.slice(0, -1).join(', ')}, or ${NHS_LOGIN_ACCEPTS.at(-1)}.`;

/**
 * Where the document itself is refused (expired too long ago, or a kind NHS login does not take), a
 * new photo cannot help: the advice says so first, then what can. The app shows the same parts in
 * "If it keeps failing" (src/app/components/KeepsFailing.tsx).
 */
export const WAY_FORWARD = {
  newPhotoWillNotHelp: 'A new photo will not fix this.',
  /** Proving who you are without photo ID: only through a GP surgery in England [NHS-LOGIN-NO-PHOTO-ID]. */
  withoutPhotoIdIntro:
    'If you do not have other photo ID and your GP surgery is in England, you can prove who you are without photo ID: ask the surgery for your',
  gpDetails: [
    'Linkage Key (it could be called Passphrase)',
    'ODS Code (Organisation Code or Practice ID)',
    'Account ID',
  ],
  withoutPhotoIdAfter: 'They will ask you to fill in a form. Each set of details can be used once.',
  helpCentreIntro: 'Or get help from the NHS login help centre:',
  helpCentre: 'https://help.login.nhs.uk/',
  source: '[NHS-LOGIN-2024] [NHS-LOGIN-NO-PHOTO-ID]',
} as const;

const [linkageKey, odsCode, accountId] = WAY_FORWARD.gpDetails;

/** The way without photo ID and the help centre, as one text (the CLI's advice). */
export const OTHER_WAYS = `${WAY_FORWARD.withoutPhotoIdIntro} ${linkageKey}, ${odsCode} and ${accountId}. ${WAY_FORWARD.withoutPhotoIdAfter} ${WAY_FORWARD.helpCentreIntro} ${WAY_FORWARD.helpCentre}`;

/** The advice where no new photo can help: say so, name what to use instead, then the other ways. */
export const wayForward = (instead: string) => `${WAY_FORWARD.newPhotoWillNotHelp} ${instead} ${OTHER_WAYS}`;

/**
 * What a refusal's advice says to use instead, without the parts every refusal shares (the app shows
 * those once, with a link): "Use the passport the visa is in instead, …".
 */
export function insteadOf(advice: string): string {
  return advice.replace(WAY_FORWARD.newPhotoWillNotHelp, '').replace(OTHER_WAYS, '').trim();
}

/** For a document NHS login does not take: another one that it does. */
export const USE_ACCEPTED = wayForward(`Use a different photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`);

/**
 * Where the kind or issuer was not read: which documents are accepted, and which side to photograph:
 * the side with the face, which is the photo NHS login needs ("you can clearly see your face").
 */
export const UNSURE_WHICH_DOCUMENT = `${NHS_LOGIN_ACCEPTS_SENTENCE} For an ID card or residence card, photograph the front, the side with your face.`;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-05-25" → "25 May 2024" (the NHS.UK style guide's dates); anything else unchanged. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** What the in-date rule found, and about which document. */
export interface ExpiryFound {
  /** "passport", "driving licence", "ID" (expiryNoun, inDate.ts). */
  readonly document: string;
  /** ISO dates. */
  readonly expiry: string;
  readonly deadline: string;
}

/**
 * Whether a new photo can help: not where the document itself is refused (the advice then starts
 * with WAY_FORWARD.newPhotoWillNotHelp). The app shows the way forward for these.
 */
export function isDeadEnd(result: { readonly status: Status; readonly advice: string }): boolean {
  return result.status === 'fail' && result.advice.startsWith(WAY_FORWARD.newPhotoWillNotHelp);
}
