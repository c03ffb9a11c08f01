/**
 * OpenCV's `resize(src, dst, size, 0, 0, INTER_AREA)` of RGBA pixels, byte for byte, where the scale is
 * no whole number (ResizeArea_Invoker in imgproc/src/resize.cpp), in WebAssembly SIMD: a pixel's four
 * channels are one f32x4, so each single-precision product and sum rounds exactly as OpenCV's scalar
 * floats do, four at a time. OpenCV.js, built without SIMD, took 22 ms to shrink a 1600-px passport page
 * to measureHandwriting's 1125 px (Node, 2026-12-05). A whole-number scale (OpenCV's integer fast
 * path), an enlargement, or an engine without SIMD is left to OpenCV.
 *
 * Each target pixel is the mean of the source area it covers, a source pixel it covers in part
 * weighted by the share covered: each source row is summed along x into a row of weighted sums
 * (`xtab`), which is added with its own weight (`ytab`) to the target row it falls in.
 */
import type { OpenCv } from '../engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from './cv.ts';
import type { RgbaImage } from './types.ts';
import { align16, lazySimdKernel, simdModule, wasm } from './wasm.ts';

/** `image` area-averaged to `width`×`height`, as OpenCV's INTER_AREA resize makes it. */
export function resizeRgbaByArea(cv: OpenCv, image: RgbaImage, width: number, height: number): RgbaImage {
  return simdResizeArea(image, width, height) ?? openCvResizeArea(cv, image, width, height);
}

/** Whether cv::resize takes `scale` (source pixels a target pixel) for a whole number. */
const isWhole = (scale: number) => Math.abs(scale - Math.round(scale)) < Number.EPSILON;

/**
 * Source bytes handed to OpenCV at once for a shrink by a whole number: OpenCV's heap keeps the most it
 * ever held, and lookForPeople's shrink of a 4000 × 3000 photo to 800 px (by 5) put the whole photo,
 * 46 MB, in it for the rest of a batch (npm run trace:memory; issue 13).
 */
const OPENCV_BAND_BYTES = 4 << 20;

/**
 * OpenCV's own resize. A shrink by a whole number both ways (its resizeAreaFast: each target pixel the
 * mean of its own block of source pixels, no block shared by two target rows) is made in bands of
 * whole blocks, which gives the same bytes as one call: a band of m target rows from k·m source rows
 * has the whole image's scales (m / (k·m) rounds to the same double as height / (k·height)).
 */
function openCvResizeArea(cv: OpenCv, image: RgbaImage, width: number, height: number): RgbaImage {
  const [scaleX, scaleY] = [1 / (width / image.width), 1 / (height / image.height)];
  const blocks = isWhole(scaleX) && isWhole(scaleY) && scaleX >= 1 && scaleY >= 1;
  const rowBytes = image.width * PIXEL;
  const bandRows = Math.max(1, Math.floor(OPENCV_BAND_BYTES / (rowBytes * scaleY)));
  const resize = (source: RgbaImage, rows: number) =>
    withMats(cv, (scope) => {
      const resized = scope.mat();
      cv.resize(rgbaToMat(scope, source), resized, new cv.Size(width, rows), 0, 0, cv.INTER_AREA);
      return matToRgba(resized);
    });
  if (!blocks || bandRows >= height) return resize(image, height);
  const blockRows = Math.round(scaleY);
  const data = new Uint8Array(width * height * PIXEL);
  for (let row = 0; row < height; row += bandRows) {
    const rows = Math.min(bandRows, height - row);
    const from = row * blockRows * rowBytes;
    const band = {
      width: image.width,
      height: rows * blockRows,
      data: image.data.subarray(from, from + rows * blockRows * rowBytes),
    };
    data.set(resize(band, rows).data, row * width * PIXEL);
  }
  return { width, height, data };
}

/** Shrunk so that its longer side is at most `maxSide`, as cv.ts's shrinkToFit does it; never enlarged. */
export function shrinkRgbaToFit(cv: OpenCv, image: RgbaImage, maxSide: number): RgbaImage {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  if (scale === 1) return image;
  return resizeRgbaByArea(cv, image, Math.round(image.width * scale), Math.round(image.height * scale));
}

