import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformPhoto } from '../../../scripts/photoTransforms.ts';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { Engines, OpenCv } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { withMats } from '../../../src/pipeline/cv.ts';
import { convexIoU, intersect } from '../../../src/pipeline/geometry.ts';
import { edgeMapOf, findEdges, smoothedChannels } from '../../../src/pipeline/outline/edgeMap.ts';
import { EDGE_SENSITIVITIES } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { findOutlineNear, fitsPrediction } from '../../../src/pipeline/outline/outlineNear.ts';
import { findSidesNear } from '../../../src/pipeline/outline/sidesNear.ts';
import { pointIn, type AnalysisPoint, type Quad, type RgbaImage } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_IDS = join(PROJECT_ROOT, '..', 'shared', 'real-ids');
const haveRealIds = existsSync(join(REAL_IDS, 'manifest.json'));

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
    // Its right side may be taken on the pale ground's own border, 40 px beyond the prediction, within
    // the band a side is looked for in (sidesNear.ts); the rectangle beyond is never taken.
    expect(convexIoU(outline.quad, quad(60, 300, 350, 246))).toBeGreaterThan(0.85);
    expect(convexIoU(outline.quad, quad(500, 100, 350, 246))).toBe(0);
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

/** A dark desk with a pale convex polygon on it (the page), rows of dark print blocks inside it. */
function pageOnDesk(
  width: number,
  height: number,
  page: readonly (readonly [number, number])[],
  rows: readonly { readonly y: number; readonly x0: number; readonly x1: number; readonly glyph: number }[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const inside = (x: number, y: number) =>
    page.every((p, i) => {
      const q = page[(i + 1) % page.length]!;
      return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]) >= 0;
    });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data.set(inside(x, y) ? [226, 222, 210, 255] : [60, 52, 48, 255], (y * width + x) * 4);
  // Glyphs: blocks `glyph` px high and 0.6 × as wide, on a pitch of `glyph` px.
  for (const { y, x0, x1, glyph } of rows)
    for (let gx = x0; gx + 0.6 * glyph <= x1; gx += glyph)
      for (let dy = 0; dy < glyph; dy++)
        for (let dx = 0; dx < Math.round(0.6 * glyph); dx++)
          data.set([40, 40, 48, 255], ((y + dy) * width + gx + dx) * 4);
  return { width, height, data };
}

/** The sides found near the prediction, and the corners where they meet (document order). */
function sidesIn(image: RgbaImage, prediction: ReturnType<typeof predicted>) {
  return withMats(cv, (scope) => {
    const channels = smoothedChannels(scope, image);
    const maps = EDGE_SENSITIVITIES.map(([low, high]) => edgeMapOf(findEdges(scope, channels, low, high)));
    const sides = findSidesNear(image, maps, prediction.quad, prediction.zone);
    const corners = sides.lines.map((line, i) => intersect(sides.lines[(i + 3) % 4]!, line)!);
    return { seen: sides.seen, corners };
  });
}

/** The prediction from a zone box alone, as documentGeometry.ts makes it for TD3 (zone 111.2 of 125 mm). */
function predictedFromZone(zone: { x: number; y: number; width: number; height: number }) {
  const mm = zone.width / 111.2;
  const [w, h] = [125 * mm, 88 * mm];
  const bottom = zone.y + zone.height + 4.8 * mm;
  return {
    quad: quad(zone.x + zone.width / 2 - w / 2, bottom - h, w, h),
    zone: quad(zone.x, zone.y, zone.width, zone.height),
  };
}

const near = (
  corners: readonly (readonly [number, number])[],
  truth: readonly (readonly [number, number])[],
) => corners.every((c, i) => Math.hypot(c[0] - truth[i]![0], c[1] - truth[i]![1]) <= 4);

