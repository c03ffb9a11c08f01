/**
 * The side search's shortcuts give the numbers the plain way gives: a side's support looked up in one
 * mask of where any edge map is near, and an analysis copy's edge maps made once and handed out again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToGrey, withMats } from '../../../src/pipeline/cv.ts';
import type { Point } from '../../../src/pipeline/geometry.ts';
import type { GreyImage } from '../../../src/pipeline/image.ts';
import { edgeMapOf, edgesOf, findEdges, smoothedChannels } from '../../../src/pipeline/outline/edgeMap.ts';
import { EDGE_SENSITIVITIES } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { nearEdges, segmentSupport } from '../../../src/pipeline/outline/sideSupport.ts';
import { shrinkRgbaToFit } from '../../../src/pipeline/resizeArea.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { fixture } from '../../support/fixtures.ts';

let cv: OpenCv;
let analysis: RgbaImage;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  // A drawn card on a desk, under glare: its border, its print and the glare's edge all make edges.
  const photo = await decodePhoto(await readFile(fixture('glare', 'id-card').path));
  analysis = shrinkRgbaToFit(cv, photo, ANALYSIS_SIDE_PX);
});

/** Segments across the whole image, some running off it, from a fixed sequence. */
function segments(count: number, width: number, height: number): [Point, Point][] {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1.2 - 0.1;
  return Array.from({ length: count }, () => [
    [next() * width, next() * height],
    [next() * width, next() * height],
  ]);
}

describe('segmentSupport over a mask of near edges', () => {
  it('gives every segment the support it has looking in each map', () => {
    withMats(cv, (scope) => {
      const channels = smoothedChannels(scope, analysis);
      const maps = EDGE_SENSITIVITIES.map(([low, high]) => edgeMapOf(findEdges(scope, channels, low, high)));
      const near = nearEdges(analysis, maps)!;
      const plain = { image: analysis, maps };
      const masked = { ...plain, nearEdges: near };
      const lines = segments(3000, analysis.width, analysis.height);
      for (const stride of [1, 2]) {
        const alone = lines.map(([a, b]) => segmentSupport(plain, a, b, stride));
        expect(lines.map(([a, b]) => segmentSupport(masked, a, b, stride))).toStrictEqual(alone);
        // Enough of them lie on edges for the comparison to say something.
        expect(alone.filter((support) => (support ?? 0) > 0.3).length).toBeGreaterThan(20);
      }
    });
  });

  it('makes no mask for maps of another size than the image', () => {
    const map = { data: new Uint8Array(100), cols: 10, rows: 10 };
    expect(nearEdges(analysis, [map])).toBeNull();
  });
});

describe('edgesOf', () => {
  it('hands out the edges made for an image again, as a Mat of its own, and makes each sensitivity once', () => {
    withMats(cv, (scope) => {
      let smoothed = 0;
      const channels = () => (smoothed++, smoothedChannels(scope, analysis));
      const fresh = EDGE_SENSITIVITIES.map(([low, high]) =>
        matToGrey(findEdges(scope, smoothedChannels(scope, analysis), low, high)),
      );
      const first = EDGE_SENSITIVITIES.map((s) => edgesOf(scope, analysis, s, channels));
      const again = EDGE_SENSITIVITIES.map((s) => edgesOf(scope, analysis, s, channels));
      const digests = (images: readonly GreyImage[]) =>
        images.map((image) => createHash('sha256').update(image.data).digest('hex'));
      expect(digests(first.map(matToGrey))).toStrictEqual(digests(fresh));
      expect(digests(again.map(matToGrey))).toStrictEqual(digests(fresh));
      expect(again.every((mat, i) => mat !== first[i])).toBe(true);
      expect(smoothed).toBe(EDGE_SENSITIVITIES.length);
    });
  });
});
