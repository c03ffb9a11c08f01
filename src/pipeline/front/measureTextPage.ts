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
import { toGreyscale, type GreyImage } from '../image.ts';
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
 * line, does not end the stack (a book's short paragraphs of 3 or 4 lines, glare-447: its next
 * paragraph's first line 8.3 to 8.7 heights under the last long one). At 6, glare-447 made 15 paragraph
 * lines only where lines were stacked greedily in one order and placed by their first mark's height
 * (a page at a slant), and 10 the other way up.
 */
const MAX_STACK_STEP_HEIGHTS = 9;
/** A mark up to this many times as wide as high may be a word whose letters touch. */
export const MAX_WORD_ASPECT = 20;
/** Ink: darker than the mean of its window by this much (measurePrint's adaptive threshold). */
const INK_WINDOW_PX = 25;
const INK_OFFSET = 12;

export interface Mark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function measureTextPage(cv: OpenCv, image: RgbaImage): TextPageMeasure {
  const grey = toGreyscale(image);
  const marks = inkMarks(cv, grey);
  // A page photographed on its side has its lines down the image: measured both ways, the way with
  // more lines in paragraphs kept, its glyphs' heights taken across its lines and its width along
  // them. Taken across the image only, a page turned a quarter had its glyphs' widths for heights
  // and the photo's shorter side for its width (real-photos' glare-447, a book's page: 107 glyph
  // heights across upright, 80 turned, under TEXT_PAGE's 100; `npm run eval -- --transform rot90`).
  const across = measureOneWay(marks, grey.width, grey.height);
  const down = measureOneWay(marks.map(transposed), grey.height, grey.width);
  // The way with more paragraph lines, else more glyphs: the same way whichever way up the photo came.
  const byLines = down.paragraphLines - across.paragraphLines;
  return byLines > 0 || (byLines === 0 && down.glyphs > across.glyphs) ? down : across;
}

/** Glyph- and word-shaped marks of ink (an adaptive threshold, connected components). */
export function inkMarks(cv: OpenCv, grey: GreyImage): Mark[] {
  return withMats(cv, (scope) => {
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
    const found: Mark[] = [];
    for (const { x, y, width, height, area } of componentBoxes(scope, ink)) {
      // How tall a mark may be, and how long a word, depends on which way its lines run: judged for
      // each way (measureOneWay), not here.
      if (Math.min(width, height) < 4 || area < 6) continue;
      const fill = area / (width * height);
      if (fill < 0.12 || fill > 0.95) continue;
      found.push({ x, y, width, height });
    }
    return found;
  });
}

/** The measure with the lines taken across the image (the marks as given): `width` along them. */
function measureOneWay(allMarks: readonly Mark[], width: number, height: number): TextPageMeasure {
  // A word whose letters touch is one mark: kept for the lines, not for the glyphs' height. Its height
  // is taken across the lines, and held to a share of the image that way: filtered across the image
  // only, a page on its side lost every word down it, and measured otherwise than upright
  // (real-photos' glare-497: 0 paragraph lines, and 15 turned a quarter).
  const maxHeight = Math.max(8, height * 0.05);
  const marks = allMarks.filter((m) => m.height <= maxHeight && m.width <= m.height * MAX_WORD_ASPECT);
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

/** Marks are looked up by the row of their middle, in bands this high. */
const ROW_BUCKET_PX = 8;

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
 * Two marks are linked only where each is the other's nearest on that side (nearestBeside): the chains
 * do not depend on the order the marks were found in, so a page upside down or mirrored chains as it
 * does upright. Linked greedily in the marks' order, a book's page (real-photos' glare-447) made 15
 * paragraph lines upright and 10 turned half a turn, under TEXT_PAGE's 12 (`npm run eval --
 * --transform rot180`).
 */
export function lineRuns(marks: readonly Mark[], imageHeight: number): LineRun[] {
  const rows: Mark[][] = Array.from({ length: Math.ceil(imageHeight / ROW_BUCKET_PX) + 1 }, () => []);
  for (const m of marks) rows[Math.floor((m.y + m.height / 2) / ROW_BUCKET_PX)]!.push(m);
  const next = new Map<Mark, Mark>();
  const hasPrevious = new Set<Mark>();
  for (const m of marks) {
    const after = nearestBeside(m, rows, 1);
    if (after && nearestBeside(after, rows, -1) === m) {
      next.set(m, after);
      hasPrevious.add(after);
    }
  }
  return marks
    .filter((m) => !hasPrevious.has(m))
    .map((m) => {
      let last = m;
      for (let at = next.get(m); at; at = next.get(at)) last = at;
      // Its middle's height, from both its ends: on a page at a slant, where its first mark stands
      // upright is where its last stands upside down.
      const cy = (m.y + m.height / 2 + last.y + last.height / 2) / 2;
      return { x: m.x, cy, length: last.x + last.width - m.x };
    });
}

/**
 * The mark that runs on m's line on one side (`side` 1: after it, -1: before it): of like height,
 * sharing half the shorter one's rows, its centre beyond m's and the gap between their facing ends at
 * most the taller one's height; the nearest by that gap, then by height on the line.
 */
function nearestBeside(m: Mark, rows: readonly (readonly Mark[])[], side: 1 | -1): Mark | null {
  let best: Mark | null = null;
  let bestGap = Infinity;
  let bestOffset = Infinity;
  const mx = m.x + m.width / 2;
  const my = m.y + m.height / 2;
  const row = Math.floor(my / ROW_BUCKET_PX);
  const reach = Math.ceil(m.height / ROW_BUCKET_PX) + 1;
  for (let r = Math.max(0, row - reach); r <= Math.min(rows.length - 1, row + reach); r++) {
    for (const n of rows[r]!) {
      if (n === m || (n.x + n.width / 2 - mx) * side <= 0) continue;
      if (n.height < m.height * 0.5 || n.height > m.height * 2) continue;
      if (sharedRows(m, n) < SAME_LINE_OVERLAP * Math.min(m.height, n.height)) continue;
      const gap = side === 1 ? n.x - (m.x + m.width) : m.x - (n.x + n.width);
      if (gap > Math.max(m.height, n.height)) continue;
      const offset = Math.abs(n.y + n.height / 2 - my);
      if (gap < bestGap || (gap === bestGap && offset < bestOffset)) {
        best = n;
        bestGap = gap;
        bestOffset = offset;
      }
    }
  }
  return best;
}

/**
 * Long lines stacked as a paragraph's are: each 1 to MAX_STACK_STEP_HEIGHTS glyph heights under another,
 * starting within 2 glyph heights of its start or ending within 2 of its end, and as long within 30%;
 * the lines of stacks of PARAGRAPH_LINES or more. A document's long lines stand alone or in its code's
 * 2 or 3. A stack is every line joined to another so, whichever was found first: stacked greedily
 * from the top down, each line onto the first free one under it, a book's page (glare-447) made 15
 * paragraph lines upright and 10 upside down.
 */
function paragraphLinesIn(long: readonly LineRun[], glyphHeightPx: number): LineRun[] {
  const stacksOn = (upper: LineRun, lower: LineRun) =>
    lower.cy - upper.cy >= glyphHeightPx &&
    lower.cy - upper.cy <= MAX_STACK_STEP_HEIGHTS * glyphHeightPx &&
    // Starting together or ending together: a page upside down has its ragged ends first.
    (Math.abs(lower.x - upper.x) <= 2 * glyphHeightPx ||
      Math.abs(lower.x + lower.length - (upper.x + upper.length)) <= 2 * glyphHeightPx) &&
    Math.abs(lower.length - upper.length) <= 0.3 * Math.max(lower.length, upper.length);
  const stackOf = long.map((_, i) => i);
  const find = (i: number): number => (stackOf[i] === i ? i : (stackOf[i] = find(stackOf[i]!)));
  long.forEach((upper, i) =>
    long.forEach((lower, k) => {
      if (stacksOn(upper, lower)) stackOf[find(i)] = find(k);
    }),
  );
  const sizes = new Map<number, number>();
  for (let i = 0; i < long.length; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  return long.filter((_, i) => sizes.get(find(i))! >= PARAGRAPH_LINES);
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
