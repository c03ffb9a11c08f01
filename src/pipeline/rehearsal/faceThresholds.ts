/**
 * The thresholds of the face checks (judgeFace.ts), shared by the file of each check. Where each number
 * came from is in README.md beside this file.
 */
export const FACE_THRESHOLDS = {
  /** A detection at least this sure is a face; between MIN_FACE_SCORE (0.5) and this, maybe one. */
  confidentScore: 0.75,
  /** Face box height as a share of the frame's: smaller is too far away, larger too close. */
  minHeight: 0.25,
  maxHeight: 0.75,
  /** How far the face box's centre may sit from the frame's centre, as a share of its width and height. */
  maxOffCentreX: 0.2,
  maxOffCentreY: 0.22,
  /** Nose tip off the eyes' midpoint, in eye distances: beyond this the head is turned aside. */
  maxTurn: 0.3,
  /** The line through the eyes off level, degrees. */
  maxTiltDegrees: 15,
  /** How much of the face box may lie outside the frame before part of the face is cut off. */
  maxBoxOutside: 0.04,
  /** Luma at or above this is shine (0..255). */
  shineLuma: 245,
  /** Share of an eye's patch that is shine before the eye counts as hidden by it. */
  maxEyeShine: 0.12,
  /** Standard deviation of luma across an eye's patch below which no eye can be made out. */
  minEyeContrast: 10,
  /** Mean luma of the face's middle: below is too dark, above too bright. */
  minFaceLuma: 70,
  maxFaceLuma: 210,
  /** Backlit: the background this much brighter than the face, and at least `backlitBackground`. */
  backlitDifference: 60,
  backlitBackground: 170,
  /** With no face found, a frame whose mean luma is past these is too dark or too bright to see one. */
  minFrameLuma: 40,
  maxFrameLuma: 225,
} as const;

/** Evidence is rounded to hundredths: enough to read, short enough to log. */
export const round = (value: number) => Math.round(value * 100) / 100;
