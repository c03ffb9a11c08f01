/**
 * Our SIMD box blur is OpenCV's `blur` byte for byte: measureHandwriting's thresholds were set on
 * OpenCV's blurs of the document.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { boxBlurRgba } from '../../src/pipeline/boxBlur.ts';
import { matToRgba, rgbaToMat, withMats } from '../../src/pipeline/cv.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';
import { fixture } from '../support/fixtures.ts';
import { differingBytes, noiseImage } from '../support/photos.ts';

let cv: OpenCv;
let photo: RgbaImage;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  photo = await decodePhoto(await readFile(fixture('clean').path));
});
afterEach(() => allowSimdKernels(true));

function openCv(image: RgbaImage, side: number): RgbaImage {
  return withMats(cv, (scope) => {
    const blurred = scope.mat();
    cv.blur(rgbaToMat(scope, image), blurred, new cv.Size(side, side));
    return matToRgba(blurred);
  });
}

describe('boxBlurRgba', () => {
  it("blurs a photo as OpenCV does, by measureHandwriting's 5 and 31 px and by 3, one after another", () => {
    for (const side of [5, 31, 3, 31])
      expect(differingBytes(boxBlurRgba(cv, photo, side), openCv(photo, side)), `${side}`).toBe(0);
  });

  it('does so on noise, and on images smaller than the box (the border reflected more than once)', () => {
    for (const [width, height] of [
      [40, 30],
      [17, 9],
      [3, 2],
      [1, 1],
    ] as const) {
      const image = noiseImage(width, height);
      for (const side of [5, 31])
        expect(
          differingBytes(boxBlurRgba(cv, image, side), openCv(image, side)),
          `${width}×${height} by ${side}`,
        ).toBe(0);
    }
  });

  it('leaves an even side, and an engine without WebAssembly SIMD, to OpenCV', () => {
    expect(differingBytes(boxBlurRgba(cv, photo, 4), openCv(photo, 4))).toBe(0);
    const ours = boxBlurRgba(cv, photo, 31);
    allowSimdKernels(false);
    expect(differingBytes(boxBlurRgba(cv, photo, 31), ours)).toBe(0);
  });
});