describe('findSidesNear (issue 12, item 2: the sides where the MRZ puts them, when no contour closes round the page)', () => {
  it('finds a page turned 4° that prints its zone at 97% of its width, past its rows of print', () => {
    // 500 × 352 px page turned 4° about its centre (350, 300); its zone 485 px wide.
    const turn = (x: number, y: number): [number, number] => {
      const [c, s] = [Math.cos((4 * Math.PI) / 180), Math.sin((4 * Math.PI) / 180)];
      return [350 + (x - 350) * c - (y - 300) * s, 300 + (x - 350) * s + (y - 300) * c];
    };
    const page = [turn(100, 124), turn(600, 124), turn(600, 476), turn(100, 476)];
    const rows = [160, 200, 240, 280, 320, 360].map((y) => ({ y, x0: 280, x1: 560, glyph: 14 }));
    const image = pageOnDesk(700, 600, page, rows);
    // The zone as OCR boxed it in the photo: axis-aligned round the turned lines.
    const prediction = predictedFromZone({ x: 108, y: 400, width: 485, height: 60 });
    const { seen, corners } = sidesIn(image, prediction);
    expect(seen).toStrictEqual([true, true, true, true]);
    expect(near(corners, page)).toBe(true);
  });

  it('finds a page seen at a slant: its top well inside the prediction, its sides drawn together', () => {
    // The bottom edge 500 px wide, the top 420, the page 195 px high (ICAO's 125 × 88 mm: 352).
    const page: [number, number][] = [
      [140, 305],
      [560, 305],
      [600, 500],
      [100, 500],
    ];
    const rows = [330, 360, 390, 420].map((y) => ({ y, x0: 250, x1: 520, glyph: 12 }));
    const image = pageOnDesk(700, 560, page, [...rows, { y: 467, x0: 128, x1: 572, glyph: 12 }]);
    const { seen, corners } = sidesIn(image, predictedFromZone({ x: 128, y: 467, width: 445, height: 14 }));
    expect(seen).toStrictEqual([true, true, true, true]);
    expect(near(corners, page)).toBe(true);
  });

  it("sees no top where the page runs up to the photo's border: it is not seen against anything", () => {
    const page: [number, number][] = [
      [100, -40],
      [600, -40],
      [600, 312],
      [100, 312],
    ];
    const image = pageOnDesk(700, 400, page, [{ y: 250, x0: 128, x1: 572, glyph: 14 }]);
    const { seen } = sidesIn(image, predictedFromZone({ x: 128, y: 250, width: 445, height: 40 }));
    expect(seen).toStrictEqual([false, true, true, true]);
  });
});

describe('findOutlineNear on a tight crop (issue 12: a corner is seen only against what lies beyond it)', () => {
  it("names the top corners missing where the page runs off the top, a tint's edge 6 px inside the border", () => {
    // The page runs past the photo's top; a darker band of its own print ends 6 px below the border.
    const page: [number, number][] = [
      [100, -60],
      [600, -60],
      [600, 312],
      [100, 312],
    ];
    const image = pageOnDesk(700, 400, page, [{ y: 250, x0: 128, x1: 572, glyph: 14 }]);
    for (let y = 0; y < 6; y++)
      for (let x = 100; x < 600; x++) image.data.set([150, 120, 120, 255], (y * 700 + x) * 4);
    const outline = findOutlineNear(
      cv,
      image,
      [predictedFromZone({ x: 128, y: 250, width: 445, height: 40 })],
      10,
    );
    expect(outline.missingCorners).toStrictEqual(['top-left', 'top-right']);
  });
});

/**
 * Issue 13: a small photo's sides near its border. passporteye's 100_pass-chn (labelled corners not
 * seen: the page's top and left edges lie on the photo's) halved is 250 px wide, 2 px a millimetre:
 * its left edge, 2.9 mm from the border at full size (inside the 3 mm margin: cut off), was found at
 * 3.9 mm, and the outline passed. Within the edges' own 2 px of the margin it is now unseen.
 */
describe.skipIf(!haveRealIds)('findOutlineNear on a small tight crop (../shared, skipped without it)', () => {
  let engines: Engines;
  beforeAll(async () => {
    engines = await loadNodeEngines();
  });
  afterAll(async () => {
    await engines?.ocr.terminate();
  });

  it.each(['none', 'half'] as const)(
    'does not pass four-corners for 100_pass-chn (%s)',
    async (transform) => {
      let bytes = new Uint8Array(await readFile(join(REAL_IDS, 'passporteye', '100_pass-chn.jpg')));
      if (transform === 'half') bytes = new Uint8Array((await transformPhoto(bytes, 'half')).bytes);
      const report = await checkDocument(await decodePhotoForCheck(bytes), engines, { today: '2026-06-01' });
      const rule = report.rules.find((r) => r.id === 'four-corners')!;
      expect(rule.status).not.toBe('pass');
    },
    120_000,
  );
});
