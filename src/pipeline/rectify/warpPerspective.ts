/**
 * OpenCV's `warpPerspective(src, dst, M, size, INTER_LINEAR, BORDER_REPLICATE)` of RGBA pixels, byte
 * for byte, in WebAssembly with SIMD: OpenCV.js (built without SIMD) took 58 ms to rectify a passport
 * to 1600 px from a 12 MP photo (Node, 2026-11-24).
 *
 * OpenCV's own arithmetic, copied (imgwarp.cpp, WarpPerspectiveInvoker and remapBilinear): per block
 * of `blockWidth` pixels of a row, the block's start is mapped in double precision, and each pixel from
 * it; the source position is rounded (half to even) to 1/32 px; the four neighbours are weighted by a
 * table of 15-bit fixed-point weights, and the sum rounded; neighbours off the photo repeat its edge.
 */
import type { RgbaImage } from '../types.ts';
import { lazySimdKernel, type SimdKernel } from '../wasm.ts';
import { sourceBands, type Band } from './warpBands.ts';
import { FRACTIONS, lazyWeightTable, warpModule } from './warpKernel.ts';

/** OpenCV's BLOCK_SZ: positions are worked out for blocks of up to 32×32 pixels. */
const BLOCK_SIDE = 32;

const TABLE_AT = 0;
const TABLE_BYTES = FRACTIONS * FRACTIONS * 4 * 2;
const MATRIX_AT = TABLE_AT + TABLE_BYTES;
const PHOTO_AT = MATRIX_AT + 128;

/**
 * Which rows of which photo the kernel's memory holds: the warps of one photo follow each other, and
 * a band already there is not copied again.
 */
let loaded:
  (Omit<Band, 'fromRow' | 'toRow'> & { readonly photo: RgbaImage; readonly kernel: SimdKernel }) | null =
  null;

/**
 * The photo warped by `inverse` (target pixel → photo pixel, 3×3 row-major, as OpenCV inverts the
 * forward matrix) to `width`×`height`, or null where WebAssembly SIMD is missing. The target is made
 * in bands of rows, each from the photo's rows it samples (sourceBands): the kernel's memory, which
 * never shrinks, held a copy of the whole photo, 48 MB at 12 MP, beside the photo itself (issue 13).
 */
export function warpPerspective(
  photo: RgbaImage,
  inverse: ArrayLike<number>,
  width: number,
  height: number,
): RgbaImage | null {
  const rowBytes = photo.width * 4;
  const bands = sourceBands(inverse, width, height, photo.height, rowBytes);
  const sourceBytes = Math.max(...bands.map((band) => (band.lastRow - band.firstRow + 1) * rowBytes));
  const outputAt = PHOTO_AT + sourceBytes;
  const needed = outputAt + Math.max(...bands.map((band) => band.toRow - band.fromRow)) * width * 4;
  const kernel = kernelFor(needed);
  if (!kernel) return null;
  const memory = kernel.memoryFor(needed);
  if (loaded?.kernel !== kernel) new Int16Array(memory.buffer, TABLE_AT, TABLE_BYTES / 2).set(WEIGHTS());
  new Float64Array(memory.buffer, MATRIX_AT, 9).set(Array.from(inverse));
  const blockHeight = Math.min(BLOCK_SIDE / 2, height);
  const blockWidth = Math.min(Math.floor((BLOCK_SIDE * BLOCK_SIDE) / blockHeight), width);
  const data = new Uint8Array(width * height * 4);
  for (const band of bands) {
    const { fromRow, toRow } = band;
    // Rows an earlier warp left are used where they hold this band's and end before this warp's output.
    let held = loaded?.photo === photo && loaded.kernel === kernel ? loaded : null;
    const fits = held && (held.lastRow - held.firstRow + 1) * rowBytes <= sourceBytes;
    if (!held || !fits || !holds(held, band)) {
      copyBand(photo, band, memory);
      held = loaded = { ...band, photo, kernel };
    }
    // The kernel addresses the photo's rows from its row 0 (its edges are the photo's), which would
    // stand firstRow rows before the copy (wasm's i32 arithmetic wraps, so a base below 0 works).
    const photoAt = PHOTO_AT - held.firstRow * rowBytes;
    kernel.run(
      photoAt,
      photo.width,
      photo.height,
      outputAt,
      width,
      toRow,
      blockWidth,
      MATRIX_AT,
      TABLE_AT,
      fromRow,
    );
    const made = (toRow - fromRow) * width * 4;
    data.set(new Uint8Array(memory.buffer, outputAt, made), fromRow * width * 4);
  }
  return { width, height, data };
}

/** Whether the rows and columns held in the kernel's memory take in the band's. */
function holds(held: Omit<Band, 'fromRow' | 'toRow'>, band: Band): boolean {
  return (
    held.firstRow <= band.firstRow &&
    held.lastRow >= band.lastRow &&
    held.firstColumn <= band.firstColumn &&
    held.lastColumn >= band.lastColumn
  );
}

/**
 * The band's photo rows into the kernel's memory at PHOTO_AT, each where the whole row would lie but
 * only its columns the band samples: a document across two thirds of a 12 MP photo's width had a third
 * of its 33 MB copied for nothing, twice (the MRZ search's copy, then the document; issue 13).
 */
function copyBand(photo: RgbaImage, band: Band, memory: WebAssembly.Memory): void {
  const rowBytes = photo.width * 4;
  const [start, end] = [band.firstColumn * 4, (band.lastColumn + 1) * 4];
  const held = new Uint8Array(memory.buffer, PHOTO_AT, (band.lastRow - band.firstRow + 1) * rowBytes);
  for (let row = band.firstRow; row <= band.lastRow; row++) {
    const at = row * rowBytes;
    held.set(photo.data.subarray(at + start, at + end), (row - band.firstRow) * rowBytes + start);
  }
}

/** The most memory a warp of the current photo has needed, in bytes (see forgetWarpedPhoto). */
let photoNeed = 0;

function kernelFor(bytes: number): SimdKernel | null {
  photoNeed = Math.max(photoNeed, bytes);
  return loadKernel();
}

/**
 * Ends the current photo's warps: the rows its memory holds are forgotten, and the memory itself is
 * made anew at the next warp where it is over twice what this photo's warps needed. A memory grown
 * never shrinks, so a batch's would otherwise follow its biggest warp, not its current photo. Kept
 * from one photo to the next otherwise, and within a photo: a new memory's pages cost time to fault
 * in again (~5 ms for a whole 12 MP photo, when the kernel held it whole; npm run bench).
 */
export function forgetWarpedPhoto(): void {
  loaded = null;
  const kernel = loadKernel();
  if (kernel && kernel.memoryFor(0).buffer.byteLength > 2 * photoNeed) loadKernel.release();
  photoNeed = 0;
}

const WEIGHTS = lazyWeightTable();

const loadKernel = lazySimdKernel('warp', warpModule, { keepsState: true });
