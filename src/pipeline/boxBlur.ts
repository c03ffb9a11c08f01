/**
 * OpenCV's `blur(src, dst, new Size(side, side))` of RGBA pixels (the normalised box filter, its
 * default anchor and BORDER_REFLECT_101), byte for byte, in WebAssembly SIMD: a pixel's four channels
 * are one i32x4. OpenCV.js, built without SIMD, took 7 ms for the 5-px box and 16 for the 31-px one
 * over measureHandwriting's 1125-px document (Node, 2026-12-05). Where SIMD is missing, or the side is
 * even, OpenCV does it.
 *
 * OpenCV sums the box exactly in integers and scales the sum by 1/side², rounding to nearest. A sum of
 * whole numbers over an odd side² is never halfway between two integers (at least 1/(2·side²) from
 * it), and float32's error on 255 is under 2e-5, so the product rounds as OpenCV's does.
 *
 * Column sums over the box's rows are kept as the box moves down (a row added below, one taken off
 * above); each target row is a running sum along them.
 */
import type { OpenCv } from '../engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from './cv.ts';
import type { RgbaImage } from './types.ts';
import { align16, lazySimdKernel, reflect101, simdModule, wasm } from './wasm.ts';

export function boxBlurRgba(cv: OpenCv, image: RgbaImage, side: number): RgbaImage {
  return (
    simdBoxBlur(image, side) ??
    withMats(cv, (scope) => {
      const blurred = scope.mat();
      cv.blur(rgbaToMat(scope, image), blurred, new cv.Size(side, side));
      return matToRgba(blurred);
    })
  );
}

const PIXEL = 4;
/** A pixel's four channels as int32, in the row of column sums. */
const SUM_PIXEL = 16;

function simdBoxBlur(image: RgbaImage, side: number): RgbaImage | null {
  if (side % 2 !== 1) return null;
  const kernel = loadKernel();
  if (!kernel) return null;
  const { width, height, data } = image;
  const radius = (side - 1) / 2;
  const rowBytes = width * PIXEL;
  const columnsAt = align16(width * height * PIXEL);
  const columnTableAt = columnsAt + width * SUM_PIXEL;
  const rowTableAt = columnTableAt + (width + side - 1) * 4;
  const scaleAt = rowTableAt + height * 8;
  const targetAt = align16(scaleAt + 4);
  const memory = kernel.memoryFor(targetAt + width * height * PIXEL);
  new Uint8Array(memory.buffer).set(data, 0);
  // Each padded column's place in the row of sums, and each row's rows to add and take off.
  const columnTable = new Int32Array(memory.buffer, columnTableAt, width + side - 1);
  columnTable.forEach((_, t) => (columnTable[t] = reflect101(t - radius, width) * SUM_PIXEL));
  const rowTable = new Int32Array(memory.buffer, rowTableAt, height * 2);
  for (let y = 0; y < height; y++) {
    rowTable[2 * y] = reflect101(y + radius, height) * rowBytes;
    rowTable[2 * y + 1] = reflect101(y - radius - 1, height) * rowBytes;
  }
  new Float32Array(memory.buffer, scaleAt, 1)[0] = 1 / (side * side);
  // The column sums before row 0 adds its bottom row and takes off the one above its top: rows
  // -radius-1 .. radius-1.
  const columns = new Int32Array(memory.buffer, columnsAt, width * 4).fill(0);
  for (let t = -radius - 1; t < radius; t++) {
    const row = reflect101(t, height) * rowBytes;
    for (let i = 0; i < width * 4; i++) columns[i] = columns[i]! + data[row + i]!;
  }
  kernel.run(0, width, height, columnsAt, columnTableAt, side, rowTableAt, targetAt, scaleAt);
  const out = new Uint8Array(memory.buffer, targetAt, width * height * PIXEL);
  return { width, height, data: out.slice() };
}

const loadKernel = lazySimdKernel('boxBlur', boxBlurModule);

/** The kernel's parameters (and `scale`'s address, the ninth). */
const P = { source: 0, width: 1, height: 2, columns: 3, columnTable: 4, side: 5, rowTable: 6, target: 7 };

/** The RGBA pixel at the address on the stack, as an i32x4. */
const pixelAt = (address: readonly number[]) => [
  ...address,
  ...wasm.LOAD32_ZERO,
  ...wasm.WIDEN_LOW_U,
  ...wasm.WIDEN_LOW_U16,
];

