/**
 * The float32 kernels of BlazeFace's TFLite operators that are not convolutions (convolutions.ts):
 * max pooling, zero padding, addition, activations, and the widening of float16 weights. Over NHWC
 * tensors of batch 1, as TFLite's reference kernels compute them.
 */
import type { Hwc, Window } from './convolutions.ts';

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
  const halves =
    kernelHeight === 2 &&
    kernelWidth === 2 &&
    strideY === 2 &&
    strideX === 2 &&
    padTop === 0 &&
    padLeft === 0 &&
    2 * outShape.height <= inShape.height &&
    2 * outShape.width <= inShape.width;
  if (halves) return maxPoolHalves(input, inShape.width, channels, output, outShape);
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
 * maxPool2d over 2 × 2 windows at stride 2, every tap on the input (BlazeFace's pools): the same
 * maxima, taken in the same order, without a test per tap.
 */
function maxPoolHalves(
  input: Float32Array,
  inWidth: number,
  channels: number,
  output: Float32Array,
  outShape: Hwc,
): void {
  const rowLength = inWidth * channels;
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++) {
      const to = (y * outShape.width + x) * channels;
      const top = (2 * y * inWidth + 2 * x) * channels;
      const bottom = top + rowLength;
      for (let c = 0; c < channels; c++)
        output[to + c] = Math.max(
          Math.max(Math.max(input[top + c]!, input[top + channels + c]!), input[bottom + c]!),
          input[bottom + channels + c]!,
        );
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
  const channelsOnly =
    before.height === 0 &&
    before.width === 0 &&
    before.channels === 0 &&
    outShape.height === inShape.height &&
    outShape.width === inShape.width;
  if (channelsOnly) return padChannels(input, inShape.channels, output, outShape.channels);
  output.fill(0);
  for (let y = 0; y < inShape.height; y++)
    for (let x = 0; x < inShape.width; x++) {
      const from = (y * inShape.width + x) * inShape.channels;
      const to =
        ((y + before.height) * outShape.width + x + before.width) * outShape.channels + before.channels;
      for (let c = 0; c < inShape.channels; c++) output[to + c] = input[from + c]!;
    }
}

/** pad's channels added after each pixel's own (BlazeFace's): each value written once. */
function padChannels(
  input: Float32Array,
  inChannels: number,
  output: Float32Array,
  outChannels: number,
): void {
  for (let from = 0, to = 0; from < input.length; from += inChannels, to += outChannels) {
    for (let c = 0; c < inChannels; c++) output[to + c] = input[from + c]!;
    for (let c = inChannels; c < outChannels; c++) output[to + c] = 0;
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
  // Only stores of what was read: a store of `v > 0 ? v : 0` mixes an integer with floats, which V8
  // boxes (measured 6× slower).
  if (activation === ACTIVATION.RELU6) {
    for (let i = 0; i < data.length; i++) {
      const value = data[i]!;
      if (value < 0) data[i] = 0;
      else if (value > 6) data[i] = 6;
    }
    return;
  }
  for (let i = 0; i < data.length; i++) if (data[i]! < 0) data[i] = 0;
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
