import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformPhoto, type PhotoTransform } from '../../../scripts/photoTransforms.ts';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { coverOfCorners, coveredByBorderGaps } from '../../../src/pipeline/outline/coveredCorners.ts';
import type { EdgeMap } from '../../../src/pipeline/outline/edgeMap.ts';
import { pointIn, type AnalysisPoint, type Quad, type RgbaImage } from '../../../src/pipeline/types.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';

const SHARED = join(PROJECT_ROOT, '..', 'shared');
const haveShared = existsSync(join(SHARED, 'real-photos', 'manifest.json'));

const [WIDTH, HEIGHT] = [400, 300];
// An ID-1 card, 254 × 160 px, at (73, 70).
const CARD = { x: 73, y: 70, width: 254, height: 160 };
const quad = [
  pointIn('analysis', CARD.x, CARD.y),
  pointIn('analysis', CARD.x + CARD.width, CARD.y),
  pointIn('analysis', CARD.x + CARD.width, CARD.y + CARD.height),
  pointIn('analysis', CARD.x, CARD.y + CARD.height),
] as unknown as Quad<AnalysisPoint>;

/**
 * The card's border as an edge map, missing for 20 px (12.5% of the short side) along both sides
 * from its top-left corner: what a thumb over the corner leaves, and also what a pale card's faint
 * corner on a pale table leaves.
 */
function borderBrokenAtTopLeft(): EdgeMap {
  const data = new Uint8Array(WIDTH * HEIGHT);
  const { x, y, width, height } = CARD;
  for (let i = 0; i <= width; i++) {
    if (i > 20) data[y * WIDTH + x + i] = 255;
    data[(y + height) * WIDTH + x + i] = 255;
  }
  for (let j = 0; j <= height; j++) {
    if (j > 20) data[(y + j) * WIDTH + x] = 255;
    data[(y + j) * WIDTH + x + width] = 255;
  }
  return { data, cols: WIDTH, rows: HEIGHT };
}

/** A pale blue card on a beige table (shakex/card2.jpg's colours), with `over` painted on top. */
function photo(over?: { readonly cx: number; readonly cy: number; readonly r: number }): RgbaImage {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const onCard = x >= CARD.x && x < CARD.x + CARD.width && y >= CARD.y && y < CARD.y + CARD.height;
      const onThumb = over && Math.hypot(x - over.cx, y - over.cy) <= over.r;
      const colour = onThumb ? [205, 150, 125] : onCard ? [212, 222, 236] : [226, 220, 205];
      data.set([...colour, 255], (y * WIDTH + x) * 4);
    }
  return { width: WIDTH, height: HEIGHT, data };
}

describe('coveredByBorderGaps (issue 12: a corner is covered only where something lies over it)', () => {
  it('names the corner whose border is broken, judged on the edges alone', () => {
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [])).toStrictEqual(['top-left']);
  });

  it('does not call a faint corner covered when the photo shows the card inside it and the table beyond it', () => {
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], photo())).toStrictEqual([]);
  });

  it('names the corner when a thumb lies over it, inside the card and beyond it', () => {
    const thumb = photo({ cx: CARD.x + 4, cy: CARD.y + 4, r: 24 });
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], thumb)).toStrictEqual(['top-left']);
  });

  it('does not call a corner covered where the card shows inside it and its edge runs between, on a veined table', () => {
    // The table is dark marble, a pale vein just beyond the corner: the ground there is unlike the
    // ground along the sides, but the card's edge runs between card and vein (shakex/v3-card5 halved).
    const veined = photo();
    for (let y = 0; y < HEIGHT; y++)
      for (let x = 0; x < WIDTH; x++) {
        const onCard = x >= CARD.x && x < CARD.x + CARD.width && y >= CARD.y && y < CARD.y + CARD.height;
        const onVein = Math.hypot(x - (CARD.x - 6), y - (CARD.y - 6)) <= 5;
        if (!onCard) veined.data.set(onVein ? [150, 140, 135] : [50, 35, 30], (y * WIDTH + x) * 4);
      }
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], veined)).toStrictEqual([]);
  });

  it('names the corner where a thumb the colour of the hand beyond it lies over it', () => {
    // The hand that holds the card: the thumb over the corner and the palm beyond alike.
    const held = photo({ cx: CARD.x + 4, cy: CARD.y + 4, r: 24 });
    for (let y = 0; y < HEIGHT; y++)
      for (let x = 0; x < WIDTH; x++) {
        const onCard = x >= CARD.x && x < CARD.x + CARD.width && y >= CARD.y && y < CARD.y + CARD.height;
        if (!onCard) held.data.set([205, 150, 125], (y * WIDTH + x) * 4);
      }
    expect(coveredByBorderGaps(borderBrokenAtTopLeft(), quad, [], held)).toStrictEqual(['top-left']);
  });
});

