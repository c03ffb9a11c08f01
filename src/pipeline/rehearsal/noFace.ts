import type { FaceCheckId, RehearsalCheck } from './types.ts';

/** A face check that cannot be judged because no face was found in the frame. */
export function noFace<Id extends FaceCheckId>(
  id: Id,
  evidence: Record<string, unknown> = {},
): RehearsalCheck<Id> {
  return {
    id,
    status: 'unsure',
    message: 'We will check this once we can see your face.',
    advice: 'Face the camera, with your whole face in the video.',
    evidence,
  };
}
