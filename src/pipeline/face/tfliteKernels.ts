/**
 * The float32 kernels of the TFLite operators BlazeFace uses, over NHWC tensors of batch 1 (TFLite's own
 * layout: a pixel's channels side by side, rows of pixels, then rows). Each is a plain loop over typed
 * arrays, innermost over channels, so that V8 compiles it to tight machine code; none allocates. Their
 * arithmetic is TFLite's reference kernels' (tensorflow/lite/kernels/internal/reference/), in float32
 * sums of products, so outputs agree with TFLite's and OpenCV's to float rounding.
 */

/** A tensor's height, width and channels (its batch is 1). */
export interface Hwc {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** Where a sliding window starts: its stride, and how far before the first pixel its first step reaches. */
export interface Window {
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly strideY: number;
  readonly strideX: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/**
 * The padding before the first pixel for TFLite's SAME (the window centred, any odd pixel of padding
 * after) or VALID (none) padding: tensorflow/lite/kernels/padding.h, ComputePaddingHeightWidth.
 */
export function paddingBefore(same: boolean, input: number, output: number, stride: number, kernel: number) {
  if (!same) return 0;
  return Math.max(0, Math.floor(((output - 1) * stride + kernel - input) / 2));
}

/**
 * A 1 × 1 convolution of stride 1: each output pixel's channels are the input pixel's channels times
 * `weights` (output channels × input channels, TFLite's OHWI with H = W = 1) plus `bias`. Most of
 * BlazeFace's arithmetic is here.
 */
export function pointwiseConv2d(
  input: Float32Array,
  pixels: number,
  inChannels: number,
  weights: Float32Array,
  bias: Float32Array,
  output: Float32Array,
): void {
  const outChannels = bias.length;
  for (let p = 0; p < pixels; p++) {
    const from = p * inChannels;
    const to = p * outChannels;
    for (let o = 0; o < outChannels; o++) {
      const w = o * inChannels;
      let sum = bias[o]!;
      for (let i = 0; i < inChannels; i++) sum += input[from + i]! * weights[w + i]!;
      output[to + o] = sum;
    }
  }
}

/**
 * A general convolution. `weights` are given as TFLite stores them, OHWI; `transposed` is the same
 * reordered HWIO (see transposeConvWeights), so that the innermost loop runs over output channels.
 */
export function conv2d(
  input: Float32Array,
  inShape: Hwc,
  transposed: Float32Array,
  bias: Float32Array,
  window: Window,
  output: Float32Array,
  outShape: Hwc,
): void {
  const { kernelHeight, kernelWidth, strideY, strideX, padTop, padLeft } = window;
  const inChannels = inShape.channels;
  const outChannels = outShape.channels;
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++) {
      const to = (y * outShape.width + x) * outChannels;
      output.set(bias, to);
      for (let ky = 0; ky < kernelHeight; ky++) {
        const iy = y * strideY + ky - padTop;
        if (iy < 0 || iy >= inShape.height) continue;
        for (let kx = 0; kx < kernelWidth; kx++) {
          const ix = x * strideX + kx - padLeft;
          if (ix < 0 || ix >= inShape.width) continue;
          const from = (iy * inShape.width + ix) * inChannels;
          const tap = (ky * kernelWidth + kx) * inChannels * outChannels;
          accumulateTap(input, from, inChannels, transposed, tap, output, to, outChannels);
        }
      }
    }
}

/** One kernel position's share of an output pixel: every input channel times its row of weights. */
function accumulateTap(
  input: Float32Array,
  from: number,
  inChannels: number,
  weights: Float32Array,
  tap: number,
  output: Float32Array,
  to: number,
  outChannels: number,
): void {
  for (let i = 0; i < inChannels; i++) {
    const value = input[from + i]!;
    const row = tap + i * outChannels;
    for (let o = 0; o < outChannels; o++) output[to + o] = output[to + o]! + value * weights[row + o]!;
  }
}

/** OHWI weights reordered HWIO, for conv2d. */
export function transposeConvWeights(
  weights: Float32Array,
  [outChannels, height, width, inChannels]: readonly number[],
): Float32Array {
  const out = outChannels ?? 0;
  const taps = (height ?? 0) * (width ?? 0) * (inChannels ?? 0);
  const transposed = new Float32Array(weights.length);
  for (let o = 0; o < out; o++)
    for (let t = 0; t < taps; t++) transposed[t * out + o] = weights[o * taps + t]!;
  return transposed;
}

/**
 * A depthwise convolution of depth multiplier 1: each channel convolved with its own kernel.
 * `weights` are TFLite's 1HWC: the kernel's taps in rows, each tap's channels side by side.
 */
export function depthwiseConv2d(
  input: Float32Array,
  inShape: Hwc,
  weights: Float32Array,
  bias: Float32Array,
  window: Window,
  output: Float32Array,
  outShape: Hwc,
): void {
  const { kernelHeight, kernelWidth, strideY, strideX, padTop, padLeft } = window;
  const channels = inShape.channels;
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++) {
      const to = (y * outShape.width + x) * channels;
      output.set(bias, to);
      for (let ky = 0; ky < kernelHeight; ky++) {
        const iy = y * strideY + ky - padTop;
        if (iy < 0 || iy >= inShape.height) continue;
        for (let kx = 0; kx < kernelWidth; kx++) {
          const ix = x * strideX + kx - padLeft;
          if (ix < 0 || ix >= inShape.width) continue;
          const from = (iy * inShape.width + ix) * channels;
          const tap = (ky * kernelWidth + kx) * channels;
          for (let c = 0; c < channels; c++)
            output[to + c] = output[to + c]! + input[from + c]! * weights[tap + c]!;
        }
      }
    }
}

