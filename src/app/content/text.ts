/**
 * The page's words, as tables. Guidance follows NHS login's own help pages ("Taking a photo of your ID"
 * and "Proving who you are without photo ID"), in the NHS service manual's plain style.
 */
import type { DocumentKind, RuleId, Status } from '../../pipeline/types.ts';
import type { FramingProblem } from '../../pipeline/framing/judgeFraming.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import type { WorkerStep } from '../checkClient.ts';

export const STEP_LABELS: Readonly<Record<WorkerStep, string>> = {
  decoding: 'Opening your photo',
  loading: 'Getting the reader ready (this only takes longer the first time)',
  outline: 'Finding the corners',
  clarity: 'Checking focus and glare',
  mrz: "Reading the passport's code",
  licence: 'Reading the licence',
  rules: "Comparing with NHS login's rules",
};

/** While the engines download (a first visit): the photo can be chosen meanwhile. */
export const downloadLabel = (percent: number) =>
  `Downloading the checker, only needed the first time: ${percent}% done`;

export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'four-corners': 'All 4 corners can be seen',
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

export const ACCEPTED_DOCUMENTS: readonly string[] = [
  'passport',
  'UK driving licence (full or provisional)',
  'European driving licence (full)',
  'European national identity card',
];

export const PHOTO_DOS: readonly string[] = [
  'put your ID on a plain, dark surface',
  'make sure all 4 corners of your ID are in the photo',
  'hold your phone steady, straight above your ID, so the photo is in focus',
  'use an ID that is in date',
];

export const PHOTO_DONTS: readonly string[] = [
  'do not cut off any of the corners',
  'do not send a blurry photo',
  'do not let light cause glare or shine on your ID, for example from a window or your flash',
  'do not use a document that has expired or is not on the list below',
];

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
  blurred: 'Your ID is blurred: hold the camera still so that it can focus',
  small: 'Move the camera closer, so that your ID fills most of the frame',
  'hold-still': 'That looks right. Hold still',
  capturing: 'Taking the photo',
};
