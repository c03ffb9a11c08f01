/**
 * The EU model driving licence known by its look, where none of its print could be read (a card
 * blurred by a moving hand): the issuing state's sign in a blue rectangle in the top-left corner,
 * encircled by the twelve yellow stars of the European flag, on a pink card (Directive 2006/126/EC,
 * Annex I, side 1 (b): "the distinguishing sign of the Member State issuing the licence, printed in
 * negative in a blue rectangle and encircled by twelve yellow stars", the card pink; Directive
 * 91/439/EEC's older pink card the same). The European Health Insurance Card shows the same flag on
 * a blue card, and says so in print (notAnIdSigns.ts); the new EU identity cards show it on cards of
 * other colours, and print a code on the back.
 */
import { rectIn, type LicenceReading, type Rect, type RgbaImage } from '../types.ts';
import { EU_MODEL_LICENCE_UNREAD } from './readLicenceBack.ts';

export interface LicenceLookMeasure {
  /** Yellow marks of a star's size in the blue rectangle (none where no rectangle was found). */
  readonly stars: number;
  /**
   * How far the marks' distances from their centre spread, as a share of their mean, each axis
   * scaled to the marks' own spread along it (a ring seen at a slant is an ellipse): 0 is a true ring.
   */
  readonly ringSpread: number | null;
  /** Share of the card's pixels that are pink. */
  readonly pinkShare: number;
}

/**
 * Where the rectangle is looked for, as shares of the upright card (readDistinguishingSign.ts's region):
 * the model puts it in the top-left corner.
 */
const SEARCH_REGION = { width: 0.34, height: 0.4 } as const;
/** A pixel is the rectangle's blue when its blue channel exceeds both others by this much (0..255). */
const MIN_BLUE_EXCESS = 35;
/**
 * The rectangle's columns and rows are those at least this share as blue as the bluest: solid blue,
 * where the title's blue print beside it, which blur joins to it, is sparse.
 */
const SOLID_SHARE = 0.5;
/** The rectangle's width as a share of the card's: ours 0.15 (13 mm of 85.6); readDistinguishingSign.ts's range. */
const BOX_WIDTH_SHARE = [0.08, 0.3] as const;
/**
 * The rectangle's width over its height: the model's is about 1.4 (our fixtures' 13 × 9 mm), but a card
 * rectified from an outline that ran off the photo is stretched along it (real-photos' MIDV-500
 * sample3, its left edge cut off: 2.4).
 */
const BOX_ASPECT = [1, 3] as const;
/**
 * A star is yellow: red and green both above blue by this much (0..255). The box's blue is far under
 * (-60 to -110); the fixtures' stars 200; sample3's, blurred into the blue, 38 at their middles.
 */
const MIN_YELLOW_EXCESS = 20;
/** Of the twelve stars, this many must be found: blur merges or loses a few, a cut-off edge more. */
const MIN_STARS = 8;
/** The fixtures' rings spread 0.135 unscaled; scattered yellow (a picture, a logo) spreads far more. */
const MAX_RING_SPREAD = 0.25;
/**
 * A pink pixel: red above green by 12 and blue not under green (the model's pink is red, then blue,
 * then green). The fixtures' licences are 0.63 to 0.77 pink, their other cards 0; sample3's card,
 * washed grey by blur and light, 0.2.
 */
const MIN_PINK_SHARE = 0.15;

/** Pure: the marks of the European flag and the pink of the card, as measured. */
export function measureLicenceLook(card: RgbaImage): LicenceLookMeasure {
  const box = findSolidBlueBox(card);
  const pinkShare = pinkShareOf(card);
  if (!box) return { stars: 0, ringSpread: null, pinkShare };
  const yellow = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const i = ((box.y + y) * card.width + box.x + x) * 4;
      yellow[y * box.width + x] =
        Math.min(card.data[i]!, card.data[i + 1]!) - card.data[i + 2]! > MIN_YELLOW_EXCESS ? 1 : 0;
    }
  }
  // A star is a few pixels, never a large share of the box.
  const marks = components(yellow, box.width).filter(
    (mark) => mark.size >= 2 && mark.size <= 0.03 * box.width * box.height,
  );
  return { stars: marks.length, ringSpread: ringSpreadOf(marks), pinkShare };
}

/** Pure: whether the card looks like the EU model licence (MIN_STARS on a ring, on pink). */
export function hasLicenceLook(look: LicenceLookMeasure): boolean {
  return (
    look.stars >= MIN_STARS &&
    look.ringSpread !== null &&
    look.ringSpread <= MAX_RING_SPREAD &&
    look.pinkShare >= MIN_PINK_SHARE
  );
}

