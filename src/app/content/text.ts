/**
 * The page's words, as tables. Guidance follows NHS login's own help pages ("Taking a photo of your ID"
 * and "Proving who you are without photo ID"), in the NHS service manual's plain style.
 */
import type { PhotoErrorCode } from '../../decode/photoError.ts';
import type { DocumentKind, RuleId, Status } from '../../pipeline/types.ts';
import { EXPIRY_ALLOWANCE_MONTHS } from '../../pipeline/rules/inDate.ts';
import { NHS_LOGIN_ACCEPTS, WAY_FORWARD } from '../../pipeline/rules/texts.ts';
import type { FramingProblem } from '../../pipeline/framing/judgeFraming.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import type { EngineDownloadPart, WorkerStep } from '../checkClient.ts';
import { SETTINGS } from '../settings.ts';

/** Beside every result and in the footer: whoever runs the checker, it is not NHS login's own. */
export const NOT_NHS_LOGIN = `This checker is not part of NHS login${SETTINGS.runBy ? `: it is run by ${SETTINGS.runBy}` : ''}. Passing here does not guarantee that NHS login will accept your photo.`;

/** The page title's first part, per state; the service name follows (the NHS.UK pattern). */
export const PAGE_TITLES = {
  intro: 'Check your ID photo before you upload it',
  checking: 'Checking your photo',
  camera: 'Take a photo of your ID',
  loadFailed: 'The checker could not load',
} as const;

/** The checker's own files did not load (offline on a first visit, or a failed download). */
export const LOAD_FAILED = {
  heading: 'The checker could not load',
  body: 'This page could not download the files it needs to check photos, so it cannot check yours yet. Check your internet connection, then try again.',
  retry: 'Try again',
};

export const STEP_LABELS: Readonly<Record<WorkerStep, string>> = {
  decoding: 'Opening your photo',
  loading: 'Getting the reader ready (this only takes longer the first time)',
  'waiting-for-code-reader':
    'Downloading the part of the checker that reads your ID (only needed the first time)',
  outline: 'Finding the corners',
  clarity: 'Checking focus and glare',
  mrz: 'Reading the code at the bottom of your ID',
  licence: 'Reading the licence',
  rules: "Comparing with NHS login's rules",
};

/**
 * While the engines download (a first visit): the photo can be chosen meanwhile. Then, while a check
 * waits for tesseract's files (the code reader, which arrives after the rest).
 */
export const downloadLabel = (percent: number, part: EngineDownloadPart = 'checker') =>
  `${DOWNLOAD_WORDS[part]}: ${percent}% done`;

const DOWNLOAD_WORDS: Readonly<Record<EngineDownloadPart, string>> = {
  checker: 'Downloading the checker, only needed the first time',
  'code-reader': 'Downloading the part that reads your ID',
  'text-reader': 'Downloading the part that reads the words on your ID',
};

export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'four-corners': 'All 4 corners are in the photo',
  'clear-photo': 'Clear, with no blur, glare or shine',
  'in-date': 'The document is in date',
  'accepted-document': 'NHS login accepts this document',
  'valid-details': 'The details can be read and add up',
};

/** Shown as text beside each rule: colour is never the only signal (WCAG 1.4.1). */
export const STATUS_SIGNS: Readonly<Record<Status, { readonly symbol: string; readonly label: string }>> = {
  pass: { symbol: '✓', label: 'Pass' },
  fail: { symbol: '✗', label: 'Fail' },
  unsure: { symbol: '?', label: 'Not sure' },
};

export const VERDICTS: Readonly<Record<Status, { readonly heading: string; readonly body: string }>> = {
  pass: {
    heading: 'This photo should be accepted',
    body: 'It passed every check we can make on this device. You can upload it to NHS login.',
  },
  fail: {
    heading: 'This photo would be turned down',
    body: 'Take a new photo, fixing the checks marked “Fail” below.',
  },
  unsure: {
    heading: 'We could not check everything',
    body: 'Nothing failed, but we could not be sure about the checks marked “Not sure”. A clearer photo may help.',
  },
};

/**
 * A photo of a card's back (its code read there): the back is never the photo to upload. NHS login
 * needs the side with the face ("you can clearly see your face and all the text").
 */
export const BACK_OF_CARD = {
  heading: 'This is the back of your card',
  body: 'NHS login needs a photo of the front of your card, the side with your face. Do not upload this photo of the back: we used it only to check the details in the code.',
  button: 'Check a photo of the front',
};

export const DOCUMENT_KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  passport: 'Passport',
  'id-card': 'National identity card',
  'uk-driving-licence': 'UK driving licence',
  'eu-driving-licence': 'European driving licence',
  visa: 'Visa',
  'residence-permit': 'Residence permit',
  other: 'Another document',
  unknown: 'Not recognised',
};

/** NHS login's list of 23 April 2024, as the rules give it (pipeline/rules/texts.ts), as a list. */
export const ACCEPTED_DOCUMENTS: readonly string[] = NHS_LOGIN_ACCEPTS.map((document) =>
  document.replace(/^an? /u, ''),
);

/** NHS login: "We can accept an expired photo ID if it expired less than 12 months ago." */
const EXPIRED_ACCEPTED = `expired less than ${EXPIRY_ALLOWANCE_MONTHS} months ago`;

export const PHOTO_DOS: readonly string[] = [
  'put your ID on a plain, dark surface',
  'make sure all 4 corners of your ID are in the photo',
  'hold your phone steady, straight above your ID, so the photo is in focus',
  `use an ID that is in date, or that ${EXPIRED_ACCEPTED}`,
];

