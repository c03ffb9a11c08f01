/**
 * Our SIMD morphology is OpenCV's byte for byte: the MRZ search was tuned on OpenCV's black-hats.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../../src/pipeline/cv.ts';
import { toGreyscale, type GreyImage } from '../../src/pipeline/image.ts';
import { blackHat, closing, opening, rectFilter } from '../../src/pipeline/morphology.ts';
import { fixture } from '../support/fixtures.ts';
import { differingBytes, noiseImage, withAndWithoutSimd } from '../support/photos.ts';

let cv: OpenCv;
let photo: GreyImage;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  photo = toGreyscale(await decodePhoto(await readFile(fixture('clean').path)));
});

function openCv(image: GreyImage, op: number, width: number, height: number): GreyImage {
  return withMats(cv, (scope) => {
    const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(width, height)));
    const result = scope.mat();
    cv.morphologyEx(greyToMat(scope, image), result, op, kernel);
    return matToGrey(result);
  });
}

describe('morphology', () => {
  // The rectangles the MRZ search uses: odd and even (whose anchor is off-centre), and lines.
  const rectangles = [
    [15, 15],
    [13, 1],
    [1, 5],
    [2, 2],
    [32, 32],
    [40, 40],
  ] as const;

  it('erodes, dilates, closes, black-hats and opens a photo as OpenCV does', () => {
    for (const [width, height] of rectangles) {
      const label = `${width}×${height}`;
      expect(
        differingBytes(
          rectFilter(cv, photo, width, height, 'min'),
          openCv(photo, cv.MORPH_ERODE, width, height),
        ),
        label,
      ).toBe(0);
      expect(
        differingBytes(
          rectFilter(cv, photo, width, height, 'max'),
          openCv(photo, cv.MORPH_DILATE, width, height),
        ),
        label,
      ).toBe(0);
      expect(
        differingBytes(closing(cv, photo, width, height), openCv(photo, cv.MORPH_CLOSE, width, height)),
        label,
      ).toBe(0);
      expect(
        differingBytes(blackHat(cv, photo, width, height), openCv(photo, cv.MORPH_BLACKHAT, width, height)),
        label,
      ).toBe(0);
      expect(
        differingBytes(opening(cv, photo, width, height), openCv(photo, cv.MORPH_OPEN, width, height)),
        label,
      ).toBe(0);
    }
  });

  it('does so on noise at widths around one 16-byte group, and smaller than its rectangle', () => {
    for (const [width, height] of [
      [16, 3],
      [17, 40],
      [31, 2],
      [5, 5],
    ] as const) {
      const image = noiseImage(width, height, 1);
      for (const [kw, kh] of rectangles) {
        expect(
          differingBytes(blackHat(cv, image, kw, kh), openCv(image, cv.MORPH_BLACKHAT, kw, kh)),
          `${width}×${height} by ${kw}×${kh}`,
        ).toBe(0);
      }
    }
  });

  it('black-hats alike without SIMD, where OpenCV and a loop do the work', () => {
    for (const image of [photo, noiseImage(701, 523, 1)]) {
      const [simd, plain] = withAndWithoutSimd(() => blackHat(cv, image, 15, 15));
      expect(differingBytes(simd, plain), `${image.width}×${image.height}`).toBe(0);
    }
  });
});
