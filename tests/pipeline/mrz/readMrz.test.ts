/**
 * The crop tesseract reads is made as it was tuned on: OpenCV's resize, black-hat, normalize and not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../../../src/pipeline/cv.ts';
import { toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let engines: Engines;
let band: GreyImage;
beforeAll(async () => {
  engines = await loadNodeEngines();
  // The bottom of a rectified passport page: its MRZ, with some of the page above it.
  const page = toGreyscale(await rectifiedFixture(engines.cv, 'gbr-passport-clean-1.jpg'));
  const top = Math.round(page.height * 0.75);
  band = { width: page.width, height: page.height - top, data: page.data.slice(top * page.width) };
  return () => engines.ocr.terminate();
});

function openCvCrop(image: GreyImage, lineHeight: number, glyphHeight: number): GreyImage {
  const { cv } = engines;
  return withMats(cv, (scope) => {
    const scale = glyphHeight / Math.max(4, lineHeight);
    const scaled = scope.mat();
    const size = new cv.Size(Math.round(image.width * scale), Math.round(image.height * scale));
    cv.resize(greyToMat(scope, image), scaled, size, 0, 0, scale < 1 ? cv.INTER_AREA : cv.INTER_CUBIC);
    const kernel = scope.track(
      cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(glyphHeight, glyphHeight)),
    );
    const strokes = scope.mat();
    cv.morphologyEx(scaled, strokes, cv.MORPH_BLACKHAT, kernel);
    cv.normalize(strokes, strokes, 0, 255, cv.NORM_MINMAX);
    cv.bitwise_not(strokes, strokes);
    return matToGrey(strokes);
  });
}

describe('cropForOcr', () => {
  for (const [lineHeight, glyphHeight] of [
    [31, 32],
    [31, 48],
    [31, 40],
    [52, 32],
  ] as const) {
    it(`equals OpenCV's chain for ${lineHeight}-px lines read at ${glyphHeight} px`, () => {
      const ours = cropForOcr(engines, band, lineHeight, glyphHeight);
      const theirs = openCvCrop(band, lineHeight, glyphHeight);
      expect([ours.width, ours.height]).toStrictEqual([theirs.width, theirs.height]);
      expect(ours.data.filter((value, i) => value !== theirs.data[i]).length).toBe(0);
    });
  }
});
