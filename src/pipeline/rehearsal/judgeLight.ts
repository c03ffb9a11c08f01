/** `light`: "the video is not too light or dark" (NHS login's help), and not lit from behind. */
import type { DetectedFace } from '../face/types.ts';
import type { RgbaImage } from '../types.ts';
import { FACE_THRESHOLDS } from './faceThresholds.ts';
import { lumaStats, type LumaStats } from './lumaStats.ts';
import { noFace } from './noFace.ts';
import type { RehearsalCheck } from './types.ts';

export function judgeLight(image: RgbaImage, face: DetectedFace | undefined): RehearsalCheck<'light'> {
  const frame = lumaStats(image, 0, 0, image.width, image.height);
  return face ? judgeFaceLight(measureFaceLight(image, face, frame)) : judgeFrameLight(frame);
}

/** With no face found: only a frame too dark or too bright to see one in can be judged. */
function judgeFrameLight(frame: LumaStats): RehearsalCheck<'light'> {
  const id = 'light';
  const t = FACE_THRESHOLDS;
  const evidence = { frameLuma: Math.round(frame.mean) };
  if (frame.mean < t.minFrameLuma)
    return {
      id,
      status: 'fail',
      message: 'The video is too dark.',
      advice: 'Turn on a light, or face a window, so that light falls on your face.',
      evidence,
    };
  if (frame.mean > t.maxFrameLuma)
    return {
      id,
      status: 'fail',
      message: 'The video is too bright.',
      advice: 'Move away from bright light, such as sunshine on the camera.',
      evidence,
    };
  return noFace(id, evidence);
}

interface FaceLight {
  /** Mean luma of the face's middle half. */
  readonly face: number;
  /** Mean luma of the frame outside the widened face box. */
  readonly background: number;
}

function measureFaceLight(image: RgbaImage, face: DetectedFace, frame: LumaStats): FaceLight {
  // The face's middle half: the box's edges take in hair and background.
  const { box } = face;
  const x0 = Math.round((box.x + box.width / 4) * image.width);
  const y0 = Math.round((box.y + box.height / 4) * image.height);
  const x1 = Math.round((box.x + (box.width * 3) / 4) * image.width);
  const y1 = Math.round((box.y + (box.height * 3) / 4) * image.height);
  const middle = lumaStats(image, x0, y0, x1, y1);
  // The background: the frame less the face box, widened to take in the hair and shoulders' edges.
  const around = lumaStats(
    image,
    Math.round((box.x - box.width * 0.25) * image.width),
    Math.round((box.y - box.height * 0.25) * image.height),
    Math.round((box.x + box.width * 1.25) * image.width),
    Math.round((box.y + box.height * 1.25) * image.height),
  );
  const backgroundCount = frame.count - around.count;
  const background =
    backgroundCount > 0
      ? (frame.mean * frame.count - around.mean * around.count) / backgroundCount
      : frame.mean;
  return { face: middle.mean, background };
}

function judgeFaceLight({ face, background }: FaceLight): RehearsalCheck<'light'> {
  const id = 'light';
  const t = FACE_THRESHOLDS;
  const evidence = { faceLuma: Math.round(face), backgroundLuma: Math.round(background) };
  if (background >= t.backlitBackground && background - face >= t.backlitDifference)
    return {
      id,
      status: 'fail',
      message: 'The light is behind you, so your face is in shadow.',
      advice: 'Turn so that the light, or the window, is in front of you, not behind you.',
      evidence,
    };
  if (face < t.minFaceLuma)
    return {
      id,
      status: 'fail',
      message: 'Your face is too dark.',
      advice: 'Turn on a light, or face a window, so that light falls on your face.',
      evidence,
    };
  if (face > t.maxFaceLuma)
    return {
      id,
      status: 'fail',
      message: 'Your face is too bright.',
      advice: 'Move away from bright light on your face, such as direct sunshine.',
      evidence,
    };
  return { id, status: 'pass', message: 'Your face is evenly lit.', advice: '', evidence };
}
