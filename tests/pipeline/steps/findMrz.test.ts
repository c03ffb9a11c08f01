/**
 * Issue 12's MRZ reading on real scans from ../shared/real-photos (skipped without it), each read
 * exactly as printed where a step of the reading was missing before: a red stamp across the code
 * (located and read on the MRZ's ink), a stray mark between two letters (placed on the ICAO pitch),
 * the old French card's 2x36 layout, and a misprinted code kept as printed. Through the whole check,
 * as a person's photo goes: its outline first, then the MRZ on the rectified document.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';

const REAL_PHOTOS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'real-photos');
const haveShared = existsSync(join(REAL_PHOTOS, 'manifest.json'));

let engines: Engines;
beforeAll(async () => {
  if (haveShared) engines = await loadNodeEngines();
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
