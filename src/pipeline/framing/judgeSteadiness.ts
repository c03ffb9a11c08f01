/**
 * Whether the document has been held still, passing, for long enough to take the photo: over the
 * latest run of analysed frames that would all pass, the outline's corners have stayed put.
 */
import { distance } from '../geometry.ts';
import type { ImagePoint, Quad } from '../types.ts';

export const STEADINESS = {
  /**
   * The run of passing frames must last this long. Long enough that a document sliding through a good
   * position is not taken (at 15 analysed frames a second, five or more frames agree), short enough to
   * leave most of issue 6's one second for taking the photo.
   */
  minSpanMs: 300,
  /** ...and hold at least this many frames, whatever the frame rate. */
  minFrames: 3,
  /**
   * How far any corner may drift from where it is in the latest frame, as a share of the frame's
   * diagonal: 1% is 15 px at 1280×720, above the outline's own jitter on a still card at the framing
   * scale (one pixel of the 480-px copy is 2.7 px of the frame) and far below a card being moved into
   * place.
   */
  maxCornerDriftShare: 0.01,
} as const;

export interface FramedMoment {
  /** When the frame was captured, in ms on any one clock. */
  readonly atMs: number;
  /** In frame pixels. */
  readonly outline: Quad<ImagePoint> | null;
  /** Whether a photo of this frame would pass both photo rules (FramingReport.problem === null). */
  readonly passes: boolean;
  readonly width: number;
  readonly height: number;
}

export interface Steadiness {
  readonly steady: boolean;
  /** When the latest run of passing frames whose corners stayed put began, or null without one. */
  readonly sinceMs: number | null;
}

/** `moments` oldest first. Steady when the latest run of passing, unmoved frames is long enough. */
export function judgeSteadiness(moments: readonly FramedMoment[]): Steadiness {
  const latest = moments.at(-1);
  if (!latest?.passes || !latest.outline) return { steady: false, sinceMs: null };
  const maxDrift = STEADINESS.maxCornerDriftShare * Math.hypot(latest.width, latest.height);
  let first = latest;
  let frames = 0;
  for (let i = moments.length - 1; i >= 0; i--) {
    const moment = moments[i]!;
    if (!moment.passes || !moment.outline) break;
    const quad = moment.outline;
    if (latest.outline.some((corner, c) => distance(corner, quad[c]!) > maxDrift)) break;
    first = moment;
    frames++;
  }
  const steady = frames >= STEADINESS.minFrames && latest.atMs - first.atMs >= STEADINESS.minSpanMs;
  return { steady, sinceMs: first.atMs };
}
