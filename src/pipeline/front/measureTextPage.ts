/**
 * How much running text an object holds, measured on its pixels before any OCR (issue 13: a page of
 * text is known cheaply, without the LSTM's whole-page read). An identity document prints a title,
 * a dozen short labelled fields and perhaps a code: 5 to 15 short lines, its smallest print still
 * 1.5 to 2 mm high on a card 85.6 mm wide (ICAO 9303 part 3: ID-1) or a page 125 mm wide (ID-3), so
 * it is at most ~70 glyph heights across, and its longer lines stand alone or in its code's 2 or 3.
 * A magazine's or a letter's page holds paragraphs: long lines of small glyphs stacked at an even
 * spacing, a column's width each, and is a hundred glyph heights across or more.
 */
import type { OpenCv } from '../../engines/types.ts';
import { componentBoxes, greyToMat, withMats } from '../cv.ts';
import { toGreyscale } from '../image.ts';
import type { RgbaImage } from '../types.ts';

export interface TextPageMeasure {
  /** Glyph-shaped marks found. */
  readonly glyphs: number;
  /** Their median height, pixels. */
  readonly glyphHeightPx: number;
  /**
   * Lines of running text in paragraphs: runs of marks LONG_LINE_HEIGHTS glyph heights long or more,
   * stacked PARAGRAPH_LINES or more (paragraphLinesIn).
   */
  readonly paragraphLines: number;
  /** The object's width in median glyph heights. */
  readonly widthInGlyphs: number;
}

/** A run of marks this many glyph heights long, each within a height of the next, is a long line. */
const LONG_LINE_HEIGHTS = 25;
/** Long lines stacked this many deep are a paragraph: an MRZ stacks 3 at most. */
const PARAGRAPH_LINES = 4;
/**
 * Two marks are on one line where they share this share of the shorter one's rows. A word with a
 * descender ("pasteurised") stands lower than one with none ("with"): their centres differ by half a
 * descender, more than 0.4 of a height in a book's serif at 12 px (mapo80's glare-447), and lines
 * chained by centres broke after their first word.
 */
const SAME_LINE_OVERLAP = 0.5;
/**
 * A stack runs on from a long line to the next this many glyph heights under it: two line pitches
 * (each 2 to 3 heights) and a paragraph's spacing, so a paragraph's short last line, which is no long
 * line, does not end the stack (a book's short paragraphs of 3 or 4 lines, glare-447).
 */
const MAX_STACK_STEP_HEIGHTS = 6;
/** A mark up to this many times as wide as high may be a word whose letters touch. */
const MAX_WORD_ASPECT = 20;
/** Ink: darker than the mean of its window by this much (measurePrint's adaptive threshold). */
const INK_WINDOW_PX = 25;
const INK_OFFSET = 12;

interface Mark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function measureTextPage(cv: OpenCv, image: RgbaImage): TextPageMeasure {
  const grey = toGreyscale(image);
  const marks = withMats(cv, (scope) => {
    const ink = scope.mat();
    const src = greyToMat(scope, grey);
    cv.adaptiveThreshold(
      src,
      ink,
      255,
      cv.ADAPTIVE_THRESH_MEAN_C,
      cv.THRESH_BINARY_INV,
      INK_WINDOW_PX,
      INK_OFFSET,
    );
    const maxHeight = Math.max(8, grey.height * 0.05);
    const found: Mark[] = [];
    for (const { x, y, width, height, area } of componentBoxes(scope, ink)) {
      // A word whose letters touch is one mark: kept for the lines, not for the glyphs' height.
      if (height < 4 || height > maxHeight || width > height * MAX_WORD_ASPECT || area < 6) continue;
      const fill = area / (width * height);
      if (fill < 0.12 || fill > 0.95) continue;
      found.push({ x, y, width, height });
    }
    return found;
  });
  // A page photographed on its side has its lines down the image: measured both ways, the way with
  // more lines in paragraphs kept, its glyphs' heights taken across its lines and its width along
  // them. Taken across the image only, a page turned a quarter had its glyphs' widths for heights
  // and the photo's shorter side for its width (real-photos' glare-447, a book's page: 107 glyph
  // heights across upright, 80 turned, under TEXT_PAGE's 100; `npm run eval -- --transform rot90`).
  const across = measureOneWay(marks, grey.width, grey.height);
  const down = measureOneWay(marks.map(transposed), grey.height, grey.width);
  return down.paragraphLines > across.paragraphLines ? down : across;
}

/** The measure with the lines taken across the image (the marks as given): `width` along them. */
function measureOneWay(marks: readonly Mark[], width: number, height: number): TextPageMeasure {
  const glyphs = marks.filter((m) => m.width <= 2 * m.height);
  const heights = glyphs.map((m) => m.height).sort((a, b) => a - b);
  const glyphHeightPx = heights[Math.floor(heights.length / 2)] ?? 0;
  return {
    glyphs: glyphs.length,
    glyphHeightPx,
    paragraphLines: paragraphLinesOf(marks, height, glyphHeightPx).length,
    widthInGlyphs: glyphHeightPx > 0 ? width / glyphHeightPx : 0,
  };
}

/** The rows of the image two marks both cover, pixels (0 or less where they share none). */
function sharedRows(a: Mark, b: Mark): number {
  return Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
}

