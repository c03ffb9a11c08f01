/**
 * Skin, and skin that reaches in across a document's edge (a finger), on a grid of cell means: the
 * portrait's cover test (findPortrait.ts). Pure functions over plain colours.
 */
import { cellMeans } from '../image.ts';
import type { RgbaImage } from '../types.ts';

export type Rgb = readonly [number, number, number];

/**
 * The document's own paper: the median colour, channel by channel, of the cells of its middle band
 * (38-62% of its width, between the portrait zones at either end, where the fields' print is sparse).
 * A finger is told from the paper by its colour: on a page whose paper is skin-toned (MIDV-500's mock
 * German passport, ../shared/real-photos/midv500-seg/sample2.png, beige), paper along the edge is not
 * a finger reaching in.
 */
const PAPER_BAND = { from: 0.38, to: 0.62 } as const;

export function paperColour(document: RgbaImage, cellsAcross: number): Rgb {
  // Only the band's cells are measured: the whole document holds four times their pixels.
  const { columns, rows, rgb } = cellMeans(document, cellsAcross, PAPER_BAND);
  const [from, to] = [Math.floor(columns * PAPER_BAND.from), Math.ceil(columns * PAPER_BAND.to)];
  const channels: [number[], number[], number[]] = [[], [], []];
  for (let row = 0; row < rows; row++)
    for (let column = from; column < to; column++)
      for (let channel = 0; channel < 3; channel++)
        channels[channel]!.push(rgb[(row * columns + column) * 3 + channel]!);
  // A typed array sorts numerically without a comparator, several times faster (the same order: no NaN).
  const median = (values: number[]) => Float64Array.from(values).sort()[values.length >> 1] ?? 0;
  return [median(channels[0]), median(channels[1]), median(channels[2])];
}

/**
 * Within this distance (RGB, Euclidean) of the paper's colour a cell is the paper: cell means of one
 * paper under one light vary by JPEG noise and shading of about 10-15; a finger over paper differs by
 * its own tone and its shadow.
 */
export const PAPER_COLOUR_DISTANCE = 20;

export function nearColour([r, g, b]: Rgb, [pr, pg, pb]: Rgb): boolean {
  return Math.hypot(r - pr, g - pg, b - pb) <= PAPER_COLOUR_DISTANCE;
}

/**
 * Skin of any tone, in YCbCr (ITU-R BT.601): Cr 138-180 and Cb 77-120 (Chai and Ngan's 1999 box,
 * Cb tightened from 127 so that the pink of a UK licence, Cb about 126, is not skin), neither nearly
 * black nor white.
 */
export function isSkin(r: number, g: number, b: number): boolean {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  const cr = 128 + 0.5 * r - 0.4187 * g - 0.0813 * b;
  const cb = 128 - 0.1687 * r - 0.3313 * g + 0.5 * b;
  return y > 40 && y < 245 && cr >= 138 && cr <= 180 && cb >= 77 && cb <= 120;
}

/**
 * A finger reaches in across the document's edge over at least this length: an adult's fingertip is
 * 14-20 mm wide and a thumb wider. Shorter runs of skin tone along the edge are the portrait's own
 * skin-toned background or a warm paper near it (MIDV-500's mock German passport in
 * ../shared/real-photos, midv500-seg/sample2.png: runs of 5-7 mm, and the whole portrait joined to them).
 */
export const MIN_FINGER_CONTACT_MM = 10;

/**
 * 1 where a cell of `mask` is joined (4-connected, through the mask) to a run of at least `minRun`
 * cells of it along one of `edges`.
 */
export function joinedToEdges(
  mask: Uint8Array,
  columns: number,
  rows: number,
  edges: readonly ('left' | 'top' | 'bottom')[],
  minRun: number,
): Uint8Array {
  const joined = new Uint8Array(mask.length);
  const stack: number[] = [];
  const seed = (index: number) => {
    if (mask[index] === 1 && joined[index] === 0) {
      joined[index] = 1;
      stack.push(index);
    }
  };
  const seedRuns = (cells: number[]) => {
    let start = 0;
    for (let at = 0; at <= cells.length; at++) {
      if (at < cells.length && mask[cells[at]!] === 1) continue;
      if (at - start >= minRun) cells.slice(start, at).forEach(seed);
      start = at + 1;
    }
  };
  if (edges.includes('left')) seedRuns(Array.from({ length: rows }, (_, row) => row * columns));
  if (edges.includes('top')) seedRuns(Array.from({ length: columns }, (_, column) => column));
  if (edges.includes('bottom'))
    seedRuns(Array.from({ length: columns }, (_, column) => (rows - 1) * columns + column));
  while (stack.length > 0) {
    const index = stack.pop()!;
    const column = index % columns;
    if (column > 0) seed(index - 1);
    if (column < columns - 1) seed(index + 1);
    if (index >= columns) seed(index - columns);
    if (index + columns < mask.length) seed(index + columns);
  }
  return joined;
}
