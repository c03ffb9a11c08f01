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
import { warpPerspective } from '../../../src/pipeline/rectify/warpPerspective.ts';
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

  it('equals OpenCV rectifying a fixture’s passport at the size the check does', async () => {
    const entry = fixture('clean');
    const photo = await decodePhoto(await readFile(entry.path));
    expect(differingBytes(photo, entry.outline, 1600, 1126)).toBe(0);
  });
});
