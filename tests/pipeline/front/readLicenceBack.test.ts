/**
 * The back of an EU model licence (Directive 2006/126/EC, Annex I, fields 9 to 12): read as an EU
 * driving licence with no issuer, which accepted-document takes; another state's back is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { parseLicenceBackText } from '../../../src/pipeline/front/readLicenceBack.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import { readyPhoto } from '../../../src/pipeline/types.ts';
import { objectOnSurface } from '../../support/composites.ts';

const EU_BACK = {
  kind: 'eu-driving-licence',
  issuer: null,
  issuerFrom: null,
  sign: null,
  provisional: false,
  expiry: null,
  expiryFrom: null,
  birthDate: null,
  driverNumber: null,
  driverNumberConsistent: null,
};

describe('parseLicenceBackText', () => {
  it("reads onfido's German licence back, as tesseract read it, as an EU licence", () => {
    // Its categories table is 5 px high in the 515 px photo: A1, C1 and D1 come out as Al, ci, Di.
    const read = [
      '0.',
      'i',
      '18,',
      'Al',
      '14.10)',
      '|B.',
      '10.06.62',
      'ci',
      '10.06.82',
      'pny',
      'Di',
      '(IBE',
      '10.06.82',
    ];
    expect(parseLicenceBackText(read)).toStrictEqual(EU_BACK);
  });

  it("does not take South Africa's back (its categories EB, EC, EC1) or a table without dates", () => {
    expect(parseLicenceBackText(['A1 C1 B', '01.02.19', '01.02.24', 'EB EC EC1'])).toBeNull();
    expect(parseLicenceBackText(['A1 A2 C1E CE'])).toBeNull();
    expect(parseLicenceBackText(['C1 10.06.82', 'D1 10.06.82'])).toBeNull();
  });
});

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

describe('accepted-document on a licence back drawn at test time', () => {
  it('passes the categories table of an EU model licence', async () => {
    const photo = await objectOnSurface({
      width: 856,
      height: 540,
      fill: '#f3e6ec',
      ink: '#1d1d4f',
      fontSize: 40,
      lines: [
        '9.     10.        11.',
        'A1    10.06.82',
        'B      10.06.82',
        'C1    10.06.82',
        'CE    10.06.82',
      ],
    });
    const report = await checkDocument(readyPhoto(photo), engines, { today: '2026-12-01' });
    const text = RULE_TEXTS['accepted-document']['eu-driving-licence'];
    expect(report.rules.find((rule) => rule.id === 'accepted-document')).toStrictEqual({
      id: 'accepted-document',
      status: 'pass',
      reason: 'eu-driving-licence',
      message: text.message,
      advice: text.advice,
      evidence: { kind: 'eu-driving-licence', issuer: null, provisional: false, source: '[NHS-LOGIN-2024]' },
    });
  }, 60_000);
});
