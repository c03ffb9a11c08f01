/** The rehearsal page's words. NHS login's own, where it has them, are quoted from its help. */
import type { RehearsalCheckId } from '../../pipeline/rehearsal/types.ts';
import type { Status } from '../../pipeline/types.ts';
import type { HowToGiveNumbers, MediaProblemCode } from './rehearsalSession.ts';

/** Where the page lives: a fragment of the app's one page, so no server route is needed. */
export const REHEARSAL_HASH = '#practise-video-step';

export const REHEARSAL_LINK_TEXT = 'Practise the video step';

export const CHECK_TITLES: Readonly<Record<RehearsalCheckId, string>> = {
  'one-face': 'Only your face in the video',
  'face-framed': 'Face in the middle, facing the camera',
  'face-visible': 'Eyes and whole face visible',
  light: 'Not too light or dark',
  voice: '4 numbers heard',
  'numbers-shown': 'Your 4 numbers written and held up',
};

export const HOW_TO_GIVE: Readonly<
  Record<HowToGiveNumbers, { readonly label: string; readonly hint: string }>
> = {
  say: { label: 'Say the numbers', hint: 'Say each number out loud, with a short pause after each one.' },
  sign: {
    label: 'Sign the numbers in British Sign Language',
    hint: 'Sign each number with your face in view.',
  },
  write: {
    label: 'Write the numbers down and hold them up',
    hint: 'Write the numbers large and dark on paper, then hold the paper up next to your face. The live picture shows you as a mirror does, so your writing looks back to front there; your recording shows it the right way round.',
  },
};

/** What the page cannot check, said plainly, for each way of giving the numbers. */
export const LIMITS: Readonly<Record<HowToGiveNumbers, string>> = {
  say: 'Nothing on this device turns speech into text, so we do not check which numbers you said: only that we heard 4 separate numbers, clearly. Play your video back to check you said the right ones.',
  sign: 'We do not read sign language, so we only check your face and the light. Play your video back to check your signs are clear and in view.',
  write:
    'We read the numbers you hold up where we can, on this device: nothing is sent. Handwriting is hard to read, so if we are not sure we say so. Play your video back to check the numbers are large, dark and in view.',
};

export const VERDICT_TEXT: Readonly<Record<Status, string>> = {
  pass: 'Everything we can check looks right.',
  fail: 'Something needs fixing before you do the real video.',
  unsure: 'We cannot tell yet.',
};

export const MEDIA_PROBLEMS: Readonly<Record<MediaProblemCode, string>> = {
  'media-denied':
    'You did not allow this page to use your camera and microphone. Allow them in your browser’s settings, then try again.',
  'media-missing': 'We could not find a camera and microphone on this device.',
  'media-unavailable':
    'Your camera or microphone could not be started. Close other apps that use them, then try again.',
};
