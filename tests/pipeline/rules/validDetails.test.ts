/**
 * Issue 12, item 7: a failed check digit is claimed as a failure only when the characters it guards
 * were read for certain (mrz/readMrz.ts marks the others as doubtful).
 */
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { judgeValidDetails } from '../../../src/pipeline/rules/validDetails.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import type { MrzReading, RgbaImage, RuleId } from '../../../src/pipeline/types.ts';
import { loadManifest } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const TEXTS = RULE_TEXTS['valid-details'];

const reading: MrzReading = {
  format: 'TD3',
  lines: ['P<GBRWHITFIELD<<OLIVIA<GRACE<<<<<<<<<<<<<<<<', '5334013720GBR8803148F3107221<<<<<<<<<<<<<<<2'],
  suspect: [[], []],
  checks: [
    { field: 'documentNumber', valid: true, readable: true },
    { field: 'birthDate', valid: false, readable: true },
    { field: 'expirationDate', valid: true, readable: true },
    { field: 'composite', valid: false, readable: true },
  ],
  repairs: [],
};

describe('judgeValidDetails on a code whose checks fail', () => {
  it('fails when every failing field was read for certain', () => {
    const result = judgeValidDetails(reading, true);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(TEXTS['checks-fail'].message(['birthDate', 'composite']));
  });

  it('is unsure, advising a sharper photo, when every failing field may be a misread', () => {
    expect(judgeValidDetails({ ...reading, doubtfulFields: ['birthDate', 'composite'] }, true)).toStrictEqual(
      {
        id: 'valid-details',
        status: 'unsure',
        reason: 'code-unclear',
        message: TEXTS['code-unclear'].message,
        advice: TEXTS['code-unclear'].advice,
        evidence: { format: 'TD3', checks: reading.checks, repairs: [] },
      },
    );
  });

  it('fails on a field read wholly for certain, whatever the doubt about another', () => {
    const result = judgeValidDetails({ ...reading, doubtfulFields: ['birthDate'] }, true);
    expect([result.status, result.reason]).toStrictEqual(['fail', 'checks-fail']);
  });

  it('fails an expiry read for certain that is no date, though its check digit holds', () => {
    // onfido-sdk-ui/passport-gbr-edited.jpg: an edited page whose code says 000000.
    const lines = [
      'P<<<<<DJONES<<DJON<DJONES<<<<<<<<<<<<<<<<<<<<',
      '0000000000GBR0000000M0000000<<<<<<<<<<<<<<00',
    ];
    const edited: MrzReading = {
      ...reading,
      lines,
      checks: reading.checks.map((check) => ({ ...check, valid: true })),
      expiryReadForCertain: true,
    };
    const result = judgeValidDetails(edited, true);
    expect([result.status, result.reason, result.message]).toStrictEqual([
      'fail',
      'checks-fail',
      TEXTS['checks-fail'].message(['expirationDate']),
    ]);
    expect(judgeValidDetails({ ...edited, expiryReadForCertain: false }, true).status).toBe('pass');
  });

  it('does not let a doubt about a field that holds excuse one that fails', () => {
    expect(judgeValidDetails({ ...reading, doubtfulFields: ['documentNumber'] }, true).status).toBe('fail');
  });
});

/**
 * The drawn passport whose expiry check digit is broken, as a scan cropped to its page (no edge to
 * find, as onfido-sdk-ui/passport-phl.jpg in real-photos): its code is read for certain, so it fails
 * and its expiry stands. Blurred or shrunk, the same code may be misread: never a failure then.
 */
describe('valid-details and in-date on a misprinted code scanned to its page', () => {
  let engines: Engines;
  let page: RgbaImage;
  beforeAll(async () => {
    engines = await loadNodeEngines();
    page = await rectifiedFixture(engines.cv, 'gbr-passport-bad-check-digit.jpg');
  });
  afterAll(async () => {
    await engines.ocr.terminate();
  });

  async function checked(transform: (image: Sharp) => Sharp) {
    const raw = sharp(Buffer.from(page.data), {
      raw: { width: page.width, height: page.height, channels: 4 },
    });
    const jpeg = await transform(raw).jpeg({ quality: 92 }).toBuffer();
    const report = await checkDocument(await decodePhotoForCheck(jpeg), engines, {
      today: loadManifest().today,
    });
    const rule = (id: RuleId) => report.rules.find((r) => r.id === id)!;
    return { details: rule('valid-details'), inDate: rule('in-date'), corners: rule('four-corners') };
  }

  it('fails the code and takes the expiry read for certain', async () => {
    const { details, inDate, corners } = await checked((image) => image);
    expect(corners.status).not.toBe('pass');
    expect([details.status, details.reason]).toStrictEqual(['fail', 'checks-fail']);
    expect([inDate.status, inDate.reason]).toStrictEqual(['pass', 'in-date']);
  });

  it.each([
    ['blurred', (image: Sharp) => image.blur(4)],
    ['shrunk to a fifth', (image: Sharp) => image.resize({ width: 320 })],
  ])('does not fail the code %s', async (_, transform) => {
    const { details } = await checked(transform);
    expect(details.status).not.toBe('fail');
  });
});