/** Bytes per entry of a table: the source offset, the target offset (both in bytes), the weight. */
const ENTRY = 12;
const PIXEL = 4;
/** A pixel's four channels as float32, in the row of sums. */
const SUM_PIXEL = 16;

/**
 * Source rows held in the kernel's memory at once, in bytes, about: the target is made in bands of
 * rows, each from its own source rows, so a 12 MP photo is never copied whole (the memory a kernel
 * grows it keeps); and each band's target rows are copied out before the next is made (held whole,
 * readDocumentFront's 2000-px copy of a 12 MP photo grew the kernels' shared memory by 12 MB for the
 * rest of a batch; issue 13). OpenCV's parallel_for_ splits the rows the same way: each target row
 * is summed from its own table entries alone, so any split gives the same bytes.
 */
const BAND_BYTES = 1 << 20;

function simdResizeArea(image: RgbaImage, width: number, height: number): RgbaImage | null {
  // cv::resize: the scales it works with, and the cases it hands to other code.
  const scaleX = 1 / (width / image.width);
  const scaleY = 1 / (height / image.height);
  if (width < 1 || height < 1 || scaleX < 1 || scaleY < 1) return null;
  if (isWhole(scaleX) && isWhole(scaleY)) return null;
  const kernel = loadKernel();
  if (!kernel) return null;
  const rowBytes = image.width * PIXEL;
  const xtab = packTable(areaTable(image.width, width, scaleX), PIXEL, SUM_PIXEL, 0);
  const bandRows = Math.max(1, Math.floor(BAND_BYTES / (rowBytes * scaleY)));
  const bands = bandsOf(areaTable(image.height, height, scaleY), bandRows);
  const targetRowBytes = width * PIXEL;
  const xtabAt = 0;
  const bufAt = align16(xtab.byteLength);
  const sumAt = bufAt + width * SUM_PIXEL;
  const targetAt = sumAt + width * SUM_PIXEL;
  const targetRows = Math.max(...bands.map((band) => band.lastTarget - band.firstTarget + 1));
  const ytabAt = align16(targetAt + targetRows * targetRowBytes);
  const sourceAt = align16(ytabAt + Math.max(...bands.map((band) => band.entries.length)) * ENTRY);
  const sourceRows = Math.max(...bands.map((band) => band.lastRow - band.firstRow + 1));
  const memory = kernel.memoryFor(sourceAt + sourceRows * rowBytes);
  const bytes = new Uint8Array(memory.buffer);
  bytes.set(new Uint8Array(xtab), xtabAt);
  const data = new Uint8Array(height * targetRowBytes);
  for (const { entries, firstRow, lastRow, firstTarget, lastTarget } of bands) {
    bytes.set(new Uint8Array(packTable(entries, rowBytes, 1, firstRow)), ytabAt);
    bytes.set(image.data.subarray(firstRow * rowBytes, (lastRow + 1) * rowBytes), sourceAt);
    const xCount = xtab.byteLength / ENTRY;
    // The kernel writes target row r at `target` + r rows: the band's first row lands at targetAt
    // (wasm's i32 arithmetic wraps, so a base below 0 works). Only a band's target rows are held.
    const target = targetAt - firstTarget * targetRowBytes;
    kernel.run(sourceAt, xtabAt, xCount, ytabAt, entries.length, bufAt, sumAt, target, width);
    const made = bytes.subarray(targetAt, targetAt + (lastTarget - firstTarget + 1) * targetRowBytes);
    data.set(made, firstTarget * targetRowBytes);
  }
  return { width, height, data };
}

/** A table entry: source index, target index, weight. */
type AreaEntry = readonly [source: number, target: number, weight: number];

