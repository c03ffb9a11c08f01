/**
 * The edge map's measures: hasEdgeSupport, which stops sampling once the share cannot be reached,
 * answers as edgeSupport compared with the share does.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import {
  edgeMapOf,
  edgeSupport,
  findEdges,
  hasEdgeSupport,
  smoothedChannels,
  type EdgeMap,
} from '../../../src/pipeline/outline/edgeMap.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { fixture } from '../../support/fixtures.ts';
import { noiseImage } from '../../support/photos.ts';

let cv: OpenCv;
let edges: EdgeMap;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  const photo = await decodePhoto(await readFile(fixture('clean').path));
  edges = withMats(cv, (scope) => {
    const analysis = matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat);
    const map = edgeMapOf(findEdges(scope, smoothedChannels(scope, analysis), 40, 110));
    return { ...map, data: new Uint8Array(map.data) };
  });
});

describe('hasEdgeSupport', () => {
  it('says what edgeSupport compared with the share says, for segments on, near and off edges', () => {
    // Segments from seeded points, in and partly off the photo, and along its rows (many on edges).
    const seeds = noiseImage(400, 6, 1).data;
    const at = (i: number, size: number) => (seeds[i]! / 255) * (size + 200) - 100;
    const answers = new Set<boolean>();
    for (let k = 0; k < seeds.length; k += 6) {
      const a = [at(k, edges.cols), at(k + 1, edges.rows)] as const;
      const b =
        k % 4 === 0
          ? ([a[0] + seeds[k + 2]!, a[1]] as const)
          : ([at(k + 2, edges.cols), at(k + 3, edges.rows)] as const);
      for (const share of [0.3, 0.8, 0.95]) {
        const whole = edgeSupport(edges, [a[0], a[1]], [b[0], b[1]], 0.1, 0.9);
        const answer = hasEdgeSupport(edges, [a[0], a[1]], [b[0], b[1]], [0.1, 0.9], share);
        expect(answer, `${a} → ${b} at ${share}: ${whole}`).toBe(whole >= share);
        answers.add(answer);
      }
    }
    expect([...answers].sort()).toStrictEqual([false, true]);
  });
});
