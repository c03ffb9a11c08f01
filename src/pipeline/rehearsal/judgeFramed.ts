/** `face-framed`: the face near enough, in the middle, and facing the camera directly. */
import type { DetectedFace, NormalisedPoint } from '../face/types.ts';
import { FACE_THRESHOLDS, round } from './faceThresholds.ts';
import type { RehearsalCheck } from './types.ts';

export function judgeFramed(face: DetectedFace): RehearsalCheck<'face-framed'> {
  const id = 'face-framed';
  const t = FACE_THRESHOLDS;
  const { box, landmarks } = face;
  const offX = box.x + box.width / 2 - 0.5;
  const offY = box.y + box.height / 2 - 0.5;
  const { turn, tiltDegrees } = headPose(landmarks.rightEye, landmarks.leftEye, landmarks.noseTip);
  const evidence = {
    height: round(box.height),
    offCentre: [round(offX), round(offY)],
    turn: round(turn),
    tiltDegrees: Math.round(tiltDegrees),
  };
  const fail = (message: string, advice: string): RehearsalCheck<'face-framed'> => ({
    id,
    status: 'fail',
    message,
    advice,
    evidence,
  });
  if (box.height < t.minHeight)
    return fail(
      'Your face is too small in the video.',
      'Move closer to the camera, so that your face fills about a third of the video from top to bottom.',
    );
  if (box.height > t.maxHeight)
    return fail(
      'Your face is too close to the camera.',
      'Move back a little, so that all of your head is in the video.',
    );
  if (Math.abs(offX) > t.maxOffCentreX || Math.abs(offY) > t.maxOffCentreY)
    return fail(
      'Your face is not in the middle of the video.',
      `Move ${placeAdvice(offX, offY)}, so that your face is in the middle of the video.`,
    );
  if (Math.abs(turn) > t.maxTurn)
    return fail(
      'Your face is turned away from the camera.',
      'Face the camera directly, looking straight at it.',
    );
  if (Math.abs(tiltDegrees) > t.maxTiltDegrees)
    return fail(
      'Your head is tilted to one side.',
      'Hold your head straight, looking directly at the camera.',
    );
  return {
    id,
    status: 'pass',
    message: 'Your face is in the middle, facing the camera.',
    advice: '',
    evidence,
  };
}

/**
 * Which way to move, as the person sees themselves: the preview is mirrored, so a face on the image's
 * left is on their right side of the screen. Said as where the face should go on the screen.
 */
function placeAdvice(offX: number, offY: number): string {
  const t = FACE_THRESHOLDS;
  const parts: string[] = [];
  if (Math.abs(offY) > t.maxOffCentreY)
    parts.push(offY < 0 ? 'lower in the picture' : 'higher in the picture');
  if (Math.abs(offX) > t.maxOffCentreX) parts.push('towards the middle of the picture');
  return parts.join(' and ');
}

/**
 * How far the head is turned (the nose tip's distance from the eyes' midpoint along the eye line, in
 * eye distances: 0 facing the camera) and tilted (the eye line's angle off level).
 */
export function headPose(
  rightEye: NormalisedPoint,
  leftEye: NormalisedPoint,
  noseTip: NormalisedPoint,
): { turn: number; tiltDegrees: number } {
  const dx = leftEye[0] - rightEye[0];
  const dy = leftEye[1] - rightEye[1];
  const eyeDistance = Math.hypot(dx, dy) || 1e-6;
  const midX = (leftEye[0] + rightEye[0]) / 2;
  const midY = (leftEye[1] + rightEye[1]) / 2;
  const along = ((noseTip[0] - midX) * dx + (noseTip[1] - midY) * dy) / eyeDistance;
  return { turn: along / eyeDistance, tiltDegrees: (Math.atan2(dy, dx) * 180) / Math.PI };
}