/** OpenCV's computeResizeAreaTab over one axis: for each target pixel, the source pixels it covers. */
function areaTable(sourceSize: number, targetSize: number, scale: number): AreaEntry[] {
  const entries: AreaEntry[] = [];
  for (let dx = 0; dx < targetSize; dx++) {
    const fsx1 = dx * scale;
    const fsx2 = fsx1 + scale;
    const cellWidth = Math.min(scale, sourceSize - fsx1);
    let sx1 = Math.ceil(fsx1);
    const sx2 = Math.min(Math.floor(fsx2), sourceSize - 1);
    sx1 = Math.min(sx1, sx2);
    if (sx1 - fsx1 > 1e-3) entries.push([sx1 - 1, dx, (sx1 - fsx1) / cellWidth]);
    for (let sx = sx1; sx < sx2; sx++) entries.push([sx, dx, 1.0 / cellWidth]);
    if (fsx2 - sx2 > 1e-3) entries.push([sx2, dx, Math.min(Math.min(fsx2 - sx2, 1), cellWidth) / cellWidth]);
  }
  return entries;
}

/**
 * Entries as the kernel reads them, ENTRY bytes each: (source − `sourceOrigin`) × `sourceStep` and
 * target × `targetStep` (byte offsets), and the weight as float32, as OpenCV keeps it.
 */
function packTable(
  entries: readonly AreaEntry[],
  sourceStep: number,
  targetStep: number,
  sourceOrigin: number,
): ArrayBuffer {
  const table = new ArrayBuffer(entries.length * ENTRY);
  const view = new DataView(table);
  entries.forEach(([source, target, weight], k) => {
    view.setInt32(k * ENTRY, (source - sourceOrigin) * sourceStep, true);
    view.setInt32(k * ENTRY + 4, target * targetStep, true);
    view.setFloat32(k * ENTRY + 8, weight, true);
  });
  return table;
}

/** The row table's entries in bands of `rows` target rows, with the source rows each band reads. */
function bandsOf(entries: readonly AreaEntry[], rows: number) {
  const bands: AreaEntry[][] = [];
  for (const entry of entries) (bands[Math.floor(entry[1] / rows)] ??= []).push(entry);
  return bands
    .filter((band) => band.length > 0)
    .map((band) => ({
      entries: band,
      firstRow: band[0]![0],
      lastRow: band.at(-1)![0],
      firstTarget: band[0]![1],
      lastTarget: band.at(-1)![1],
    }));
}

const loadKernel = lazySimdKernel('resizeArea', resizeAreaModule);

/**
 * `resizeArea(source, xtab, xtabCount, ytab, ytabCount, buf, sum, target, width)`: ResizeArea_Invoker
 * over every target row, `buf` and `sum` each a row of `width` f32x4 pixels.
 */
