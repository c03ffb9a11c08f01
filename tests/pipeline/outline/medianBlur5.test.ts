/**
 * Our SIMD median is OpenCV's `medianBlur(…, 5)` byte for byte: the outline search depends on it giving
 * exactly the pixels it was calibrated on.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import { medianBlur5, medianNetwork } from '../../../src/pipeline/outline/medianBlur5.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { fixture } from '../../support/fixtures.ts';
import { noiseImage } from '../../support/photos.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

function openCvMedian(image: RgbaImage): RgbaImage {
  return withMats(cv, (scope) => {
    const median = scope.mat();
    cv.medianBlur(rgbaToMat(scope, image), median, 5);
    return matToRgba(median);
  });
}

describe('medianBlur5', () => {
  it('equals OpenCV on a photo at the outline search’s size', async () => {
    const photo = await decodePhoto(await readFile(fixture('clean').path));
    const analysis = withMats(cv, (scope) =>
      matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat),
    );
    const ours = medianBlur5(analysis)!;
    const theirs = openCvMedian(analysis);
    expect([ours.width, ours.height]).toStrictEqual([theirs.width, theirs.height]);
    // Counted, not compared whole: a 2.4-million-byte deep equality takes Vitest seconds.
    expect(ours.data.filter((value, i) => value !== theirs.data[i]).length).toBe(0);
  });

  it('equals OpenCV on noise, at widths that end part-way through a 16-byte group', () => {
    for (const [width, height] of [
      [4, 4],
      [5, 3],
      [37, 9],
      [101, 2],
    ] as const) {
      const image = noiseImage(width, height);
      expect(medianBlur5(image), `${width}×${height}`).toStrictEqual(openCvMedian(image));
    }
  });

  it('declines an image narrower than one 16-byte group, for OpenCV to take', () => {
    expect(medianBlur5(noiseImage(3, 10))).toBeNull();
  });

  it('selects the median of any 25 values', () => {
    const { inputs, output, steps } = medianNetwork();
    const values = noiseImage(25, 400).data;
    for (let trial = 0; trial < 400; trial++) {
      const wires = Array.from({ length: 32 }, (_, i): number => (i < inputs[0]! ? 0 : 255));
      const sample = Array.from(values.subarray(trial * 100, trial * 100 + 25), (v) =>
        trial % 2 ? v % 3 : v,
      );
      inputs.forEach((wire, i) => (wires[wire] = sample[i]!));
      for (const [a, b] of steps) if (wires[a]! > wires[b]!) [wires[a], wires[b]] = [wires[b]!, wires[a]!];
      expect(wires[output]).toBe([...sample].sort((x, y) => x - y)[12]);
    }
  });
});
