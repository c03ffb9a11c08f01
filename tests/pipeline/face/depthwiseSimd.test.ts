import { describe, expect, it } from 'vitest';
import { depthwiseConv2d, type Hwc, type Window } from '../../../src/pipeline/face/convolutions.ts';
import { depthwiseOnSimd, loadDepthwiseSimd } from '../../../src/pipeline/face/depthwiseSimd.ts';
import { loadPointwiseSimd } from '../../../src/pipeline/face/pointwiseSimd.ts';
import { TensorArena } from '../../../src/pipeline/face/tensorArena.ts';
import { seededValues } from './seededValues.ts';

describe('the 3 × 3 depthwise convolution in WebAssembly SIMD', () => {
  // BlazeFace's: stride 1 over 24 channels, stride 2 over 28 (each then padded to the window's reach).
  for (const [stride, channels, outHeight, outWidth] of [
    [1, 24, 5, 6],
    [2, 28, 4, 3],
    [1, 4, 1, 1],
  ] as const)
    it(`gives the JavaScript loop's very floats, stride ${stride}, ${channels} channels, ${outHeight} × ${outWidth}, nothing written past its output`, () => {
      const pointwise = loadPointwiseSimd();
      expect(pointwise).not.toBeNull();
      const kernel = loadDepthwiseSimd(pointwise!);
      expect(kernel).not.toBeNull();
      const arena = new TensorArena(pointwise);
      const window: Window = {
        kernelHeight: 3,
        kernelWidth: 3,
        strideY: stride,
        strideX: stride,
        padTop: 0,
        padLeft: 0,
      };
      const paddedWidth = (outWidth - 1) * stride + 3;
      const paddedHeight = (outHeight - 1) * stride + 3;
      const padded = arena.allocate(
        paddedHeight * paddedWidth * channels,
        seededValues(paddedHeight * paddedWidth * channels, 1),
      );
      const weights = seededValues(9 * channels, 2);
      const bias = seededValues(channels, 3);
      const [weightSlot, biasSlot] = [
        arena.allocate(weights.length, weights),
        arena.allocate(bias.length, bias),
      ];
      const outShape: Hwc = { height: outHeight, width: outWidth, channels };
      const output = arena.allocate(outHeight * outWidth * channels);
      const after = arena.allocate(4, new Float32Array([1, 2, 3, 4]));
      depthwiseOnSimd(kernel!, padded, paddedWidth, weightSlot, biasSlot, window, output, outShape);
      const expected = new Float32Array(output.length);
      depthwiseConv2d(padded.view, paddedWidth, weights, bias, window, expected, outShape);
      expect(output.view).toStrictEqual(expected);
      expect([...after.view]).toStrictEqual([1, 2, 3, 4]);
    });
});
