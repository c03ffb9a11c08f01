/**
 * The print a person must read, measured where it sits: its glyphs (dark marks standing in text
 * lines), how high they are and how sharp their strokes are. Thresholds and where they came from: README.md in this folder.
 */
import { componentBoxes, greyToMat, type MatScope } from '../cv.ts';
import type { GreyImage } from '../image.ts';

export interface PrintMeasures {
  /** Glyphs found standing in text lines. */
  readonly glyphCount: number;
  /** Median height of those glyphs, in the measured image's pixels; null when too few were found. */
  readonly glyphHeightPx: number | null;
  /** Variance of the Laplacian over the glyphs' boxes only; null when too few glyphs were found. */
  readonly printSharpness: number | null;
  /**
   * That variance over the same after a further 1-px Gaussian blur: sharp print loses most of its
   * edges to it, print already blurred little. Unlike the variance, it does not grow as glyphs shrink.
   */
  readonly printReblurRatio: number | null;
  /**
   * The same ratio taken one way at a time (across, down), where the second derivatives each way were
   * given: the least of the two (the way the print is most blurred), and that over the most (1: the
   * same both ways, sharp or blurred; small: a shake smeared the print one way and left it sharp the
   * other, which the Laplacian, both ways at once, still finds sharp). Null without them.
   */
  readonly printReblurLeastWay?: number | null;
  readonly printReblurBalance?: number | null;
}

/**
 * The print's second derivative one way (across or down), as taken and after a further 1-px Gaussian
 * blur that way only: the re-blur ratio each way (Crété-Roffet et al., "The blur effect", SPIE 6492,
 * 2007, who blur each way and keep the worse).
 */
export interface DirectionalDerivatives {
  readonly sharp: Floats;
  readonly reblurred: Floats;
}

/**
 * One float a pixel, or a way to take them when needed: a view into OpenCV's heap, which holds until
 * the heap next grows (a Mat made then may grow it). measurePrint takes them after its last Mat, so
 * clarity need not copy six images of floats out of the heap (11 MB a 12 MP check).
 */
export type Floats = Float32Array | (() => Float32Array);

const taken = (floats: Floats) => (typeof floats === 'function' ? floats() : floats);

/** Fewer glyphs than this in text lines is no evidence of print (a portrait, a blank page, a smear). */
export const MIN_GLYPHS = 12;

/**
 * Ink: darker than the mean of its 31-px neighbourhood by at least this much (0..255). 31 px holds a
 * glyph of up to about 25 px and its surround at the ≤ 800 px the document is measured at.
 */
const INK_WINDOW_PX = 31;
const INK_OFFSET = 12;

/**
 * `grey` is the document as measured (≤ 800 px wide); `laplacian` its contrast-stretched Laplacian,
 * one float per pixel, and `softLaplacian` the same after a further Gaussian blur of σ 1 px.
 */
export function measurePrint(
  scope: MatScope,
  grey: GreyImage,
  laplacian: Floats,
  softLaplacian: Floats,
  directions: readonly DirectionalDerivatives[] = [],
): PrintMeasures {
  // Lines across only: clarity's bounds were measured so (README.md). Print down the image counted
  // too let motion-blurred composites pass: a shake smears glyphs one way and leaves them standing
  // in columns the other.
  const inLines = lineSides(findMarks(scope, grey).filter(isGlyphShaped(grey.height)), grey.height)
    .filter((s) => s.before || s.after)
    .map((s) => s.glyph);
  if (inLines.length < MIN_GLYPHS) {
    return { glyphCount: inLines.length, glyphHeightPx: null, printSharpness: null, printReblurRatio: null };
  }
  const heights = inLines.map((g) => g.height).sort((a, b) => a - b);
  const inBoxes = pixelsInBoxes(grey.width, grey.height, inLines);
  // No Mat is made from here on: the views taken stay good.
  const printSharpness = varianceOver(taken(laplacian), inBoxes);
  const ratio = (sharp: Floats | number, reblurred: Floats): number | null => {
    const after = varianceOver(taken(reblurred), inBoxes);
    const before = typeof sharp === 'number' ? sharp : varianceOver(taken(sharp), inBoxes);
    return after > 0 ? before / after : null;
  };
  const ways = directions.map((d) => ratio(d.sharp, d.reblurred)).filter((r): r is number => r !== null);
  const [least, most] = ways.length === 2 ? [Math.min(...ways), Math.max(...ways)] : [null, null];
  return {
    glyphCount: inLines.length,
    glyphHeightPx: heights[Math.floor(heights.length / 2)]!,
    printSharpness,
    printReblurRatio: ratio(printSharpness, softLaplacian),
    ...(directions.length > 0 && {
      printReblurLeastWay: least,
      printReblurBalance: least !== null && most !== null ? least / most : null,
    }),
  };
}

