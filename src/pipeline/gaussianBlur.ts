/**
 * OpenCV's `GaussianBlur` of 8-bit grey pixels with σ 1 (7 taps), both ways or one way only, byte for
 * byte, in WebAssembly SIMD: clarity blurs its 800-px document this way three times, which OpenCV.js
 * (built without SIMD) did in 10 ms of its ~50 (Node, 2026-12-05). Where SIMD is missing, OpenCV does it.
 *
 * OpenCV blurs 8-bit pixels in fixed point, the same on every machine (smooth.simd.hpp): its σ-1 kernel
 * in 8 fraction bits is 1 14 62 102 62 14 1 (summing to 256); each row is filtered into 16-bit sums,
 * each column of those into 32-bit sums with 16 fraction bits, rounded half up to a byte. No sum
 * overflows (255 · 256 fits 16 bits), so the order of the additions does not matter. Borders reflect
 * (BORDER_REFLECT_101), as OpenCV's default has it.
 */
import type { OpenCv } from '../engines/types.ts';
import { greyToMat, matToGrey, withMats } from './cv.ts';
import type { GreyImage } from './image.ts';
import { align16, lazySimdKernel, reflect101, simdModule, wasm } from './wasm.ts';

/** OpenCV's fixed-point Gaussian kernel for σ 1 (createGaussianKernels, 8 fraction bits); 256 is 1. */
const SIGMA_1_TAPS = [1, 14, 62, 102, 62, 14, 1] as const;
const ONE = [256] as const;
/** Pixels a group: eight 16-bit sums make a vector. */
const GROUP = 8;

/** `way`: both ways (OpenCV's `Size(0, 0)`), or along rows only (`Size(7, 1)`) or columns only (`Size(1, 7)`). */
export type BlurWay = 'both' | 'across' | 'down';

export function gaussianBlurGrey(cv: OpenCv, image: GreyImage, way: BlurWay): GreyImage {
  return (
    simdGaussianBlur(image, way) ??
    withMats(cv, (scope) => {
      const blurred = scope.mat();
      const size = way === 'both' ? [0, 0] : way === 'across' ? [7, 1] : [1, 7];
      cv.GaussianBlur(greyToMat(scope, image), blurred, new cv.Size(size[0]!, size[1]!), 1, 1);
      return matToGrey(blurred);
    })
  );
}

function simdGaussianBlur(image: GreyImage, way: BlurWay): GreyImage | null {
  const { width, height, data } = image;
  if (width < GROUP) return null;
  const kernel = loadKernel();
  if (!kernel) return null;
  const rowTaps = way === 'down' ? ONE : SIGMA_1_TAPS;
  const columnTaps = way === 'across' ? ONE : SIGMA_1_TAPS;
  const [rx, ry] = [(rowTaps.length - 1) / 2, (columnTaps.length - 1) / 2];
  const paddedRows = height + 2 * ry;
  const sourceRowBytes = width + 2 * rx;
  // Memory: each padded row's source address, the taps, the rows padded across, the row sums (padded
  // down), the blurred pixels.
  const rowTableAt = 0;
  const tapsAt = rowTableAt + paddedRows * 4;
  const sourceAt = align16(tapsAt + (rowTaps.length + columnTaps.length) * 4);
  const sumsAt = align16(sourceAt + sourceRowBytes * height);
  const targetAt = align16(sumsAt + width * paddedRows * 2);
  const memory = kernel.memoryFor(targetAt + width * height);
  const bytes = new Uint8Array(memory.buffer);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const at = sourceAt + y * sourceRowBytes;
    bytes.set(data.subarray(row, row + width), at + rx);
    for (let i = 1; i <= rx; i++) {
      bytes[at + rx - i] = data[row + reflect101(-i, width)]!;
      bytes[at + rx + width - 1 + i] = data[row + reflect101(width - 1 + i, width)]!;
    }
  }
  const rowTable = new Int32Array(memory.buffer, rowTableAt, paddedRows);
  for (let t = 0; t < paddedRows; t++) rowTable[t] = sourceAt + reflect101(t - ry, height) * sourceRowBytes;
  new Int32Array(memory.buffer, tapsAt, rowTaps.length + columnTaps.length).set([...rowTaps, ...columnTaps]);
  kernel.run(
    rowTableAt,
    paddedRows,
    width,
    height,
    tapsAt,
    rowTaps.length,
    columnTaps.length,
    sumsAt,
    targetAt,
  );
  return { width, height, data: new Uint8Array(memory.buffer, targetAt, width * height).slice() };
}

const loadKernel = lazySimdKernel('gaussianBlur', gaussianBlurModule);

/** The kernel's parameters. */
const P = {
  rowTable: 0,
  paddedRows: 1,
  width: 2,
  height: 3,
  taps: 4,
  rowTaps: 5,
  columnTaps: 6,
  sums: 7,
  target: 8,
};

/**
 * `gaussianBlur(rowTable, paddedRows, width, height, taps, rowTaps, columnTaps, sums, target)`: each
 * padded row (from its source address in the row table) filtered by the row taps into 16-bit sums,
 * then each target row from the column taps over the sums of the rows round it. Eight pixels a group;
 * a row's last group overlaps the one before rather than run past it.
 */
