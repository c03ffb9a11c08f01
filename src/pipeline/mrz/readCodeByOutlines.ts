/**
 * An MRZ reader of our own, for a clean code (issue 13: a clean passport need not wait for
 * tesseract's 1 MB core). The crop OCR is given (cropForOcr: glyphs about 32 px high, black print on
 * white) is cut into glyphs by the ICAO grid, and each glyph is classified by OCR-B's own outlines
 * (classifyGlyphs.ts). ICAO 9303-3 §4.3 puts an MRZ's characters at a fixed pitch (2.54 mm), its lines
 * in one column and of one length (30, 36 or 44): the code's rows of marks (codeLineShape.ts) give the
 * grid, and every column of it is a glyph, whether its marks merged with a neighbour's or a faint
 * filler fell under the ink's threshold. Returns what tesseract would (OcrLine[], boxes in crop pixels)
 * or nothing where the crop shows no such grid: the caller then reads it with tesseract.
 */
import type { OcrGlyph, OcrLine, OpenCv } from '../../engines/types.ts';
import { cropGrey, type GreyImage } from '../image.ts';
import { MRZ_ALPHABET, rectIn } from '../types.ts';
import { correlateGlyphs, glyphInks, glyphShapes, likenessOf, type GlyphInk } from './classifyGlyphs.ts';
import type { ReadGlyph } from './evidence.ts';
import { codeMarkRows, shapeOfRow, type CodeMark } from './codeLineShape.ts';
import { glyphGrids, tellApart } from './tellApart.ts';

/**
 * What a code row must show to be cut by the grid: most of a line's characters as marks (18: 60% of
 * the shortest line, as codeLineShape's CODE_ROW), nearly all steps one or two pitches.
 */
const GRID_ROW = { minMarks: 18, minEvenShare: 0.9 } as const;
/**
 * How far a mark's centre may stand from its column's, in pitches: OCR-B's glyphs are centred in their
 * cells, and a narrow 1 or I still centres within a tenth of a pitch on the fixtures' codes.
 */
const OFF_COLUMN = 0.3;
/** The rows' first columns and pitches must agree this closely (one column, one pitch: ICAO 9303-3). */
const ROWS_AGREE = { startPitches: 0.3, pitchShare: 0.03 } as const;
/**
 * Rivals whose likeness is this close to the best's are told apart from it (confidenceOf): certainty.ts
 * asks a lead of 0.2 over every rival, and a rival further behind needs no telling.
 */
const NEAR_RIVAL = 0.25;

interface Grid {
  /** The centre of column 0 and the pitch, crop pixels. */
  readonly start: number;
  readonly pitch: number;
  /** The row's glyph band: top and bottom of its tall marks, crop pixels. */
  readonly top: number;
  readonly bottom: number;
  /** The columns its marks stand in. */
  readonly columns: readonly number[];
}

/**
 * The code's lines read by OCR-B's outlines, or [] when the crop shows no MRZ grid: two or three rows
 * of marks at one even pitch, starting in one column, one of them as long as a code line.
 */
export function readCodeByOutlines(cv: OpenCv, crop: GreyImage, glyphHeightPx: number): OcrLine[] {
  return readCodeGlyphs(cv, crop, glyphHeightPx).map((row) => row.line);
}

/** A line as readCodeByOutlines reads it, and its glyphs with their likeness and shape (evidence.ts). */
export interface OutlineRead {
  readonly line: OcrLine;
  readonly glyphs: readonly ReadGlyph[];
}

/**
 * readCodeByOutlines, with what the classifier measured of each glyph, for settleByOutlines; [] as
 * soon as a row holds a glyph `mayStand` refuses (the rest is not read).
 */
export function readCodeGlyphs(
  cv: OpenCv,
  crop: GreyImage,
  glyphHeightPx: number,
  mayStand: (glyph: ReadGlyph) => boolean = () => true,
): OutlineRead[] {
  const { rows, components } = codeMarkRows(cv, crop, glyphHeightPx);
  const codeRows = rows
    .filter((row) => {
      const shape = shapeOfRow(row);
      return row.length >= GRID_ROW.minMarks && shape.evenShare >= GRID_ROW.minEvenShare;
    })
    .sort((a, b) => median(a.map((m) => m.cy)) - median(b.map((m) => m.cy)));
  if (codeRows.length < 2 || codeRows.length > 3) return [];
  const fitted = codeRows.map(gridOf).filter((grid): grid is Grid => grid !== null);
  if (fitted.length !== codeRows.length || !rowsAgree(fitted)) return [];
  const length = lineLength(fitted);
  if (length === null) return [];
  const read: OutlineRead[] = [];
  for (const grid of fitted) {
    const row = readRow(crop, grid, length, components);
    if (!row || !row.glyphs.every(mayStand)) return [];
    read.push(row);
  }
  return read;
}