export interface Glyph {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Connected marks of ink, before any is judged a glyph (which depends on the way the lines run). */
function findMarks(scope: MatScope, grey: GreyImage): Glyph[] {
  const { cv } = scope;
  const src = greyToMat(scope, grey);
  const ink = scope.mat();
  cv.adaptiveThreshold(
    src,
    ink,
    255,
    cv.ADAPTIVE_THRESH_MEAN_C,
    cv.THRESH_BINARY_INV,
    INK_WINDOW_PX,
    INK_OFFSET,
  );
  return componentBoxes(scope, ink).filter((mark) => {
    const fill = mark.area / (mark.width * mark.height);
    return mark.area >= 6 && fill >= 0.12 && fill <= 0.95;
  });
}

/**
 * How many glyphs stand in text lines, the lines running across the image or, on a document
 * photographed on its side, down it. Down is taken where more than LINES_DOWN_MARGIN times as many
 * glyphs stand inside a line (a neighbour before and after them) down as across, and at least twice
 * MIN_GLYPHS. Measured at 800 px over ../shared's 143 real photos and IDs (2026-12-05): upright, only
 * those really taken sideways (four magazine pages under glare, 222-1766 down against 9-114 across; a
 * Chinese ID card, 25 against 2), where a margin of 2 also took a small UK licence sample whose
 * numbered fields stand in a column (36 against 15) and a Latvian passport (168 against 72); turned
 * a quarter turn, 112 of the 138 others, the rest with next to no print either way (photos of people
 * 0-5, a card under glare). Lines counted only across made a sideways document show no print, and
 * with a face beside it a "photo of people" (10 of real-ids' 73 under `npm run eval -- --transform
 * rot90`), left unread.
 */
export function countGlyphsInLines(scope: MatScope, grey: GreyImage): number {
  return printLines(scope, grey).glyphs;
}

/** Whether the print's lines run down the image (countGlyphsInLines): a document on its side. */
export function printRunsDown(scope: MatScope, grey: GreyImage): boolean {
  return printLines(scope, grey).down;
}

/**
 * Which way the print's lines run: `down` as printRunsDown takes it; `leaning-down` where more
 * glyphs stand in lines down the image than across it, but not LINES_DOWN_MARGIN times as many. Small
 * print leans so either way: ../shared's UK licence sample at 641 px, its glyphs 7 px high and often
 * joined into words, stands 36 in lines down upright (its numbered fields in a column) against 15
 * across; a licence's back on its side 50 down against 17 across. Only a hint, for one more read
 * where the upright ones named nothing (front/readDocumentFront.ts).
 */
export function printLineDirection(scope: MatScope, grey: GreyImage): 'across' | 'leaning-down' | 'down' {
  const { down, withinDown, withinAcross } = printLines(scope, grey);
  if (down) return 'down';
  return withinDown > withinAcross && withinDown >= MIN_GLYPHS ? 'leaning-down' : 'across';
}

function printLines(
  scope: MatScope,
  grey: GreyImage,
): {
  readonly down: boolean;
  readonly glyphs: number;
  /** The glyphs standing inside a line: a neighbour before them and one after. */
  readonly inLines: readonly Glyph[];
  /** The glyphs standing inside a line down the image, and across it. */
  readonly withinDown: number;
  readonly withinAcross: number;
} {
  const marks = findMarks(scope, grey);
  const across = lineSides(marks.filter(isGlyphShaped(grey.height)), grey.height);
  const down = lineSides(marks.map(transposed).filter(isGlyphShaped(grey.width)), grey.width);
  const within = (sides: readonly LineSides[]) => sides.filter((s) => s.before && s.after).length;
  const isDown = within(down) > LINES_DOWN_MARGIN * within(across) && within(down) >= 2 * MIN_GLYPHS;
  const sides = isDown ? down : across;
  const glyphs = sides.filter((s) => s.before || s.after).length;
  const inLines = sides.filter((s) => s.before && s.after).map((s) => s.glyph);
  return {
    down: isDown,
    glyphs,
    inLines: isDown ? inLines.map(transposed) : inLines,
    withinDown: within(down),
    withinAcross: within(across),
  };
}

/**
 * The glyphs standing inside text lines (a neighbour of like height before them and one after), boxed in the
 * image's pixels, their lines running across it or down it as countGlyphsInLines takes them: where
 * the print is, for telling whether an outline holds the document's print (steps/outlineHoldsPrint.ts).
 */
export function glyphsInLines(scope: MatScope, grey: GreyImage): readonly Glyph[] {
  return printLines(scope, grey).inLines;
}

/** Shaped like a character, its lines running across: not a speck, a rule line or a photo's shadow. */
const isGlyphShaped =
  (imageHeight: number) =>
  ({ width, height }: Glyph): boolean =>
    height >= 4 && height <= Math.max(8, imageHeight * 0.12) && width <= height * 2;

const LINES_DOWN_MARGIN = 3;

const transposed = (g: Glyph): Glyph => ({ x: g.y, y: g.x, width: g.height, height: g.width });

/** A glyph's neighbours on its line: one of like height beside it before it, and one after it. */
interface LineSides {
  readonly glyph: Glyph;
  readonly before: boolean;
  readonly after: boolean;
}

/**
 * Each glyph with whether a neighbour of like height stands beside it on the same line before it and
 * after it: print runs in lines, a texture's blobs and a portrait's shadows seldom do.
 */
function lineSides(glyphs: readonly Glyph[], imageHeight: number): LineSides[] {
  const rows: Glyph[][] = Array.from({ length: Math.ceil(imageHeight / 8) + 1 }, () => []);
  for (const g of glyphs) rows[Math.floor((g.y + g.height / 2) / 8)]!.push(g);
  return glyphs.map((g) => {
    const cy = g.y + g.height / 2;
    const row = Math.floor(cy / 8);
    const reach = Math.ceil(g.height / 16) + 1;
    let before = false;
    let after = false;
    for (let r = Math.max(0, row - reach); r <= Math.min(rows.length - 1, row + reach); r++) {
      for (const h of rows[r]!) {
        if (h === g || h.height < g.height * 0.7 || h.height > g.height * 1.4) continue;
        if (Math.abs(h.y + h.height / 2 - cy) > g.height * 0.4) continue;
        const gap = Math.max(h.x - (g.x + g.width), g.x - (h.x + h.width));
        if (gap > g.height * 1.2) continue;
        if (h.x + h.width / 2 < g.x + g.width / 2) before = true;
        else after = true;
      }
    }
    return { glyph: g, before, after };
  });
}

/** The indices of the pixels in the glyphs' boxes (each grown by 1 px), each once. */
function pixelsInBoxes(width: number, height: number, boxes: readonly Glyph[]): Uint32Array {
  const inBox = new Uint8Array(width * height);
  for (const b of boxes) {
    for (let y = Math.max(0, b.y - 1); y < Math.min(height, b.y + b.height + 1); y++) {
      inBox.fill(1, y * width + Math.max(0, b.x - 1), y * width + Math.min(width, b.x + b.width + 1));
    }
  }
  let n = 0;
  for (let i = 0; i < inBox.length; i++) n += inBox[i]!;
  const indices = new Uint32Array(n);
  for (let i = 0, k = 0; i < inBox.length; i++) if (inBox[i]) indices[k++] = i;
  return indices;
}

function varianceOver(values: Float32Array, indices: Uint32Array): number {
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < indices.length; k++) {
    const v = values[indices[k]!]!;
    sum += v;
    sumSq += v * v;
  }
  const n = indices.length;
  return n === 0 ? 0 : sumSq / n - (sum / n) ** 2;
}
