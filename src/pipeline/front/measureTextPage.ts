/**
 * How much running text an object holds, measured on its pixels before any OCR (issue 13: a page of
 * text is known cheaply, without the LSTM's whole-page read). An identity document prints a title,
 * a dozen short labelled fields and perhaps a code: 5 to 15 short lines, its smallest print still
 * 1.5 to 2 mm high on a card 85.6 mm wide (ICAO 9303 part 3: ID-1) or a page 125 mm wide (ID-3), so
 * it is at most ~70 glyph heights across. A magazine's or a letter's page holds dozens of long lines
 * of small, evenly spaced glyphs, and is a hundred glyph heights across or more.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, withMats } from '../cv.ts';
import { toGreyscale } from '../image.ts';
import type { RgbaImage } from '../types.ts';

export interface TextPageMeasure {
  /** Glyph-shaped marks found. */
  readonly glyphs: number;
  /** Their median height, pixels. */
  readonly glyphHeightPx: number;
  /** Runs of marks side by side on one line, LONG_LINE_HEIGHTS glyph heights long or more. */
  readonly longLines: number;
  /** The object's width in median glyph heights. */
  readonly widthInGlyphs: number;
}

/** A run of marks this many glyph heights long, each within a height of the next, is a long line. */
const LONG_LINE_HEIGHTS = 25;
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
    const [labels, stats, centroids] = [scope.mat(), scope.mat(), scope.mat()];
    const count = cv.connectedComponentsWithStats(ink, labels, stats, centroids, 8, cv.CV_32S);
    const s = stats.data32S;
    const maxHeight = Math.max(8, grey.height * 0.05);
    const found: Mark[] = [];
    for (let i = 1; i < count; i++) {
      const [x, y, width, height, area] = [
        s[i * 5]!,
        s[i * 5 + 1]!,
        s[i * 5 + 2]!,
        s[i * 5 + 3]!,
        s[i * 5 + 4]!,
      ];
      // A word whose letters touch is one mark: kept for the lines, not for the glyphs' height.
      if (height < 4 || height > maxHeight || width > height * MAX_WORD_ASPECT || area < 6) continue;
      const fill = area / (width * height);
      if (fill < 0.12 || fill > 0.95) continue;
      found.push({ x, y, width, height });
    }
    return found;
  });
  const glyphs = marks.filter((m) => m.width <= 2 * m.height);
  const heights = glyphs.map((m) => m.height).sort((a, b) => a - b);
  const glyphHeightPx = heights[Math.floor(heights.length / 2)] ?? 0;
  return {
    glyphs: glyphs.length,
    glyphHeightPx,
    // A page photographed on its side has its lines down the image: counted both ways, the more kept.
    longLines: Math.max(
      countLongLines(marks, grey.height, glyphHeightPx),
      countLongLines(marks.map(transposed), grey.width, glyphHeightPx),
    ),
    widthInGlyphs: glyphHeightPx > 0 ? image.width / glyphHeightPx : 0,
  };
}

const transposed = (m: Mark): Mark => ({ x: m.y, y: m.x, width: m.height, height: m.width });

/**
 * Chains of marks of like height, each beginning within its own height of the last one's end, on one
 * line (centres within 0.4 of a height): words and the spaces between them run on, columns do not.
 */
function countLongLines(marks: readonly Mark[], imageHeight: number, glyphHeightPx: number): number {
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
        if (Math.abs(n.y + n.height / 2 - cy) > 0.4 * Math.max(m.height, n.height)) continue;
        if (n.x - (m.x + m.width) > Math.max(m.height, n.height)) continue;
        if (!best || n.x < best.x) best = n;
      }
    }
    if (best && !hasPrevious.has(best)) {
      next.set(m, best);
      hasPrevious.add(best);
    }
  }
  let long = 0;
  for (const m of marks) {
    if (hasPrevious.has(m)) continue;
    let last = m;
    for (let at = next.get(m); at; at = next.get(at)) last = at;
    if (last.x + last.width - m.x >= LONG_LINE_HEIGHTS * glyphHeightPx) long++;
  }
  return long;
}

/**
 * A page of text: at least this many long lines, on an object at least this many glyph heights
 * across. Measured on the rectified objects of the fixtures, ../shared/real-ids and real-photos
 * (2026-12-05): every identity document held 0 to 5 long lines (a card's fields and its code, a
 * passport page's two code lines); the magazine, cookbook and brochure pages under glare 10 to 93
 * (glare-447, -743, -497, -523), 100 to 230 glyph heights across. The magazine page whose lines the
 * glare broke (glare-482, 7) is left to the text reader.
 */
export const TEXT_PAGE = { minLongLines: 10, minWidthInGlyphs: 100 } as const;

/** Pure: whether the measure is a page of text's (TEXT_PAGE). */
export function isTextPage(measure: TextPageMeasure): boolean {
  return measure.longLines >= TEXT_PAGE.minLongLines && measure.widthInGlyphs >= TEXT_PAGE.minWidthInGlyphs;
}
