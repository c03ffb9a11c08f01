/**
 * What the portrait on the document says about the photo: shine or a finger over the holder's face,
 * which NHS login asks to see clearly. `clear-photo` judges it (clearPhoto.ts); a face found is also
 * evidence that the object is an identity document (`measures.portrait.face`).
 */
import type { PortraitMeasure } from '../types.ts';

/**
 * Calibrated on the fixtures (portrait-glare and portrait-covered against every clean portrait) and
 * on ../shared (every real document whose portrait was found or expected): portrait/README.md has the
 * figures. Where no face was found, only where the portrait should be is judged, so the bar is higher.
 */
export const PORTRAIT_LIMITS = {
  /** Share of the face under shine (bright, colourless cells). */
  maxGlareOverFace: 0.15,
  /** Share of where the face should be under shine, when no face was found. */
  maxGlareOverExpectedFace: 0.3,
  /** Share of the face under a skin-coloured blob reaching in from the document's edge. */
  maxCoveredFace: 0.2,
  /** The same, over where the face should be, when no face was found. */
  maxCoveredExpectedFace: 0.3,
} as const;

export type PortraitProblem = 'glare-over-portrait' | 'portrait-covered';

/**
 * Shine first (the person can tilt the ID), then a finger. Nothing is judged where the portrait was
 * not looked at, or where this side has no portrait and no face was found (a card's back).
 */
export function portraitProblemOf(portrait: PortraitMeasure | undefined): PortraitProblem | null {
  if (!portrait || portrait.judgedOver === null) return null;
  const overFace = portrait.judgedOver === 'face';
  const limits = PORTRAIT_LIMITS;
  if (portrait.glare > (overFace ? limits.maxGlareOverFace : limits.maxGlareOverExpectedFace))
    return 'glare-over-portrait';
  if (portrait.covered > (overFace ? limits.maxCoveredFace : limits.maxCoveredExpectedFace))
    return 'portrait-covered';
  return null;
}