function resizeAreaModule(): Uint8Array<ArrayBuffer> {
  const P = { source: 0, xtab: 1, xtabCount: 2, ytab: 3, ytabCount: 4, buf: 5, sum: 6, target: 7, width: 8 };
  let next = 9;
  const locals = <K extends string>(...names: K[]) =>
    Object.fromEntries(names.map((name) => [name, next++])) as Record<K, number>;
  const I = locals('j', 'k', 'entry', 'row', 'dy', 'prevDy', 'o', 'q', 'out', 'at', 'rowBytes', 'end');
  const i32Count = next - 9;
  const V = locals('zero', 'beta', 'pixel');
  const code: number[] = [];
  const emit = (...instructions: (readonly number[])[]) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, load, store, ADD, MUL, GE_U, EQ, I32_LOAD, I32_STORE, F32_LOAD, SPLAT } = wasm;
  const { F32X4_SPLAT, F32X4_ADD, F32X4_MUL, F32X4_NEAREST, I32X4_OF_F32X4 } = wasm;
  const { NARROW_32_16, NARROW_16_8_U, EXTRACT } = wasm;
  const { BLOCK, LOOP, IF, ELSE, END, CONTINUE, EXIT_IF } = wasm;

  /** `body` for each pixel of a row of sums: `o` its byte in `buf` and `sum`, `q` its byte in a target row. */
  const forEachPixel = (body: () => void) => {
    emit(i32(0), set(I.o), i32(0), set(I.q), BLOCK, LOOP, get(I.o), get(I.rowBytes), GE_U, EXIT_IF);
    body();
    emit(get(I.o), i32(SUM_PIXEL), ADD, set(I.o), get(I.q), i32(PIXEL), ADD, set(I.q), CONTINUE, END, END);
  };
  /**
   * Target row `prevDy` from `sum`, each channel rounded half to even (cvRound) and saturated; then,
   * unless it is the last, sum[dx] = beta * buf[dx] begins the next.
   */
  const storeRow = (last: boolean) => {
    emit(get(P.target), get(I.prevDy), get(P.width), MUL, i32(PIXEL), MUL, ADD, set(I.out));
    forEachPixel(() => {
      emit(get(I.out), get(I.q), ADD, get(P.sum), get(I.o), ADD, load(), F32X4_NEAREST, I32X4_OF_F32X4);
      emit(set(V.pixel), get(V.pixel), get(V.pixel), NARROW_32_16, set(V.pixel));
      emit(get(V.pixel), get(V.pixel), NARROW_16_8_U, EXTRACT(0), I32_STORE);
      if (!last) emit(get(P.sum), get(I.o), ADD, get(V.beta), get(P.buf), get(I.o), ADD, load(), F32X4_MUL);
      if (!last) emit(store());
    });
  };

  emit(get(P.width), i32(SUM_PIXEL), MUL, set(I.rowBytes), i32(0), SPLAT, set(V.zero));
  emit(get(P.ytab), I32_LOAD(4), set(I.prevDy));
  forEachPixel(() => emit(get(P.sum), get(I.o), ADD, get(V.zero), store()));
  emit(i32(0), set(I.j), BLOCK, LOOP, get(I.j), get(P.ytabCount), GE_U, EXIT_IF); // source rows
  emit(get(P.ytab), get(I.j), i32(ENTRY), MUL, ADD, set(I.entry));
  emit(get(P.source), get(I.entry), I32_LOAD(), ADD, set(I.row), get(I.entry), I32_LOAD(4), set(I.dy));
  forEachPixel(() => emit(get(P.buf), get(I.o), ADD, get(V.zero), store()));
  emitAlongRow(emit, { ...P, ...I });
  emit(get(I.entry), F32_LOAD(8), F32X4_SPLAT, set(V.beta));
  emit(get(I.dy), get(I.prevDy), EQ, IF);
  // sum[dx] += beta * buf[dx]
  forEachPixel(() => {
    emit(get(P.sum), get(I.o), ADD, get(P.sum), get(I.o), ADD, load());
    emit(get(V.beta), get(P.buf), get(I.o), ADD, load(), F32X4_MUL, F32X4_ADD, store());
  });
  emit(ELSE);
  storeRow(false); // the row before is complete
  emit(get(I.dy), set(I.prevDy), END);
  emit(get(I.j), i32(1), ADD, set(I.j), CONTINUE, END, END); // source rows
  storeRow(true);
  return simdModule({
    name: 'resizeArea',
    params: 9,
    locals: [
      [i32Count, 'i32'],
      [3, 'v128'],
    ],
    code,
  });
}

/** buf[dx] += S[sx] * alpha over the xtab's entries: `row` is the source row's address. */
function emitAlongRow(
  emit: (...instructions: (readonly number[])[]) => void,
  L: { xtab: number; xtabCount: number; buf: number; row: number; at: number; end: number; k: number },
): void {
  const { get, set, i32, load, store, ADD, MUL, GE_U, I32_LOAD, F32_LOAD, LOAD32_ZERO } = wasm;
  const { WIDEN_LOW_U, WIDEN_LOW_U16, F32X4_OF_I32X4, F32X4_SPLAT, F32X4_ADD, F32X4_MUL } = wasm;
  const { BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  emit(get(L.xtab), set(L.at), get(L.xtab), get(L.xtabCount), i32(ENTRY), MUL, ADD, set(L.end));
  emit(BLOCK, LOOP, get(L.at), get(L.end), GE_U, EXIT_IF);
  emit(get(L.buf), get(L.at), I32_LOAD(4), ADD, set(L.k));
  emit(get(L.k), get(L.k), load(), get(L.row), get(L.at), I32_LOAD(), ADD, LOAD32_ZERO);
  emit(WIDEN_LOW_U, WIDEN_LOW_U16, F32X4_OF_I32X4, get(L.at), F32_LOAD(8), F32X4_SPLAT, F32X4_MUL);
  emit(F32X4_ADD, store());
  emit(get(L.at), i32(ENTRY), ADD, set(L.at), CONTINUE, END, END);
}
