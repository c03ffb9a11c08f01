/**
 * The shape of a band's print as OCR would be given it (cropForOcr: glyphs scaled to a known height,
 * black on white), measured before OCR reads it (issue 13: every read bounded by a measured test). An
 * MRZ line is OCR-B at a fixed pitch (ICAO 9303-3 §4.3: 2.54 mm a character, 30, 36 or 44 of them a
 * line, the `<` fillers printed as marks too): a row of glyph-sized marks, evenly spaced, about as tall
 * as the crop's glyph height. A magazine's text, a texture or a photo's edge seen as a band is not.
 */
import type { OpenCv } from '../../engines/types.ts';
import { componentBoxes, greyToMat, withMats } from '../cv.ts';
import type { GreyImage } from '../image.ts';

/** One row of glyph-sized marks across the crop. */
export interface CodeRowShape {
  /** Marks in the row. */
  readonly marks: number;
  /** Median step between neighbouring marks' centres, crop pixels. */
  readonly pitchPx: number;
  /** Share of steps that are one pitch (within a fifth), or two (a mark lost; within 0.3). */
  readonly evenShare: number;
  /** From the first mark to the last, in pitches. */
  readonly lengthInPitches: number;
}

/** A glyph-like mark: a connected component of the crop's Otsu ink, crop pixels. */
export interface CodeMark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly cx: number;
  readonly cy: number;
}
type Mark = CodeMark;

/**
 * The rows of glyph-like marks in `crop`, whose glyphs were scaled to about `glyphHeightPx`: marks
 * at least MIN_MARK_PX and at most 1.6 glyph heights tall, and no wider than 1.5 times their own
 * height (a `<` is about as wide as high), chained into rows (rowsOf). The marks' own heights set
 * the rows, not `glyphHeightPx`: a band's line
 * height as located can be three times its glyphs' (two lines taken for one on a booklet's page), and
 * its code is read all the same. Rows of fewer than 5 marks are left out.
 */
export function measureCodeRows(cv: OpenCv, crop: GreyImage, glyphHeightPx: number): CodeRowShape[] {
  return codeMarkRows(cv, crop, glyphHeightPx).rows.map(shapeOfRow);
}

/**
 * The rows measureCodeRows measures, each its marks left to right, and every component of the crop's
 * ink (marks or not: a glyph merged with its neighbour, a faint filler's pieces), for a reader that
 * cuts the rows into glyphs (readCodeByOutlines.ts).
 */
export function codeMarkRows(
  cv: OpenCv,
  crop: GreyImage,
  glyphHeightPx: number,
): { readonly rows: readonly (readonly CodeMark[])[]; readonly components: readonly CodeMark[] } {
  // A band's crop is measured (measureCodeRows) and then read by its outlines (readCodeByOutlines.ts)
  // at the same glyph height: its marks are found once (issue 13: ~1 ms a 12 MP check).
  const known = measured.get(crop);
  if (known?.glyphHeightPx === glyphHeightPx) return known.marks;
  const marks = markRowsOf(cv, crop, glyphHeightPx);
  measured.set(crop, { glyphHeightPx, marks });
  return marks;
}

const measured = new WeakMap<
  GreyImage,
  { readonly glyphHeightPx: number; readonly marks: ReturnType<typeof codeMarkRows> }
>();

