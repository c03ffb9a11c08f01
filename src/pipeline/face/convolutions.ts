/**
 * The float32 convolutions of BlazeFace's TFLite operators, over NHWC tensors of batch 1 (TFLite's own
 * layout: a pixel's channels side by side, rows of pixels, then rows). Each is a plain loop over typed
 * arrays, innermost over channels, so that V8 compiles it to tight machine code; none allocates. Their
 * arithmetic is TFLite's reference kernels' (tensorflow/lite/kernels/internal/reference/), in sums of
 * products, so outputs agree with TFLite's and OpenCV's to float rounding. The network's other
 * operators are in tensorOps.ts; the 1 × 1 convolution's SIMD twin in pointwiseSimd.ts.
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
 * BlazeFace's arithmetic is here, so it runs two pixels by four output channels at a time: each value
 * loaded serves eight or four products, held in locals (measured 2–3× faster than one sum at a time).
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
  let p = 0;
  for (; p + 2 <= pixels; p += 2) {
    const from = p * inChannels;
    const to = p * outChannels;
    let o = 0;
    for (; o + 4 <= outChannels; o += 4)
      fourChannelsOfTwoPixels(input, from, inChannels, weights, bias, o, output, to, outChannels);
    for (; o < outChannels; o++) {
      output[to + o] = bias[o]! + dot(input, from, weights, o * inChannels, inChannels);
      output[to + outChannels + o] =
        bias[o]! + dot(input, from + inChannels, weights, o * inChannels, inChannels);
    }
  }
  for (; p < pixels; p++)
    for (let o = 0; o < outChannels; o++)
      output[p * outChannels + o] =
        bias[o]! + dot(input, p * inChannels, weights, o * inChannels, inChannels);
}

function dot(a: Float32Array, atA: number, b: Float32Array, atB: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += a[atA + i]! * b[atB + i]!;
  return sum;
}

/** Output channels o..o+3 of the pixels at `from` and `from + inChannels`. */
function fourChannelsOfTwoPixels(
  input: Float32Array,
  from: number,
  inChannels: number,
  weights: Float32Array,
  bias: Float32Array,
  o: number,
  output: Float32Array,
  to: number,
  outChannels: number,
): void {
  const w0 = o * inChannels;
  const w1 = w0 + inChannels;
  const w2 = w1 + inChannels;
  const w3 = w2 + inChannels;
  const next = from + inChannels;
  let a0 = bias[o]!;
  let a1 = bias[o + 1]!;
  let a2 = bias[o + 2]!;
  let a3 = bias[o + 3]!;
  let b0 = a0;
  let b1 = a1;
  let b2 = a2;
  let b3 = a3;
  for (let i = 0; i < inChannels; i++) {
    const u = input[from + i]!;
    const v = input[next + i]!;
    const k0 = weights[w0 + i]!;
    const k1 = weights[w1 + i]!;
    const k2 = weights[w2 + i]!;
    const k3 = weights[w3 + i]!;
    a0 += u * k0;
    a1 += u * k1;
    a2 += u * k2;
    a3 += u * k3;
    b0 += v * k0;
    b1 += v * k1;
    b2 += v * k2;
    b3 += v * k3;
  }
  output[to + o] = a0;
  output[to + o + 1] = a1;
  output[to + o + 2] = a2;
  output[to + o + 3] = a3;
  const second = to + outChannels + o;
  output[second] = b0;
  output[second + 1] = b1;
  output[second + 2] = b2;
  output[second + 3] = b3;
}

/**
 * A general convolution runs as a 1 × 1 one over patches: each output row's input windows laid out
 * (zero where a window overhangs the input) one after another, each in the order of TFLite's OHWI
 * weights, so that each output channel's weights are one row of kernelHeight × kernelWidth × inChannels.
 */
