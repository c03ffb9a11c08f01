/**
 * The one-byte-a-pixel kernels give their definitions' very bytes: at sizes no multiple of their 16
 * pixels, and over several of their bands.
 */
import { describe, expect, it } from 'vitest';
import { brightestOnSimd, darkestOnSimd, greyOnSimd } from '../../src/pipeline/rgbaBytesSimd.ts';
import { noiseImage } from '../support/photos.ts';

const DEFINITIONS = {
  grey: (r: number, g: number, b: number) => (r * 4899 + g * 9617 + b * 1868 + 8192) >> 14,
  brightest: Math.max,
  darkest: Math.min,
};
const KERNELS = { grey: greyOnSimd, brightest: brightestOnSimd, darkest: darkestOnSimd };

describe('rgbaBytesSimd', () => {
  for (const name of ['grey', 'brightest', 'darkest'] as const)
    it(`${name}: each pixel's byte as its definition gives it`, () => {
      for (const [width, height] of [
        [1, 1],
        [15, 1],
        [33, 7],
        [701, 523],
      ] as const) {
        const { data } = noiseImage(width, height, 4);
        const made = new Uint8Array(width * height);
        expect(KERNELS[name](data, made, width * height)).toBe(true);
        let differing = 0;
        for (let i = 0; i < made.length; i++)
          if (made[i] !== DEFINITIONS[name](data[4 * i]!, data[4 * i + 1]!, data[4 * i + 2]!)) differing++;
        expect(differing, `${width}×${height}`).toBe(0);
      }
    });
});
