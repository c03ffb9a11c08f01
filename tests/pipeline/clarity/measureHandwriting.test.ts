/**
 * measureHandwriting on documents rectified as the check rectifies them: a date written over in pen
 * (drawn by scripts/fixtures/handwriting.ts) is found; a pen signature alone, the blue signature and
 * flag of every drawn licence, and real cards and passports in ../shared (blue labels and headings
 * beside black print, hand signatures) are not.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { halveByArea } from '../../../scripts/photoTransforms.ts';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { measureHandwriting } from '../../../src/pipeline/clarity/measureHandwriting.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import { findDocumentOutline, scaleQuad } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { rectifyDocument } from '../../../src/pipeline/rectify/rectifyDocument.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_PHOTOS = resolve(PROJECT_ROOT, '..', 'shared', 'real-photos');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** `halved`: the photo shrunk to half its width and height first, as `npm run eval -- --transform half` does. */
async function handwritingOf(path: string, { halved = false } = {}) {
  const decoded = await decodePhoto(await readFile(path));
  const bytes = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
  const photo = halved ? halveByArea(bytes, decoded.width, decoded.height) : decoded;
  return withMats(cv, (scope) => {
    const { mat, scale } = shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(cv, matToRgba(mat));
    if (!found) throw new Error(`no outline found in ${path}`);
    const rectified = rectifyDocument(scope, photo, scaleQuad(found.quad, 1 / scale));
    return measureHandwriting(cv, rectified.image, rectified.photoPxPerDocPx);
  });
}

describe('measureHandwriting', () => {
  it('finds a date written in pen over the printed expiry of a passport and a licence', async () => {
    for (const file of ['gbr-passport-handwritten-date.jpg', 'gbr-driving-licence-handwritten-date.jpg']) {
      const measured = await handwritingOf(join(FIXTURES_DIR, file));
      expect([file, measured?.writtenOver]).toStrictEqual([file, true]);
    }
  });

  it('leaves a signature alone, and the blue print of drawn documents', async () => {
    for (const file of [
      'gbr-passport-pen-signature.jpg',
      'gbr-driving-licence-pen-signature.jpg',
      'gbr-driving-licence-clean-1.jpg',
      'fra-driving-licence-clean-1.jpg',
      'gbr-visa-clean-1.jpg',
      'gbr-passport-clean-1.jpg',
    ]) {
      const measured = await handwritingOf(join(FIXTURES_DIR, file));
      expect([file, measured?.writtenOver]).toStrictEqual([file, false]);
    }
  });

  it('finds the date written over in a halved photo too, the document measured in millimetres', async () => {
    // Halved, the passport's page has 4.9 photo pixels to the millimetre, the licence's 8.2.
    for (const file of ['gbr-passport-handwritten-date.jpg', 'gbr-driving-licence-handwritten-date.jpg']) {
      const measured = await handwritingOf(join(FIXTURES_DIR, file), { halved: true });
      expect([file, measured?.writtenOver]).toStrictEqual([file, true]);
    }
  });

  it('leaves halved signatures and halved licences’ blue print alone', async () => {
    for (const file of [
      'gbr-passport-pen-signature.jpg',
      'gbr-driving-licence-pen-signature.jpg',
      'fra-driving-licence-clean-2.jpg',
      'deu-driving-licence-expired.jpg',
      'irl-driving-licence-clean-1.jpg',
      'esp-driving-licence-expired.jpg',
    ]) {
      const measured = await handwritingOf(join(FIXTURES_DIR, file), { halved: true });
      expect([file, measured?.writtenOver]).toStrictEqual([file, false]);
    }
  });

  it('counts a few pen strokes, too few for any to be writing over print, as pen alone', () => {
    // A white page 1125 px wide (a TD3 page at 9 px/mm, as measured) with one blue stroke 2 px by 30.
    const [width, height] = [1125, 792];
    const data = new Uint8Array(width * height * 4).fill(255);
    for (let y = 400; y < 402; y++)
      for (let x = 500; x < 530; x++) data.set([0, 0, 200, 255], (y * width + x) * 4);
    const measured = measureHandwriting(cv, { width, height, data }, 1);
    expect(measured?.penPerMille).toBeGreaterThan(0);
    expect(measured).toStrictEqual({
      penPerMille: measured?.penPerMille,
      overPrintPerMille: 0,
      writtenOver: false,
    });
  });

  it('does not measure a document photographed too small for a pen line to show', async () => {
    expect(await handwritingOf(join(FIXTURES_DIR, 'fra-driving-licence-small.jpg'))).toBeNull();
  });

  it.skipIf(!existsSync(REAL_PHOTOS))(
    'leaves real cards with blue labels, headings and hand signatures in ../shared alone',
    async () => {
      for (const file of [
        'signzy-alldocs/nycid-2-glare.jpg',
        'imagejs-mrz/id1.jpg',
        'doubango-mrz/Passport-Australia_1280x720.jpg',
      ]) {
        const measured = await handwritingOf(join(REAL_PHOTOS, file));
        expect([file, measured?.writtenOver ?? false]).toStrictEqual([file, false]);
      }
    },
  );
});
