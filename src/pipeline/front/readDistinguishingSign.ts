/**
 * The issuing state's distinguishing sign, printed in negative (white) in the blue rectangle at the
 * top left of an EU model driving licence (Directive 2006/126/EC, Annex I, side 1 (b)): F, D, IRL …
 * The rectangle is found by its colour, its white letters are lifted out as dark print on white (the
 * twelve yellow stars round it drop out as coloured, not white), and the letters are OCR'd.
 */
import type { Engines } from '../../engines/types.ts';
import { DISTINGUISHING_SIGNS } from '../countries.ts';
import type { GreyImage } from '../image.ts';
import { rectIn, type DistinguishingSign, type Rect, type RgbaImage } from '../types.ts';

/**
 * Where the rectangle is searched for, as shares of the upright card's width and height. The model
 * card puts it in the top-left corner of side 1, above the photo; our fixtures' box
 * ends at 20% of the width and 22% of the height, and the rest is margin for a loose outline.
 */
const SEARCH_REGION = { width: 0.34, height: 0.4 } as const;
/** A pixel is the rectangle's blue when its blue channel exceeds both others by this much (0..255). */
const MIN_BLUE_EXCESS = 35;
/** The rectangle's plausible size, shares of the card's width (ours: 13 mm of 85.6, 0.15). */
const BOX_WIDTH_SHARE = [0.08, 0.3] as const;
/** Width over height: our box is 13 × 9 mm (1.44); the range leaves room for other states' proportions. */
const BOX_ASPECT = [1, 2.2] as const;
/**
 * White print: every channel at least this share of the way from the box's blue to the brightest
 * white, tried in turn. Halfway keeps a blurred sign whole (a sigma-5 "UK" reads up to 0.7, not at
 * 0.8); a bold B, whose counters the anti-aliased rim fills in, read as nothing below 0.8 and as B
 * from 0.85 on our fixtures.
 */
const LETTER_LEVELS = [0.5, 0.85] as const;
/** Colourless: the spread between channels stays below this (the yellow stars' spread is ~150). */
const MAX_LETTER_SPREAD = 70;
/** White margin round each copy of the letters for the OCR, pixels. */
const PADDING_PX = 20;
/** A lone bar fills this much of its bounding box and is this many times taller than wide (ours: 0.95, 4.4). */
const LONE_BAR_FILL = 0.85;
const LONE_BAR_ASPECT = 2.5;
/** How many times the letters are set down for the OCR (see `repeatedStrip`). */
const SIGN_COPIES = 3;

/** Reads the sign off an upright rectified card; null when no rectangle or no known sign is found. */
export async function readDistinguishingSign(
  engines: Engines,
  card: RgbaImage,
): Promise<DistinguishingSign | null> {
  for (const level of LETTER_LEVELS) {
    const letters = liftSignLetters(card, level);
    if (!letters) return null;
    if (letters.loneBar) return { sign: 'I', issuer: DISTINGUISHING_SIGNS['I']! };
    const lines = await engines.ocr.readPrintedText(letters.strip);
    const sign = parseDistinguishingSign(lines.map((line) => line.text));
    if (sign) return sign;
  }
  return null;
}

/**
 * Pure: from the OCR of the strip of copies to the sign, when every copy reads alike as a known sign
 * (letters as read, capitals only: a lower-case l is not L).
 */
export function parseDistinguishingSign(lines: readonly string[]): DistinguishingSign | null {
  const letters = lines.join('').replace(/[^A-Za-z]/gu, '');
  if (letters.length === 0 || letters.length % SIGN_COPIES !== 0) return null;
  const sign = letters.slice(0, letters.length / SIGN_COPIES);
  if (sign.repeat(SIGN_COPIES) !== letters) return null;
  const issuer = DISTINGUISHING_SIGNS[sign];
  return issuer ? { sign, issuer } : null;
}

export interface SignLetters {
  /** The letters as black print on white, SIGN_COPIES times in a row. */
  readonly strip: GreyImage;
  /**
   * The print is one solid upright bar: Italy's "I", the only sign that is. OCR drops a bare bar as a
   * rule line (it read nothing on our Italian fixture), so the shape itself says it.
   */
  readonly loneBar: boolean;
}

/**
 * Pure: the sign's letters, or null when the top-left corner holds no blue rectangle of the model's
 * size and shape with print in it. `level`: see LETTER_LEVELS.
 */
