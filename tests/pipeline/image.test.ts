/**
 * The plain-pixel helpers agree with OpenCV where they stand in for it.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import { matToGrey, rgbaToMat, withMats } from '../../src/pipeline/cv.ts';
import {
  byteHistogram,
  byteRange,
  cellMeans,
  cropRgba,
  invertedBytes,
  throughTable,
  toGreyscale,
} from '../../src/pipeline/image.ts';
import { rectIn } from '../../src/pipeline/types.ts';
import { fixture } from '../support/fixtures.ts';
import { differingBytes, withAndWithoutSimd } from '../support/photos.ts';

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

it('toGreyscale gives the same bytes in WebAssembly SIMD as without, at sizes that are no multiple of its 16 pixels', async () => {
  const photo = await decodePhoto(await readFile(fixture('glare').path));
  for (const [width, height] of [
    [1, 1],
    [5, 3],
    [37, 29],
    [photo.width - 3, Math.min(photo.height, 401)],
  ] as const) {
    const crop = cropRgba(photo, rectIn('image', 1, 1, width, height));
    const [simd, plain] = withAndWithoutSimd(() => toGreyscale(crop));
    expect(simd.data.length).toBe(width * height);
    expect(differingBytes(simd, plain)).toBe(0);
  }
});

it('byteHistogram, byteRange, throughTable and invertedBytes give what the plain definitions give on a photo', async () => {
  const { data } = toGreyscale(await decodePhoto(await readFile(fixture('glare').path)));
  const values = valuesIn(data);
  expect(byteRange(data)).toStrictEqual([Math.min(...values), Math.max(...values)]);
  expect(byteRange(new Uint8Array(0))).toStrictEqual([255, 0]);
  const histogram = new Uint32Array(256);
  data.forEach((value) => histogram[value]!++);
  expect(byteHistogram(data)).toStrictEqual(histogram);
  const table = Uint8Array.from({ length: 256 }, (_, v) => (v * 7 + 3) % 256);
  const looked = throughTable(data, table);
  const inverted = invertedBytes(data);
  expect([looked.length, inverted.length]).toStrictEqual([data.length, data.length]);
  // Counted, not compared whole: vitest's deep equality takes a minute over a million bytes.
  expect(data.filter((value, i) => looked[i] !== table[value] || inverted[i] !== 255 - value).length).toBe(0);
});

it('cellMeans over some columns gives those columns’ cells as over all, and 0 elsewhere', async () => {
  const photo = await decodePhoto(await readFile(fixture('glare').path));
  const all = cellMeans(photo, 96);
  const band = cellMeans(photo, 96, { from: 0.38, to: 0.62 });
  const from = Math.floor(all.columns * 0.38);
  const to = Math.ceil(all.columns * 0.62);
  const expected = all.rgb.map((value, i) => {
    const column = Math.floor(i / 3) % all.columns;
    return column >= from && column < to ? value : 0;
  });
  expect({ ...band, rgb: [...band.rgb] }).toStrictEqual({ ...all, rgb: [...expected] });
  expect(to - from).toBeGreaterThan(10);
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

/** The byte values `data` holds. */
function valuesIn(data: Uint8Array): Set<number> {
  return new Set(data);
}
