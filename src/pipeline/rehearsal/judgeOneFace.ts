/** `one-face`: "only your face is in the video" (NHS login's help). */
import type { DetectedFace } from '../face/types.ts';
import { FACE_THRESHOLDS, round } from './faceThresholds.ts';
import type { RehearsalCheck } from './types.ts';

export function judgeOneFace(faces: readonly DetectedFace[]): RehearsalCheck<'one-face'> {
  const id = 'one-face';
  const confident = faces.filter((face) => face.score >= FACE_THRESHOLDS.confidentScore).length;
  const evidence = { faces: faces.length, confident, scores: faces.map((face) => round(face.score)) };
  if (confident > 1)
    return {
      id,
      status: 'fail',
      message: `We can see ${confident} faces.`,
      advice: 'Make sure only your face is in the video: nobody behind you, and no photos of faces in view.',
      evidence,
    };
  if (confident === 1 && faces.length === 1)
    return { id, status: 'pass', message: 'We can see one face: yours.', advice: '', evidence };
  if (confident === 1)
    return {
      id,
      status: 'unsure',
      message: 'We can see your face, and maybe another one.',
      advice: 'Make sure only your face is in the video: nobody behind you, and no photos of faces in view.',
      evidence,
    };
  if (faces.length > 0)
    return {
      id,
      status: 'unsure',
      message: 'We can only just make out a face.',
      advice: 'Face the camera directly, with light on your face.',
      evidence,
    };
  return {
    id,
    status: 'fail',
    message: 'We cannot see a face.',
    advice: 'Face the camera, with your whole face in the video and light on it.',
    evidence,
  };
}