/** The column sum whose place is the column table's entry `t` (an i32 on the stack). */
const columnSum = (t: readonly number[]) => [
  ...wasm.get(P.columns),
  ...wasm.get(P.columnTable),
  ...t,
  ...wasm.i32(2),
  ...wasm.SHL,
  ...wasm.ADD,
  ...wasm.I32_LOAD(),
  ...wasm.ADD,
  ...wasm.load(),
];

/**
 * `boxBlur(source, width, height, columns, columnTable, side, rowTable, target, scale)`: for each row,
 * the column sums moved down a row, then the running sum along them, scaled, rounded and saturated.
 */
function boxBlurModule(): Uint8Array<ArrayBuffer> {
  const scaleAt = 8;
  let next = 9;
  const locals = <K extends string>(...names: K[]) =>
    Object.fromEntries(names.map((name) => [name, next++])) as Record<K, number>;
  const I = locals('y', 'x', 'add', 'take', 'column', 'out');
  const i32Count = next - 9;
  const V = locals('acc', 'scale', 'v');
  const code: number[] = [];
  const emit = (...instructions: (readonly number[])[]) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, load, store, ADD, SUB, MUL, SHL, GE_S, I32_LOAD, I32_STORE, F32_LOAD, SPLAT } = wasm;
  const { I32X4_ADD, I32X4_SUB, F32X4_SPLAT, F32X4_MUL } = wasm;
  const { F32X4_OF_I32X4, F32X4_NEAREST, I32X4_OF_F32X4, NARROW_32_16, NARROW_16_8_U, EXTRACT } = wasm;
  const { BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  const loop = (counter: number, limit: readonly number[], body: () => void) => {
    emit(i32(0), set(counter), BLOCK, LOOP, get(counter), limit, GE_S, EXIT_IF);
    body();
    emit(get(counter), i32(1), ADD, set(counter), CONTINUE, END, END);
  };

  emit(get(scaleAt), F32_LOAD(), F32X4_SPLAT, set(V.scale));
  loop(I.y, get(P.height), () => {
    emit(get(P.rowTable), get(I.y), i32(3), SHL, ADD, set(I.add));
    emit(get(P.source), get(I.add), I32_LOAD(4), ADD, set(I.take));
    emit(get(P.source), get(I.add), I32_LOAD(), ADD, set(I.add));
    // Down: each column's sum gains the row below the box and loses the row above it.
    loop(I.x, get(P.width), () => {
      emit(get(P.columns), get(I.x), i32(4), SHL, ADD, set(I.column), get(I.column), get(I.column), load());
      emit(pixelAt([...get(I.add), ...get(I.x), ...i32(2), ...SHL, ...ADD]), I32X4_ADD);
      emit(pixelAt([...get(I.take), ...get(I.x), ...i32(2), ...SHL, ...ADD]), I32X4_SUB, store());
    });
    // Along: the running sum of side column sums.
    emit(i32(0), SPLAT, set(V.acc));
    loop(I.x, [...get(P.side), ...i32(1), ...SUB], () => {
      emit(get(V.acc), columnSum(get(I.x)), I32X4_ADD, set(V.acc));
    });
    emit(get(P.target), get(I.y), get(P.width), MUL, i32(2), SHL, ADD, set(I.out));
    loop(I.x, get(P.width), () => {
      emit(get(V.acc), columnSum([...get(I.x), ...get(P.side), ...ADD, ...i32(1), ...SUB]), I32X4_ADD);
      emit(set(V.acc), get(I.out), get(V.acc), F32X4_OF_I32X4, get(V.scale), F32X4_MUL, F32X4_NEAREST);
      emit(I32X4_OF_F32X4, set(V.v), get(V.v), get(V.v), NARROW_32_16, set(V.v));
      emit(get(V.v), get(V.v), NARROW_16_8_U, EXTRACT(0), I32_STORE);
      emit(get(V.acc), columnSum(get(I.x)), I32X4_SUB, set(V.acc));
      emit(get(I.out), i32(PIXEL), ADD, set(I.out));
    });
  });
  return simdModule({
    name: 'boxBlur',
    params: 9,
    locals: [
      [i32Count, 'i32'],
      [3, 'v128'],
    ],
    code,
  });
}