/** The card's border with its top side missing for 45% of its length from the top-left corner. */
function topSideMissingNearTopLeft(): EdgeMap {
  const edges = borderBrokenAtTopLeft();
  for (let i = 0; i <= 0.45 * CARD.width; i++) edges.data[CARD.y * WIDTH + CARD.x + i] = 0;
  return edges;
}

describe('coverOfCorners (issue 13: a covered corner has its border run on from the cover, on both sides)', () => {
  it('names a thumb-sized break covered, the outline seen', () => {
    const thumb = photo({ cx: CARD.x + 4, cy: CARD.y + 4, r: 24 });
    expect(coverOfCorners(borderBrokenAtTopLeft(), quad, [], thumb)).toStrictEqual({
      covered: ['top-left'],
      unseen: false,
    });
  });

  it('leaves the outline unseen, not covered, where one side finds no border within 40% of it', () => {
    // A side that runs on no border near the corner is no side of the document there: a quad that
    // crossed a card on marble to a corner beyond it (shakex/v3-card5 at JPEG quality 60).
    const thumb = photo({ cx: CARD.x + 4, cy: CARD.y + 4, r: 24 });
    expect(coverOfCorners(topSideMissingNearTopLeft(), quad, [], thumb)).toStrictEqual({
      covered: [],
      unseen: true,
    });
  });
});

/**
 * Issue 13: a covered corner that holds whatever the photo's scale or JPEG quality. The fixtures'
 * thumbs over a corner, re-encoded at quality 60 or halved, are still named; real photos whose four
 * corners are in view (../shared, skipped without it), halved or turned, are not said covered where
 * the outline ran a little inside the card and found no border near its corner.
 */
describe('covered corners under a change to the photo', () => {
  let engines: Engines;
  beforeAll(async () => {
    engines = await loadNodeEngines();
  });
  afterAll(async () => {
    await engines?.ocr.terminate();
  });

  async function fourCornersOf(bytes: Uint8Array, transform: PhotoTransform) {
    const changed = await transformPhoto(bytes, transform);
    const report = await checkDocument(await decodePhotoForCheck(new Uint8Array(changed.bytes)), engines, {
      today: '2026-06-01',
    });
    const rule = report.rules.find((r) => r.id === 'four-corners')!;
    return { status: rule.status, reason: rule.reason };
  }

  it.each([
    ['deu-id-card-corner-covered-bottom-right.jpg', 'jpeg60'],
    ['gbr-visa-corner-covered-top-right.jpg', 'half'],
    ['fra-driving-licence-corner-covered-bottom-left.jpg', 'jpeg60'],
  ] as const)(
    'still fails %s under %s',
    async (file, transform) => {
      const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, file)));
      expect(await fourCornersOf(bytes, transform)).toStrictEqual({ status: 'fail', reason: 'covered' });
    },
    120_000,
  );

  // Every drawn thumb over a corner, halved: the outline search then runs on the photo as it is
  // (under 900 px), not on a shrunk copy. Never a pass (tur-id-card's, halved, once passed).
  it.each(
    readdirSync(FIXTURES_DIR)
      .filter((file) => /-corner-covered-[a-z-]+\.jpg$/.test(file))
      .sort(),
  )(
    'does not pass %s halved',
    async (file) => {
      const bytes = new Uint8Array(await readFile(join(FIXTURES_DIR, file)));
      expect((await fourCornersOf(bytes, 'half')).status).not.toBe('pass');
    },
    120_000,
  );

  it.skipIf(!haveShared).each([
    ['shakex/v3-card5.jpg', 'half'],
    ['midv500-seg/sample2.png', 'rot90'],
    ['midv500-seg/sample2.png', 'rot180'],
  ] as const)(
    'passes %s under %s, all four corners in view',
    async (file, transform) => {
      const bytes = new Uint8Array(await readFile(join(SHARED, 'real-photos', file)));
      expect(await fourCornersOf(bytes, transform)).toStrictEqual({ status: 'pass', reason: 'all-in' });
    },
    120_000,
  );

  // Re-encoded at quality 60, its outline's top crossed the card to the marble past its top-right
  // corner, where neither side finds a border within 40% of it: not covered, the outline unseen.
  it.skipIf(!haveShared)(
    'does not call shakex/v3-card5 covered at JPEG quality 60, its four corners in view',
    async () => {
      const bytes = new Uint8Array(await readFile(join(SHARED, 'real-photos', 'shakex', 'v3-card5.jpg')));
      expect((await fourCornersOf(bytes, 'jpeg60')).status).not.toBe('fail');
    },
    120_000,
  );
});
