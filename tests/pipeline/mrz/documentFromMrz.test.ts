import { describe, expect, it } from 'vitest';
import { documentFromMrz, isExpiryConfirmed } from '../../../src/pipeline/mrz/documentFromMrz.ts';
import { checkHolds, MRZ_LAYOUTS } from '../../../src/pipeline/mrz/formats.ts';
import type { MrzReading } from '../../../src/pipeline/types.ts';
import { loadManifest } from '../../support/fixtures.ts';

/** The reading of MRZ lines read without a fault: the layout their shape and code say, its checks computed. */
function readingOf(lines: readonly string[]): MrzReading {
  const layout = MRZ_LAYOUTS.find(
    (l) => l.lines === lines.length && l.length === lines[0]!.length && l.codes.test(lines[0]!),
  )!;
  return {
    format: layout.format,
    lines,
    suspect: lines.map(() => []),
    checks: layout.checks.map((rule) => ({
      field: rule.field,
      valid: checkHolds(lines, rule),
      readable: true,
    })),
    repairs: [],
  };
}

/** The same reading with the named checks failed, as a misread digit would fail them. */
function failing(reading: MrzReading, fields: readonly string[]): MrzReading {
  return {
    ...reading,
    checks: reading.checks.map((check) =>
      fields.includes(check.field) ? { ...check, valid: false } : check,
    ),
  };
}

const withMrz = loadManifest().images.filter((entry) => entry.document.mrz !== null);

describe('documentFromMrz', () => {
  it('says what every MRZ in the fixture manifest says: kind, issuer, expiry, and the lines', () => {
    // An MRZ does not say whether a licence is provisional.
    expect(
      withMrz.map((entry) => [entry.file, documentFromMrz(readingOf(entry.document.mrz!))]),
    ).toStrictEqual(withMrz.map((entry) => [entry.file, { ...entry.document, provisional: null }]));
  });

  it('knows nothing without a reading', () => {
    expect(documentFromMrz(null)).toStrictEqual({
      kind: 'unknown',
      issuer: null,
      expiry: null,
      mrz: null,
      provisional: null,
    });
  });

  it('leaves out an issuer that is no state code and an expiry that is no date, and keeps the rest', () => {
    const passport = [
      'P<G8RWHITFIELD<<OLIVIA<GRACE<<<<<<<<<<<<<<<<',
      '5334013720GBR8803148F3102301<<<<<<<<<<<<<<<2',
    ];
    expect(documentFromMrz(readingOf(passport))).toStrictEqual({
      kind: 'passport',
      issuer: null,
      expiry: null,
      mrz: passport,
      provisional: null,
    });
  });

  it('reads Germany’s one-letter code D<< as DEU, and a second letter of the code for the kind', () => {
    const card = [
      'IRD<<LH3K72M097<<<<<<<<<<<<<<<',
      '8506232M3010079D<<<<<<<<<<<<<8',
      'MUELLER<<JONAS<<<<<<<<<<<<<<<<',
    ];
    expect(documentFromMrz(readingOf(card))).toStrictEqual({
      kind: 'residence-permit',
      issuer: 'DEU',
      expiry: '2030-10-07',
      mrz: card,
      provisional: null,
    });
  });
});

describe('isExpiryConfirmed', () => {
  it('confirms every fixture’s expiry but the visa’s with a bad check digit, which has no composite to hold', () => {
    // The bad-check-digit fixtures spoil the expiry's own check digit (or the licence's document
    // number's) and recompute the composite over it; a visa (MRV-A) has no composite (ICAO 9303 part 7 §8).
    expect(
      withMrz
        .filter((entry) => !isExpiryConfirmed(readingOf(entry.document.mrz!)))
        .map((entry) => entry.file),
    ).toStrictEqual(['gbr-visa-bad-check-digit.jpg']);
  });

  it('takes the expiry’s own check digit, or a composite that covers it, and nothing else', () => {
    const entry = (file: string) => readingOf(withMrz.find((e) => e.file === file)!.document.mrz!);
    const passport = entry('gbr-passport-clean-1.jpg');
    const card = entry('fra-id-card-clean-1.jpg');
    const licence = entry('fra-driving-licence-clean-1.jpg');
    const visa = entry('gbr-visa-clean-1.jpg');
    expect({
      passport: isExpiryConfirmed(passport),
      passportExpiryFailed: isExpiryConfirmed(failing(passport, ['expirationDate'])),
      passportExpiryAndCompositeFailed: isExpiryConfirmed(failing(passport, ['expirationDate', 'composite'])),
      passportAllButPersonalNumberFailed: isExpiryConfirmed(
        failing(passport, ['documentNumber', 'birthDate', 'expirationDate', 'composite']),
      ),
      cardExpiryFailed: isExpiryConfirmed(failing(card, ['expirationDate'])),
      cardExpiryAndCompositeFailed: isExpiryConfirmed(failing(card, ['expirationDate', 'composite'])),
      // The licence's document-number digit guards columns 0-13; its expiry is at 15-20.
      licenceDocumentNumberFailed: isExpiryConfirmed(failing(licence, ['documentNumber'])),
      licenceCompositeFailed: isExpiryConfirmed(failing(licence, ['composite'])),
      visa: isExpiryConfirmed(visa),
      visaExpiryFailed: isExpiryConfirmed(failing(visa, ['expirationDate'])),
    }).toStrictEqual({
      passport: true,
      passportExpiryFailed: true,
      passportExpiryAndCompositeFailed: false,
      passportAllButPersonalNumberFailed: false,
      cardExpiryFailed: true,
      cardExpiryAndCompositeFailed: false,
      licenceDocumentNumberFailed: true,
      licenceCompositeFailed: false,
      visa: true,
      visaExpiryFailed: false,
    });
  });

  it('says an old French card (2x36) is an id card of France with no expiry in its code', () => {
    const french = readingOf([
      'IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<',
      '9409923102854CORINNE<<<<<<<6512068F4',
    ]);
    expect(french.format).toBe('FRENCH_NATIONAL_ID');
    expect(documentFromMrz(french)).toStrictEqual({
      kind: 'id-card',
      issuer: 'FRA',
      expiry: null,
      mrz: french.lines,
      provisional: null,
    });
    expect(isExpiryConfirmed(french)).toBe(false);
  });
});
