import { describe, expect, it } from 'vitest';
import { pointwiseConv2d } from '../../../src/pipeline/face/convolutions.ts';
import { loadPointwiseSimd, transposeForSimd } from '../../../src/pipeline/face/pointwiseSimd.ts';
import { TensorArena } from '../../../src/pipeline/face/tensorArena.ts';
import { seededValues } from './seededValues.ts';

describe('the 1 × 1 convolution in WebAssembly SIMD', () => {
  // 6 and 42 outputs end on half a vector (BlazeFace has both); 28 takes blocks of 16, 8 and 4.
  for (const [pixels, inChannels, outChannels] of [
    [5, 7, 6],
    [3, 36, 42],
    [4, 24, 28],
  ] as const)
    it(`gives the JavaScript loop's sums, ${pixels} pixels of ${inChannels} channels to ${outChannels}, nothing written past its output`, () => {
      const simd = loadPointwiseSimd();
      expect(simd).not.toBeNull();
      const arena = new TensorArena(simd);
      const weights = seededValues(outChannels * inChannels, 1);
      const bias = seededValues(outChannels, 2);
      const input = arena.allocate(pixels * inChannels, seededValues(pixels * inChannels, 3));
      const laidOut = transposeForSimd(weights, bias);
      const weightSlot = arena.allocate(laidOut.weights.length, laidOut.weights);
      const biasSlot = arena.allocate(laidOut.bias.length, laidOut.bias);
      const output = arena.allocate(pixels * outChannels);
      const after = arena.allocate(4, new Float32Array([1, 2, 3, 4]));
      simd!.run(
        input.address,
        pixels,
        inChannels,
        weightSlot.address,
        biasSlot.address,
        output.address,
        outChannels,
        laidOut.rowLength * 4,
      );
      const expected = new Float32Array(pixels * outChannels);
      pointwiseConv2d(input.view, pixels, inChannels, weights, bias, expected);
      const worst = output.view.reduce((most, value, i) => Math.max(most, Math.abs(value - expected[i]!)), 0);
      expect(worst).toBeLessThan(1e-5);
      expect([...after.view]).toStrictEqual([1, 2, 3, 4]);
    });
});