export function liftSignLetters(card: RgbaImage, level: number): SignLetters | null {
  const regionWidth = Math.round(card.width * SEARCH_REGION.width);
  const regionHeight = Math.round(card.height * SEARCH_REGION.height);
  const blue = new Uint8Array(regionWidth * regionHeight);
  for (let y = 0; y < regionHeight; y++) {
    for (let x = 0; x < regionWidth; x++) {
      const i = (y * card.width + x) * 4;
      const [r, g, b] = [card.data[i]!, card.data[i + 1]!, card.data[i + 2]!];
      blue[y * regionWidth + x] = b - Math.max(r, g) > MIN_BLUE_EXCESS ? 1 : 0;
    }
  }
  const box = largestComponent(blue, regionWidth, regionHeight);
  if (!box) return null;
  const { width, height } = box;
  const widthShare = width / card.width;
  if (widthShare < BOX_WIDTH_SHARE[0] || widthShare > BOX_WIDTH_SHARE[1]) return null;
  if (width / height < BOX_ASPECT[0] || width / height > BOX_ASPECT[1]) return null;

  // The letters are holes in the blue: what is not blue and cannot be reached from outside the box.
  // (The anti-aliased rim and the rounded corners can, and so drop out.)
  const inside = holesOf(blue, regionWidth, box);
  const [x0, y0, x1, y1] = lastPixels(box);
  let blueLuma = 0;
  let blueCount = 0;
  let brightest = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = (y * card.width + x) * 4;
      const low = Math.min(card.data[i]!, card.data[i + 1]!, card.data[i + 2]!);
      if (blue[y * regionWidth + x]) {
        blueLuma += low;
        blueCount++;
      } else if (inside[y * regionWidth + x]) brightest = Math.max(brightest, low);
    }
  }
  // White print lies above a level between the box's own blue and the brightest print in it.
  const boxLevel = blueLuma / Math.max(1, blueCount);
  const printLevel = boxLevel + level * (brightest - boxLevel);

  const ink: number[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!inside[y * regionWidth + x]) continue;
      const i = (y * card.width + x) * 4;
      const [r, g, b] = [card.data[i]!, card.data[i + 1]!, card.data[i + 2]!];
      if (Math.min(r, g, b) > printLevel && Math.max(r, g, b) - Math.min(r, g, b) < MAX_LETTER_SPREAD) {
        ink.push(x, y);
      }
    }
  }
  // Print covers some of the box, never most of it: otherwise what was found is not a sign box.
  const share = ink.length / 2 / (width * height);
  if (share < 0.01 || share > 0.5) return null;
  return repeatedStrip(ink);
}

/**
 * The inked pixels (x, y pairs) cropped tight, padded, and set down SIGN_COPIES times side by side.
 * Tesseract's sparse-text layout drops a lone capital as noise ("F", "D" came back empty on every
 * fixture); three in a row read as a word, and the copies must then read alike.
 */
function repeatedStrip(ink: readonly number[]): SignLetters {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < ink.length; k += 2) {
    x0 = Math.min(x0, ink[k]!);
    x1 = Math.max(x1, ink[k]!);
    y0 = Math.min(y0, ink[k + 1]!);
    y1 = Math.max(y1, ink[k + 1]!);
  }
  const copyWidth = x1 - x0 + 1 + 2 * PADDING_PX;
  const width = copyWidth * SIGN_COPIES;
  const height = y1 - y0 + 1 + 2 * PADDING_PX;
  const data = new Uint8Array(width * height).fill(255);
  for (let k = 0; k < ink.length; k += 2) {
    const x = ink[k]! - x0 + PADDING_PX;
    const y = ink[k + 1]! - y0 + PADDING_PX;
    for (let copy = 0; copy < SIGN_COPIES; copy++) data[y * width + copy * copyWidth + x] = 0;
  }
  const [inkWidth, inkHeight] = [x1 - x0 + 1, y1 - y0 + 1];
  const loneBar =
    ink.length / 2 >= LONE_BAR_FILL * inkWidth * inkHeight && inkHeight >= LONE_BAR_ASPECT * inkWidth;
  return { strip: { width, height, data }, loneBar };
}

/** The first and last column and row of a box: its pixels are x0 ≤ x ≤ x1, y0 ≤ y ≤ y1. */
function lastPixels(box: Rect<'document'>): [x0: number, y0: number, x1: number, y1: number] {
  return [box.x, box.y, box.x + box.width - 1, box.y + box.height - 1];
}

/**
 * The non-blue pixels within `box` that no path of non-blue pixels joins to the box's edge: the holes
 * in the rectangle, where its print is. 1 marks a hole, in the mask's own indexing.
 */
function holesOf(blue: Uint8Array, width: number, box: Rect<'document'>): Uint8Array {
  const [x0, y0, x1, y1] = lastPixels(box);
  const outside = new Uint8Array(blue.length);
  const stack: number[] = [];
  const visit = (x: number, y: number) => {
    const p = y * width + x;
    if (!blue[p] && !outside[p]) {
      outside[p] = 1;
      stack.push(p);
    }
  };
  for (let x = x0; x <= x1; x++) [y0, y1].forEach((y) => visit(x, y));
  for (let y = y0; y <= y1; y++) [x0, x1].forEach((x) => visit(x, y));
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % width;
    const y = (p - x) / width;
    if (x > x0) visit(x - 1, y);
    if (x < x1) visit(x + 1, y);
    if (y > y0) visit(x, y - 1);
    if (y < y1) visit(x, y + 1);
  }
  const holes = new Uint8Array(blue.length);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = y * width + x;
      holes[p] = !blue[p] && !outside[p] ? 1 : 0;
    }
  }
  return holes;
}

/** The box round the largest 4-connected component of ones, by an explicit-stack flood fill. */
function largestComponent(mask: Uint8Array, width: number, height: number): Rect<'document'> | null {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  let best: { x0: number; y0: number; x1: number; y1: number; size: number } | null = null;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let [x0, y0, x1, y1, size] = [width, height, 0, 0, 0];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      size++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (const q of [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p - width, p + width]) {
        if (q >= 0 && q < mask.length && mask[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (!best || size > best.size) best = { x0, y0, x1, y1, size };
  }
  return best && rectIn('document', best.x0, best.y0, best.x1 - best.x0 + 1, best.y1 - best.y0 + 1);
}
