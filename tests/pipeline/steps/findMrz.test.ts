/**
 * Issue 12's MRZ reading on real scans from ../shared/real-photos (skipped without it), each read
 * exactly as printed where a step of the reading was missing before: a red stamp across the code
 * (located and read on the MRZ's ink), a stray mark between two letters (placed on the ICAO pitch),
 * the old French card's 2x36 layout, and a misprinted code kept as printed. Through the whole check,
 * as a person's photo goes: its outline first, then the MRZ on the rectified document. Then a visa
 * with a number written by hand past its code's end (../shared/real-ids), and an open booklet whose
 * outline went round both pages (a composite made now), so that its code stood on end. And, on a
 * drawn fixture, a passport photo on its side whose outline went round something with no code (the
 * search then says it left the rectified document for the photo), and an upright one whose outline
 * held its code (it never did).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { MatScope } from '../../../src/pipeline/cv.ts';
import { rectifiedMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { planRectification, type Rectification } from '../../../src/pipeline/rectify/rectifyDocument.ts';
import { findMrz } from '../../../src/pipeline/steps/findMrz.ts';
import { pointIn, type RgbaImage } from '../../../src/pipeline/types.ts';
import { sceneComposite } from '../../../scripts/composites/scenes.ts';
import { fixture } from '../../support/fixtures.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const REAL_PHOTOS = join(SHARED, 'real-photos');
const haveShared = existsSync(join(REAL_PHOTOS, 'manifest.json'));

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines?.ocr.terminate();
});

/** The manifest's MRZ, and the check's report on the photo. */
async function check(file: string) {
  const manifest = JSON.parse(await readFile(join(REAL_PHOTOS, 'manifest.json'), 'utf8')) as {
    file: string;
    mrz: string[] | null;
    today: string;
  }[];
  const entry = manifest.find((e) => e.file === file)!;
  const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, file)));
  return { truth: entry.mrz, report: await checkDocument(photo, engines, { today: entry.today }) };
}

describe.skipIf(!haveShared)('findMrz on real scans, through the check', () => {
  it.each([
    ['prado/BGR-CO-02001_O.jpg', 'a red SPECIMEN across both lines of a visa'],
    ['prado/THA-AO-02002_O.jpg', 'a stamp joined onto the first line'],
    ['prado/TUR-AD-03001_D.jpg', 'a guilloche stroke read as a glyph between R and N'],
    ['imagejs-mrz/id1.jpg', "the old French card's 2x36 layout, not TD2"],
    // An Austrian specimen whose expiry check digit is missing, so `AUT` stands one place early.
    ['imagejs-mrz/id_fail.png', 'a misprinted code, kept as printed'],
  ])('reads %s exactly: %s', async (file) => {
    const { truth, report } = await check(file);
    expect(report.document.mrz).toStrictEqual(truth);
  });
});

describe.skipIf(!haveShared)('findMrz past marks and pages that are not the code', () => {
  it('reads a UK visa as MRV-B, its second line exactly, once the band stops before the handwriting', async () => {
    const file = join(SHARED, 'real-ids', 'arg0s-mrz', 'visas_United_Kingdom.png');
    const photo = await decodePhotoForCheck(await readFile(file));
    const { document, rules } = await checkDocument(photo, engines, { today: '2006-01-01' });
    expect(document.mrz?.[1]).toBe('AD07259817PAK7608151M0611165<<<<<<<<');
    const details = rules.find((rule) => rule.id === 'valid-details')!;
    expect(details.evidence).toMatchObject({
      format: 'MRVB',
      checks: [
        { field: 'documentNumber', valid: true },
        { field: 'birthDate', valid: true },
        { field: 'expirationDate', valid: true },
      ],
    });
  });

  it("reads a US visa's unguarded optional data exactly: its 0s known from the 0s of its own dates", async () => {
    const file = join(SHARED, 'real-ids', 'passporteye', '100_visa-usa.jpg');
    const photo = await decodePhotoForCheck(await readFile(file));
    const { document } = await checkDocument(photo, engines, { today: '2004-01-01' });
    expect(document.mrz).toStrictEqual([
      'VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<',
      '555123ABC6GBR6502056F0412236IFLND00AMS803085',
    ]);
  });

  it.each(['arg0s-mrz/passports_Canada.png', 'prado/TUR-AO-02001_O.jpg'])(
    'reads the code of %s in an open booklet outlined as a whole, its data page across',
    async (file) => {
      const composite = (await sceneComposite(SHARED, 'booklet', file, 'eval-1'))!;
      const report = await checkDocument(await decodePhotoForCheck(composite.bytes), engines, {
        today: composite.today,
      });
      expect(report.document.mrz).toStrictEqual(composite.mrz);
    },
    60_000,
  );
});

describe('findMrz on a photo on its side', () => {
  it('reads the code in the rectified document where the outline holds it, never leaving it', async () => {
    const passport = fixture('clean');
    const image = await (await decodePhotoForCheck(await readFile(passport.path))).full;
    // The outline the fixture was drawn with, as the outline search finds it on so clean a photo.
    const { found, leftDocument } = await findMrzCountingLeaves(image, planRectification(passport.outline));
    expect({ lines: found?.reading.lines, inRectified: found?.inRectified, leftDocument }).toStrictEqual({
      lines: passport.document.mrz,
      inRectified: true,
      leftDocument: 0,
    });
  });

  it('reads the code all four ways up in the photo when the outline held none', async () => {
    const passport = fixture('clean');
    // The photo turned a quarter turn clockwise, as a person holds a phone sideways.
    const turned = await sharp(passport.path).rotate(90).jpeg({ quality: 92 }).toBuffer();
    const image = await (await decodePhotoForCheck(turned)).full;
    // An outline round a piece of the photo with no code in it (its top left, the page's margin and
    // the table beyond), as a portrait's or a box's outline is.
    const p = (x: number, y: number) => pointIn('image', x, y);
    const { found, leftDocument } = await findMrzCountingLeaves(
      image,
      planRectification([p(0, 0), p(300, 0), p(300, 200), p(0, 200)]),
    );
    expect({
      lines: found?.reading.lines,
      inRectified: found?.inRectified,
      turns: found?.quarterTurns,
      leftDocument,
    }).toStrictEqual({
      lines: passport.document.mrz,
      inRectified: false,
      turns: 3,
      leftDocument: 1,
    });
  });
});

/** findMrz over the photo and the document `plan` rectifies, counting the times it says it left that document. */
async function findMrzCountingLeaves(image: RgbaImage, plan: Rectification) {
  const scope = new MatScope(engines.cv);
  try {
    const document = { image: rectifiedMrzImage(scope, image, plan), photoPxPerDocPx: plan.photoPxPerDocPx };
    let leftDocument = 0;
    const found = await findMrz(engines, image, document, undefined, undefined, () => leftDocument++);
    return { found, leftDocument };
  } finally {
    scope.release();
  }
}
