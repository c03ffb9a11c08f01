/**
 * Issue 12, items 1 and 2, on composites made now from real specimens in ../shared (skipped without
 * it): an open passport booklet, whose document is the data page, not the page above it nor the
 * cover; and a card whose outline the MRZ holds to the card, not to a notebook it lies on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { convexIoU } from '../../../src/pipeline/geometry.ts';
import type { CheckReport } from '../../../src/pipeline/types.ts';
import { sceneComposite, type SceneName } from '../../../scripts/composites/scenes.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const haveShared = existsSync(join(SHARED, 'real-photos', 'manifest.json'));

let engines: Engines;
beforeAll(async () => {
  if (haveShared) engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines?.ocr.terminate();
});

async function checkScene(scene: SceneName, file: string) {
  const composite = (await sceneComposite(SHARED, scene, file, 'eval-1'))!;
  const report: CheckReport = await checkDocument(await decodePhotoForCheck(composite.bytes), engines, {
    today: composite.today,
  });
  const fourCorners = report.rules.find((rule) => rule.id === 'four-corners')!;
  const iou = report.outline ? convexIoU(report.outline, composite.outline!) : 0;
  return { composite, report, fourCorners, iou };
}

describe.skipIf(!haveShared)('item 1: an open passport is its data page', () => {
  it('outlines the data page of an open booklet, not the page above it or the cover', async () => {
    const { fourCorners, iou, report } = await checkScene('booklet', 'sidtd/aze00.jpg');
    expect(report.document.kind).toBe('passport');
    expect(iou).toBeGreaterThanOrEqual(0.85);
    expect({ status: fourCorners.status, message: fourCorners.message }).toStrictEqual({
      status: 'pass',
      message: 'All 4 corners of your ID are in the photo.',
    });
  }, 120_000);
});

describe.skipIf(!haveShared)('item 2: the outline held to the MRZ', () => {
  it('outlines the card, not the notebook it lies on', async () => {
    const { fourCorners, iou } = await checkScene('on-notebook', 'prado/MNE-BO-02001_O.jpg');
    expect(iou).toBeGreaterThanOrEqual(0.85);
    expect({ status: fourCorners.status, message: fourCorners.message }).toStrictEqual({
      status: 'pass',
      message: 'All 4 corners of your ID are in the photo.',
    });
  }, 120_000);
});
