import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { matToRgba, rgbaToMat, withMats } from '../../../src/pipeline/cv.ts';
import {
  hasLicenceLook,
  LICENCE_BY_LOOK,
  measureLicenceLook,
} from '../../../src/pipeline/front/licenceLook.ts';
import { readDocumentFront, turnHalf } from '../../../src/pipeline/front/readDocumentFront.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/**
 * The card as a small frame shows it (`width` px wide), smeared along its width by a moving hand: a
 * box blur `length` px long, one row high.
 */
function smallAndSmeared(card: RgbaImage, width: number, length: number): RgbaImage {
  const cv = engines.cv;
  return withMats(cv, (scope) => {
    const small = scope.mat();
    const size = new cv.Size(width, Math.round((card.height * width) / card.width));
    cv.resize(rgbaToMat(scope, card), small, size, 0, 0, cv.INTER_AREA);
    cv.blur(small, small, new cv.Size(length, 1));
    return matToRgba(small);
  });
}

describe('measureLicenceLook on rectified fixtures', () => {
  it("finds the twelve stars round the sign, on a ring, on the German licence's pink", async () => {
    const look = measureLicenceLook(await rectifiedFixture(engines.cv, 'deu-driving-licence-clean-1.jpg'));
    expect(look).toStrictEqual({ stars: 12, ringSpread: 0.002, pinkShare: 0.756 });
    expect(hasLicenceLook(look)).toBe(true);
  });

  it('finds no flag upside down, and none on an ID card front with no flag', async () => {
    const licence = await rectifiedFixture(engines.cv, 'deu-driving-licence-clean-1.jpg');
    expect(hasLicenceLook(measureLicenceLook(turnHalf(licence)))).toBe(false);
    const card = await rectifiedFixture(engines.cv, 'fra-id-card-front-clean-1.jpg');
    expect(measureLicenceLook(card)).toMatchObject({ stars: 0, ringSpread: null });
  });

  // The flag alone is an EHIC's too (a blue card): the pink is the licence's.
  it("does not take the flag off pink for a licence's (the Irish learner permit's card)", async () => {
    const look = measureLicenceLook(await rectifiedFixture(engines.cv, 'irl-learner-permit-clean-1.jpg'));
    expect(look).toMatchObject({ stars: 12, pinkShare: 0 });
    expect(hasLicenceLook(look)).toBe(false);
  });
});

describe('readDocumentFront on a licence whose print cannot be read', () => {
  it('knows the EU model licence by its flag on pink, with no issuer, dates or holder', async () => {
    const card = smallAndSmeared(
      await rectifiedFixture(engines.cv, 'deu-driving-licence-clean-1.jpg'),
      1100,
      21,
    );
    expect(await readDocumentFront(engines, card)).toStrictEqual({
      kind: 'licence',
      licence: LICENCE_BY_LOOK,
    });
  }, 60_000);
});

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

describe.skipIf(!existsSync(REAL_PHOTOS))(
  'accepted-document on ../shared/real-photos by the licence look',
  () => {
    // MIDV-500's old pink German licence, tilted, motion-blurred and cut off at its left: its title and
    // fields read as nothing at any scale, its flag's twelve stars and its pink still show.
    it('passes the blurred German licence as a full European licence', async () => {
      const bytes = await readFile(join(REAL_PHOTOS, 'midv500-seg/sample3.png'));
      const report = await checkDocument(await decodePhotoForCheck(bytes), engines, { today: '2026-12-01' });
      const text = RULE_TEXTS['accepted-document']['eu-driving-licence'];
      expect(report.rules.find((rule) => rule.id === 'accepted-document')).toStrictEqual({
        id: 'accepted-document',
        status: 'pass',
        reason: 'eu-driving-licence',
        message: text.message,
        advice: text.advice,
        evidence: {
          kind: 'eu-driving-licence',
          issuer: null,
          provisional: false,
          source: '[NHS-LOGIN-2024]',
        },
      });
    }, 60_000);
  },
);
