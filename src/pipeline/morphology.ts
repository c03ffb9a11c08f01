/**
 * Erosion and dilation of greyscale images by a rectangle, and the black-hat and closing made of them,
 * equal byte for byte to OpenCV's (default anchor and border), in WebAssembly SIMD: OpenCV.js, built
 * without it, spent 31 ms of the MRZ search on them at 12 MP (black-hats of 15 px over the search
 * copy and of a glyph's height over the band, a 13×1 closing), before the OCR could start; these take
 * 16 (Node, 2026-11-24). Where SIMD is missing, or the image is narrower than 16 px, OpenCV does the
 * work.
 *
 * A rectangle is separable: a row pass takes the minimum (or maximum) of `width` neighbours along each
 * row, 16 bytes at a time, and a column pass of `height` neighbours down each column. The image is
 * padded with 255 for erosion and 0 for dilation, so the border never wins, as in OpenCV.
 */
import type { OpenCv } from '../engines/types.ts';
import { greyToMat, matToGrey, withMats } from './cv.ts';
import type { GreyImage } from './image.ts';
import { emitRowGroups, lazySimdKernel, SIMD_BYTES, simdModule, wasm } from './wasm.ts';

export type Extremum = 'min' | 'max';

/** OpenCV's erode ('min') or dilate ('max') by a `width`×`height` rectangle. */
export function rectFilter(
  cv: OpenCv,
  image: GreyImage,
  width: number,
  height: number,
  extremum: Extremum,
): GreyImage {
  return (
    simdRectFilter(image, width, height, extremum) ??
    openCvMorphology(cv, image, width, height, extremum === 'min' ? cv.MORPH_ERODE : cv.MORPH_DILATE)
  );
}

/** OpenCV's MORPH_CLOSE: dilated, then eroded, by the same rectangle. */
export function closing(cv: OpenCv, image: GreyImage, width: number, height: number): GreyImage {
  return rectFilter(cv, rectFilter(cv, image, width, height, 'max'), width, height, 'min');
}

/** OpenCV's MORPH_OPEN: eroded, then dilated, by the same rectangle. */
export function opening(cv: OpenCv, image: GreyImage, width: number, height: number): GreyImage {
  return rectFilter(cv, rectFilter(cv, image, width, height, 'min'), width, height, 'max');
}

/**
 * OpenCV's MORPH_BLACKHAT: the closing less the image, so dark strokes thinner than the rectangle.
 * Clamped at 0: with an even rectangle, whose anchor is off-centre, the closing can fall below the image.
 */
export function blackHat(cv: OpenCv, image: GreyImage, width: number, height: number): GreyImage {
  const closed = closing(cv, image, width, height);
  return { width: image.width, height: image.height, data: lessClamped(closed.data, image.data) };
}

/**
 * a - b over b's bytes, at least 0 (a may run on past b: a kernel's padded rows): in SIMD where it
 * runs (i8x16.sub_sat_u is this, 16 bytes at once; the loop took 5 ms of a real photo's check).
 */
function lessClamped(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  if (!lessClampedOnSimd(a, b, out)) lessClampedLoop(a, b, out);
  return out;
}

function lessClampedLoop(a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, a[i]! - b[i]!);
}

/** Bytes a band: the kernel's memory (shared with the kernels that keep nothing) holds three. */
const LESS_BAND_BYTES = 1 << 18;

function lessClampedOnSimd(a: Uint8Array, b: Uint8Array, out: Uint8Array): boolean {
  const kernel = loadLessKernel();
  if (!kernel) return false;
  // Each of the three a band and a group past it: a band's last group may run past its last byte,
  // and what it makes there is not kept.
  const room = Math.min(LESS_BAND_BYTES, out.length) + SIMD_BYTES;
  const bytes = new Uint8Array(kernel.memoryFor(3 * room).buffer);
  for (let from = 0; from < out.length; from += room - SIMD_BYTES) {
    const count = Math.min(room - SIMD_BYTES, out.length - from);
    bytes.set(a.subarray(from, from + count), 0);
    bytes.set(b.subarray(from, from + count), room);
    kernel.run(0, room, 2 * room, Math.ceil(count / SIMD_BYTES) * SIMD_BYTES);
    out.set(bytes.subarray(2 * room, 2 * room + count), from);
  }
  return true;
}

