import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { convexIoU } from '../../../src/pipeline/geometry.ts';
import { findOutlineNear, fitsPrediction } from '../../../src/pipeline/outline/outlineNear.ts';
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

/**
 * A TD3 page's prediction at (x, y, w, h) with its zone where ICAO 9303 part 4 puts it: 111.2 of the
 * page's 125 mm wide, centred, two lines (6.53 mm) whose foot is 4.8 mm above the page's bottom.
 */
const predicted = (x: number, y: number, w: number, h: number) => {
  const mm = w / 125;
  const [zoneWidth, zoneHeight] = [111.2 * mm, 6.53 * mm];
  const foot = y + h - 4.8 * mm;
  return {
    quad: quad(x, y, w, h),
    zone: quad(x + (w - zoneWidth) / 2, foot - zoneHeight, zoneWidth, zoneHeight),
  };
};

describe('findOutlineNear (issue 12, item 2: the outline held to the prediction)', () => {
  it('takes the card the prediction points at, not the larger card beside it', () => {
    // A passport-page-sized card at the left and a larger rectangle at the right; the MRZ predicts
    // the left one, 4% off.
    const image = desk(900, 600, [
      [60, 150, 350, 246],
      [470, 80, 400, 440],
    ]);
    const outline = findOutlineNear(cv, image, [predicted(70, 160, 350, 246)], 10);
    expect(convexIoU(outline.quad, quad(60, 150, 350, 246))).toBeGreaterThan(0.9);
    expect(outline.missingCorners).toStrictEqual([]);
    expect(outline.edgesUnseen).toBeUndefined();
  });

  it('names the corners the prediction puts off the photo', () => {
    const image = desk(900, 600, [[600, 200, 350, 246]]);
    const outline = findOutlineNear(cv, image, [predicted(600, 200, 350, 246)], 10);
    expect(outline.missingCorners).toStrictEqual(['top-right', 'bottom-right']);
  });

  it('says the edges are unseen where nothing lies at the prediction, and borrows no other outline', () => {
    // A pale card on pale ground (no edge) where the MRZ puts it; a clear rectangle elsewhere.
    const image = desk(900, 600, [[500, 100, 350, 246]]);
    const blank = {
      ...image,
      data: image.data.map((v, i) => (i % 4 === 3 || (i / 4) % 900 >= 450 ? v : 226)),
    };
    const outline = findOutlineNear(cv, blank, [predicted(60, 300, 350, 246)], 10);
    expect(outline.edgesUnseen).toBe(true);
    expect(convexIoU(outline.quad, quad(60, 300, 350, 246))).toBeGreaterThan(0.95);
  });
});

describe('fitsPrediction (issue 12, item 2: a quad the code fits)', () => {
  // A TD3 page predicted at 350 × 246 px (2.8 px/mm); its zone is 311 px wide.
  const page = predicted(100, 100, 350, 246);
  const zone = page.zone;
  const zoneWidth = zone[1][0] - zone[0][0];

  it('takes the predicted page itself', () => {
    expect(fitsPrediction(page.quad, page)).toBe(true);
  });

  it('takes a page that prints its zone wider than ICAO does: the zone is whole on it, at its foot, centred', () => {
    // The MIDV-500 German passport: its zone fills 97% of its page's width, not ICAO's 89%.
    const width = zoneWidth / 0.97;
    const height = width / 1.42;
    const left = (zone[0][0] + zone[1][0]) / 2 - width / 2;
    const bottom = zone[3][1] + 0.04 * height;
    expect(fitsPrediction(quad(left, bottom - height, width, height), page)).toBe(true);
  });

  it('refuses the whole open booklet (the lines run across it), a box beside the page and the page above', () => {
    const booklet = quad(100, 100 - 246, 350, 2 * 246);
    const beside = quad(480, 100, 350, 246);
    const above = quad(100, 100 - 250, 350, 246);
    expect([booklet, beside, above].map((q) => fitsPrediction(q, page))).toStrictEqual([false, false, false]);
  });

  it('refuses a frame printed round the zone alone, too flat for the page', () => {
    expect(fitsPrediction(quad(zone[0][0] - 5, zone[0][1] - 20, zoneWidth + 10, 60), page)).toBe(false);
  });
});
