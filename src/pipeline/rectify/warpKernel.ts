/**
 * The warp's WebAssembly kernel (warpPerspective.ts drives it), emitted with wasm.ts: OpenCV's
 * remapBilinear arithmetic for one band of target rows, two pixels' places at a time.
 */
import { simdModule, wasm } from '../wasm.ts';

/** INTER_BITS: source positions are rounded to 1/32 px. */
const FRACTION_BITS = 5;
export const FRACTIONS = 1 << FRACTION_BITS;
/** INTER_REMAP_COEF_BITS: the weights of the four neighbours sum to 2^15. */
const WEIGHT_BITS = 15;

/**
 * Bilinear weights of the four neighbours (top-left, top-right, bottom-left, bottom-right) for each
 * 1/32-px position, as OpenCV's initInterTab2D makes them: exact products, so no rounding fix is due.
 */
export function lazyWeightTable(): () => Int16Array {
  let table: Int16Array | undefined;
  return () => (table ??= weightTable());
}

function weightTable(): Int16Array {
  const table = new Int16Array(FRACTIONS * FRACTIONS * 4);
  for (let ty = 0; ty < FRACTIONS; ty++) {
    for (let tx = 0; tx < FRACTIONS; tx++) {
      const at = (ty * FRACTIONS + tx) * 4;
      const scale = (1 << WEIGHT_BITS) / (FRACTIONS * FRACTIONS);
      // The top-left weight at a whole-pixel position is 2^15, which int16 cannot hold: the kernel
      // copies that pixel instead, which is what the weights would give.
      table[at] = Math.min(32767, (FRACTIONS - ty) * (FRACTIONS - tx) * scale);
      table[at + 1] = (FRACTIONS - ty) * tx * scale;
      table[at + 2] = ty * (FRACTIONS - tx) * scale;
      table[at + 3] = ty * tx * scale;
    }
  }
  return table;
}

/**
 * `warp(photo, photoWidth, photoHeight, target, width, toRow, blockWidth, matrix, table, fromRow)`:
 * target rows fromRow up to toRow, written from `target` on. The pointers into memory: where the
 * photo's RGBA row 0 is, the target's rows, 9 doubles, and the weight table.
 */
