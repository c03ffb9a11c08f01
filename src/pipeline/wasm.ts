/**
 * Just enough of a WebAssembly assembler for the few SIMD loops we write by hand (medianBlur5,
 * morphology, warpPerspective): OpenCV.js is built without SIMD, and these loops run 2–10× faster
 * with it. Each module is one exported function over its own memory, emitted and compiled once, on
 * first use; where WebAssembly SIMD is missing (Safari before 16.4), loading gives null and callers
 * use OpenCV.
 */

/** Bytes in a SIMD vector: the filters take 16 bytes of a row at a time. */
export const SIMD_BYTES = 16;

/** A kernel's buffers start on a SIMD_BYTES boundary, so its v128 loads and stores are aligned. */
export const align16 = (at: number) => Math.ceil(at / SIMD_BYTES) * SIMD_BYTES;

/** OpenCV's borderInterpolate for BORDER_REFLECT_101: … 2 1 | 0 1 2 … n-1 | n-2 n-3 … */
export function reflect101(i: number, n: number): number {
  if (n === 1) return 0;
  let at = i;
  while (at < 0 || at >= n) at = at < 0 ? -at : 2 * n - 2 - at;
  return at;
}

const simd = (op: number, ...immediates: number[]) => [0xfd, ...uleb(op), ...immediates];

/**
 * Encodings of the instructions we use, each a list of bytes (WebAssembly core spec 2.0, §5.4; SIMD
 * opcodes from the SIMD proposal's BinarySIMD.md). Memory accesses claim no alignment.
 */
export const wasm = {
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  f64: (value: number) => [0x44, ...new Uint8Array(new Float64Array([value]).buffer)],
  /** v128.load / v128.store at `offset` bytes past the address. */
  load: (offset = 0) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  store: (offset = 0) => [0xfd, 0x0b, 0x00, ...uleb(offset)],
  I32_LOAD: (offset = 0) => [0x28, 0x00, ...uleb(offset)],
  I32_STORE: [0x36, 0x00, 0x00],
  I64_LOAD: [0x29, 0x00, 0x00],
  F64_LOAD: (offset = 0) => [0x2b, 0x00, ...uleb(offset)],
  F32_LOAD: (offset = 0) => [0x2a, 0x00, ...uleb(offset)],
  LOAD32_ZERO: simd(0x5c, 0x00, 0x00), // v128.load32_zero
  LOAD64_ZERO: simd(0x5d, 0x00, 0x00), // v128.load64_zero
  /** v128.load64_zero at `offset` bytes past the address: two floats into a vector's low half. */
  load64Zero: (offset = 0) => simd(0x5d, 0x00, ...uleb(offset)),
  F32X4_DEMOTE: simd(0x5e), // f32x4.demote_f64x2_zero
  F64X2_PROMOTE_LOW: simd(0x5f), // f64x2.promote_low_f32x4
  F32X4_PMAX: simd(0xeb), // f32x4.pmax: b if a < b, else a
  ADD: [0x6a],
  SUB: [0x6b],
  MUL: [0x6c],
  AND: [0x71],
  SHL: [0x74],
  SHR_S: [0x75],
  EQZ: [0x45],
  EQ: [0x46],
  LT_S: [0x48],
  LT_U: [0x49],
  GT_S: [0x4a],
  GT_U: [0x4b],
  GE_S: [0x4e],
  GE_U: [0x4f],
  SELECT: [0x1b],
  F_NE: [0x62],
  F_NEAREST: [0x9e],
  F_ADD: [0xa0],
  F_MUL: [0xa2],
  F_DIV: [0xa3],
  F_MIN: [0xa4],
  F_MAX: [0xa5],
  F_OF_I: [0xb7], // f64.convert_i32_s
  I_OF_F: [0xfc, 0x02], // i32.trunc_sat_f64_s
  MIN_U: simd(0x77), // i8x16.min_u
  MAX_U: simd(0x79), // i8x16.max_u
  SHUFFLE: (...lanes: number[]) => simd(0x0d, ...lanes), // i8x16.shuffle
  SPLAT: simd(0x11), // i32x4.splat
  EXTRACT: (lane: number) => simd(0x1b, lane), // i32x4.extract_lane
  REPLACE: (lane: number) => simd(0x1c, lane), // i32x4.replace_lane
  REPLACE64: (lane: number) => simd(0x1e, lane), // i64x2.replace_lane
  NARROW_16_8_U: simd(0x66), // i8x16.narrow_i16x8_u
  NARROW_32_16: simd(0x85), // i16x8.narrow_i32x4_s
  WIDEN_LOW_U: simd(0x89), // i16x8.extend_low_i8x16_u
  WIDEN_HIGH_U: simd(0x8a), // i16x8.extend_high_i8x16_u
  I32X4_SHR_S: simd(0xac),
  I32X4_ADD: simd(0xae),
  I32X4_SUB: simd(0xb1),
  DOT: simd(0xba), // i32x4.dot_i16x8_s
  WIDEN_LOW_U16: simd(0xa9), // i32x4.extend_low_i16x8_u
  F32X4_SPLAT: simd(0x13),
  F32X4_ADD: simd(0xe4),
  F32X4_MUL: simd(0xe6),
  F32X4_NEAREST: simd(0x6a),
  F32X4_OF_I32X4: simd(0xfa), // f32x4.convert_i32x4_s
  I32X4_OF_F32X4: simd(0xf8), // i32x4.trunc_sat_f32x4_s
  F64X2_SPLAT: simd(0x14),
  F64X2_REPLACE: (lane: number) => simd(0x22, lane), // f64x2.replace_lane
  F64X2_NE: simd(0x48),
  F64X2_NEAREST: simd(0x94),
  F64X2_ADD: simd(0xf0),
  F64X2_MUL: simd(0xf2),
  F64X2_DIV: simd(0xf3),
  I32X4_OF_F64X2: simd(0xfc), // i32x4.trunc_sat_f64x2_s_zero
  V128_AND: simd(0x4e),
  I16X8_SPLAT: simd(0x10),
  I16X8_ADD: simd(0x8e),
  I16X8_MUL: simd(0x95),
  I32X4_SHR_U: simd(0xad),
  EXTMUL_LOW_U16: simd(0xbe), // i32x4.extmul_low_i16x8_u
  EXTMUL_HIGH_U16: simd(0xbf), // i32x4.extmul_high_i16x8_u
  NARROW_32_16_U: simd(0x86), // i16x8.narrow_i32x4_u
  /** v128.store64_lane: the vector's 64-bit lane at the address (the address, then the vector, on the stack). */
  STORE64_LANE: (lane: number) => simd(0x5b, 0x00, 0x00, lane),
  /** A block holding a loop: `br 0` inside goes round again, `br_if 1` leaves. */
  BLOCK: [0x02, 0x40],
  LOOP: [0x03, 0x40],
  IF: [0x04, 0x40],
  ELSE: [0x05],
  END: [0x0b],
  CONTINUE: [0x0c, 0],
  EXIT_IF: [0x0d, 1],
} as const;

