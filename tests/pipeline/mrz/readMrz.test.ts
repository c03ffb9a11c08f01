/**
 * The crop tesseract reads is made as it was tuned on: OpenCV's resize, black-hat, normalize and not.
 * A code at half size is read as at full (../shared/real-photos, skipped without it).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { halveByArea } from '../../../scripts/photoTransforms.ts';
import { decodePhoto, decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { greyToMat, matToGrey, withMats } from '../../../src/pipeline/cv.ts';
import { toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { readMrz } from '../../../src/pipeline/mrz/readMrz.ts';
import { FIXTURES_DIR, loadManifest, PROJECT_ROOT } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let engines: Engines;
let band: GreyImage;
beforeAll(async () => {
  engines = await loadNodeEngines();
  // The bottom of a rectified passport page: its MRZ, with some of the page above it.
  const page = toGreyscale(await rectifiedFixture(engines.cv, 'gbr-passport-clean-1.jpg'));
  const top = Math.round(page.height * 0.75);
  band = { width: page.width, height: page.height - top, data: page.data.slice(top * page.width) };
  return () => engines.ocr.terminate();
});

function openCvCrop(image: GreyImage, lineHeight: number, glyphHeight: number): GreyImage {
  const { cv } = engines;
  return withMats(cv, (scope) => {
    const scale = glyphHeight / Math.max(4, lineHeight);
    const scaled = scope.mat();
    const size = new cv.Size(Math.round(image.width * scale), Math.round(image.height * scale));
    cv.resize(greyToMat(scope, image), scaled, size, 0, 0, scale < 1 ? cv.INTER_AREA : cv.INTER_CUBIC);
    const kernel = scope.track(
      cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(glyphHeight, glyphHeight)),
    );
    const strokes = scope.mat();
    cv.morphologyEx(scaled, strokes, cv.MORPH_BLACKHAT, kernel);
    cv.normalize(strokes, strokes, 0, 255, cv.NORM_MINMAX);
    cv.bitwise_not(strokes, strokes);
    return matToGrey(strokes);
  });
}

describe('cropForOcr', () => {
  for (const [lineHeight, glyphHeight] of [
    [31, 32],
    [31, 48],
    [31, 40],
    [52, 32],
  ] as const) {
    it(`equals OpenCV's chain for ${lineHeight}-px lines read at ${glyphHeight} px`, () => {
      const ours = cropForOcr(engines, band, lineHeight, glyphHeight);
      const theirs = openCvCrop(band, lineHeight, glyphHeight);
      expect([ours.width, ours.height]).toStrictEqual([theirs.width, theirs.height]);
      expect(ours.data.filter((value, i) => value !== theirs.data[i]).length).toBe(0);
    });
  }
});

describe.skipIf(!existsSync(REAL_PHOTOS))('readMrz at half size', () => {
  it("reads a Turkish passport's code halved (7 px glyphs), its P read as F by tesseract", async () => {
    const photo = await decodePhoto(await readFile(join(REAL_PHOTOS, 'prado', 'TUR-AD-03001_D.jpg')));
    const half = halveByArea(
      new Uint8Array(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength),
      photo.width,
      photo.height,
    );
    const found = await readMrz(engines, plainMrzImage(engines.cv, half), {
      minLineShare: 0.25,
      turns: [0, 2, 1, 3],
      fullWidth: false,
    });
    expect(found?.reading.format).toBe('TD3');
    // The name line is guarded by no check digit: its N, 7 px high, reads as W.
    expect(found?.reading.lines[0]?.slice(0, 5)).toBe('PDTUR');
    expect(found?.reading.lines[1]).toBe('P200010150TUR9204029F280402812345678902<<<34');
    expect(found?.reading.checks.map((check) => check.valid)).toStrictEqual([true, true, true, true, true]);
  });
});

describe('a document code read by the outlines alone', () => {
  // Their codes blurred past reading: a first glyph the outlines took for the code made codes of
  // noise, an issuer XXA and an expiry in the past, until every check had to hold for such a code.
  const manifest = loadManifest();
  for (const file of ['fra-id-card-blur-5.jpg', 'tur-id-card-blur-5.jpg']) {
    it(`makes no code of a blurred card's (${file}): in-date and accepted-document as the manifest allows`, async () => {
      const entry = manifest.images.find((image) => image.file === file)!;
      const photo = await decodePhotoForCheck(await readFile(join(FIXTURES_DIR, file)));
      const report = await checkDocument(photo, engines, { today: manifest.today });
      for (const rule of ['in-date', 'accepted-document'] as const)
        expect(entry.expected[rule]).toContain(report.rules.find((r) => r.id === rule)?.status);
    }, 60_000);
  }
});