/** A row's grid: its marks' columns and a least-squares line through their centres; null off an even grid. */
function gridOf(row: readonly CodeMark[]): Grid | null {
  let pitch = shapeOfRow(row).pitchPx;
  let start = row[0]!.cx;
  let columns: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    columns = row.map((mark) => Math.round((mark.cx - start) / pitch));
    const fit = lineThrough(
      columns,
      row.map((mark) => mark.cx),
    );
    if (!fit || fit.slope <= 0) return null;
    [start, pitch] = [fit.intercept, fit.slope];
  }
  if (new Set(columns).size !== columns.length || Math.min(...columns) !== 0) return null;
  if (row.some((mark, i) => Math.abs(mark.cx - start - pitch * columns[i]!) > OFF_COLUMN * pitch))
    return null;
  const tallest = Math.max(...row.map((mark) => mark.height));
  const tall = row.filter((mark) => mark.height >= 0.8 * tallest);
  return {
    start,
    pitch,
    top: median(tall.map((mark) => mark.y)),
    bottom: median(tall.map((mark) => mark.y + mark.height)),
    columns,
  };
}

function rowsAgree(grids: readonly Grid[]): boolean {
  const pitch = median(grids.map((grid) => grid.pitch));
  return grids.every(
    (grid) =>
      Math.abs(grid.start - grids[0]!.start) <= ROWS_AGREE.startPitches * pitch &&
      Math.abs(grid.pitch - pitch) <= ROWS_AGREE.pitchShare * pitch,
  );
}

/**
 * The code's line length: its longest row's columns, which must be a layout's length for its rows
 * (three lines of 30, TD1; two of 36 or 44): every MRZ's last line ends in a check digit or filler
 * printed as a mark. A mark past that is no part of the code (handwriting beside it): no grid read.
 */
function lineLength(grids: readonly Grid[]): number | null {
  const longest = Math.max(...grids.map((grid) => Math.max(...grid.columns) + 1));
  const lengths = grids.length === 3 ? [30] : [36, 44];
  return lengths.includes(longest) ? longest : null;
}

/**
 * One code row cut into `length` glyphs along its grid and classified by the outlines, on the row's
 * own strip of the crop (the classifier inverts the image it is given: the strip, not the band);
 * null when the classifier's reading does not settle (classify).
 */
function readRow(
  crop: GreyImage,
  grid: Grid,
  length: number,
  components: readonly CodeMark[],
): OutlineRead | null {
  const boxes = Array.from({ length }, (_, column) => cellBox(crop, grid, column, components));
  const y0 = Math.min(...boxes.map((box) => box.y0));
  const y1 = Math.max(...boxes.map((box) => box.y1));
  const strip = cropGrey(crop, rectIn('crop', 0, y0, crop.width, y1 - y0));
  const inStrip = boxes.map((box) => ({ ...box, y0: box.y0 - y0, y1: box.y1 - y0 }));
  const inks = glyphInks(strip, inStrip);
  const classified = classify(strip, inStrip, inks);
  if (!classified) return null;
  const shapes = glyphShapes(
    strip,
    inStrip.map((box, i) => ({ char: classified[i]!.char, confidence: 0, box })),
    inks,
  );
  const glyphs: OcrGlyph[] = boxes.map((box, i) => ({ ...classified[i]!, box }));
  const line: OcrLine = {
    text: glyphs.map((glyph) => glyph.char).join(''),
    glyphs,
    confidence: Math.round(glyphs.reduce((sum, glyph) => sum + glyph.confidence, 0) / glyphs.length),
    box: { x0: Math.min(...boxes.map((box) => box.x0)), y0, x1: Math.max(...boxes.map((box) => box.x1)), y1 },
  };
  // The confidence votes as tesseract's would (evidence.ts): it is no likeness counted twice, but how
  // clearly the glyph is its character where its near rivals' outlines differ from its own.
  return {
    line,
    glyphs: glyphs.map((glyph, i) => ({
      char: glyph.char,
      confidence: glyph.confidence,
      likeness: classified[i]!.likeness,
      xSpan: [glyph.box.x0, glyph.box.x1],
      shape: shapes[i]!,
    })),
  };
}

