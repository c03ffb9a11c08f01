/**
 * Just enough of a WebAssembly assembler for the few SIMD loops we write by hand (medianBlur5,
 * morphology, warpPerspective): OpenCV.js is built without SIMD, and these loops run 2–10× faster
 * with it. Each module is one exported function over its own memory, emitted and compiled once, on
 * first use; where WebAssembly SIMD is missing (Safari before 16.4), loading gives null and callers
 * use OpenCV.
 */
import { uleb, wasm } from './wasmOpcodes.ts';

/** Bytes in a SIMD vector: the filters take 16 bytes of a row at a time. */
export const SIMD_BYTES = 16;

/** A kernel's buffers start on a SIMD_BYTES boundary, so its v128 loads and stores are aligned. */
export const align16 = (at: number) => Math.ceil(at / SIMD_BYTES) * SIMD_BYTES;

export { wasm } from './wasmOpcodes.ts';

/** OpenCV's borderInterpolate for BORDER_REFLECT_101: … 2 1 | 0 1 2 … n-1 | n-2 n-3 … */
export function reflect101(i: number, n: number): number {
  if (n === 1) return 0;
  let at = i;
  while (at < 0 || at >= n) at = at < 0 ? -at : 2 * n - 2 - at;
  return at;
}

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