export function warpModule(): Uint8Array<ArrayBuffer> {
  const P = { photo: 0, photoWidth: 1, photoHeight: 2, target: 3, width: 4, toRow: 5, blockWidth: 6 };
  const Q = { matrix: 7, table: 8, fromRow: 9 };
  const PARAMS = 10;
  let next = PARAMS;
  const locals = <K extends string>(...names: K[]) =>
    Object.fromEntries(names.map((name) => [name, next++])) as Record<K, number>;
  const I = locals('y', 'bx', 'x1', 'count', 'X', 'Y', 'sx', 'sy', 'x0', 'x1c', 'y0', 'y1');
  const J = locals('alpha', 'out', 'lastX', 'lastY', 'pixel', 'base', 'rowBytes');
  const i32Count = next - PARAMS;
  const M = next; // M0..M8
  next += 9;
  const F = locals('fy', 'fbx', 'X0', 'Y0', 'W0');
  const f64Count = next - PARAMS - i32Count;
  // Two pixels' places at a time (lanes: x1, x1 + 1), the block's start and the matrix splatted.
  const V = locals('v', 'acc', 'fx', 'W', 'X', 'Y', 'X0', 'Y0', 'W0', 'M0', 'M3', 'M6', 'two');
  const v128Count = next - PARAMS - i32Count - f64Count;

  const code: number[] = [];
  const emit = (...instructions: (readonly number[])[]) => {
    for (const instruction of instructions) code.push(...instruction);
  };
  const { get, set, i32, f64, ADD, SUB, MUL, AND, SHL, SHR_S, EQZ, LT_S, LT_U, GT_S, GE_S, SELECT } = wasm;
  const { I32_LOAD, I32_STORE, I64_LOAD, F64_LOAD, LOAD64_ZERO, SPLAT, EXTRACT, REPLACE, REPLACE64 } = wasm;
  const { F_ADD, F_MUL, F_OF_I, F64X2_SPLAT, F64X2_REPLACE, F64X2_NE, F64X2_NEAREST } = wasm;
  const { F64X2_ADD, F64X2_MUL, F64X2_DIV, I32X4_OF_F64X2, V128_AND } = wasm;
  const { WIDEN_LOW_U, WIDEN_HIGH_U, DOT, I32X4_ADD, I32X4_SHR_S, NARROW_32_16, NARROW_16_8_U } = wasm;
  const { BLOCK, LOOP, IF, ELSE, END, CONTINUE, EXIT_IF } = wasm;
  // Each neighbour's channel beside the same channel of its right-hand neighbour, top row then bottom.
  const PAIR_CHANNELS = wasm.SHUFFLE(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  const maxOf = (local: number, floor: number) => [
    ...get(local),
    ...i32(floor),
    ...get(local),
    ...i32(floor),
    ...GT_S,
    ...SELECT,
  ];
  /** The local clamped to 0..limit (a local): BORDER_REPLICATE. */
  const clamp = (value: readonly number[], limit: number, into: number) =>
    emit(
      value,
      set(into),
      maxOf(into, 0),
      set(into),
      get(into),
      get(limit),
      get(into),
      get(limit),
      LT_S,
      SELECT,
      set(into),
    );
  const pixelAt = (row: number, column: number) =>
    emit(get(P.photo), get(row), get(P.photoWidth), MUL, get(column), ADD, i32(2), SHL, ADD, I32_LOAD());

  for (let k = 0; k < 9; k++) emit(get(Q.matrix), F64_LOAD(k * 8), set(M + k));
  for (const [into, k] of [
    [V.M0, 0],
    [V.M3, 3],
    [V.M6, 6],
  ] as const)
    emit(get(M + k), F64X2_SPLAT, set(into));
  emit(f64(2), F64X2_SPLAT, set(V.two));
  emit(get(P.photoWidth), i32(1), SUB, set(J.lastX), get(P.photoHeight), i32(1), SUB, set(J.lastY));
  emit(get(P.photoWidth), i32(2), SHL, set(J.rowBytes), get(P.target), set(J.out), get(Q.fromRow), set(I.y));
  emit(BLOCK, LOOP); // rows
  emit(get(I.y), get(P.toRow), GE_S, EXIT_IF, get(I.y), F_OF_I, set(F.fy), i32(0), set(I.bx));
  emit(BLOCK, LOOP); // blocks along the row
  emit(get(I.bx), get(P.width), GE_S, EXIT_IF, get(I.bx), F_OF_I, set(F.fbx));
  for (const [into, k] of [
    [F.X0, 0],
    [F.Y0, 3],
    [F.W0, 6],
  ] as const) {
    emit(
      get(M + k),
      get(F.fbx),
      F_MUL,
      get(M + k + 1),
      get(F.fy),
      F_MUL,
      F_ADD,
      get(M + k + 2),
      F_ADD,
      set(into),
    );
  }
  emit(get(P.width), get(I.bx), SUB, set(I.count));
  emit(get(P.blockWidth), get(I.count), get(I.count), get(P.blockWidth), GT_S, SELECT, set(I.count));
  for (const [into, start] of [
    [V.X0, F.X0],
    [V.Y0, F.Y0],
    [V.W0, F.W0],
  ] as const)
    emit(get(start), F64X2_SPLAT, set(into));
  emit(i32(0), set(I.x1), f64(0), F64X2_SPLAT, f64(1), F64X2_REPLACE(1), set(V.fx));
  emit(BLOCK, LOOP); // pixels of the block, two at a time
  emit(get(I.x1), get(I.count), GE_S, EXIT_IF);
  // Each lane as OpenCV maps one pixel (in the same order of operations, so to the same bits):
  // W = W0 + M6·x, then 32 / W, or 0 where W is 0 (the mask of W ≠ 0 keeps the quotient or clears it).
  emit(get(V.W0), get(V.M6), get(V.fx), F64X2_MUL, F64X2_ADD, set(V.W));
  emit(f64(FRACTIONS), F64X2_SPLAT, get(V.W), F64X2_DIV, get(V.W), f64(0), F64X2_SPLAT, F64X2_NE, V128_AND);
  emit(set(V.W));
  for (const [into, start, k] of [
    [V.X, V.X0, V.M0],
    [V.Y, V.Y0, V.M3],
  ] as const) {
    // OpenCV clamps to int's range, then rounds (cvRound); rounding, then truncating with saturation
    // gives the same, a NaN 0 as before, without the two comparisons.
    emit(get(start), get(k), get(V.fx), F64X2_MUL, F64X2_ADD, get(V.W), F64X2_MUL, F64X2_NEAREST);
    emit(I32X4_OF_F64X2, set(into));
  }
  samplePixel(0);
  emit(get(I.x1), i32(1), ADD, get(I.count), LT_S, IF);
  samplePixel(1);
  emit(END);
  emit(get(I.x1), i32(2), ADD, set(I.x1), get(V.fx), get(V.two), F64X2_ADD, set(V.fx), CONTINUE);
  emit(END, END); // pixels
  emit(get(I.bx), get(P.blockWidth), ADD, set(I.bx), CONTINUE);
  emit(END, END); // blocks
  emit(get(I.y), i32(1), ADD, set(I.y), CONTINUE);
  emit(END, END); // rows
  return simdModule({
    name: 'warp',
    params: PARAMS,
    locals: [
      [i32Count, 'i32'],
      [f64Count, 'f64'],
      [v128Count, 'v128'],
    ],
    code,
  });

  /** The pixel at `lane` of V.X and V.Y (its place in 1/32 px) sampled, blended and stored at J.out. */
  function samplePixel(lane: number) {
    emit(get(V.X), EXTRACT(lane), set(I.X), get(V.Y), EXTRACT(lane), set(I.Y));
    emit(get(I.Y), i32(FRACTIONS - 1), AND, i32(FRACTION_BITS), SHL, get(I.X), i32(FRACTIONS - 1), AND, ADD);
    emit(set(J.alpha));
    emit(get(I.X), i32(FRACTION_BITS), SHR_S, set(I.sx), get(I.Y), i32(FRACTION_BITS), SHR_S, set(I.sy));
    const weights = (offset: number) => [
      ...get(Q.table),
      ...get(J.alpha),
      ...i32(3),
      ...SHL,
      ...ADD,
      ...I32_LOAD(offset),
      ...SPLAT,
    ];
    /** The four neighbours in V.v (top-left, top-right, bottom-left, bottom-right), blended into J.pixel. */
    const blend = () => {
      emit(get(V.v), get(V.v), PAIR_CHANNELS, set(V.v));
      emit(get(V.v), WIDEN_LOW_U, weights(0), DOT, get(V.v), WIDEN_HIGH_U, weights(4), DOT, I32X4_ADD);
      emit(i32(1 << (WEIGHT_BITS - 1)), SPLAT, I32X4_ADD, i32(WEIGHT_BITS), I32X4_SHR_S, set(V.acc));
      emit(get(V.acc), get(V.acc), NARROW_32_16, set(V.acc), get(V.acc), get(V.acc), NARROW_16_8_U);
      emit(EXTRACT(0), set(J.pixel));
    };
    // All four neighbours on the photo (nearly every pixel): two 8-byte loads, one per row.
    emit(get(I.sx), get(J.lastX), LT_U, get(I.sy), get(J.lastY), LT_U, AND, IF);
    emit(get(P.photo), get(I.sy), get(P.photoWidth), MUL, get(I.sx), ADD, i32(2), SHL, ADD, set(J.base));
    emit(get(J.alpha), EQZ, IF, get(J.base), I32_LOAD(), set(J.pixel), ELSE);
    emit(get(J.base), LOAD64_ZERO, get(J.base), get(J.rowBytes), ADD, I64_LOAD, REPLACE64(1), set(V.v));
    blend();
    emit(END);
    // Off the photo, each neighbour is its nearest pixel on it (BORDER_REPLICATE).
    emit(ELSE);
    clamp(get(I.sx), J.lastX, I.x0);
    clamp([...get(I.sx), ...i32(1), ...ADD], J.lastX, I.x1c);
    clamp(get(I.sy), J.lastY, I.y0);
    clamp([...get(I.sy), ...i32(1), ...ADD], J.lastY, I.y1);
    emit(get(J.alpha), EQZ, IF);
    pixelAt(I.y0, I.x0);
    emit(set(J.pixel), ELSE);
    pixelAt(I.y0, I.x0);
    emit(SPLAT);
    pixelAt(I.y0, I.x1c);
    emit(REPLACE(1));
    pixelAt(I.y1, I.x0);
    emit(REPLACE(2));
    pixelAt(I.y1, I.x1c);
    emit(REPLACE(3), set(V.v));
    blend();
    emit(END, END);
    emit(get(J.out), get(J.pixel), I32_STORE, get(J.out), i32(4), ADD, set(J.out));
  }
}
