/**
 * Which way up a page of print stands, told by where its lines align before any OCR: left-aligned
 * text starts its lines at one margin and ends them ragged. The front reader reads a photo whole, turned
 * a quarter where its print runs down it, first the way up this says (readDocumentFront.ts).
 */
import type { OpenCv } from '../../engines/types.ts';
import { toGreyscale } from '../image.ts';
import type { RgbaImage } from '../types.ts';
import { inkMarks, lineRuns, MAX_WORD_ASPECT } from './measureTextPage.ts';

/**
 * Whether the image's print reads upside down by the way its lines align: left-aligned text (a
 * letter, a recipe, a form's labels) starts its lines at one margin and ends them ragged, so turned
 * half round it ends them together. Upside down is said where at least MIN_ALIGNED lines end level
 * (within half a glyph height) and twice as many end level as start level; justified or centred text,
 * or too few lines, says nothing. On ../shared's 143 photos shrunk to 1100 px as the front reader reads
 * a photo whole (2026-12-06), every upright one that said anything said upright (20, tesseract's sure
 * lines confirming), save a TD2 specimen whose 5 line ends stand level against 2 starts; the recipe
 * page glare-313, turned a quarter the wrong way, said upside down (8 ends against 3 starts).
 */
export function readsUpsideDown(cv: OpenCv, image: RgbaImage): boolean {
  const { starts, ends } = lineAlignment(cv, image);
  return ends >= MIN_ALIGNED && ends >= 2 * starts;
}

/** Lines ending level that make a margin: more than a TD2 code's and labels' 5 (see readsUpsideDown). */
const MIN_ALIGNED = 6;

/**
 * The most lines of print across the image that start level with each other (within half a glyph
 * height), and the most that end level: long lines only (ALIGNED_LINE_HEIGHTS), chained as lineRuns
 * chains them.
 */
export function lineAlignment(
  cv: OpenCv,
  image: RgbaImage,
): { readonly starts: number; readonly ends: number } {
  const grey = toGreyscale(image);
  const maxHeight = Math.max(8, grey.height * 0.05);
  const marks = inkMarks(cv, grey).filter(
    (m) => m.height <= maxHeight && m.width <= m.height * MAX_WORD_ASPECT,
  );
  const heights = marks
    .filter((m) => m.width <= 2 * m.height)
    .map((m) => m.height)
    .sort((a, b) => a - b);
  const glyph = heights[Math.floor(heights.length / 2)] ?? 0;
  if (glyph === 0) return { starts: 0, ends: 0 };
  const runs = lineRuns(marks, grey.height).filter((run) => run.length >= ALIGNED_LINE_HEIGHTS * glyph);
  const mostLevel = (xs: readonly number[]) =>
    Math.max(0, ...xs.map((x) => xs.filter((other) => Math.abs(other - x) <= glyph / 2).length));
  return {
    starts: mostLevel(runs.map((run) => run.x)),
    ends: mostLevel(runs.map((run) => run.x + run.length)),
  };
}

/** A line this many glyph heights long or more is long enough to show where a margin is. */
const ALIGNED_LINE_HEIGHTS = 10;
