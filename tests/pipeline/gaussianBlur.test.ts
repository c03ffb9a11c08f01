/**
 * Our SIMD Gaussian blur is OpenCV's `GaussianBlur` with σ 1 byte for byte, both ways and each way
 * alone: clarity's sharpness and print thresholds were set on OpenCV's blurs of the document.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../../src/pipeline/cv.ts';
import { gaussianBlurGrey, type BlurWay } from '../../src/pipeline/gaussianBlur.ts';
import { toGreyscale, type GreyImage } from '../../src/pipeline/image.ts';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';
import { fixture } from '../support/fixtures.ts';
import { differingBytes, noiseImage } from '../support/photos.ts';

let cv: OpenCv;
let photo: GreyImage;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  photo = toGreyscale(await decodePhoto(await readFile(fixture('clean').path)));
});
afterEach(() => allowSimdKernels(true));

const SIZES: Record<BlurWay, [number, number]> = { both: [0, 0], across: [7, 1], down: [1, 7] };
const WAYS = Object.keys(SIZES) as BlurWay[];

/** As measureClarity called OpenCV before. */
function openCv(image: GreyImage, way: BlurWay): GreyImage {
  return withMats(cv, (scope) => {
    const blurred = scope.mat();
    const [width, height] = SIZES[way];
    cv.GaussianBlur(greyToMat(scope, image), blurred, new cv.Size(width, height), 1, 1);
    return matToGrey(blurred);
  });
}

describe('gaussianBlurGrey', () => {
  it('blurs a photo as OpenCV does, both ways and each way alone', () => {
    for (const way of WAYS)
      expect(differingBytes(gaussianBlurGrey(cv, photo, way), openCv(photo, way)), way).toBe(0);
  });

  it('does so on noise, and on images smaller than the kernel (the border reflected more than once)', () => {
    for (const [width, height] of [
      [800, 563],
      [41, 30],
      [9, 2],
      [8, 1],
      [5, 3],
      [1, 1],
    ] as const) {
      const image = toGreyscale(noiseImage(width, height));
      for (const way of WAYS)
        expect(
          differingBytes(gaussianBlurGrey(cv, image, way), openCv(image, way)),
          `${width}×${height} ${way}`,
        ).toBe(0);
    }
  });

  it('leaves an engine without WebAssembly SIMD to OpenCV, with the same bytes', () => {
    const ours = gaussianBlurGrey(cv, photo, 'both');
    allowSimdKernels(false);
    expect(differingBytes(gaussianBlurGrey(cv, photo, 'both'), ours)).toBe(0);
  });
});
