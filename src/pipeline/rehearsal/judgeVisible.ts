/** `face-visible`: "your face is clear and not covered, for example by a hat or glasses" (NHS login's help). */
import type { DetectedFace, NormalisedBox, NormalisedPoint } from '../face/types.ts';
import type { RgbaImage } from '../types.ts';
import { FACE_THRESHOLDS, round } from './faceThresholds.ts';
import { lumaStats } from './lumaStats.ts';
import type { RehearsalCheck } from './types.ts';

export function judgeVisible(image: RgbaImage, face: DetectedFace): RehearsalCheck<'face-visible'> {
  const id = 'face-visible';
  const t = FACE_THRESHOLDS;
  const { box, landmarks } = face;
  const outside = shareOutside(box);
  const eyeDistance = Math.hypot(
    (landmarks.leftEye[0] - landmarks.rightEye[0]) * image.width,
    (landmarks.leftEye[1] - landmarks.rightEye[1]) * image.height,
  );
  const eyes = [landmarks.rightEye, landmarks.leftEye].map((eye) => measureEye(image, eye, eyeDistance));
  const evidence = {
    score: round(face.score),
    outside: round(outside),
    eyeShine: eyes.map((eye) => round(eye.shine)),
    eyeContrast: eyes.map((eye) => Math.round(eye.contrast)),
  };
  if (outside > t.maxBoxOutside)
    return {
      id,
      status: 'fail',
      message: 'Part of your face is outside the video.',
      advice: 'Move so that all of your face, from your hair to your chin, is in the video.',
      evidence,
    };
  if (eyes.some((eye) => eye.shine > t.maxEyeShine))
    return {
      id,
      status: 'fail',
      message: 'Shine hides your eyes.',
      advice: 'Tilt your glasses down a little or take them off, or move away from a light in front of you.',
      evidence,
    };
  if (eyes.some((eye) => eye.contrast < t.minEyeContrast))
    return {
      id,
      status: 'unsure',
      message: 'We cannot make out your eyes.',
      advice: 'Keep your eyes open and uncovered: no sunglasses, hat brim or hair over them.',
      evidence,
    };
  if (face.score < t.confidentScore)
    return {
      id,
      status: 'unsure',
      message: 'We can only partly see your face.',
      advice: 'Make sure nothing covers your face: no hat, no hand, no mask.',
      evidence,
    };
  return { id, status: 'pass', message: 'We can see your eyes and your whole face.', advice: '', evidence };
}

/** The share of the box's area that lies outside the frame. */
function shareOutside(box: NormalisedBox): number {
  const inside =
    Math.max(0, Math.min(1, box.x + box.width) - Math.max(0, box.x)) *
    Math.max(0, Math.min(1, box.y + box.height) - Math.max(0, box.y));
  return 1 - inside / (box.width * box.height);
}

/** An eye's patch, a third of the eye distance across: its shine and how much detail it has. */
function measureEye(image: RgbaImage, eye: NormalisedPoint, eyeDistance: number) {
  const half = Math.max(2, Math.round(eyeDistance / 6));
  const cx = Math.round(eye[0] * image.width);
  const cy = Math.round(eye[1] * image.height);
  const stats = lumaStats(image, cx - half, cy - half, cx + half, cy + half);
  return { shine: stats.count === 0 ? 0 : stats.shine / stats.count, contrast: stats.deviation };
}
