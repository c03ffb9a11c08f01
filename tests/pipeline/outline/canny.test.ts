/**
 * Our Canny (outline/canny.ts) against OpenCV's on the outline's own input (a fixture's analysis copy,
 * median-smoothed): its edges turn with the photo, where OpenCV's moved by a pixel at ties; and off
 * the ties it is OpenCV's, so the edge maps hardly differ. The outline found in a photo is then the
 * same whichever way up it comes (fixtures, and ../shared/real-photos where present).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToRgba, rgbaToMat, shrinkToFit, turnQuarters, withMats } from '../../../src/pipeline/cv.ts';
import { edgeMaxima, markEdgesAt } from '../../../src/pipeline/outline/canny.ts';
import { smoothedChannels } from '../../../src/pipeline/outline/edgeMap.ts';
import { findDocumentOutline } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

async function analysisCopy(path: string): Promise<RgbaImage> {
  const photo = await decodePhoto(await readFile(path));
  return withMats(cv, (scope) =>
    matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX).mat),
  );
}

/** Each channel's edges at (40, 110), ours and OpenCV's, as 0/255 bytes. */
function edgesOf(image: RgbaImage): { ours: Uint8Array[]; openCv: Uint8Array[] } {
  return withMats(cv, (scope) => {
    const channels = smoothedChannels(scope, image);
    const ours: Uint8Array[] = [];
    const openCv: Uint8Array[] = [];
    for (let c = 0; c < 3; c++) {
      const channel = scope.track(channels.get(c));
      const edges = new Uint8Array(image.width * image.height);
      markEdgesAt(edgeMaxima(scope, channel, 40), 40, 110, edges);
      ours.push(edges);
      const canny = scope.mat();
      cv.Canny(channel, canny, 40, 110);
      openCv.push(Uint8Array.from(canny.data));
    }
    return { ours, openCv };
  });
}

/** The edge bytes of an image turned `turns` quarters clockwise, turned back. */
function turnedBack(edges: Uint8Array, width: number, height: number, turns: number): Uint8Array {
  // The turned image is height × width for odd turns; its edges go back as an RGBA image would.
  const [w, h] = turns % 2 === 1 ? [height, width] : [width, height];
  const rgba = new Uint8Array(w * h * 4);
  edges.forEach((v, i) => (rgba[4 * i] = v));
  const back = turnQuarters(cv, { width: w, height: h, data: rgba }, 4 - turns);
  return Uint8Array.from({ length: width * height }, (_, i) => back.data[4 * i]!);
}

const differing = (a: Uint8Array, b: Uint8Array) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

describe('canny', () => {
  it.each(['gbr-passport-clean-1.jpg', 'fra-id-card-front-blur-3.jpg'])(
    'finds the same edges in %s turned a quarter, a half and three quarters',
    async (file) => {
      const image = await analysisCopy(join(FIXTURES_DIR, file));
      const upright = edgesOf(image).ours;
      for (const turns of [1, 2, 3]) {
        const turned = edgesOf(turnQuarters(cv, image, turns)).ours;
        const back = turned.map((edges) => turnedBack(edges, image.width, image.height, turns));
        expect(back.map((edges, c) => differing(edges, upright[c]!))).toStrictEqual([0, 0, 0]);
      }
    },
  );

  it("differs from OpenCV's Canny only at ties: under 2% of its edge pixels", async () => {
    const image = await analysisCopy(join(FIXTURES_DIR, 'gbr-passport-clean-1.jpg'));
    const { ours, openCv } = edgesOf(image);
    ours.forEach((edges, c) => {
      const theirs = openCv[c]!;
      const count = theirs.reduce((n, v) => n + (v ? 1 : 0), 0);
      expect(count).toBeGreaterThan(1000);
      expect(differing(edges, theirs) / count).toBeLessThan(0.02);
    });
  });
});

describe.skipIf(!existsSync(REAL_PHOTOS))('findDocumentOutline whichever way up', () => {
  // Photos whose outline OpenCV's Canny found differently turned (the lead's rot90/rot180 runs).
  it.each([
    'midv500-seg/sample2.png',
    'shakex/v3-card5.jpg',
    'mapo80-glare/glare-313.jpg',
    'shakex/card4.jpg',
  ])('finds the same outline in %s turned each way', async (file) => {
    const image = await analysisCopy(join(REAL_PHOTOS, file));
    const { width, height } = image;
    // A corner of the outline found in the turned image, back in the upright image's pixels.
    const back = (turns: number, [x, y]: readonly [number, number]) =>
      [
        [x, y],
        [y, height - 1 - x],
        [width - 1 - x, height - 1 - y],
        [width - 1 - y, x],
      ][turns]!;
    const corners = [0, 1, 2, 3].map((turns) => {
      const outline = findDocumentOutline(cv, turnQuarters(cv, image, turns));
      return outline?.quad
        .map((p) => back(turns, p).map((v) => Math.round(v)))
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    });
    expect(corners[0]).toBeDefined();
    expect(corners.slice(1)).toStrictEqual([corners[0], corners[0], corners[0]]);
  });
});