function markRowsOf(
  cv: OpenCv,
  crop: GreyImage,
  glyphHeightPx: number,
): { rows: CodeMark[][]; components: CodeMark[] } {
  const components = withMats(cv, (scope) => {
    const ink = scope.mat();
    cv.threshold(greyToMat(scope, crop), ink, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    return componentBoxes(scope, ink).map(({ x, y, width, height }) => ({
      x,
      y,
      width,
      height,
      cx: x + width / 2,
      cy: y + height / 2,
    }));
  });
  const marks = components.filter(
    ({ width, height }) => height >= MIN_MARK_PX && height <= 1.6 * glyphHeightPx && width <= 1.5 * height,
  );
  return { rows: rowsOf(marks).filter((row) => row.length >= 5), components };
}

/** Smaller marks are specks: no OCR reads glyphs this small. */
const MIN_MARK_PX = 5;

/**
 * Marks chained along their line: each to the nearest mark to its right whose centre is within 0.4 of
 * the taller one's height of its own and at most three heights on (two marks lost). Chaining, not
 * cutting the crop into horizontal strips, keeps a slanted line whole and two close lines apart.
 */
function rowsOf(marks: readonly Mark[]): Mark[][] {
  const sorted = [...marks].sort((a, b) => a.cx - b.cx);
  const next = new Map<Mark, Mark>();
  const taken = new Set<Mark>();
  sorted.forEach((mark, i) => {
    for (let j = i + 1; j < sorted.length; j++) {
      const other = sorted[j]!;
      const height = Math.max(mark.height, other.height);
      if (other.cx - mark.cx > 3 * height) break;
      if (other.cx === mark.cx || taken.has(other) || Math.abs(other.cy - mark.cy) >= 0.4 * height) continue;
      next.set(mark, other);
      taken.add(other);
      return;
    }
  });
  return sorted
    .filter((mark) => !taken.has(mark))
    .map((first) => {
      const row = [first];
      for (let at = next.get(first); at; at = next.get(at)) row.push(at);
      return row;
    });
}

/** A row's marks as measured: how many, at what pitch, how evenly, how long. */
export function shapeOfRow(row: readonly Mark[]): CodeRowShape {
  const xs = row.map((m) => m.cx).sort((a, b) => a - b);
  const steps = xs.slice(1).map((x, i) => x - xs[i]!);
  const pitchPx = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
  const even = steps.filter(
    (step) => Math.abs(step - pitchPx) <= 0.2 * pitchPx || Math.abs(step - 2 * pitchPx) <= 0.3 * pitchPx,
  ).length;
  return {
    marks: row.length,
    pitchPx,
    evenShare: even / Math.max(1, steps.length),
    lengthInPitches: pitchPx > 0 ? (xs[xs.length - 1]! - xs[0]!) / pitchPx + 1 : 0,
  };
}

/**
 * What a row must show to be read as a code line. Measured (2026-12-05) on the 849 bands the search
 * read first over the fixtures, ../shared/real-ids, real-photos and the eval's composites: each of
 * the 173 that read an MRZ held a row of 18 marks or more (a line a finger or the photo's edge cut;
 * whole lines 30, 36 or 44), 93% or more of its steps even (78% on one line of three under a red
 * stamp), 22 to 47 pitches long; of the 676 that read none (a magazine's lines, Chinese print, a
 * cheque's E-13B line, textures), 448 showed no such row, and theirs was 84 of the 112 s of OCR
 * spent on bands that read no code. 18 marks is 60% of the shortest line.
 */
export const CODE_ROW = { minMarks: 18, minEvenShare: 0.8, maxLengthInPitches: 55 } as const;
/**
 * A band of an MRZ holds its 1 to 3 lines (on the composites, up to 6 rows where a finger or the
 * photo's edge broke them) and perhaps a line of print in its margin. A crop of more rows than this is
 * a page's small text taken for one line (glare-447's cookbook page: a band 157 px high over 25 rows
 * of 6 px print, one of them 21 marks at 90% even, read for 1-4 s).
 */
const MAX_CODE_BAND_ROWS = 12;

/** Pure: whether any row is shaped like a line of an MRZ (CODE_ROW), among no more than a band's rows. */
export function hasCodeRow(rows: readonly CodeRowShape[]): boolean {
  return (
    rows.length <= MAX_CODE_BAND_ROWS &&
    rows.some(
      (row) =>
        row.marks >= CODE_ROW.minMarks &&
        row.evenShare >= CODE_ROW.minEvenShare &&
        row.lengthInPitches <= CODE_ROW.maxLengthInPitches,
    )
  );
}
