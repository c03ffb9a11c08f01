import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto, decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { measureHandwriting } from '../../../src/pipeline/clarity/measureHandwriting.ts';
import { MatScope } from '../../../src/pipeline/cv.ts';
import type { FaceDetector } from '../../../src/pipeline/face/types.ts';
import {
  findDocumentOutline,
  scaleQuad,
  type DocumentOutline,
} from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { findPortrait, type Uprightness } from '../../../src/pipeline/portrait/findPortrait.ts';
import {
  planRectification,
  rectifyPlanned,
  type RectifiedDocument,
} from '../../../src/pipeline/rectify/rectifyDocument.ts';
import { shrinkRgbaToFit } from '../../../src/pipeline/resizeArea.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { measureWhileReading } from '../../../src/pipeline/steps/measureAhead.ts';
import { FIXTURES_DIR } from '../../support/fixtures.ts';

let engines: Engines;
let faces: FaceDetector;
beforeAll(async () => {
  engines = await loadNodeEngines();
  faces = engines.faces!;
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** A fixture's outline (photo pixels) and its document rectified, as seeDocument makes them. */
async function seen(file: string): Promise<{ outline: DocumentOutline; rectified: RectifiedDocument }> {
  const bytes = await readFile(join(FIXTURES_DIR, file));
  const image = await decodePhoto(bytes);
  const analysis =
    (await decodePhotoForCheck(bytes)).analysis ?? shrinkRgbaToFit(engines.cv, image, ANALYSIS_SIDE_PX);
  const found = findDocumentOutline(engines.cv, analysis);
  if (!found) throw new Error(`no outline in ${file}`);
  const scale = Math.max(image.width, image.height) / Math.max(analysis.width, analysis.height);
  const outline = { ...found, quad: scaleQuad(found.quad, scale) };
  const scope = new MatScope(engines.cv);
  try {
    return { outline, rectified: rectifyPlanned(scope, image, planRectification(outline.quad)) };
  } finally {
    scope.release();
  }
}

/** A read that is still going, as the MRZ's OCR is while the measures are taken. */
const stillReading = () => new Promise<never>(() => {});

const UPRIGHTNESS: readonly Uprightness[] = ['upright', 'upside-down', 'unknown'];

describe('measureWhileReading', () => {
  it.each([
    'gbr-passport-face-clean.jpg',
    'fra-id-card-rotated-180.jpg',
    'gbr-driving-licence-face-clean.jpg',
  ])('measures %s as the check would after reading it, whichever way up the read shows', async (file) => {
    const { outline, rectified } = await seen(file);
    const ahead = await measureWhileReading(stillReading(), engines, outline, rectified);
    const { image, format, photoPxPerDocPx } = rectified;
    expect(ahead?.rectified).toBe(rectified);
    expect(ahead?.handwriting).toStrictEqual(measureHandwriting(engines.cv, image, photoPxPerDocPx));
    for (const uprightness of UPRIGHTNESS)
      for (const expected of [true, false]) {
        const search = { document: image, format, uprightness, expected };
        expect(findPortrait(faces, search, ahead?.portrait)).toStrictEqual(findPortrait(faces, search));
      }
  });

  it('measures nothing once the read is over: the check goes on at once', async () => {
    const { outline, rectified } = await seen('gbr-passport-clean-1.jpg');
    expect(await measureWhileReading(Promise.resolve(null), engines, outline, rectified)).toBeNull();
    const failed = Promise.reject(new Error('the OCR engine stopped'));
    expect(await measureWhileReading(failed, engines, outline, rectified)).toBeNull();
  });

  it('takes no pen measure on a document with a corner off the photo, as the check takes none', async () => {
    const { outline, rectified } = await seen('gbr-passport-clean-1.jpg');
    const cut: DocumentOutline = { ...outline, missingCorners: ['top-left'] };
    const ahead = await measureWhileReading(stillReading(), engines, cut, rectified);
    expect({ handwriting: ahead?.handwriting, looked: ahead?.portrait?.document }).toStrictEqual({
      handwriting: undefined,
      looked: rectified.image,
    });
  });

  it('keeps what an earlier read left taken, of this document only, and takes the rest', async () => {
    const { outline, rectified } = await seen('gbr-passport-face-clean.jpg');
    const cut: DocumentOutline = { ...outline, missingCorners: ['top-left'] };
    const first = await measureWhileReading(stillReading(), engines, cut, rectified);
    const then = await measureWhileReading(stillReading(), engines, outline, rectified, first);
    expect({ portrait: then?.portrait, handwriting: then?.handwriting }).toStrictEqual({
      portrait: first?.portrait,
      handwriting: measureHandwriting(engines.cv, rectified.image, rectified.photoPxPerDocPx),
    });
    expect(then?.portrait).toBe(first?.portrait);
    const other = await seen('fra-id-card-rotated-180.jpg');
    const elsewhere = await measureWhileReading(
      stillReading(),
      engines,
      other.outline,
      other.rectified,
      then,
    );
    expect(elsewhere?.portrait?.document).toBe(other.rectified.image);
    expect(await measureWhileReading(Promise.resolve(), engines, outline, rectified, then)).toBe(then);
  });

  it('is not used for another document', async () => {
    const passport = await seen('gbr-passport-face-clean.jpg');
    const card = await seen('fra-id-card-rotated-180.jpg');
    const ahead = await measureWhileReading(stillReading(), engines, passport.outline, passport.rectified);
    const { image: document, format } = card.rectified;
    const search = { document, format, uprightness: 'unknown', expected: true } as const;
    expect(findPortrait(faces, search, ahead?.portrait)).toStrictEqual(findPortrait(faces, search));
  });
});
