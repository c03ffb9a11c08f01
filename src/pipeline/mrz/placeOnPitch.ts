/**
 * Line segmentation by the ICAO pitch (README.md, step 3): an MRZ's characters stand on an even grid,
 * 2.54 mm apart (ICAO 9303 part 3: ten characters to 25.4 mm), so each glyph OCR found belongs to the
 * column its place along the line says, not to the one its count says. A guilloche stroke or a speck
 * read as an extra glyph then shares a column with a real one instead of pushing the rest of the line
 * along (`ORWNEK` for `ORNEK`); a filler OCR dropped leaves its own column empty; a mark beyond either
 * end of the line falls outside it. Reads at several scales then agree column by column.
 */
import { evidenceOf, unlikenedGlyph, type ReadGlyph } from './evidence.ts';

/** The least glyphs worth fitting a pitch to (shapeMrzLines reads no shorter line). */
const MIN_PLACED = 20;
/** A line spanning more columns than its layout by more than this is not one MRZ line: left as read. */
const MAX_EXTRA_COLUMNS = 6;

/**
 * The line's glyphs put into `length` columns by where they stand, or null when OCR gave no places
 * (text read without boxes) or the places fit no even pitch. Two glyphs in one column: the one the
 * evidence backs more. An empty column: a filler (fillers are what OCR drops). More columns than
 * `length`: the run of `length` holding most glyphs; fewer: fillers after the last.
 */
export function placeOnPitch(line: readonly ReadGlyph[], length: number): ReadGlyph[] | null {
  const centres = line.map((glyph) => (glyph.xSpan ? (glyph.xSpan[0] + glyph.xSpan[1]) / 2 : null));
  if (line.length < MIN_PLACED || centres.some((centre) => centre === null)) return null;
  const columns = columnsOf(centres as number[]);
  if (!columns) return null;
  const first = Math.min(...columns);
  const span = Math.max(...columns) - first + 1;
  if (span > length + MAX_EXTRA_COLUMNS) return null;
  let start = first;
  let most = -1;
  for (let from = first; from <= first + Math.max(0, span - length); from++) {
    const count = columns.filter((column) => column >= from && column < from + length).length;
    if (count > most) [start, most] = [from, count];
  }
  const placed: (ReadGlyph | null)[] = Array.from({ length }, () => null);
  line.forEach((glyph, i) => {
    const at = columns[i]! - start;
    if (at < 0 || at >= length) return;
    const held = placed[at];
    if (!held || strength(glyph) > strength(held)) placed[at] = glyph;
  });
  return placed.map((glyph) => glyph ?? unlikenedGlyph('<', 0));
}

/** How well a glyph is backed: its likeness and OCR's vote for it; without an outline, OCR's confidence. */
const strength = (glyph: ReadGlyph) =>
  glyph.likeness ? Math.max(...evidenceOf(glyph)) : glyph.confidence / 100;

/**
 * Each centre's column: the pitch first from the median step between neighbours (most are one
 * column apart), then fitted by least squares to the columns it gave, twice; the grid's phase is the
 * centres' circular mean, so a stray glyph off the grid does not shift it.
 */
function columnsOf(centres: readonly number[]): number[] | null {
  const steps = centres
    .slice(1)
    .map((centre, i) => centre - centres[i]!)
    .filter((step) => step > 0)
    .sort((a, b) => a - b);
  let pitch = steps[Math.floor(steps.length / 2)];
  if (pitch === undefined || pitch <= 0) return null;
  let columns: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const p = pitch;
    const angle = (x: number) => (2 * Math.PI * x) / p;
    const sin = centres.reduce((sum, x) => sum + Math.sin(angle(x)), 0);
    const cos = centres.reduce((sum, x) => sum + Math.cos(angle(x)), 0);
    const phase = (Math.atan2(sin, cos) / (2 * Math.PI)) * p;
    columns = centres.map((x) => Math.round((x - phase) / p));
    const fitted = slope(columns, centres);
    if (fitted === null || fitted <= 0) return null;
    pitch = fitted;
  }
  return fitsGrid(centres, columns) ? columns : null;
}

/** Glyphs off their column's place by more than this share of the pitch are off the grid. */
const OFF_GRID = 0.3;
/** The share of glyphs that must stand on the grid: a stray mark or two may not. */
const ON_GRID_SHARE = 0.85;

/**
 * Whether the glyphs stand on an even grid at all: a photo's perspective or a font that is not
 * OCR-B's fixed pitch moves them off it along the line, and counting them is then the safer fit.
 */
function fitsGrid(centres: readonly number[], columns: readonly number[]): boolean {
  const pitch = slope(columns, centres)!;
  const n = centres.length;
  const offset = centres.reduce((sum, x, i) => sum + x - pitch * columns[i]!, 0) / n;
  const onGrid = centres.filter(
    (x, i) => Math.abs(x - offset - pitch * columns[i]!) <= OFF_GRID * pitch,
  ).length;
  return onGrid >= ON_GRID_SHARE * n;
}

/** The least-squares slope of `ys` over `xs`, or null when the xs do not vary. */
function slope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  }
  return sxx > 0 ? sxy / sxx : null;
}