export const PHOTO_DONTS: readonly string[] = [
  'do not cut off any of the corners',
  'do not send a blurry photo',
  'do not let light cause glare or shine on your ID, for example from a window or your flash',
  `do not use a document that expired more than ${EXPIRY_ALLOWANCE_MONTHS} months ago or is not on the list below`,
  // NHS login: "We do not accept photo ID with any handwritten information other than a signature."
  'do not use ID with anything handwritten on it other than a signature',
];

/**
 * Where the document itself is refused (expired more than 12 months ago, or not on the list): the
 * verdict says first that a new photo will not help, and the way forward follows
 * (components/WayForward.tsx), in the rules' words (WAY_FORWARD, pipeline/rules/texts.ts).
 */
export const DEAD_END = {
  body: `${WAY_FORWARD.newPhotoWillNotHelp} NHS login cannot accept this document, however clear the photo.`,
  heading: 'If you do not have other photo ID',
  withoutPhotoId:
    'If your GP surgery is in England, you can prove who you are without photo ID. Ask the surgery for:',
  gpDetails: WAY_FORWARD.gpDetails,
  after: WAY_FORWARD.withoutPhotoIdAfter,
  helpCentreBefore: 'Or get help from the',
  helpCentre: 'NHS login help centre',
  helpCentreHref: WAY_FORWARD.helpCentre,
};

/** Why the camera could not be used: shown in the error summary, which links to the file input. */
export const CAMERA_PROBLEMS: Readonly<Record<CameraProblemCode, string>> = {
  'camera-denied':
    'This page was not allowed to use your camera. Choose a photo of your ID instead, or allow the camera in your browser’s settings and try again.',
  'camera-missing': 'We could not find a camera on this device. Choose a photo of your ID instead.',
  'camera-unavailable':
    'Your camera could not be started. It may be in use by another app. Close other apps that use the camera and try again, or choose a photo of your ID instead.',
};

/**
 * The one instruction shown while the camera is on: the framing problem to fix first (in the order of
 * NHS login's rules, as the result would name it), or, once there is none, what happens next.
 */
export type CameraGuidance = FramingProblem | 'waiting' | 'hold-still' | 'capturing';

export const CAMERA_GUIDANCE: Readonly<Record<CameraGuidance, string>> = {
  waiting: 'Getting the camera guide ready',
  'no-document': 'Hold your ID in the frame, on a plain, darker surface',
  'corners-missing': 'Move the camera back: all 4 corners of your ID must be in the frame',
  'corners-covered': 'Keep your fingers off the corners of your ID',
  unmeasured: 'Hold your ID in good light',
  dark: 'It is too dark: move somewhere with more light',
  'washed-out': 'It is too bright: move away from direct sunlight or lamps',
  glare: 'There is glare on your ID: tilt it a little, away from the light',
  // Not given by the camera today (a frame's portrait is not looked at), but by the same rule's table.
  'glare-over-portrait':
    'There is shine over the photo of your face: tilt your ID a little, away from the light',
  'portrait-covered': 'Keep your fingers off the photo of your face',
  blurred: 'Your ID is blurred: hold the camera still so that it can focus',
  small: 'Move the camera closer, so that your ID fills most of the frame',
  'hold-still': 'That looks right. Hold still',
  capturing: 'Taking the photo',
};

/**
 * Why a chosen file could not be checked, in the NHS.UK File upload component's words where it has
 * them, each ending with what to do. The decoder's own messages are for the command line.
 */
export const PHOTO_PROBLEMS: Readonly<Record<PhotoErrorCode, string>> = {
  'file-not-found': 'The selected file could not be opened. Choose the photo again.',
  'not-a-file': 'The selected item is not a photo file. Choose a photo of your ID.',
  'file-too-large': 'The selected file is too large to check. Choose a smaller copy, or take a new photo.',
  'file-unreadable': 'The selected file could not be read. Choose the photo again.',
  'empty-file': 'The selected file is empty. Choose another photo of your ID.',
  'not-an-image': 'The selected file must be a JPG, PNG or WEBP. Choose a photo of your ID.',
  'pdf-not-supported':
    'The selected file must be a JPG, PNG or WEBP, not a PDF. Take a photo of your ID and choose that.',
  'gif-not-supported':
    'The selected file must be a JPG, PNG or WEBP, not a GIF. Choose a photo taken with a camera.',
  'heic-not-supported':
    'The selected file must be a JPG, PNG or WEBP. iPhone photos are HEIC by default: in Settings > Camera > Formats choose “Most Compatible”, then take the photo again.',
  'unsupported-format': 'The selected file must be a JPG, PNG or WEBP. Choose a photo of your ID.',
  'corrupt-image':
    'The selected file could not be opened: it may be damaged or cut short. Choose the photo again, or take a new one.',
  'image-too-small':
    'The selected photo is too small to check. Take a new photo, with your ID filling most of it.',
  'image-too-large':
    'The selected photo is too large to check (over 100 megapixels). Choose a smaller copy, or take a new photo.',
  'check-failed': 'Something went wrong while checking this photo. Choose the photo again.',
};

/** After the camera's photo passes or fails: how to keep it and upload it. */
export const SAVE_PHOTO: { readonly button: string; readonly fileName: string; readonly hint: string } = {
  button: 'Save this photo',
  fileName: 'id-photo',
  hint: 'It is saved on this device, in your downloads (on a phone, find it in your Files or Photos app). Nothing is uploaded. Then, in NHS login, choose this saved photo when you are asked for a photo of your ID.',
};

/** The camera's photo of a card's back: kept for checking its code, never as the photo to upload. */
export const SAVE_BACK_PHOTO: typeof SAVE_PHOTO = {
  button: 'Save this photo of the back',
  fileName: 'id-photo-back',
  hint: 'It is saved on this device only. Do not upload it to NHS login: NHS login needs a photo of the front of your card, the side with your face.',
};
