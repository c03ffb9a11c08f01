/**
 * BlazeFace's 3 × 3 depthwise convolutions in WebAssembly SIMD, four channels at a time: with the
 * 1 × 1 convolutions in SIMD (pointwiseSimd.ts), the JavaScript loop of convolutions.ts's
 * depthwiseConv2d was half of an inference (issue 13: the face detector runs up to six times on a
 * card's photo). It gives that loop's very values: JavaScript multiplies and adds the float32 inputs
 * as float64 and rounds once, as it stores; so does this, two channels to a float64 vector, the taps
 * added in the same order, rounded to float32 as they are stored.
 *
 * It reads the input already padded (convolutions.ts padForWindows) and the weights as TFLite lays
 * them out (HWC: tap by tap, each a row of the channels), and runs over the network's own memory
 * (tensorArena.ts). Only for channels a multiple of 4, as all of BlazeFace's are.
 */
import type { Hwc, Window } from './convolutions.ts';
import type { Slot } from './tensorArena.ts';
import { simdKernelOn, simdModule, wasm, type SimdKernel } from '../wasm.ts';

/** The channels a vector of float32 holds. */
const LANES = 4;
const TAPS = 9;

// Parameters (byte addresses, counts and steps in bytes), then locals, by number.
const [PADDED, ROW_BYTES, WEIGHTS, BIAS, OUTPUT, OUT_HEIGHT, OUT_WIDTH, CHANNEL_BYTES, STEP_X, STEP_Y] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];
const [C, Y, X, P, O, Q, R] = [10, 11, 12, 13, 14, 15, 16];
// float64 vectors: each tap's weights for the group's first two channels, then its last two; the
// bias likewise; the two sums.
const LOW = 17;
const HIGH = LOW + TAPS;
const BIAS_LOW = HIGH + TAPS;
const BIAS_HIGH = BIAS_LOW + 1;
const SUM_LOW = BIAS_HIGH + 1;
const SUM_HIGH = SUM_LOW + 1;

/** Two floats at Q + `offset` and two past them, widened, into `low` and `high`. */
function widenPair(offset: number, low: number, high: number): number[] {
  const { get, set, load64Zero, F64X2_PROMOTE_LOW } = wasm;
  return [
    ...[get(Q), load64Zero(offset), F64X2_PROMOTE_LOW, set(low)],
    ...[get(Q), load64Zero(offset + 8), F64X2_PROMOTE_LOW, set(high)],
  ].flat();
}

/** sum += (the four floats at Q + `offset` bytes, widened) × the tap's weights. */
function addTap(offset: number, tap: number): number[] {
  const { get, set, load64Zero, F64X2_PROMOTE_LOW, F64X2_MUL, F64X2_ADD } = wasm;
  const half = (sum: number, at: number, weights: number) => [
    ...[get(sum), get(Q), load64Zero(at), F64X2_PROMOTE_LOW, get(weights), F64X2_MUL, F64X2_ADD],
    set(sum),
  ];
  return [...half(SUM_LOW, offset, LOW + tap), ...half(SUM_HIGH, offset + 8, HIGH + tap)].flat();
}

/**
 * depthwise3x3(padded, rowBytes, weights, bias, output, outHeight, outWidth, channelBytes, stepX,
 * stepY): for each group of four channels, its weights held in locals, every output pixel's sum.
 */
function depthwiseModule(): Uint8Array<ArrayBuffer> {
  const { get, set, i32, ADD, MUL, GE_U, BLOCK, LOOP, END, CONTINUE, EXIT_IF } = wasm;
  const { STORE64_LANE, F32X4_DEMOTE } = wasm;
  const loopUntil = (counter: number, limit: number) => [
    BLOCK,
    LOOP,
    get(counter),
    get(limit),
    GE_U,
    EXIT_IF,
  ];
  const step = (local: number, by: number[]) => [get(local), by, ADD, set(local)];
  // A tap's three inputs along a row: Q, Q + channelBytes, Q + 2 × channelBytes.
  const row = (first: number) =>
    [0, 1, 2].flatMap((k) => [...(k === 0 ? [] : step(Q, get(CHANNEL_BYTES))), ...addTap(0, first + k)]);
  const code = [
    ...[i32(0), set(C), ...loopUntil(C, CHANNEL_BYTES)],
    ...Array.from({ length: TAPS }, (_, tap) => [
      ...[get(WEIGHTS), get(C), ADD, get(CHANNEL_BYTES), i32(tap), MUL, ADD, set(Q)],
      ...widenPair(0, LOW + tap, HIGH + tap),
    ]).flat(),
    ...[get(BIAS), get(C), ADD, set(Q), ...widenPair(0, BIAS_LOW, BIAS_HIGH)],
    ...[get(PADDED), get(C), ADD, set(R), get(OUTPUT), get(C), ADD, set(O)],
    ...[i32(0), set(Y), ...loopUntil(Y, OUT_HEIGHT)],
    ...[get(R), set(P), i32(0), set(X), ...loopUntil(X, OUT_WIDTH)],
    ...[get(BIAS_LOW), set(SUM_LOW), get(BIAS_HIGH), set(SUM_HIGH)],
    ...[get(P), set(Q), ...row(0)],
    ...[get(P), get(ROW_BYTES), ADD, set(Q), ...row(3)],
    ...[get(P), get(ROW_BYTES), i32(2), MUL, ADD, set(Q), ...row(6)],
    ...[get(O), get(SUM_LOW), F32X4_DEMOTE, STORE64_LANE(0)],
    ...[get(O), i32(8), ADD, get(SUM_HIGH), F32X4_DEMOTE, STORE64_LANE(0)],
    ...[...step(P, get(STEP_X)), ...step(O, get(CHANNEL_BYTES)), ...step(X, i32(1)), CONTINUE, END, END],
    ...[...step(R, get(STEP_Y)), ...step(Y, i32(1)), CONTINUE, END, END],
    ...[...step(C, i32(LANES * 4)), CONTINUE, END, END],
  ].flat(Infinity) as number[];
  return simdModule({
    name: 'depthwise3x3',
    params: 10,
    locals: [
      [7, 'i32'],
      [2 * TAPS + 4, 'v128'],
    ],
    code,
  });
}

/** The depthwise kernel on the network's memory (that of `pointwise`), or null where it cannot run. */
export function loadDepthwiseSimd(pointwise: SimdKernel): SimdKernel | null {
  return simdKernelOn(pointwise, 'depthwise3x3', depthwiseModule);
}

/** Whether the kernel runs this convolution: 3 × 3, channels a multiple of 4. */
export function runsOnDepthwiseSimd(window: Window, outShape: Hwc): boolean {
  return window.kernelHeight === 3 && window.kernelWidth === 3 && outShape.channels % LANES === 0;
}

/** depthwiseConv2d's sums by the kernel: `padded` `paddedWidth` pixels wide, weights and bias in slots. */
export function depthwiseOnSimd(
  kernel: SimdKernel,
  padded: Slot,
  paddedWidth: number,
  weights: Slot,
  bias: Slot,
  window: Window,
  output: Slot,
  outShape: Hwc,
): void {
  const channelBytes = outShape.channels * 4;
  const rowBytes = paddedWidth * channelBytes;
  kernel.run(
    padded.address,
    rowBytes,
    weights.address,
    bias.address,
    output.address,
    outShape.height,
    outShape.width,
    channelBytes,
    window.strideX * channelBytes,
    window.strideY * rowBytes,
  );
}