/** Max pooling: each output the largest input under the window, padding never chosen (TFLite's MaxPool). */
export function maxPool2d(
  input: Float32Array,
  inShape: Hwc,
  window: Window,
  output: Float32Array,
  outShape: Hwc,
): void {
  const { kernelHeight, kernelWidth, strideY, strideX, padTop, padLeft } = window;
  const channels = inShape.channels;
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++) {
      const to = (y * outShape.width + x) * channels;
      output.fill(-Infinity, to, to + channels);
      for (let ky = 0; ky < kernelHeight; ky++) {
        const iy = y * strideY + ky - padTop;
        if (iy < 0 || iy >= inShape.height) continue;
        for (let kx = 0; kx < kernelWidth; kx++) {
          const ix = x * strideX + kx - padLeft;
          if (ix < 0 || ix >= inShape.width) continue;
          const from = (iy * inShape.width + ix) * channels;
          for (let c = 0; c < channels; c++) output[to + c] = Math.max(output[to + c]!, input[from + c]!);
        }
      }
    }
}

/**
 * Zero padding of an HWC tensor: `before` and `after` pixels or channels on each axis (PAD's paddings,
 * the batch's left out).
 */
export function pad(
  input: Float32Array,
  inShape: Hwc,
  before: Hwc,
  output: Float32Array,
  outShape: Hwc,
): void {
  output.fill(0);
  for (let y = 0; y < inShape.height; y++)
    for (let x = 0; x < inShape.width; x++) {
      const from = (y * inShape.width + x) * inShape.channels;
      const to = ((y + before.height) * outShape.width + x + before.width) * outShape.channels + before.channels;
      output.set(input.subarray(from, from + inShape.channels), to);
    }
}

export function add(a: Float32Array, b: Float32Array, output: Float32Array): void {
  for (let i = 0; i < output.length; i++) output[i] = a[i]! + b[i]!;
}

/** schema.fbs ActivationFunctionType: those we apply (RELU as an operator or fused into another). */
export const ACTIVATION = { NONE: 0, RELU: 1, RELU6: 3 } as const;

/** Applies a fused activation in place. */
export function activate(data: Float32Array, activation: number): void {
  if (activation === ACTIVATION.NONE) return;
  const top = activation === ACTIVATION.RELU6 ? 6 : Infinity;
  for (let i = 0; i < data.length; i++) data[i] = Math.min(top, Math.max(0, data[i]!));
}

/** IEEE 754 half-precision floats (TFLite's FLOAT16 weights), widened to float32. */
export function float16ToFloat32(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 2);
  for (let i = 0; i < out.length; i++) {
    const half = view.getUint16(i * 2, true);
    const sign = half & 0x8000 ? -1 : 1;
    const exponent = (half >> 10) & 0x1f;
    const fraction = half & 0x3ff;
    if (exponent === 0) out[i] = sign * fraction * 2 ** -24;
    else if (exponent === 0x1f) out[i] = fraction ? NaN : sign * Infinity;
    else out[i] = sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return out;
}
