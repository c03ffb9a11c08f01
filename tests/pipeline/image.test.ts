/**
 * The plain-pixel helpers agree with OpenCV where they stand in for it.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import { matToGrey, rgbaToMat, withMats } from '../../src/pipeline/cv.ts';
import { cropRgba, toGreyscale } from '../../src/pipeline/image.ts';
import { rectIn } from '../../src/pipeline/types.ts';
import { fixture } from '../support/fixtures.ts';

it('toGreyscale gives exactly the luma of OpenCV’s RGBA2GRAY on a photo', async () => {
  const cv = await loadNodeOpenCv();
  const photo = await decodePhoto(await readFile(fixture('glare').path));
  const ours = toGreyscale(photo);
  const theirs = withMats(cv, (scope) => {
    const grey = scope.mat();
    cv.cvtColor(rgbaToMat(scope, photo), grey, cv.COLOR_RGBA2GRAY);
    return matToGrey(grey);
  });
  expect(ours.width).toBe(photo.width);
  expect(ours.height).toBe(photo.height);
  const differing = ours.data.filter((value, i) => value !== theirs.data[i]).length;
  expect(differing).toBe(0);
});

it('cropRgba copies the region’s pixels, row by row', () => {
  // 3 × 2 pixels, each channel numbered: the region is the right two pixels of both rows.
  const image = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => i) };
  expect(cropRgba(image, rectIn('image', 1, 0, 2, 2))).toStrictEqual({
    width: 2,
    height: 2,
    data: Uint8Array.from([4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23]),
  });
});