/**
 * An EU model licence known by its look alone: no issuer (its sign was not read), no dates. Provisional
 * false: the model card NHS login refuses as provisional (a learner's) says so in print, which was not
 * read; the UK's provisional card is green, not pink.
 */
export const LICENCE_BY_LOOK: LicenceReading = EU_MODEL_LICENCE_UNREAD;

interface Mark {
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The solid blue rectangle in the card's top-left corner: the run of columns, then of rows within them,
 * each at least SOLID_SHARE as blue as the bluest; null where it has not the model's size and shape.
 */
function findSolidBlueBox(card: RgbaImage): Rect<'document'> | null {
  const width = Math.round(card.width * SEARCH_REGION.width);
  const height = Math.round(card.height * SEARCH_REGION.height);
  const blue = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * card.width + x) * 4;
      blue[y * width + x] =
        card.data[i + 2]! - Math.max(card.data[i]!, card.data[i + 1]!) > MIN_BLUE_EXCESS ? 1 : 0;
    }
  }
  const columns = solidRun(Array.from({ length: width }, (_, x) => count(blue, x, width, 0, height)));
  if (!columns) return null;
  const rows = solidRun(
    Array.from({ length: height }, (_, y) =>
      blue.subarray(y * width + columns[0], y * width + columns[1] + 1).reduce((n, v) => n + v, 0),
    ),
  );
  if (!rows) return null;
  const box = rectIn('document', columns[0], rows[0], columns[1] - columns[0] + 1, rows[1] - rows[0] + 1);
  const widthShare = box.width / card.width;
  const aspect = box.width / box.height;
  if (widthShare < BOX_WIDTH_SHARE[0] || widthShare > BOX_WIDTH_SHARE[1]) return null;
  return aspect >= BOX_ASPECT[0] && aspect <= BOX_ASPECT[1] ? box : null;
}

/** The blue pixels of column `x` between rows y0 and y1. */
function count(blue: Uint8Array, x: number, width: number, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) n += blue[y * width + x]!;
  return n;
}

/** The first and last index of the longest run of counts at least SOLID_SHARE of the largest. */
function solidRun(counts: readonly number[]): [number, number] | null {
  const most = Math.max(...counts);
  if (most === 0) return null;
  let best: [number, number] | null = null;
  let start = -1;
  counts.forEach((n, i) => {
    if (n >= SOLID_SHARE * most) {
      if (start < 0) start = i;
      if (!best || i - start > best[1] - best[0]) best = [start, i];
    } else start = -1;
  });
  return best;
}

function ringSpreadOf(marks: readonly Mark[]): number | null {
  if (marks.length < 3) return null;
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const deviation = (values: readonly number[]) => {
    const m = mean(values);
    return Math.sqrt(mean(values.map((v) => (v - m) ** 2))) || 1;
  };
  const [xs, ys] = [marks.map((mark) => mark.x), marks.map((mark) => mark.y)];
  const [cx, cy, sx, sy] = [mean(xs), mean(ys), deviation(xs), deviation(ys)];
  const radii = marks.map((mark) => Math.hypot((mark.x - cx) / sx, (mark.y - cy) / sy));
  return Math.round((deviation(radii) / mean(radii)) * 1000) / 1000;
}

function pinkShareOf(card: RgbaImage): number {
  let pink = 0;
  const pixels = card.width * card.height;
  for (let p = 0; p < pixels; p++) {
    const [r, g, b] = [card.data[4 * p]!, card.data[4 * p + 1]!, card.data[4 * p + 2]!];
    if (r - g >= 12 && b >= g) pink++;
  }
  return Math.round((pink / pixels) * 1000) / 1000;
}

/** The 8-connected components of ones in a mask `width` wide: each one's size and centre. */
function components(mask: Uint8Array, width: number): Mark[] {
  const seen = new Uint8Array(mask.length);
  const found: Mark[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    let [size, sumX, sumY] = [0, 0, 0];
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      size++;
      sumX += x;
      sumY += y;
      for (const q of neighbours(x, y, width, mask.length / width)) {
        if (mask[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    found.push({ size, x: sumX / size, y: sumY / size });
  }
  return found;
}

function neighbours(x: number, y: number, width: number, height: number): number[] {
  const around: number[] = [];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const [nx, ny] = [x + dx, y + dy];
      if ((dx || dy) && nx >= 0 && ny >= 0 && nx < width && ny < height) around.push(ny * width + nx);
    }
  }
  return around;
}
