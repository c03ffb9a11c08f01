/**
 * BlazeFace's 1 × 1 convolutions (and its first convolution, laid out as one: tfliteKernels.ts conv2d)
 * in WebAssembly SIMD, four output channels to a vector: three quarters of the network's arithmetic,
 * measured 2–3× faster than the best scalar loop V8 made of it. Where SIMD is missing (Safari before
 * 16.4) or kernels are turned off (wasm.ts allowSimdKernels), the network runs tfliteKernels.ts's
 * pointwiseConv2d instead, which gives the same sums in another order.
 *
 * The weights are laid out for it by transposeForSimd: input channel by input channel, each a row of
 * the output channels rounded up to a whole vector (zeros after). It stores whole vectors, so an output
 * whose channels are not a multiple of 4 gets up to 3 values written past each pixel: into the next
 * pixel, written again after, and past the last one into the slack TensorArena leaves after every slot.
 */
import { lazySimdKernel, simdModule, wasm, type SimdKernel } from '../wasm.ts';

/** Output channels a vector holds. */
export const LANES = 4;

// Parameters (byte addresses and counts), then locals, by number.
const [INPUT, PIXELS, IN_CHANNELS, WEIGHTS, BIAS, OUTPUT, OUT_CHANNELS, ROW_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7];
const [P, I, O, X, W] = [8, 9, 10, 11, 12];
const ACC = 13; // four v128 accumulators, 13–16
const SPLAT = 17;

/** One block of `vectors` × 4 output channels, starting at byte O of the row: the sums over the inputs. */
function emitBlock(vectors: number): number[] {
  const { get, set, i32, load, store, ADD, SUB, EQZ, F32_LOAD, F32X4_SPLAT, F32X4_MUL, F32X4_ADD } = wasm;
  const { BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  const each = (emit: (k: number) => (readonly number[])[]) =>
    Array.from({ length: vectors }, (_, k) => emit(k).flat()).flat();
  return [
    ...each((k) => [get(BIAS), get(O), ADD, load(16 * k), set(ACC + k)]),
    ...[get(INPUT), set(X), get(WEIGHTS), get(O), ADD, set(W), get(IN_CHANNELS), set(I)].flat(),
    ...[BLOCK, LOOP, get(I), EQZ, EXIT_IF, get(X), F32_LOAD(0), F32X4_SPLAT, set(SPLAT)].flat(),
    ...each((k) => [get(ACC + k), get(SPLAT), get(W), load(16 * k), F32X4_MUL, F32X4_ADD, set(ACC + k)]),
    ...[get(X), i32(4), ADD, set(X), get(W), get(ROW_BYTES), ADD, set(W)].flat(),
    ...[get(I), i32(1), SUB, set(I), CONTINUE, END, END].flat(),
    ...each((k) => [get(OUTPUT), get(O), ADD, get(ACC + k), store(16 * k)]),
  ];
}

/**
 * pointwise(input, pixels, inChannels, weights, bias, output, outChannels, rowBytes): for each pixel,
 * its output channels in blocks of 16, then one of 8 and one of 4 as the rest needs.
 */
function pointwiseModule(): Uint8Array<ArrayBuffer> {
  const { get, set, i32, ADD, SUB, MUL, GE_U, GT_U, GE_S, BLOCK, LOOP, IF, END, CONTINUE, EXIT_IF } = wasm;
  const code = [
    ...[i32(0), set(P), BLOCK, LOOP, get(P), get(PIXELS), GE_U, EXIT_IF, i32(0), set(O)],
    ...[BLOCK, LOOP, get(O), i32(64), ADD, get(ROW_BYTES), GT_U, EXIT_IF],
    emitBlock(4),
    ...[get(O), i32(64), ADD, set(O), CONTINUE, END, END],
    ...[get(ROW_BYTES), get(O), SUB, i32(32), GE_S, IF],
    emitBlock(2),
    ...[get(O), i32(32), ADD, set(O), END],
    ...[get(ROW_BYTES), get(O), SUB, i32(16), GE_S, IF],
    emitBlock(1),
    ...[END, get(INPUT), get(IN_CHANNELS), i32(4), MUL, ADD, set(INPUT)],
    ...[get(OUTPUT), get(OUT_CHANNELS), i32(4), MUL, ADD, set(OUTPUT)],
    ...[get(P), i32(1), ADD, set(P), CONTINUE, END, END],
  ].flat();
  return simdModule({
    name: 'pointwise',
    params: 8,
    locals: [
      [5, 'i32'],
      [5, 'v128'],
    ],
    code,
  });
}

/**
 * The kernel with a memory of its own (a network's tensors live in it: TensorArena), or null where
 * it cannot run. One per network: two networks' tensors never share a memory.
 */
export function loadPointwiseSimd(): SimdKernel | null {
  return lazySimdKernel('pointwise', pointwiseModule, { keepsState: true })();
}

/** OHWI weights (output channels × inputs) as the kernel reads them, and the bias rounded up to vectors. */
export function transposeForSimd(
  weights: Float32Array,
  bias: Float32Array,
): { weights: Float32Array; bias: Float32Array; rowLength: number } {
  const outChannels = bias.length;
  const inChannels = weights.length / outChannels;
  const rowLength = Math.ceil(outChannels / LANES) * LANES;
  const transposed = new Float32Array(inChannels * rowLength);
  for (let o = 0; o < outChannels; o++)
    for (let i = 0; i < inChannels; i++) transposed[i * rowLength + o] = weights[o * inChannels + i]!;
  const padded = new Float32Array(rowLength);
  padded.set(bias);
  return { weights: transposed, bias: padded, rowLength };
}