/**
 * The loop our byte filters share: for each of `rows` rows, `atRow()`, then `atGroup()` for each group
 * of 16 bytes of the row's `rowBytes` (at least 16), the last group overlapping the one before rather
 * than run past the row. `y`, `x` and `last` are i32 locals it uses; `rowBytes` and `rows` too.
 */
export function emitRowGroups(
  emit: (...instructions: (readonly number[])[]) => void,
  locals: { y: number; x: number; last: number; rowBytes: number; rows: number },
  atRow: () => void,
  atGroup: () => void,
): void {
  const { get, set, i32, ADD, SUB, EQ, GT_U, GE_U, SELECT, BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  const { y, x, last } = locals;
  emit(get(locals.rowBytes), i32(SIMD_BYTES), SUB, set(last), i32(0), set(y));
  emit(BLOCK, LOOP, get(y), get(locals.rows), GE_U, EXIT_IF);
  atRow();
  emit(i32(0), set(x), BLOCK, LOOP);
  emit(get(last), get(x), get(x), get(last), GT_U, SELECT, set(x)); // x = min(x, last)
  atGroup();
  emit(get(x), get(last), EQ, EXIT_IF, get(x), i32(SIMD_BYTES), ADD, set(x), CONTINUE, END, END);
  emit(get(y), i32(1), ADD, set(y), CONTINUE, END, END);
}

export type ValueType = 'i32' | 'f64' | 'v128';
const VALUE_TYPES: Record<ValueType, number> = { i32: 0x7f, f64: 0x7c, v128: 0x7b };

/**
 * One exported function of `params` i32 parameters, returning nothing, over an imported memory. Its
 * locals are numbered after the parameters, group by group in the order given.
 */
export function simdModule(fn: {
  name: string;
  params: number;
  locals: readonly (readonly [count: number, type: ValueType])[];
  code: readonly number[];
}): Uint8Array<ArrayBuffer> {
  const I32 = VALUE_TYPES.i32;
  const locals = [
    ...uleb(fn.locals.length),
    ...fn.locals.flatMap(([count, type]) => [...uleb(count), VALUE_TYPES[type]]),
  ];
  const body = [...locals, ...fn.code, ...wasm.END];
  const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
  const name = (text: string) => [...uleb(text.length), ...new TextEncoder().encode(text)];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, fn.params, ...Array<number>(fn.params).fill(I32), 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // memory, ≥ 1 page
    ...section(3, [1, 0]),
    ...section(7, [1, ...name(fn.name), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export interface SimdKernel {
  /** The kernel's memory, grown to at least `bytes`; its buffer is valid until the next call. */
  memoryFor(bytes: number): WebAssembly.Memory;
  run(...args: number[]): void;
}

let kernelsAllowed = true;

/**
 * Whether our kernels may run (they may, by default). Turned off, every caller takes its OpenCV
 * fallback, as on an engine without WebAssembly SIMD: a test compares the two paths' reports.
 */
export function allowSimdKernels(allowed: boolean): void {
  kernelsAllowed = allowed;
}

/**
 * The memory shared by the kernels that keep nothing in it between calls (each call writes all it
 * reads): a memory grown never shrinks, so kept apart they would each hold their biggest call's bytes
 * (a batch of photos in one CLI process held 11 MB more with resizeArea's and boxBlur's own).
 */
let scratch: WebAssembly.Memory | undefined;

/** A kernel's loader; `release` lets go of the memory of a kernel that keeps state (see below). */
export interface SimdKernelLoader {
  (): SimdKernel | null;
  /**
   * Drops the kernel's own memory (its module stays compiled): the next load makes a new, small one.
   * A memory grown never shrinks, so the warp's, which holds a whole photo, would otherwise keep the
   * biggest photo's bytes for the rest of a batch (~50 MB after a 15 MP photo; issue 13).
   */
  release(): void;
}

/**
 * Compiles `build()`'s module once, or gives null where this engine cannot run it. `keepsState`: its
 * memory holds something from one call to the next (the warp's photo), so it gets a memory of its
 * own, which `release` drops; the others share one.
 */
export function lazySimdKernel(
  name: string,
  build: () => Uint8Array<ArrayBuffer>,
  { keepsState = false } = {},
): SimdKernelLoader {
  let module: WebAssembly.Module | null | undefined;
  let kernel: SimdKernel | undefined;
  const load = () => {
    if (!kernelsAllowed) return null;
    if (kernel !== undefined) return kernel;
    if (module === undefined) {
      const bytes = build();
      const valid = typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes);
      module = valid ? new WebAssembly.Module(bytes) : null;
    }
    if (module === null) return null;
    const memory = keepsState
      ? new WebAssembly.Memory({ initial: 1 })
      : (scratch ??= new WebAssembly.Memory({ initial: 1 }));
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const run = instance.exports[name] as (...args: number[]) => void;
    return (kernel = {
      memoryFor(needed) {
        const pages = Math.ceil(needed / 65536);
        const have = memory.buffer.byteLength / 65536;
        if (pages > have) memory.grow(pages - have);
        return memory;
      },
      run: (...args) => run(...args),
    });
  };
  const release = () => {
    if (keepsState) kernel = undefined;
  };
  return Object.assign(load, { release });
}

/**
 * A kernel over another kernel's memory (`owner`'s), compiled on each call: a face network's tensors
 * live in its 1 × 1 convolution's memory (face/tensorArena.ts), and its other kernels read and write
 * them there in place. Null where the module cannot run here.
 */
export function simdKernelOn(
  owner: SimdKernel,
  name: string,
  build: () => Uint8Array<ArrayBuffer>,
): SimdKernel | null {
  const bytes = build();
  if (!kernelsAllowed || !WebAssembly.validate(bytes)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { memory: owner.memoryFor(0) },
  });
  const run = instance.exports[name] as (...args: number[]) => void;
  return { memoryFor: (bytes) => owner.memoryFor(bytes), run: (...args) => run(...args) };
}

function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}
