/** The rehearsal of NHS login's video step: its checks, in the same form as the photo's rules. */
import type { Status } from '../types.ts';

export type RehearsalCheckId =
  'one-face' | 'face-framed' | 'face-visible' | 'light' | 'voice' | 'numbers-shown';

/** The face checks, judged on every frame the worker has time for. */
export const FACE_CHECK_IDS = ['one-face', 'face-framed', 'face-visible', 'light'] as const;
export type FaceCheckId = (typeof FACE_CHECK_IDS)[number];

export interface RehearsalCheck<Id extends RehearsalCheckId = RehearsalCheckId> {
  readonly id: Id;
  readonly status: Status;
  /** What we found, in plain words. */
  readonly message: string;
  /** What to do about it ('' when nothing needs doing). */
  readonly advice: string;
  /** The numbers behind the status. */
  readonly evidence: Readonly<Record<string, unknown>>;
}
