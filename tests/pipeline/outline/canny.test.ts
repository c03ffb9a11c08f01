/**
 * Our Canny is OpenCV's `Canny(…, low, high)` byte for byte, each channel's edges joined: the outline
 * search was calibrated on OpenCV's edges, so it must see exactly those.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { greyToMat, matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import { cannyEdgesOf, type Plane } from '../../../src/pipeline/outline/canny.ts';
import { findEdges, smoothedChannels } from '../../../src/pipeline/outline/edgeMap.ts';
import { EDGE_SENSITIVITIES } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { fixture, PROJECT_ROOT } from '../../support/fixtures.ts';
import { differingBytes, noiseImage, withAndWithoutSimd } from '../../support/photos.ts';

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** OpenCV's edges of each plane, joined. */
function openCvCanny(planes: readonly Plane[], low: number, high: number): Uint8Array {
  return withMats(cv, (scope) => {
    const joined = new Uint8Array(planes[0]!.width * planes[0]!.height);
    for (const plane of planes) {
      const edges = scope.mat();
      cv.Canny(greyToMat(scope, plane), edges, low, high);
      const bytes = edges.data;
      for (let i = 0; i < joined.length; i++) joined[i]! |= bytes[i]!;
    }
    return joined;
  });
}

/** R, G and B of an RGBA image as planes. */
function channelsOf(image: RgbaImage): Plane[] {
  return [0, 1, 2].map((channel) => {
    const data = new Uint8Array(image.width * image.height);
    for (let i = 0; i < data.length; i++) data[i] = image.data[4 * i + channel]!;
    return { width: image.width, height: image.height, data };
  });
}

/** The photo at the outline search's size, as the search's analysis copy is made. */
async function analysisCopy(path: string): Promise<RgbaImage> {
  const photo = await decodePhoto(await readFile(path));
  return withMats(cv, (scope) =>
    matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat),
  );
}

function expectOpenCvEdges(planes: readonly Plane[], low: number, high: number, label: string): void {
  const ours = cannyEdgesOf(planes, low, high);
  expect(ours, label).not.toBeNull();
  const { width, height } = planes[0]!;
  const theirs = openCvCanny(planes, low, high);
  expect(differingBytes({ width, height, data: ours! }, { width, height, data: theirs }), label).toBe(0);
}

describe('cannyEdgesOf', () => {
  it('equals OpenCV on the fixtures’ photos at the outline search’s size, at both sensitivities', async () => {
    for (const variant of ['clean', 'glare', 'rotated-90'] as const) {
      const channels = channelsOf(await analysisCopy(fixture(variant).path));
      for (const [low, high] of EDGE_SENSITIVITIES)
        expectOpenCvEdges(channels, low, high, `${variant} ${low}/${high}`);
    }
  });

  it('equals OpenCV on noise, at widths that end part-way through a step, and at any thresholds', () => {
    for (const [width, height] of [
      [16, 1],
      [17, 2],
      [37, 9],
      [101, 40],
    ] as const) {
      const planes = [noiseImage(width, height, 1), noiseImage(height, width, 1)].map((noise) => ({
        ...noise,
        width,
        height,
      }));
      // Thresholds swapped (OpenCV takes the lower as low), fractional (floored), every gradient
      // above low, and none above high.
      for (const [low, high] of [
        [40, 110],
        [110, 40],
        [15.7, 45.2],
        [0, 0],
        [300, 5000],
      ] as const)
        expectOpenCvEdges(planes, low, high, `${width}×${height} ${low}/${high}`);
    }
  });

  it('declines planes narrower than its 16-byte marking step, for OpenCV to take', () => {
    expect(cannyEdgesOf([noiseImage(15, 20, 1)], 40, 110)).toBeNull();
  });

  it('gives findEdges the same map as OpenCV’s own Canny gives it', async () => {
    const analysis = await analysisCopy(fixture('clean').path);
    const [simd, plain] = withAndWithoutSimd(() =>
      withMats(cv, (scope) => {
        const edges = findEdges(scope, smoothedChannels(scope, analysis), 15, 45);
        return { width: edges.cols, height: edges.rows, data: new Uint8Array(edges.data) };
      }),
    );
    expect(simd.data.some((value) => value === 255)).toBe(true);
    expect(differingBytes(simd, plain)).toBe(0);
  });

  describe.skipIf(!existsSync(REAL_PHOTOS))('on ../shared/real-photos', () => {
    it('equals OpenCV on real photos at the outline search’s size', async () => {
      const photos = readdirSync(REAL_PHOTOS, { recursive: true })
        .map(String)
        .filter((file) => /\.(jpe?g|png)$/i.test(file))
        .sort()
        .filter((_, i) => i % 12 === 0);
      expect(photos.length).toBeGreaterThan(4);
      for (const file of photos) {
        const channels = channelsOf(await analysisCopy(join(REAL_PHOTOS, file)));
        for (const [low, high] of EDGE_SENSITIVITIES)
          expectOpenCvEdges(channels, low, high, `${file} ${low}/${high}`);
      }
    });
  });
});
