/**
 * The outline search's thresholds. See README.md in this folder for where each came from.
 */
export const OUTLINE_THRESHOLDS = {
  /** A candidate covering less of the frame than this is not a document (the "small" fixtures are ~6%). */
  minAreaShare: 0.015,
  /**
   * Long side over short side, measured on the photo. ID-1 cards are 1.585 and passport pages 1.42
   * (ICAO 9303 part 3); perspective and a cut-off edge stretch that, so the range is generous.
   */
  minAspect: 1.15,
  maxAspect: 2.1,
  /**
   * Where the hull has more than four sides, the document's own are those at least this share of the
   * longest side (a card's short side is 63% of its long one, and may be half hidden)...
   */
  minOwnSideShare: 0.25,
  /** ...with at least this share of their length on edges (a chord from card to finger has almost none). */
  minOwnSideSupport: 0.6,
  /** Share of each side's length that must lie on detected edges for the quad to be believed. */
  minEdgeSupport: 0.45,
  /**
   * A corner is covered when, on both its sides, the border starts at least this share of the short
   * side away from it (sharp fixtures: at most 0.045; a thumb over a corner: 0.06 to 0.11)...
   */
  coveredBorderGap: 0.055,
  /** ...and at least this many times as far as at any other corner in the photo. */
  coveredGapOverOthers: 2,
  /** How far outside the photo (share of its width or height) a corner may lie and still be believed. */
  maxCornerReach: 0.35,
  /** How far outside the frame (share of the photo's diagonal) a corner must lie to count as cut off. */
  outsideTolerance: 0.004,
} as const;