function gaussianBlurModule(): Uint8Array<ArrayBuffer> {
  let next = 9;
  const locals = <K extends string>(...names: K[]) =>
    Object.fromEntries(names.map((name) => [name, next++])) as Record<K, number>;
  const I = locals('t', 'x', 'k', 'last', 'source', 'sums', 'columnTapsAt', 'rowBytes');
  const i32Count = next - 9;
  const V = locals('acc', 'low', 'high', 'v', 'tap');
  const code: number[] = [];
  const emit = (...instructions: (readonly number[])[]) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, ADD, SUB, SHL, EQ, GT_S, GE_S, SELECT, I32_LOAD, I16X8_SPLAT } = wasm;
  const { BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  const kit: Kit = {
    emit,
    I,
    V,
    loop(counter, limit, body) {
      emit(i32(0), set(counter), BLOCK, LOOP, get(counter), limit, GE_S, EXIT_IF);
      body();
      emit(get(counter), i32(1), ADD, set(counter), CONTINUE, END, END);
    },
    groups(body) {
      emit(i32(0), set(I.x), BLOCK, LOOP);
      emit(get(I.last), get(I.x), get(I.x), get(I.last), GT_S, SELECT, set(I.x)); // x = min(x, last)
      body();
      emit(get(I.x), get(I.last), EQ, EXIT_IF, get(I.x), i32(GROUP), ADD, set(I.x), CONTINUE, END, END);
    },
    tapAt: (at) => [...at, ...get(I.k), ...i32(2), ...SHL, ...ADD, ...I32_LOAD(), ...I16X8_SPLAT],
  };
  emit(get(P.width), i32(GROUP), SUB, set(I.last), get(P.width), i32(1), SHL, set(I.rowBytes));
  emit(get(P.taps), get(P.rowTaps), i32(2), SHL, ADD, set(I.columnTapsAt));
  emitAcross(kit);
  emitDown(kit);
  return simdModule({
    name: 'gaussianBlur',
    params: 9,
    locals: [
      [i32Count, 'i32'],
      [next - 9 - i32Count, 'v128'],
    ],
    code,
  });
}

/** What the two passes share: the emitter, the locals, and loops over counters and groups. */
interface Kit {
  emit(...instructions: (readonly number[])[]): void;
  readonly I: Record<'t' | 'x' | 'k' | 'last' | 'source' | 'sums' | 'columnTapsAt' | 'rowBytes', number>;
  readonly V: Record<'acc' | 'low' | 'high' | 'v' | 'tap', number>;
  /** `body` for counter = 0 .. limit - 1. */
  loop(counter: number, limit: readonly number[], body: () => void): void;
  /** `body` for each group of GROUP pixels along a row, x its first; the last group ends at the row's end. */
  groups(body: () => void): void;
  /** Tap k of the taps from the address `at` leaves, as eight 16-bit lanes. */
  tapAt(at: readonly number[]): number[];
}

/** Across: each padded row's 16-bit sums. */
function emitAcross({ emit, I, V, loop, groups, tapAt }: Kit): void {
  const { get, set, i32, store, ADD, MUL, SHL, I32_LOAD, LOAD64_ZERO, WIDEN_LOW_U } = wasm;
  const { I16X8_SPLAT, I16X8_MUL, I16X8_ADD } = wasm;
  loop(I.t, get(P.paddedRows), () => {
    emit(get(P.rowTable), get(I.t), i32(2), SHL, ADD, I32_LOAD(), set(I.source));
    emit(get(P.sums), get(I.t), get(I.rowBytes), MUL, ADD, set(I.sums));
    groups(() => {
      emit(i32(0), I16X8_SPLAT, set(V.acc));
      loop(I.k, get(P.rowTaps), () => {
        emit(get(V.acc), get(I.source), get(I.x), ADD, get(I.k), ADD, LOAD64_ZERO, WIDEN_LOW_U);
        emit(tapAt(get(P.taps)), I16X8_MUL, I16X8_ADD, set(V.acc));
      });
      emit(get(I.sums), get(I.x), i32(1), SHL, ADD, get(V.acc), store());
    });
  });
}

/** Down: each target row from the sums of its padded rows, in 32 bits, rounded back to bytes. */
function emitDown({ emit, I, V, loop, groups, tapAt }: Kit): void {
  const { get, set, i32, load, ADD, MUL, SHL, SPLAT, I32X4_ADD, I32X4_SHR_U } = wasm;
  const { EXTMUL_LOW_U16, EXTMUL_HIGH_U16, NARROW_32_16_U, NARROW_16_8_U, STORE64_LANE } = wasm;
  loop(I.t, get(P.height), () => {
    groups(() => {
      emit(i32(0), SPLAT, set(V.low), i32(0), SPLAT, set(V.high));
      loop(I.k, get(P.columnTaps), () => {
        emit(get(P.sums), get(I.t), get(I.k), ADD, get(I.rowBytes), MUL, ADD, get(I.x), i32(1), SHL, ADD);
        emit(load(), set(V.v), tapAt(get(I.columnTapsAt)), set(V.tap));
        emit(get(V.low), get(V.v), get(V.tap), EXTMUL_LOW_U16, I32X4_ADD, set(V.low));
        emit(get(V.high), get(V.v), get(V.tap), EXTMUL_HIGH_U16, I32X4_ADD, set(V.high));
      });
      // 16 fraction bits rounded half up (OpenCV's ufixedpoint32 to uint8).
      for (const half of [V.low, V.high])
        emit(get(half), i32(1 << 15), SPLAT, I32X4_ADD, i32(16), I32X4_SHR_U, set(half));
      emit(get(P.target), get(I.t), get(P.width), MUL, ADD, get(I.x), ADD);
      emit(get(V.low), get(V.high), NARROW_32_16_U, set(V.v), get(V.v), get(V.v), NARROW_16_8_U);
      emit(STORE64_LANE(0));
    });
  });
}
