/**
 * Our SIMD area resize is OpenCV's INTER_AREA byte for byte: measureHandwriting's thresholds were set
 * on OpenCV's shrink of the rectified document. OpenCV's scalar arithmetic, that is: the build without
 * SIMD (vendor/opencv/opencv.wasm, which engines without SIMD run, as the 4.12 package did). The SIMD
 * build sums a fractional shrink's floats in another order, and a few bytes come out 1 apart (5601 of
 * 3.8 million in the 1125 px shrink of the clean fixture).
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { startNodeOpenCv } from '../../src/engines/node.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from '../../src/pipeline/cv.ts';
import { resizeRgbaByArea, shrinkRgbaToFit } from '../../src/pipeline/resizeArea.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';
import { fixture } from '../support/fixtures.ts';
import { differingBytes, noiseImage } from '../support/photos.ts';

let cv: OpenCv;
let photo: RgbaImage;
beforeAll(async () => {
  cv = await startNodeOpenCv('plain');
  photo = await decodePhoto(await readFile(fixture('clean').path));
});
afterEach(() => allowSimdKernels(true));

function openCv(image: RgbaImage, width: number, height: number): RgbaImage {
  return withMats(cv, (scope) => {
    const resized = scope.mat();
    cv.resize(rgbaToMat(scope, image), resized, new cv.Size(width, height), 0, 0, cv.INTER_AREA);
    return matToRgba(resized);
  });
}

describe('resizeRgbaByArea', () => {
  it('shrinks a photo as OpenCV does, by fractions in either direction and by whole numbers', () => {
    // measureHandwriting's 1125 px, clarity's 800 and the MRZ search's 900; a whole half, and a third across only.
    for (const width of [1125, 800, 900, 800, 533]) {
      const height = width === 533 ? photo.height : Math.round((photo.height * width) / photo.width);
      expect(
        differingBytes(resizeRgbaByArea(cv, photo, width, height), openCv(photo, width, height)),
        `${width}`,
      ).toBe(0);
    }
  });

  it('does so on noise, small and large images, and sizes that leave a sliver of a pixel at the edge', () => {
    for (const [width, height, toWidth, toHeight] of [
      [40, 30, 17, 13],
      [17, 9, 5, 4],
      [3, 2, 2, 1],
      [1000, 999, 333, 500],
      [101, 7, 100, 6],
      // A 12 MP photo to the outline search's 900 px: in many bands of source rows.
      [4000, 3000, 900, 675],
    ] as const) {
      const image = noiseImage(width, height);
      expect(
        differingBytes(resizeRgbaByArea(cv, image, toWidth, toHeight), openCv(image, toWidth, toHeight)),
        `${width}×${height} to ${toWidth}×${toHeight}`,
      ).toBe(0);
    }
  });

  it('shrinks by whole numbers in bands of rows as OpenCV does in one call', () => {
    // A 12 MP photo to lookForPeople's 800 px (by 5) and by 2 (OpenCV's vectorised case), and odd sizes
    // whose last band is short.
    for (const [width, height, by] of [
      [4000, 3000, 5],
      [4000, 3000, 2],
      [1203, 2004, 3],
      [2501, 1667, 1],
    ] as const) {
      const image = noiseImage(width, height);
      const [toWidth, toHeight] = [width / by, height / by];
      expect(
        differingBytes(resizeRgbaByArea(cv, image, toWidth, toHeight), openCv(image, toWidth, toHeight)),
        `${width}×${height} by ${by}`,
      ).toBe(0);
    }
  });

  it('gives the same bytes where OpenCV does the work (no WebAssembly SIMD)', () => {
    const ours = resizeRgbaByArea(cv, photo, 1125, 844);
    allowSimdKernels(false);
    expect(differingBytes(resizeRgbaByArea(cv, photo, 1125, 844), ours)).toBe(0);
  });
});

describe('shrinkRgbaToFit', () => {
  it('shrinks the longer side to the size given, and leaves a smaller image as it is', () => {
    const shrunk = shrinkRgbaToFit(cv, photo, 1125);
    expect([shrunk.width, shrunk.height]).toStrictEqual([
      1125,
      Math.round((photo.height * 1125) / photo.width),
    ]);
    expect(shrinkRgbaToFit(cv, photo, photo.width)).toBe(photo);
  });
});
