import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../src/engines/types.ts';
import { readLabelledDates } from '../../../src/pipeline/front/labelledDates.ts';

/** A line as the OCR gives it, its glyphs laid out from (`x`, `y`), every character 10 × 12 px. */
function lineAt(text: string, x: number, y = 0): Pick<OcrLine, 'text' | 'glyphs'> {
  const glyphs = [...text].flatMap((char, i) =>
    /\s/u.test(char)
      ? []
      : [{ char, confidence: 90, box: { x0: x + i * 10, y0: y, x1: x + i * 10 + 9, y1: y + 12 } }],
  );
  return { text, glyphs };
}

const NONE = { expiry: null, issue: null, birth: null, validityEnd: null, expiryLabelled: false };

describe('readLabelledDates', () => {
  it("reads an EU licence's fields 3, 4a and 4b by their numbers (Directive 2006/126/EC, Annex I)", () => {
    const lines = ['1. DOE', '3. 01.01.1990 UNITED KINGDOM', '4a. 01.01.2012 4c. DVLA', '4b. 01.01.2020'];
    expect(readLabelledDates(lines)).toStrictEqual({
      expiry: '2020-01-01',
      expiryLabelled: true,
      issue: '2012-01-01',
      birth: '1990-01-01',
      validityEnd: null,
    });
  });

  it('reads the date under a bilingual label, in its column, not the birth date beside it', () => {
    // kbyai/fra-id-3.jpg's layout: the document number and the expiry side by side, dates DD MM YYYY.
    const lines = [
      lineAt('SEXE / SEX NATIONALITE / NATIONALITY', 0, 0),
      lineAt('DATE DE NAISS. / DATE OF BIRTH', 400, 0),
      lineAt('13 07 1990', 400, 16),
      lineAt("N° DU DOCUMENT / DOCUMENT NO      DATE D'EXPIR. / EXPIRY DATE", 0, 80),
      lineAt('D2H6862M2                         11 02 2030', 0, 96),
    ];
    expect(readLabelledDates(lines)).toStrictEqual({
      ...NONE,
      expiry: '2030-02-11',
      expiryLabelled: true,
      birth: '1990-07-13',
    });
  });

  it('reads a date printed beside its label that the OCR read as a line of its own', () => {
    // signzy-alldocs/nycid-1-dark.jpg: "EXPIRATION" and "11/20/2019" on one row, two OCR lines.
    const lines = [
      lineAt('DATE OF BIRTH. 12/12/1987', 360, 0),
      lineAt('EXPIRATION', 360, 120),
      lineAt('11/20/2019', 522, 118),
    ];
    expect(readLabelledDates(lines, 'month-first')).toStrictEqual({
      ...NONE,
      expiry: '2019-11-20',
      expiryLabelled: true,
      birth: '1987-12-12',
    });
  });

  it('pairs two labels with the two dates below them in order, where no glyph boxes say where they sit', () => {
    const lines = ['DATE OF ISSUE   DATE OF EXPIRY', '19/04/2022   18/04/2032'];
    expect(readLabelledDates(lines)).toStrictEqual({
      ...NONE,
      expiry: '2032-04-18',
      expiryLabelled: true,
      issue: '2022-04-19',
    });
    // One date under two labels could be either: neither is taken.
    expect(readLabelledDates(['DATE OF ISSUE   DATE OF EXPIRY', '19/04/2022'])).toStrictEqual({
      ...NONE,
      expiryLabelled: true,
    });
  });

  it('reads DD MON YYYY with a second language after a slash, and mends look-alike digits', () => {
    expect(readLabelledDates(["Date of expiry / Date d'expiration", '25 MAY/MAI 2031'])).toStrictEqual({
      ...NONE,
      expiry: '2031-05-25',
      expiryLabelled: true,
    });
    expect(readLabelledDates(['4b. 0I.O1.2O2O'])).toStrictEqual({
      ...NONE,
      expiry: '2020-01-01',
      expiryLabelled: true,
    });
  });

  it('reads a US card month first, and only when told so', () => {
    const lines = ['DOB 02/01/1995', 'EXP 02/01/2023', 'ISS 06/28/2018'];
    expect(readLabelledDates(lines, 'month-first')).toStrictEqual({
      expiry: '2023-02-01',
      expiryLabelled: true,
      issue: '2018-06-28',
      birth: '1995-02-01',
      validityEnd: null,
    });
    // Read day first, 06/28 is no day, and 02/01 would be the 2nd of January: not ours to guess.
    expect(readLabelledDates(['EXPIRATION 11/20/2019'])).toStrictEqual({ ...NONE, expiryLabelled: true });
  });

  it('never takes a birth date, or a date before the issue date, for the expiry', () => {
    expect(readLabelledDates(['DATE OF BIRTH 01.02.1990', 'EXPIRY 01.02.1990']).expiry).toBeNull();
    expect(readLabelledDates(['4a. 01.02.2020', '4b. 01.02.2019']).expiry).toBeNull();
    // Two expiry labels naming two dates: neither is sure.
    expect(readLabelledDates(['EXPIRY 01.02.2030', 'VALID UNTIL 01.02.2031']).expiry).toBeNull();
  });

  it('takes the end of a validity period printed as a range, labelled or not', () => {
    expect(readLabelledDates(['有效期限 2018.11.07-2038.11.07'])).toStrictEqual({
      ...NONE,
      validityEnd: '2038-11-07',
      validityStart: '2018-11-07',
    });
    expect(readLabelledDates(['VALID UNTIL 01.02.2020 - 01.02.2030'])).toStrictEqual({
      ...NONE,
      expiry: '2030-02-01',
      expiryLabelled: true,
      validityEnd: '2030-02-01',
      validityStart: '2020-02-01',
    });
  });
});