const loadLessKernel = lazySimdKernel('lessClamped', () => {
  // lessClamped(a, b, out, bytes): out = a - b at least 0, 16 bytes a step.
  const [A, B, OUT, BYTES, AT] = [0, 1, 2, 3, 4];
  const { get, set, i32, ADD, GE_U, BLOCK, LOOP, END, CONTINUE, EXIT_IF, load, store, SUB_SAT_U } = wasm;
  const at = (base: number) => [...get(base), ...get(AT), ...ADD];
  const code = [
    ...[i32(0), set(AT), BLOCK, LOOP, get(AT), get(BYTES), GE_U, EXIT_IF],
    ...[at(OUT), at(A), load(), at(B), load(), SUB_SAT_U, store()],
    ...[get(AT), i32(SIMD_BYTES), ADD, set(AT), CONTINUE, END, END],
  ].flat();
  return simdModule({ name: 'lessClamped', params: 4, locals: [[1, 'i32']], code });
});

function openCvMorphology(
  cv: OpenCv,
  image: GreyImage,
  width: number,
  height: number,
  op: number,
): GreyImage {
  return withMats(cv, (scope) => {
    const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(width, height)));
    const result = scope.mat();
    cv.morphologyEx(greyToMat(scope, image), result, op, kernel);
    return matToGrey(result);
  });
}

function simdRectFilter(
  image: GreyImage,
  width: number,
  height: number,
  extremum: Extremum,
): GreyImage | null {
  if (image.width < SIMD_BYTES) return null;
  const kernel = loadKernel();
  if (!kernel) return null;
  // OpenCV's default anchor is the middle, rounded down: an even rectangle reaches one further back.
  const [left, top] = [Math.floor(width / 2), Math.floor(height / 2)];
  const paddedWidth = image.width + width - 1;
  const paddedHeight = image.height + height - 1;
  const paddedAt = 0;
  const rowsAt = paddedAt + paddedWidth * paddedHeight;
  const outputAt = rowsAt + image.width * paddedHeight;
  const memory = kernel.memoryFor(outputAt + image.width * image.height);
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(extremum === 'min' ? 255 : 0, paddedAt, rowsAt);
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * image.width, (y + 1) * image.width);
    bytes.set(row, paddedAt + (y + top) * paddedWidth + left);
  }
  const isMax = extremum === 'max' ? 1 : 0;
  // Along the rows (the padding rows too, which stay padding), then down the columns.
  kernel.run(paddedAt, rowsAt, image.width, paddedHeight, paddedWidth, image.width, width, 1, isMax);
  kernel.run(
    rowsAt,
    outputAt,
    image.width,
    image.height,
    image.width,
    image.width,
    height,
    image.width,
    isMax,
  );
  return {
    width: image.width,
    height: image.height,
    data: bytes.slice(outputAt, outputAt + image.width * image.height),
  };
}

const loadKernel = lazySimdKernel('rectFilter', filterModule);

/**
 * `rectFilter(source, target, rowBytes, rows, sourceStride, targetStride, taps, tapStep, isMax)`: each
 * target byte is the min (or max) of `taps` source bytes `tapStep` apart, starting at its own place.
 */
function filterModule(): Uint8Array<ArrayBuffer> {
  const P = {
    source: 0,
    target: 1,
    rowBytes: 2,
    rows: 3,
    sourceStride: 4,
    targetStride: 5,
    taps: 6,
    tapStep: 7,
    isMax: 8,
  };
  const L = { y: 9, x: 10, last: 11, sourceRow: 12, targetRow: 13, at: 14, tap: 15, acc: 16 };
  const code: number[] = [];
  const emit = (...instructions: (readonly number[])[]) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, load, store, MIN_U, MAX_U, ADD, MUL, GE_U } = wasm;
  const { BLOCK, LOOP, IF, ELSE, END, CONTINUE, EXIT_IF } = wasm;

  const atRow = () => {
    emit(get(P.source), get(L.y), get(P.sourceStride), MUL, ADD, set(L.sourceRow));
    emit(get(P.target), get(L.y), get(P.targetStride), MUL, ADD, set(L.targetRow));
  };
  const atGroup = () => {
    emit(get(L.sourceRow), get(L.x), ADD, set(L.at), get(L.at), load(), set(L.acc), i32(1), set(L.tap));
    emit(BLOCK, LOOP); // taps
    emit(get(L.tap), get(P.taps), GE_U, EXIT_IF);
    emit(get(L.at), get(P.tapStep), ADD, set(L.at));
    emit(get(P.isMax), IF);
    emit(get(L.acc), get(L.at), load(), MAX_U, set(L.acc));
    emit(ELSE);
    emit(get(L.acc), get(L.at), load(), MIN_U, set(L.acc));
    emit(END);
    emit(get(L.tap), i32(1), ADD, set(L.tap), CONTINUE);
    emit(END, END); // taps
    emit(get(L.targetRow), get(L.x), ADD, get(L.acc), store());
  };
  emitRowGroups(emit, { ...L, rowBytes: P.rowBytes, rows: P.rows }, atRow, atGroup);
  return simdModule({
    name: 'rectFilter',
    params: 9,
    locals: [
      [7, 'i32'],
      [1, 'v128'],
    ],
    code,
  });
}
