/**
 * Loops that make one byte of each RGBA pixel, in WebAssembly SIMD, sixteen pixels at a time, each
 * giving its JavaScript loop's very bytes: image.ts's toGreyscale (OpenCV's RGBA2GRAY in its fixed
 * point: the same integer arithmetic), mrz/mrzImage.ts's mrzInk (each pixel's brightest channel),
 * and clarity/fadedPrint.ts's print chroma (its brightest and its darkest).
 * Over ../shared/real-photos a check turned 3.2 M pixels to grey, in 8 to 10 calls, and the MRZ
 * search takes the ink of the whole photo (12 M pixels at 12 MP); each kernel is 3-4× its loop
 * (issue 13). The photo is taken in bands, so the kernels' memory (shared with the other kernels
 * that keep nothing: wasm.ts) holds a band, not a 48 MP photo.
 */
import { lazySimdKernel, simdModule, wasm, type SimdKernelLoader } from './wasm.ts';

/** Pixels a band; a multiple of 16. */
const BAND_PIXELS = 1 << 18;
const GROUP = 16;

// Parameters: where the RGBA band and its bytes are, and its pixels (a multiple of 16); then locals.
const [RGBA, BYTES, PIXELS, AT, FIRST, SECOND] = [0, 1, 2, 3, 4, 5];

/** The 4 pixels at RGBA + 4 AT + 16 `k`. */
const fourPixels = (k: number) => [
  ...[wasm.get(RGBA), wasm.get(AT), wasm.i32(4), wasm.MUL, wasm.ADD, wasm.load(16 * k)],
];

/**
 * The luma of 4 pixels as i32x4, as toGreyscale computes it: FIRST holds the i16 weight pairs
 * (wR, wG), (wB, 0) twice, SECOND 2^13 in each lane.
 */
function fourLumas(k: number): number[] {
  const { get, i32, WIDEN_LOW_U, WIDEN_HIGH_U, DOT, SHUFFLE, I32X4_ADD, I32X4_SHR_U } = wasm;
  // Each pixel's R·wR + G·wG in one lane and B·wB in the next: the even lanes of the two, and the odd.
  const even = SHUFFLE(0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27);
  const odd = SHUFFLE(4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31);
  const dots = [
    ...[...fourPixels(k), WIDEN_LOW_U, get(FIRST), DOT],
    ...[...fourPixels(k), WIDEN_HIGH_U, get(FIRST), DOT],
  ];
  return [...dots, even, ...dots, odd, I32X4_ADD, get(SECOND), I32X4_ADD, i32(14), I32X4_SHR_U].flat();
}

/**
 * The brightest (`byBytes` MAX_U) or darkest (MIN_U) of R, G and B of 4 pixels as i32x4: each lane's
 * bytes shifted down, the largest or smallest kept, and the lane's low byte (SECOND) taken.
 */
function fourOfChannels(byBytes: readonly number[]) {
  return (k: number): number[] => {
    const { get, set, i32, I32X4_SHR_U, V128_AND } = wasm;
    return [
      ...[...fourPixels(k), set(FIRST)],
      ...[get(FIRST), get(FIRST), i32(8), I32X4_SHR_U, byBytes, get(FIRST), i32(16), I32X4_SHR_U, byBytes],
      ...[get(SECOND), V128_AND],
    ].flat();
  };
}

/** bytes(rgba, bytes, pixels): each pixel's byte, 16 pixels a step, after `setUp` sets FIRST and SECOND. */
function bytesModule(name: string, setUp: number[], four: (k: number) => number[]): Uint8Array<ArrayBuffer> {
  const { get, set, i32, ADD, GE_U, BLOCK, LOOP, END, CONTINUE, EXIT_IF, store } = wasm;
  const { NARROW_32_16_U, NARROW_16_8_U } = wasm;
  const code = [
    ...setUp,
    ...[i32(0), set(AT), BLOCK, LOOP, get(AT), get(PIXELS), GE_U, EXIT_IF],
    ...[get(BYTES), get(AT), ADD],
    ...[four(0), four(1), NARROW_32_16_U, four(2), four(3), NARROW_32_16_U, NARROW_16_8_U, store(0)],
    ...[get(AT), i32(GROUP), ADD, set(AT), CONTINUE, END, END],
  ].flat();
  return simdModule({
    name,
    params: 3,
    locals: [
      [1, 'i32'],
      [2, 'v128'],
    ],
    code,
  });
}

const { i32, set, SPLAT, REPLACE } = wasm;
const loadGrey = lazySimdKernel('grey', () =>
  bytesModule(
    'grey',
    [
      ...[i32(4899 + 9617 * 65536), SPLAT, i32(1868), REPLACE(1), i32(1868), REPLACE(3), set(FIRST)],
      ...[i32(8192), SPLAT, set(SECOND)],
    ].flat(),
    fourLumas,
  ),
);
// FIRST holds each 4 pixels in turn; SECOND keeps each lane's low byte.
const lowBytes = [i32(0xff), SPLAT, set(SECOND)].flat();
const loadBrightest = lazySimdKernel('brightest', () =>
  bytesModule('brightest', lowBytes, fourOfChannels(wasm.MAX_U)),
);
const loadDarkest = lazySimdKernel('darkest', () =>
  bytesModule('darkest', lowBytes, fourOfChannels(wasm.MIN_U)),
);

/** toGreyscale's bytes into `grey`; false where the kernel cannot run here, the caller then making them. */
export const greyOnSimd = (rgba: Uint8Array | Uint8ClampedArray, grey: Uint8Array, pixels: number) =>
  bytesOnSimd(loadGrey, rgba, grey, pixels);

/** mrzInk's bytes (each pixel's brightest channel) into `ink`; false where the kernel cannot run here. */
export const brightestOnSimd = (rgba: Uint8Array | Uint8ClampedArray, ink: Uint8Array, pixels: number) =>
  bytesOnSimd(loadBrightest, rgba, ink, pixels);

/** Each pixel's darkest channel into `out`; false where the kernel cannot run here. */
export const darkestOnSimd = (rgba: Uint8Array | Uint8ClampedArray, out: Uint8Array, pixels: number) =>
  bytesOnSimd(loadDarkest, rgba, out, pixels);

function bytesOnSimd(
  load: SimdKernelLoader,
  rgba: Uint8Array | Uint8ClampedArray,
  out: Uint8Array,
  pixels: number,
): boolean {
  const kernel = load();
  if (!kernel) return false;
  const band = Math.min(BAND_PIXELS, pixels);
  // Room for a band and a group past it: a band's last group may run past its last pixel, and what
  // it makes there is not kept.
  const outAt = (band + GROUP) * 4;
  const memory = kernel.memoryFor(outAt + band + GROUP);
  const bytes = new Uint8Array(memory.buffer);
  for (let from = 0; from < pixels; from += band) {
    const count = Math.min(band, pixels - from);
    bytes.set(rgba.subarray(from * 4, (from + count) * 4), 0);
    kernel.run(0, outAt, Math.ceil(count / GROUP) * GROUP);
    out.set(bytes.subarray(outAt, outAt + count), from);
  }
  return true;
}
