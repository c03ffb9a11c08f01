/**
 * Issue 12, item 7: a misread is not a forgery. A UK driver number that disagrees with fields 1 and 3
 * fails valid-details only when it was read for certain; otherwise the answer is unsure, with the
 * advice to take a clearer photo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines, OcrLine } from '../../../src/engines/types.ts';
import { isDriverNumberReadSurely } from '../../../src/pipeline/front/confirmDriverNumber.ts';
import { readDocumentFront } from '../../../src/pipeline/front/readDocumentFront.ts';
import { toGreyscale } from '../../../src/pipeline/image.ts';
import { judgeLicenceDetails } from '../../../src/pipeline/rules/frontDetails.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import type { LicenceReading } from '../../../src/pipeline/types.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const TEXTS = RULE_TEXTS['valid-details'];

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** A line of OCR whose every character tesseract gave `confidence`, laid out 20 px a character. */
function lineOf(text: string, confidence: number): OcrLine {
  const glyphs = [...text.replace(/ /gu, '')].map((char, i) => ({
    char,
    confidence,
    box: { x0: i * 20, y0: 10, x1: i * 20 + 18, y1: 40 },
  }));
  return { text, glyphs, confidence, box: { x0: 0, y0: 10, x1: glyphs.length * 20, y1: 40 } };
}

describe('isDriverNumberReadSurely', () => {
  const blank = { width: 400, height: 60, data: new Uint8Array(400 * 60).fill(255) };

  it('is not sure of a number tesseract hesitated over', async () => {
    expect(
      await isDriverNumberReadSurely(engines, blank, [lineOf('OKEFO961236C99LW', 62)], 'OKEFO961236C99LW'),
    ).toBe(false);
  });

  it('is not sure of a number whose look-alikes had to be mended (0 read where an O must be)', async () => {
    expect(
      await isDriverNumberReadSurely(engines, blank, [lineOf('OKEF0961236C99LW', 95)], 'OKEFO961236C99LW'),
    ).toBe(false);
  });

  it('is not sure when a second read of the line does not say the same (here: a blank line)', async () => {
    expect(
      await isDriverNumberReadSurely(engines, blank, [lineOf('OKEFO961236C99LW', 95)], 'OKEFO961236C99LW'),
    ).toBe(false);
  });

  it('is sure of the disagreeing number printed on a sharp licence (a faulty edition, drawn)', async () => {
    const card = await rectifiedFixture(engines.cv, 'gbr-driving-licence-bad-check-digit.jpg');
    const front = await readDocumentFront(engines, card);
    expect(front?.kind === 'licence' && front.licence).toMatchObject({
      driverNumberConsistent: false,
      driverNumberReadSurely: true,
    });
    // And the same reader, given the card's own greyscale, confirms it directly.
    if (front?.kind !== 'licence' || !front.licence.driverNumber) throw new Error('no driver number read');
    const lines = await engines.ocr.readPrintedText(toGreyscale(card));
    expect(
      await isDriverNumberReadSurely(engines, toGreyscale(card), lines, front.licence.driverNumber),
    ).toBe(true);
  }, 60_000);
});

describe('judgeLicenceDetails on a driver number that disagrees', () => {
  const licence: LicenceReading = {
    kind: 'uk-driving-licence',
    issuer: 'GBR',
    issuerFrom: 'sign',
    sign: 'UK',
    provisional: false,
    expiry: '2030-09-29',
    expiryFrom: '4b',
    birthDate: '1996-11-23',
    driverNumber: 'OKEFO961236C99LW',
    driverNumberConsistent: false,
  };
  const evidence = {
    driverNumber: 'OKEFO961236C99LW',
    birthDate: '1996-11-23',
    sign: 'UK',
    issuerFrom: 'sign',
  };

  it('fails it when it was read for certain on a clear photo of the whole card', () => {
    expect(judgeLicenceDetails({ ...licence, driverNumberReadSurely: true }, true)).toStrictEqual({
      id: 'valid-details',
      status: 'fail',
      reason: 'driver-number-disagrees',
      message: TEXTS['driver-number-disagrees'].message,
      advice: TEXTS['driver-number-disagrees'].advice,
      evidence,
    });
  });

  it('is unsure, and asks for a clearer photo, when it may be a misread', () => {
    for (const surely of [false, undefined]) {
      expect(judgeLicenceDetails({ ...licence, driverNumberReadSurely: surely }, true)).toStrictEqual({
        id: 'valid-details',
        status: 'unsure',
        reason: 'driver-number-unclear',
        message: TEXTS['driver-number-unclear'].message,
        advice: TEXTS['driver-number-unclear'].advice,
        evidence,
      });
    }
  });
});