const transposed = (m: Mark): Mark => ({ x: m.y, y: m.x, width: m.height, height: m.width });

/** A run of marks along one line: where it starts, its middle's height in the image, its length. */
interface LineRun {
  readonly x: number;
  readonly cy: number;
  readonly length: number;
}

/** The long lines (LONG_LINE_HEIGHTS) that stand in paragraphs (paragraphLinesIn), one way round. */
function paragraphLinesOf(marks: readonly Mark[], imageHeight: number, glyphHeightPx: number): LineRun[] {
  const long = lineRuns(marks, imageHeight).filter((run) => run.length >= LONG_LINE_HEIGHTS * glyphHeightPx);
  return paragraphLinesIn(long, glyphHeightPx);
}

/**
 * Chains of marks of like height, each beginning within its own height of the last one's end, on one
 * line (sharing half the shorter one's rows): words and the spaces between them run on, columns do not.
 */
function lineRuns(marks: readonly Mark[], imageHeight: number): LineRun[] {
  const BUCKET = 8;
  const rows: Mark[][] = Array.from({ length: Math.ceil(imageHeight / BUCKET) + 1 }, () => []);
  for (const m of marks) rows[Math.floor((m.y + m.height / 2) / BUCKET)]!.push(m);
  const next = new Map<Mark, Mark>();
  const hasPrevious = new Set<Mark>();
  for (const m of marks) {
    const cy = m.y + m.height / 2;
    const row = Math.floor(cy / BUCKET);
    const reach = Math.ceil(m.height / BUCKET) + 1;
    let best: Mark | null = null;
    for (let r = Math.max(0, row - reach); r <= Math.min(rows.length - 1, row + reach); r++) {
      for (const n of rows[r]!) {
        if (n === m || n.x <= m.x) continue;
        if (n.height < m.height * 0.5 || n.height > m.height * 2) continue;
        if (sharedRows(m, n) < SAME_LINE_OVERLAP * Math.min(m.height, n.height)) continue;
        if (n.x - (m.x + m.width) > Math.max(m.height, n.height)) continue;
        if (!best || n.x < best.x) best = n;
      }
    }
    if (best && !hasPrevious.has(best)) {
      next.set(m, best);
      hasPrevious.add(best);
    }
  }
  return marks
    .filter((m) => !hasPrevious.has(m))
    .map((m) => {
      let last = m;
      for (let at = next.get(m); at; at = next.get(at)) last = at;
      return { x: m.x, cy: m.y + m.height / 2, length: last.x + last.width - m.x };
    });
}

/**
 * Long lines stacked as a paragraph's are: each 1 to MAX_STACK_STEP_HEIGHTS glyph heights under the last, starting within
 * 2 glyph heights of its start or ending within 2 of its end, and as long within 30%; the lines of stacks of PARAGRAPH_LINES or more.
 * A document's long lines stand alone or in its code's 2 or 3.
 */
function paragraphLinesIn(long: readonly LineRun[], glyphHeightPx: number): LineRun[] {
  const sorted = [...long].sort((a, b) => a.cy - b.cy);
  const below = new Map<LineRun, LineRun>();
  const hasAbove = new Set<LineRun>();
  for (const run of sorted) {
    const under = sorted.find(
      (other) =>
        !hasAbove.has(other) &&
        other.cy - run.cy >= glyphHeightPx &&
        other.cy - run.cy <= MAX_STACK_STEP_HEIGHTS * glyphHeightPx &&
        // Starting together or ending together: a page upside down has its ragged ends first.
        (Math.abs(other.x - run.x) <= 2 * glyphHeightPx ||
          Math.abs(other.x + other.length - (run.x + run.length)) <= 2 * glyphHeightPx) &&
        Math.abs(other.length - run.length) <= 0.3 * Math.max(other.length, run.length),
    );
    if (under) {
      below.set(run, under);
      hasAbove.add(under);
    }
  }
  return sorted
    .filter((run) => !hasAbove.has(run))
    .map((top) => {
      const stack = [top];
      for (let at = below.get(top); at; at = below.get(at)) stack.push(at);
      return stack;
    })
    .filter((stack) => stack.length >= PARAGRAPH_LINES)
    .flat();
}

/**
 * A page of text: at least this many lines in paragraphs, on an object at least this many glyph
 * heights across. Measured on the rectified objects of the fixtures, ../shared/real-ids, real-photos
 * and the eval's composites (2026-12-05): no identity document stacked more than 3 long lines (its
 * TD1 code's), so none held a paragraph line, even a passport page rectified at 1600 px whose small
 * bilingual labels made 24 long lines (sidtd's aze00); the Spiegel page under glare (glare-523), 59
 * in stacks up to 13 deep. The other pages under glare break their lines or print them in Hanzi or
 * white on dark, and are left to the text reader.
 */
export const TEXT_PAGE = { minParagraphLines: 12, minWidthInGlyphs: 100 } as const;

/** Pure: whether the measure is a page of text's (TEXT_PAGE). */
export function isTextPage(measure: TextPageMeasure): boolean {
  return (
    measure.paragraphLines >= TEXT_PAGE.minParagraphLines &&
    measure.widthInGlyphs >= TEXT_PAGE.minWidthInGlyphs
  );
}
