import { describe, expect, it } from 'vitest';
import {
  depthwiseConv2d,
  gatherPatches,
  padForWindows,
  paddingBefore,
  pointwiseConv2d,
  type Hwc,
  type Window,
} from '../../../src/pipeline/face/convolutions.ts';

/** Values that are not all alike: a fixed pseudo-random sequence, -1..1. */
function values(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  });
}

/** A convolution the slow, obvious way: every output, every tap, every input channel, bounds tested. */
function naiveConv(
  input: Float32Array,
  inShape: Hwc,
  weights: Float32Array,
  bias: Float32Array,
  window: Window,
  outShape: Hwc,
  depthwise: boolean,
) {
  const out = new Float32Array(outShape.height * outShape.width * outShape.channels);
  for (let y = 0; y < outShape.height; y++)
    for (let x = 0; x < outShape.width; x++)
      for (let o = 0; o < outShape.channels; o++) {
        let sum = bias[o]!;
        for (let ky = 0; ky < window.kernelHeight; ky++)
          for (let kx = 0; kx < window.kernelWidth; kx++) {
            const iy = y * window.strideY + ky - window.padTop;
            const ix = x * window.strideX + kx - window.padLeft;
            if (iy < 0 || ix < 0 || iy >= inShape.height || ix >= inShape.width) continue;
            const at = (iy * inShape.width + ix) * inShape.channels;
            const tap = ky * window.kernelWidth + kx;
            if (depthwise) sum += input[at + o]! * weights[tap * outShape.channels + o]!;
            else
              for (let i = 0; i < inShape.channels; i++)
                sum +=
                  input[at + i]! *
                  weights[(o * window.kernelWidth * window.kernelHeight + tap) * inShape.channels + i]!;
          }
        out[(y * outShape.width + x) * outShape.channels + o] = sum;
      }
  return out;
}

const maxAbsDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((most, value, i) => Math.max(most, Math.abs(value - b[i]!)), 0);

describe('paddingBefore', () => {
  it('centres SAME windows as TFLite does, the odd pixel after; VALID has none', () => {
    // 64 → 32 by 3 × 3 at stride 2: 1 pixel of padding needed, put after.
    expect(paddingBefore(true, 64, 32, 2, 3)).toBe(0);
    // 128 → 64 by 5 × 5 at stride 2: 3 needed, 1 before.
    expect(paddingBefore(true, 128, 64, 2, 5)).toBe(1);
    expect(paddingBefore(true, 16, 16, 1, 3)).toBe(1);
    expect(paddingBefore(false, 16, 14, 1, 3)).toBe(0);
  });
});

describe('pointwiseConv2d', () => {
  it('gives each pixel bias plus its channels times each output channel’s weights', () => {
    // Two pixels of 2 channels to 1 channel: 10 + 1·2 + 3·4 = 24; 10 + 5·2 + 7·4 = 48.
    const output = new Float32Array(2);
    pointwiseConv2d(
      new Float32Array([1, 3, 5, 7]),
      2,
      2,
      new Float32Array([2, 4]),
      new Float32Array([10]),
      output,
    );
    expect([...output]).toStrictEqual([24, 48]);
  });

  it('agrees with the obvious loop for odd counts of pixels and channels (its blocks of 2 × 4 and their rests)', () => {
    const [pixels, inChannels, outChannels] = [7, 5, 6];
    const input = values(pixels * inChannels, 1);
    const weights = values(outChannels * inChannels, 2);
    const bias = values(outChannels, 3);
    const output = new Float32Array(pixels * outChannels);
    pointwiseConv2d(input, pixels, inChannels, weights, bias, output);
    const shape = (channels: number): Hwc => ({ height: 1, width: pixels, channels });
    const window: Window = { kernelHeight: 1, kernelWidth: 1, strideY: 1, strideX: 1, padTop: 0, padLeft: 0 };
    const expected = naiveConv(input, shape(inChannels), weights, bias, window, shape(outChannels), false);
    expect(maxAbsDifference(output, expected)).toBeLessThan(1e-5);
  });
});

describe('a 5 × 5 convolution of stride 2 as a 1 × 1 one over patches (gatherPatches)', () => {
  it('agrees with the obvious loop, the windows overhanging every edge', () => {
    const inShape: Hwc = { height: 9, width: 8, channels: 3 };
    const outShape: Hwc = { height: 5, width: 4, channels: 4 };
    const window: Window = { kernelHeight: 5, kernelWidth: 5, strideY: 2, strideX: 2, padTop: 2, padLeft: 1 };
    const input = values(9 * 8 * 3, 4);
    const weights = values(4 * 5 * 5 * 3, 5);
    const bias = values(4, 6);
    const patches = new Float32Array(outShape.width * 75);
    const output = new Float32Array(5 * 4 * 4);
    for (let y = 0; y < outShape.height; y++) {
      gatherPatches(input, inShape, window, y, outShape.width, patches);
      pointwiseConv2d(patches, outShape.width, 75, weights, bias, output.subarray(y * 16));
    }
    expect(
      maxAbsDifference(output, naiveConv(input, inShape, weights, bias, window, outShape, false)),
    ).toBeLessThan(1e-5);
  });
});

describe('depthwiseConv2d', () => {
  for (const stride of [1, 2])
    it(`agrees with the obvious loop at stride ${stride}, SAME padding as TFLite places it`, () => {
      const inShape: Hwc = { height: 6, width: 7, channels: 5 };
      const outShape: Hwc = { height: Math.ceil(6 / stride), width: Math.ceil(7 / stride), channels: 5 };
      const padTop = paddingBefore(true, 6, outShape.height, stride, 3);
      const padLeft = paddingBefore(true, 7, outShape.width, stride, 3);
      const window: Window = {
        kernelHeight: 3,
        kernelWidth: 3,
        strideY: stride,
        strideX: stride,
        padTop,
        padLeft,
      };
      const input = values(6 * 7 * 5, 7);
      const weights = values(9 * 5, 8);
      const bias = values(5, 9);
      const paddedWidth = Math.max(padLeft + 7, (outShape.width - 1) * stride + 3);
      const paddedHeight = Math.max(padTop + 6, (outShape.height - 1) * stride + 3);
      const padded = new Float32Array(paddedWidth * paddedHeight * 5).fill(9);
      padForWindows(input, inShape, padTop, padLeft, padded, paddedWidth);
      const output = new Float32Array(outShape.height * outShape.width * 5);
      depthwiseConv2d(padded, paddedWidth, weights, bias, window, output, outShape);
      expect(
        maxAbsDifference(output, naiveConv(input, inShape, weights, bias, window, outShape, true)),
      ).toBeLessThan(1e-5);
    });
});
