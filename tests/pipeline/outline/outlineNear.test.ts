import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { convexIoU } from '../../../src/pipeline/geometry.ts';
import { findOutlineNear } from '../../../src/pipeline/outline/outlineNear.ts';
import { pointIn, type AnalysisPoint, type Quad, type RgbaImage } from '../../../src/pipeline/types.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** A dark desk with pale rectangles on it (x, y, width, height), drawn in RGBA. */
function desk(width: number, height: number, rectangles: readonly (readonly number[])[]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([60, 52, 48, 255], i * 4);
  for (const [x0, y0, w, h] of rectangles)
    for (let y = y0!; y < y0! + h!; y++)
      for (let x = x0!; x < x0! + w!; x++)
        if (x >= 0 && y >= 0 && x < width && y < height) data.set([226, 222, 210, 255], (y * width + x) * 4);
  return { width, height, data };
}

const quad = (x: number, y: number, w: number, h: number) =>
  [
    pointIn('analysis', x, y),
    pointIn('analysis', x + w, y),
    pointIn('analysis', x + w, y + h),
    pointIn('analysis', x, y + h),
  ] as unknown as Quad<AnalysisPoint>;

describe('findOutlineNear (issue 12, item 2: the outline held to the prediction)', () => {
  it('takes the card the prediction points at, not the larger card beside it', () => {
    // A passport-page-sized card at the left and a larger rectangle at the right; the MRZ predicts
    // the left one, 4% off.
    const image = desk(900, 600, [
      [60, 150, 350, 246],
      [470, 80, 400, 440],
    ]);
    const outline = findOutlineNear(cv, image, [quad(70, 160, 350, 246)], 10);
    expect(convexIoU(outline.quad, quad(60, 150, 350, 246))).toBeGreaterThan(0.9);
    expect(outline.missingCorners).toStrictEqual([]);
    expect(outline.edgesUnseen).toBeUndefined();
  });

  it('names the corners the prediction puts off the photo', () => {
    const image = desk(900, 600, [[600, 200, 350, 246]]);
    const outline = findOutlineNear(cv, image, [quad(600, 200, 350, 246)], 10);
    expect(outline.missingCorners).toStrictEqual(['top-right', 'bottom-right']);
  });

  it('says the edges are unseen where nothing lies at the prediction, and borrows no other outline', () => {
    // A pale card on pale ground (no edge) where the MRZ puts it; a clear rectangle elsewhere.
    const image = desk(900, 600, [[500, 100, 350, 246]]);
    const blank = {
      ...image,
      data: image.data.map((v, i) => (i % 4 === 3 || (i / 4) % 900 >= 450 ? v : 226)),
    };
    const outline = findOutlineNear(cv, blank, [quad(60, 300, 350, 246)], 10);
    expect(outline.edgesUnseen).toBe(true);
    expect(convexIoU(outline.quad, quad(60, 300, 350, 246))).toBeGreaterThan(0.95);
  });
});
