/**
 * The shape of a band's print as OCR would be given it (cropForOcr: glyphs scaled to a known height,
 * black on white), measured before OCR reads it (issue 13: every read bounded by a measured test). An
 * MRZ line is OCR-B at a fixed pitch (ICAO 9303-3 §4.3: 2.54 mm a character, 30, 36 or 44 of them a
 * line, the `<` fillers printed as marks too): a row of glyph-sized marks, evenly spaced, about as tall
 * as the crop's glyph height. A magazine's text, a texture or a photo's edge seen as a band is not.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, withMats } from '../cv.ts';
import type { GreyImage } from '../image.ts';

/** One row of glyph-sized marks across the crop. */
export interface CodeRowShape {
  /** Marks in the row. */
  readonly marks: number;
  /** Median step between neighbouring marks' centres, crop pixels. */
  readonly pitchPx: number;
  /** Share of steps that are one pitch, or two (a mark lost), within a quarter pitch. */
  readonly evenShare: number;
  /** From the first mark to the last, in pitches. */
  readonly lengthInPitches: number;
}

interface Mark {
  readonly cx: number;
  readonly cy: number;
  readonly height: number;
}

/**
 * The rows of glyph-sized marks in `crop`, whose glyphs were scaled to `glyphHeightPx`: marks from
 * 0.3 to 1.6 glyph heights tall (a `<` is about half a capital's height) and at most 1.5 wide; a row
 * is the marks whose centres lie within half a glyph height of each other. Rows of fewer than 5 marks
 * are left out.
 */
export function measureCodeRows(cv: OpenCv, crop: GreyImage, glyphHeightPx: number): CodeRowShape[] {
  const marks = withMats(cv, (scope) => {
    const ink = scope.mat();
    cv.threshold(greyToMat(scope, crop), ink, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const [labels, stats, centroids] = [scope.mat(), scope.mat(), scope.mat()];
    const count = cv.connectedComponentsWithStats(ink, labels, stats, centroids, 8, cv.CV_32S);
    const s = stats.data32S;
    const found: Mark[] = [];
    for (let i = 1; i < count; i++) {
      const [x, y, width, height] = [s[i * 5]!, s[i * 5 + 1]!, s[i * 5 + 2]!, s[i * 5 + 3]!];
      if (height < 0.3 * glyphHeightPx || height > 1.6 * glyphHeightPx) continue;
      if (width > 1.5 * glyphHeightPx) continue;
      found.push({ cx: x + width / 2, cy: y + height / 2, height });
    }
    return found;
  });
  return rowsOf(marks, glyphHeightPx)
    .filter((row) => row.length >= 5)
    .map(shapeOfRow);
}

function rowsOf(marks: readonly Mark[], glyphHeightPx: number): Mark[][] {
  const rows: Mark[][] = [];
  for (const mark of [...marks].sort((a, b) => a.cy - b.cy)) {
    const row = rows.find((r) => Math.abs(r[r.length - 1]!.cy - mark.cy) < 0.5 * glyphHeightPx);
    if (row) row.push(mark);
    else rows.push([mark]);
  }
  return rows;
}

function shapeOfRow(row: readonly Mark[]): CodeRowShape {
  const xs = row.map((m) => m.cx).sort((a, b) => a - b);
  const steps = xs.slice(1).map((x, i) => x - xs[i]!);
  const pitchPx = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
  const even = steps.filter(
    (step) => Math.abs(step - pitchPx) <= 0.25 * pitchPx || Math.abs(step - 2 * pitchPx) <= 0.25 * pitchPx,
  ).length;
  return {
    marks: row.length,
    pitchPx,
    evenShare: even / Math.max(1, steps.length),
    lengthInPitches: pitchPx > 0 ? (xs[xs.length - 1]! - xs[0]!) / pitchPx + 1 : 0,
  };
}

/**
 * What a row must show to be read as a code line. Measured (`npm run eval`'s sets, 2026-12-05) on the
 * 196 bands whose OCR read an MRZ (fixtures, ../shared/real-ids, real-photos): every one held a row of
 * 22 marks or more (a line cut off by the photo's edge; whole lines 30, 36 or 44), 97% or more of its
 * steps even, 30 to 47 pitches long. The 602 bands that read no MRZ (a magazine's lines, a cheque's
 * E-13B line, textures, a licence's fields) mostly showed no such row, and took 43 of their 64 s of
 * OCR. The bounds below leave room for a line half lost to glare or blur: 15 marks, 75% even, and no
 * longer than a 44-character line with a quarter to spare.
 */
export const CODE_ROW = { minMarks: 15, minEvenShare: 0.75, maxLengthInPitches: 55 } as const;

/** Pure: whether any row is shaped like a line of an MRZ (CODE_ROW). */
export function hasCodeRow(rows: readonly CodeRowShape[]): boolean {
  return rows.some(
    (row) =>
      row.marks >= CODE_ROW.minMarks &&
      row.evenShare >= CODE_ROW.minEvenShare &&
      row.lengthInPitches <= CODE_ROW.maxLengthInPitches,
  );
}
