/**
 * The OCR engine's cancellation (src/engines/tesseract.ts): a read stopped by its signal rejects with
 * the signal's reason at once, and the engine reads on afterwards with a fresh worker, as before. And
 * which images its printed-text reader also reads inverted: those whose ground may be dark.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { createTesseractEngine, mayPrintLightOnDark } from '../../src/engines/tesseract.ts';
import { nodeTesseractLocations } from '../../src/engines/node.ts';
import type { OcrEngine } from '../../src/engines/types.ts';
import { toGreyscale, type GreyImage } from '../../src/pipeline/image.ts';
import { fixture, PROJECT_ROOT } from '../support/fixtures.ts';

let ocr: OcrEngine;
let passport: GreyImage;
beforeAll(async () => {
  ocr = await createTesseractEngine(nodeTesseractLocations());
  passport = toGreyscale(await decodePhoto(await readFile(fixture('clean').path)));
});
afterAll(async () => {
  await ocr.terminate();
});

describe('a cancelled read', () => {
  it('rejects with the reason at once, and the next read of the same photo reads what a first read did', async () => {
    const first = performance.now();
    const before = await ocr.readMrz(passport);
    const wholeReadMs = performance.now() - first;
    const reason = new Error('out of time');
    const stopper = new AbortController();
    const reading = ocr.readMrz(passport, stopper.signal);
    setTimeout(() => stopper.abort(reason), 5);
    const started = performance.now();
    await expect(reading).rejects.toBe(reason);
    // Stopped within the read, not after it: compared with the whole read in the same run, since the
    // machine's load scales both.
    expect(performance.now() - started).toBeLessThan(wholeReadMs / 2);
    expect(await ocr.readMrz(passport)).toStrictEqual(before);
  });

  it('is not started when its signal has already fired, and loads no printed-text model for it', async () => {
    const reason = new Error('spent');
    await expect(ocr.readPrintedText(passport, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('is left alone by a signal that does not fire', async () => {
    const lines = await ocr.readMrz(passport, new AbortController().signal);
    expect(lines).toStrictEqual(await ocr.readMrz(passport));
  });
});

describe('a ground that may hold light print', () => {
  it('is not the white page of the fixture passport, and is its negative', () => {
    const negative = { ...passport, data: passport.data.map((level) => 255 - level) };
    expect([mayPrintLightOnDark(passport), mayPrintLightOnDark(negative)]).toStrictEqual([false, true]);
  });

  const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');
  it.skipIf(!existsSync(REAL_PHOTOS))(
    'is a dark bank card, whose light print reads only inverted, and not a white licence',
    async () => {
      const grounds = await Promise.all(
        ['evgen/img_5.jpg', 'evgen/_img_8.jpg', 'onfido-python/sample_driving_licence.png'].map(
          async (file) =>
            mayPrintLightOnDark(toGreyscale(await decodePhoto(await readFile(join(REAL_PHOTOS, file))))),
        ),
      );
      expect(grounds).toStrictEqual([true, true, false]);
    },
  );
});
