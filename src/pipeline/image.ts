/**
 * Plain-pixel helpers shared by the stages: no OpenCV, no DOM.
 */
import { greyOnSimd } from './rgbaBytesSimd.ts';
import type { PixelSpace, Rect, RgbaImage } from './types.ts';

/** One byte a pixel, row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * ITU-R BT.601 luma in OpenCV's fixed point (RGBA2GRAY: weights scaled by 2^14, rounded), so both
 * give the same numbers; integer arithmetic is also several times faster here than dividing floats.
 */
export function toGreyscale(image: RgbaImage | GreyImage): GreyImage {
  const pixels = image.width * image.height;
  if (image.data.length === pixels) return image as GreyImage;
  const grey = new Uint8Array(pixels);
  const rgba = image.data;
  if (greyOnSimd(rgba, grey, pixels)) return { width: image.width, height: image.height, data: grey };
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    grey[i] = (rgba[j]! * 4899 + rgba[j + 1]! * 9617 + rgba[j + 2]! * 1868 + 8192) >> 14;
  }
  return { width: image.width, height: image.height, data: grey };
}

/*
 * Byte loops over a whole image live in small functions of their own, here and in the stages: V8
 * optimises a small function after a photo or two, but a loop inside a large function (or a closure
 * made anew each call) that runs once a photo stayed unoptimised, or was optimised only after it had
 * finished: a histogram of clarity's 0.45 M px took 5-12 ms of the 12 MP check so, 0.5 ms on its own
 * (npm run bench). `TypedArray.map` with an arrow calls it once a byte, slower still.
 *
 * Such a function is best given typed arrays and numbers, and gives back a typed array, a number or
 * nothing: V8 threw away the compiled loops of several that read a field of an object made once a
 * photo (countLost's bag of masks) or built one after the loop (inkMasks' masks, the face input),
 * with "insufficient type feedback" once the collector had run (it runs several times a 12 MP check),
 * and compiled them again on the next photo while they ran unoptimised (`node --trace-deopt
 * --trace-opt` over repeated 12 MP checks: 30 compiles and 10 deopts a check, 21 and 2 once the hot
 * loops took plain arrays; the check's main-thread CPU fell by 14 and 9 ms with the two changes that
 * did it, 2026-12-05). A closure made anew each call and passed in, or a class instance made once a
 * photo, did the same ("weak objects": cellMeans' column band, clarity's LoudestBins and LumaSamples).
 */

/**
 * How many of each byte value (0..255) `data` holds. Counted into four histograms in turn, then
 * summed: neighbouring pixels of one value (paper, print) made each count wait for the one before it
 * (0.46 against 0.27 ms over clarity's 800-px grey, Node, 2026-12-05).
 */
export function byteHistogram(data: Uint8Array): Uint32Array {
  const counts = new Uint32Array(4 * 256);
  const whole = data.length - (data.length % 4);
  let i = 0;
  for (; i < whole; i += 4) {
    counts[data[i]!]!++;
    counts[256 + data[i + 1]!]!++;
    counts[512 + data[i + 2]!]!++;
    counts[768 + data[i + 3]!]!++;
  }
  for (; i < data.length; i++) counts[data[i]!]!++;
  const histogram = new Uint32Array(256);
  for (let v = 0; v < 256; v++)
    histogram[v] = counts[v]! + counts[256 + v]! + counts[512 + v]! + counts[768 + v]!;
  return histogram;
}

/** The lowest and the highest byte of `data` ([255, 0] where it is empty). */
export function byteRange(data: Uint8Array): [low: number, high: number] {
  let [low, high] = [255, 0];
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** Each byte of `data` looked up in `table` (256 entries). */
export function throughTable(data: Uint8Array, table: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = table[data[i]!]!;
  return out;
}

/** 255 less each byte: dark print as bright ink. */
export function invertedBytes(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = 255 - data[i]!;
  return out;
}

/** The pixels of a region (whole pixels inside the image), copied row by row. */
export function cropGrey(image: GreyImage, region: Rect<PixelSpace>): GreyImage {
  const { x: x0, y: y0, width } = region;
  const [x1, y1] = [x0 + width, y0 + region.height];
  const data = new Uint8Array(width * (y1 - y0));
  for (let y = y0; y < y1; y++) {
    data.set(image.data.subarray(y * image.width + x0, y * image.width + x1), (y - y0) * width);
  }
  return { width, height: y1 - y0, data };
}

/** The pixels of a region (whole pixels inside the image), copied row by row. */
export function cropRgba(image: RgbaImage, region: Rect<PixelSpace>): RgbaImage {
  const { x, y, width, height } = region;
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/** The image in square cells: each cell's mean red, green and blue, three numbers a cell, row-major. */
export interface CellMeans {
  readonly columns: number;
  readonly rows: number;
  /** A cell's side, in the image's pixels. */
  readonly cell: number;
  readonly rgb: Float64Array;
}

/**
 * Square cells, about `cellsAcross` of them along the image's longer side (a partial cell at the right
 * or bottom edge is left out), each the mean of its pixels: the grid the portrait's shine and cover,
 * and the rehearsal's held-up sheet, are judged on. `only`, as shares of the image's width, names the
 * columns wanted: from floor(from × columns) to ceil(to × columns), exclusive; the others are not
 * measured, and stay 0. Shares rather than a callback: a function made anew each call and called here
 * tied this function's optimised code to it, which V8 dropped when the collector took the function,
 * and compiled again for the next photo (`node --trace-deopt`: "weak objects", every 12 MP check).
 */
export function cellMeans(
  image: RgbaImage,
  cellsAcross: number,
  only?: { readonly from: number; readonly to: number },
): CellMeans {
  const cell = Math.max(1, Math.ceil(Math.max(image.width, image.height) / cellsAcross));
  const columns = Math.floor(image.width / cell);
  const rows = Math.floor(image.height / cell);
  const rgb = new Float64Array(columns * rows * 3);
  const { data, width } = image;
  const n = cell * cell;
  const from = only ? Math.floor(columns * only.from) : 0;
  const to = only ? Math.ceil(columns * only.to) : columns;
  for (let row = 0; row < rows; row++)
    for (let column = Math.max(0, from); column < Math.min(columns, to); column++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = row * cell; y < (row + 1) * cell; y++)
        for (let at = (y * width + column * cell) * 4, end = at + cell * 4; at < end; at += 4) {
          r += data[at]!;
          g += data[at + 1]!;
          b += data[at + 2]!;
        }
      const out = (row * columns + column) * 3;
      rgb[out] = r / n;
      rgb[out + 1] = g / n;
      rgb[out + 2] = b / n;
    }
  return { columns, rows, cell, rgb };
}
