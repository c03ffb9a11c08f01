/**
 * Our SIMD warp is OpenCV's warpPerspective (INTER_LINEAR, BORDER_REPLICATE) byte for byte: clarity's
 * thresholds and the MRZ reads were calibrated on OpenCV's rectified documents.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToRgba, pointsMat, rgbaToMat, withMats } from '../../../src/pipeline/cv.ts';
import { forgetWarpedPhoto, warpPerspective } from '../../../src/pipeline/rectify/warpPerspective.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { fixture } from '../../support/fixtures.ts';
import { noiseImage } from '../../support/photos.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** Bytes that differ between our warp and OpenCV's of `quad` to a `width`×`height` rectangle. */
function differingBytes(
  photo: RgbaImage,
  quad: readonly (readonly number[])[],
  width: number,
  height: number,
): number {
  return withMats(cv, (scope) => {
    const corners = [
      [0, 0],
      [width - 1, 0],
      [width - 1, height - 1],
      [0, height - 1],
    ];
    const transform = scope.track(
      cv.getPerspectiveTransform(
        pointsMat(scope, quad as [number, number][]),
        pointsMat(scope, corners as [number, number][]),
      ),
    );
    const theirs = scope.mat();
    cv.warpPerspective(
      rgbaToMat(scope, photo),
      theirs,
      transform,
      new cv.Size(width, height),
      cv.INTER_LINEAR,
      cv.BORDER_REPLICATE,
    );
    const inverse = scope.mat();
    cv.invert(transform, inverse, cv.DECOMP_LU);
    const ours = warpPerspective(photo, inverse.data64F, width, height)!;
    const expected = matToRgba(theirs);
    expect([ours.width, ours.height]).toStrictEqual([expected.width, expected.height]);
    return ours.data.filter((value, i) => value !== expected.data[i]).length;
  });
}

describe('warpPerspective', () => {
  const inside = [
    [20.3, 15.7],
    [280.1, 30.2],
    [270.9, 190.4],
    [10.2, 170.8],
  ];

  it('equals OpenCV on a document inside the photo, shrunk and enlarged', () => {
    expect(differingBytes(noiseImage(300, 200), inside, 160, 110)).toBe(0);
    expect(differingBytes(noiseImage(300, 200), inside, 700, 500)).toBe(0);
  });

  it('equals OpenCV where the document runs off the photo (the edge repeats)', () => {
    const offFrame = [
      [-40.3, -15.7],
      [330.1, 30.2],
      [270.9, 250.4],
      [10.2, 170.8],
    ];
    expect(differingBytes(noiseImage(300, 200), offFrame, 160, 110)).toBe(0);
  });

  it('equals OpenCV on a small photo after a big one (its memory then made anew, smaller)', () => {
    const bigger = inside.map(([x, y]) => [x! * 4, y! * 4]);
    expect(differingBytes(noiseImage(1200, 800), bigger, 640, 440)).toBe(0);
    forgetWarpedPhoto();
    expect(differingBytes(noiseImage(300, 200), inside, 160, 110)).toBe(0);
  });

  it('equals OpenCV warping one photo’s rows in turn, after another photo of its size (only the rows read are copied in)', () => {
    const [first, second] = [noiseImage(300, 200), noiseImage(300, 200)];
    const top = [
      [20.3, 5.7],
      [280.1, 10.2],
      [270.9, 40.4],
      [10.2, 35.8],
    ];
    const bottom = top.map(([x, y]) => [x!, y! + 150]);
    const below = top.map(([x, y]) => [x!, y! + 400]);
    expect(differingBytes(first, inside, 160, 110)).toBe(0);
    expect(differingBytes(second, top, 160, 40)).toBe(0);
    expect(differingBytes(second, bottom, 160, 40)).toBe(0);
    expect(differingBytes(second, inside, 700, 500)).toBe(0);
    expect(differingBytes(second, below, 160, 40)).toBe(0);
  });

  it('equals OpenCV on targets under 16 rows, whose blocks are wider', () => {
    expect(differingBytes(noiseImage(300, 200), inside, 500, 9)).toBe(0);
    expect(differingBytes(noiseImage(300, 200), inside, 40, 1)).toBe(0);
  });

  it('equals OpenCV on a 12 MP photo warped in bands of its rows: upright, tilted, on its side, off the edges', () => {
    const photo = noiseImage(4000, 3000);
    const tilted = [
      [600.4, 300.2],
      [3500.7, 900.9],
      [3100.1, 2800.3],
      [300.6, 2300.8],
    ];
    const onItsSide = [
      [3200.5, 200.5],
      [3300.2, 2900.7],
      [900.9, 2800.1],
      [800.3, 100.6],
    ];
    const offTopAndBottom = [
      [500.5, -300.5],
      [3600.2, -250.7],
      [3700.9, 3400.1],
      [400.3, 3350.6],
    ];
    for (const [name, quad] of Object.entries({
      inside: inside.map(([x, y]) => [x! * 12, y! * 12]),
      tilted,
      onItsSide,
      offTopAndBottom,
    }))
      expect(differingBytes(photo, quad, 1600, 1126), name).toBe(0);
  });

  it('equals OpenCV warping a document again from the rows the last warp left in memory, or past them', () => {
    // The MRZ search's small copy, then the document: the same rows, held from the first warp.
    const small = noiseImage(1200, 800);
    const document = inside.map(([x, y]) => [x! * 4, y! * 4]);
    expect(differingBytes(small, document, 500, 350)).toBe(0);
    expect(differingBytes(small, document, 1100, 770)).toBe(0);
    // A strip at the foot of a 12 MP document after the whole: fewer rows than the last band held.
    const photo = noiseImage(4000, 3000);
    const whole = inside.map(([x, y]) => [x! * 12, y! * 12]);
    expect(differingBytes(photo, whole, 1600, 1126)).toBe(0);
    const strip = [
      [whole[3]![0]!, whole[3]![1]! - 200],
      [whole[2]![0]!, whole[2]![1]! - 200],
      whole[2]!,
      whole[3]!,
    ];
    expect(differingBytes(photo, strip, 1600, 90)).toBe(0);
  });

  it('equals OpenCV warping the columns beside those the last warp of the same rows left in memory', () => {
    const photo = noiseImage(1200, 800);
    const left = [
      [20.3, 300.7],
      [500.1, 310.2],
      [490.9, 500.4],
      [10.2, 490.8],
    ];
    const right = left.map(([x, y]) => [x! + 650, y!]);
    expect(differingBytes(photo, left, 300, 120)).toBe(0);
    expect(differingBytes(photo, right, 300, 120)).toBe(0);
    expect(differingBytes(photo, left, 300, 120)).toBe(0);
  });

  it('equals OpenCV rectifying a fixture’s passport at the size the check does', async () => {
    const entry = fixture('clean');
    const photo = await decodePhoto(await readFile(entry.path));
    expect(differingBytes(photo, entry.outline, 1600, 1126)).toBe(0);
  });
});