/**
 * The ink of one column of a row: the components centred in its cell (a pitch wide, about the row's
 * glyph band), and the part inside the cell of any wider one (glyphs merged); the whole cell where
 * there are none (a filler too faint for the ink's threshold), for the classifier to look in.
 */
function cellBox(
  crop: GreyImage,
  grid: Grid,
  column: number,
  components: readonly CodeMark[],
): OcrGlyph['box'] {
  const centre = grid.start + column * grid.pitch;
  const [left, right] = [centre - grid.pitch / 2, centre + grid.pitch / 2];
  const margin = 0.25 * (grid.bottom - grid.top);
  const [top, bottom] = [grid.top - margin, grid.bottom + margin];
  const inCell = components.filter(
    (c) =>
      c.cy >= top &&
      c.cy <= bottom &&
      ((c.cx >= left && c.cx < right) || (c.width > grid.pitch && c.x < right && c.x + c.width > left)),
  );
  if (inCell.length === 0)
    return {
      x0: Math.max(0, Math.floor(left)),
      y0: Math.max(0, Math.floor(top)),
      x1: Math.min(crop.width, Math.ceil(right)),
      y1: Math.min(crop.height, Math.ceil(bottom)),
    };
  return {
    x0: Math.max(Math.floor(left), Math.min(...inCell.map((c) => c.x))),
    y0: Math.max(Math.floor(top), Math.min(...inCell.map((c) => c.y))),
    x1: Math.min(Math.ceil(right), Math.max(...inCell.map((c) => c.x + c.width))),
    y1: Math.min(Math.ceil(bottom), Math.max(...inCell.map((c) => c.y + c.height))),
  };
}

/**
 * Each box's likeliest character by the outlines, how clearly it is that character (tellApart.ts), and
 * its likeness to every character. The classifier scales the outlines by the line's glyphs as read
 * (their median height over their characters' templates), so the reading is refined until it settles
 * (null if it does not in three passes): first every tall glyph taken for a capital and every short
 * one for a filler.
 */
function classify(
  crop: GreyImage,
  boxes: readonly OcrGlyph['box'][],
  inks: readonly (GlyphInk | null)[],
): { char: string; confidence: number; likeness: Float32Array | null }[] | null {
  const tallest = Math.max(...boxes.map((box) => box.y1 - box.y0));
  let chars: string[] = boxes.map((box) => (box.y1 - box.y0 >= 0.75 * tallest ? 'A' : '<'));
  const correlated = correlateGlyphs(crop, boxes, inks);
  for (let pass = 0; pass < 3; pass++) {
    const likeness = likenessOf(correlated, chars);
    const next = likeness.map((scores) => (scores ? MRZ_ALPHABET[indexOfBest(scores)]! : '<'));
    if (next.some((char, i) => char !== chars[i])) {
      chars = next;
      continue;
    }
    const grids = glyphGrids(crop, boxes, inks);
    return likeness.map((scores, i) => {
      const grid = grids[i];
      if (!scores || !grid) return { char: '<', confidence: 0, likeness: scores ?? null };
      return { char: chars[i]!, confidence: confidenceOf(scores, grid), likeness: scores };
    });
  }
  return null;
}

const indexOfBest = (scores: Float32Array) => scores.indexOf(Math.max(...scores));

/**
 * The glyph's confidence, on tesseract's 0..100 scale: how clearly it is its likeliest character
 * against each rival within NEAR_RIVAL of it (tellApart: the cells where their outlines differ), the
 * least of those; 100 with no such rival. It is what the outlines' likeness alone cannot say, and
 * counts in the evidence as tesseract's vote does (evidence.ts).
 */
function confidenceOf(scores: Float32Array, grid: Float32Array): number {
  const best = indexOfBest(scores);
  let clearest = 1;
  scores.forEach((score, k) => {
    if (k === best || scores[best]! - score > NEAR_RIVAL) return;
    clearest = Math.min(clearest, tellApart(grid, MRZ_ALPHABET[best]!, MRZ_ALPHABET[k]!));
  });
  return Math.round(100 * Math.max(0, clearest));
}

function lineThrough(
  xs: readonly number[],
  ys: readonly number[],
): { slope: number; intercept: number } | null {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let [sxy, sxx] = [0, 0];
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
