/**
 * Just enough of a WebAssembly assembler for the few SIMD loops we write by hand (medianBlur5,
 * morphology, warpPerspective): OpenCV.js is built without SIMD, and these loops run 2–10× faster
 * with it. Each module is one exported function over its own memory, emitted and compiled once, on
 * first use; where WebAssembly SIMD is missing (Safari before 16.4), loading gives null and callers
 * use OpenCV.
 */

/** Encodings of the instructions we use, each a list of bytes (WebAssembly core spec, §5.4). */
export const wasm = {
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  /** v128.load / v128.store at `offset` bytes past the address, no alignment assumed. */
  load: (offset = 0) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  store: (offset = 0) => [0xfd, 0x0b, 0x00, ...uleb(offset)],
  MIN_U: [0xfd, 0x77], // i8x16.min_u
  MAX_U: [0xfd, 0x79], // i8x16.max_u
  ADD: [0x6a],
  SUB: [0x6b],
  MUL: [0x6c],
  EQ: [0x46],
  GT_U: [0x4b],
  GE_U: [0x4f],
  SELECT: [0x1b],
  /** A block holding a loop: `br 0` inside goes round again, `br_if 1` leaves. */
  BLOCK: [0x02, 0x40],
  LOOP: [0x03, 0x40],
  IF: [0x04, 0x40],
  ELSE: [0x05],
  END: [0x0b],
  CONTINUE: [0x0c, 0],
  EXIT_IF: [0x0d, 1],
} as const;

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

/** Compiles `build()`'s module once, or gives null where this engine cannot run it. */
export function lazySimdKernel(name: string, build: () => Uint8Array<ArrayBuffer>): () => SimdKernel | null {
  let kernel: SimdKernel | null | undefined;
  return () => {
    if (kernel !== undefined) return kernel;
    const bytes = build();
    if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return (kernel = null);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
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