/** Output row y's input windows, one after another, zero beyond the input's edges. */
export function gatherPatches(
  input: Float32Array,
  inShape: Hwc,
  window: Window,
  y: number,
  outWidth: number,
  patches: Float32Array,
): void {
  const { kernelHeight, kernelWidth, strideY, strideX, padTop, padLeft } = window;
  const channels = inShape.channels;
  let to = 0;
  for (let x = 0; x < outWidth; x++)
    for (let ky = 0; ky < kernelHeight; ky++) {
      const iy = y * strideY + ky - padTop;
      for (let kx = 0; kx < kernelWidth; kx++) {
        const ix = x * strideX + kx - padLeft;
        const from = (iy * inShape.width + ix) * channels;
        if (iy >= 0 && iy < inShape.height && ix >= 0 && ix < inShape.width)
          for (let c = 0; c < channels; c++) patches[to + c] = input[from + c]!;
        else patches.fill(0, to, to + channels);
        to += channels;
      }
    }
}

/**
 * The input with `padTop` rows and `padLeft` columns of zeros before it and enough after it for every
 * window (`padded` is paddedWidth pixels wide and long enough), so that a window never needs a test
 * of whether it overhangs the input.
 */
export function padForWindows(
  input: Float32Array,
  inShape: Hwc,
  padTop: number,
  padLeft: number,
  padded: Float32Array,
  paddedWidth: number,
): void {
  padded.fill(0);
  const rowLength = inShape.width * inShape.channels;
  for (let y = 0; y < inShape.height; y++) {
    const from = y * rowLength;
    const to = ((y + padTop) * paddedWidth + padLeft) * inShape.channels;
    for (let i = 0; i < rowLength; i++) padded[to + i] = input[from + i]!;
  }
}

/**
 * A depthwise convolution of depth multiplier 1 (each channel convolved with its own kernel) over an
 * input padded by padForWindows. `weights` are TFLite's 1HWC: the kernel's taps in rows, each tap's
 * channels side by side. 3 × 3 kernels, BlazeFace's only ones, have their taps written out.
 */
export function depthwiseConv2d(
  padded: Float32Array,
  paddedWidth: number,
  weights: Float32Array,
  bias: Float32Array,
  window: Window,
  output: Float32Array,
  outShape: Hwc,
): void {
  const { kernelHeight, kernelWidth, strideY, strideX } = window;
  const channels = outShape.channels;
  const byTaps = kernelHeight === 3 && kernelWidth === 3 ? depthwise3x3Pixel : depthwisePixel;
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++) {
      const from = (y * strideY * paddedWidth + x * strideX) * channels;
      const to = (y * outShape.width + x) * channels;
      byTaps(padded, from, paddedWidth * channels, weights, bias, window, output, to, channels);
    }
}

function depthwise3x3Pixel(
  padded: Float32Array,
  from: number,
  rowLength: number,
  w: Float32Array,
  bias: Float32Array,
  _window: Window,
  output: Float32Array,
  to: number,
  channels: number,
): void {
  const r0 = from;
  const r1 = from + rowLength;
  const r2 = r1 + rowLength;
  const c1 = channels;
  const c2 = 2 * channels;
  for (let c = 0; c < channels; c++)
    output[to + c] =
      bias[c]! +
      padded[r0 + c]! * w[c]! +
      padded[r0 + c1 + c]! * w[c1 + c]! +
      padded[r0 + c2 + c]! * w[c2 + c]! +
      padded[r1 + c]! * w[3 * c1 + c]! +
      padded[r1 + c1 + c]! * w[4 * c1 + c]! +
      padded[r1 + c2 + c]! * w[5 * c1 + c]! +
      padded[r2 + c]! * w[6 * c1 + c]! +
      padded[r2 + c1 + c]! * w[7 * c1 + c]! +
      padded[r2 + c2 + c]! * w[8 * c1 + c]!;
}

function depthwisePixel(
  padded: Float32Array,
  from: number,
  rowLength: number,
  weights: Float32Array,
  bias: Float32Array,
  window: Window,
  output: Float32Array,
  to: number,
  channels: number,
): void {
  for (let c = 0; c < channels; c++) {
    let sum = bias[c]!;
    for (let ky = 0; ky < window.kernelHeight; ky++)
      for (let kx = 0; kx < window.kernelWidth; kx++)
        sum +=
          padded[from + ky * rowLength + kx * channels + c]! *
          weights[(ky * window.kernelWidth + kx) * channels + c]!;
    output[to + c] = sum;
  }
}
