/**
 * The numbers behind `numbers-shown` (README.md beside this file says where each came from): finding a
 * sheet held up (findSheet.ts), and judging what was read on it (judgeNumbersShown.ts).
 */
export const SHEET_THRESHOLDS = {
  /** The frame is looked at this many cells across its longer side (4 px cells in 640 × 480). */
  gridCells: 160,
  /** A paper-like cell: mean luma at least this ... */
  minLuma: 110,
  /** ... and its channels within this share of the brightest (white paper under warm or cool light). */
  colourless: 0.2,
  /** Neighbouring cells join one region when their luma differs by at most this. */
  joinStep: 12,
  /** A cell on an edge, not paper: luma differing by more than this across it (two cells apart). */
  edgeStep: 16,
  /** The sheet's box: at least this share of the frame ... */
  minAreaShare: 0.03,
  /** ... filled at least this much by the paper and what it encloses (a sheet turned 15° fills 0.65) ... */
  minFill: 0.6,
  /** ... and no longer than this many times its width (or the reverse). */
  maxAspect: 4,
  /** Ink: a pixel on the sheet at least this share darker than the paper. */
  inkContrast: 0.4,
  /** Writing: ink on at least this share of the sheet. */
  minInkShare: 0.01,
} as const;
