import { describe, expect, it } from 'vitest';
import { MRZ_ALPHABET } from '../../../src/pipeline/types.ts';
import { glyphsOfText, type ReadGlyph } from '../../../src/pipeline/mrz/evidence.ts';
import { isPlausibleReading } from '../../../src/pipeline/mrz/plausibility.ts';
import { repairMrz } from '../../../src/pipeline/mrz/repairMrz.ts';
import { shapeMrzLines } from '../../../src/pipeline/mrz/shapeMrzLines.ts';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('shapeMrzLines', () => {
  it('recognises a TD3 and mends a dropped filler inside a run', () => {
    const shaped = shapeMrzLines([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<',
      ' L898902C36UTO7408122F1204159ZE184226B<<<<<10 ',
    ]);
    expect(shaped?.layout.format).toBe('TD3');
    expect(shaped?.read.lines).toStrictEqual(TD3);
  });

  it("takes an old French card's 2x36 lines for its own layout, not TD2's, and reads them without repair", () => {
    // The specimen of image-js/mrz-detection (id1.jpg); mrz's frenchNationalIdFields.ts for the fields.
    const french = ['IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<', '9409923102854CORINNE<<<<<<<6512068F4'];
    const shaped = shapeMrzLines(french)!;
    expect(shaped.layout.format).toBe('FRENCH_NATIONAL_ID');
    const reading = repairMrz(shaped.layout, shaped.read);
    expect(reading.lines).toStrictEqual(french);
    expect(reading.checks).toStrictEqual([
      { field: 'documentNumber', valid: true, readable: true },
      { field: 'birthDate', valid: true, readable: true },
      { field: 'composite', valid: true, readable: true },
    ]);
    expect(isPlausibleReading(shaped.layout, reading)).toBe(true);
    // A TD2 card of another state keeps TD2's fields.
    expect(
      shapeMrzLines(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'])?.layout
        .format,
    ).toBe('TD2');
  });

  it('drops marks read before a passport’s code, and takes no 44-character line without P for a passport', () => {
    // passporteye/79_pass-hun was read `EWP<HUN…`: two marks beside the code, not a document code `EW`.
    const marked = shapeMrzLines([`EW${TD3[0]!}`, TD3[1]!]);
    expect([marked?.layout.format, marked?.read.lines]).toStrictEqual(['TD3', TD3]);
    // ICAO 9303 part 4: the TD3 size is a passport's (P) or an MRV-A visa's (V), nothing else's.
    expect(shapeMrzLines([`Z${TD3[0]!.slice(1)}`, TD3[1]!])).toBeNull();
  });

  it('finds no MRZ in ordinary text', () => {
    expect(shapeMrzLines(['DRIVING LICENCE', 'SMITH', 'JOHN'])).toBeNull();
  });
});

describe('repairMrz', () => {
  const td3 = shapeMrzLines(TD3)!.layout;

  it('leaves a valid MRZ as it is', () => {
    const reading = repairMrz(td3, TD3);
    expect(reading.lines).toStrictEqual(TD3);
    expect(reading.repairs).toStrictEqual([]);
    expect(reading.checks.every((check) => check.valid)).toBe(true);
  });

  it('fills the name field with fillers after its first run of three (a stray mark read as H)', () => {
    const reading = repairMrz(td3, [TD3[0]!.slice(0, -1) + 'H', TD3[1]!]);
    expect(reading.lines).toStrictEqual(TD3);
    expect(repairMrz(td3, ['P<UTOERIKSSON<<ANNA<<<K<MARIA<<<<<<<<<<<<<<<', TD3[1]!]).lines[0]).toBe(
      'P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<',
    );
  });

  it('turns letters in date columns into the digits they look like', () => {
    const misread = [TD3[0]!, 'L898902C36UTO74O8122F12O4159ZE184226B<<<<<10'];
    const reading = repairMrz(td3, misread);
    expect(reading.lines).toStrictEqual(TD3);
    expect(reading.checks.every((check) => check.valid)).toBe(true);
  });

  it('repairs a document number only where its check digit proves it (8 read as B)', () => {
    const misread = [TD3[0]!, 'LB98902C36UTO7408122F1204159ZE184226B<<<<<10'];
    const reading = repairMrz(td3, misread);
    expect(reading.lines).toStrictEqual(TD3);
    expect(reading.repairs).toStrictEqual([{ line: 1, column: 1, from: 'B', to: '8' }]);
  });

  it('does not invent a repair for a wrong check digit, and marks the field suspect', () => {
    const wrong = [TD3[0]!, 'L898902C36UTO7408122F1204153ZE184226B<<<<<10'];
    const reading = repairMrz(td3, wrong);
    expect(reading.checks.find((check) => check.field === 'expirationDate')?.valid).toBe(false);
    expect(reading.suspect[1]).toContain(21);
  });
});

/** A glyph whose outline is most like `likest` (0.8), a little like `also` (0.55), and unlike the rest. */
function glyph(char: string, confidence: number, likest: string, also = ''): ReadGlyph {
  const likeness = Float32Array.from(MRZ_ALPHABET, (c) =>
    c === likest ? 0.8 : also.includes(c) ? 0.55 : 0.1,
  );
  return { char, confidence, likeness };
}

describe('repairMrz with outline evidence', () => {
  const withGlyph = (line: number, column: number, read: ReadGlyph) =>
    TD3.map((text, i) => {
      const glyphs: ReadGlyph[] = glyphsOfText(text);
      if (i === line) glyphs[column] = read;
      return glyphs;
    });

  it("takes the outline's M over tesseract's unsure H in a name, which no check digit guards", () => {
    const shaped = shapeMrzLines(withGlyph(0, 20, glyph('H', 40, 'M', 'H')))!;
    expect(repairMrz(shaped.layout, shaped.read).lines).toStrictEqual(TD3);
  });

  it("keeps tesseract's sure H when the outline barely prefers another letter", () => {
    const shaped = shapeMrzLines(withGlyph(0, 20, glyph('H', 95, 'N', 'H')))!;
    expect(repairMrz(shaped.layout, shaped.read).lines[0]![20]).toBe('H');
  });

  it('repairs a failing check with the character the outline favours (8 for B, not another digit)', () => {
    // Column 36 holds B; tesseract read 8, and the outline says B: the personal number's check picks B.
    const shaped = shapeMrzLines(withGlyph(1, 36, glyph('8', 90, 'B', '8')))!;
    const reading = repairMrz(shaped.layout, shaped.read);
    expect(reading.lines).toStrictEqual(TD3);
    expect(reading.checks.every((check) => check.valid)).toBe(true);
  });
});

describe('repairMrz with evidence below zero for every character', () => {
  /** A glyph like no outline: `likeness` for the characters named, -0.9 for the rest. */
  const unlike = (char: string, likeness: Record<string, number>): ReadGlyph => ({
    char,
    confidence: 0,
    likeness: Float32Array.from(MRZ_ALPHABET, (c) => likeness[c] ?? -0.9),
  });
  const withGlyph = (line: number, column: number, read: ReadGlyph) =>
    TD3.map((text, i) => {
      const glyphs: ReadGlyph[] = glyphsOfText(text);
      if (i === line) glyphs[column] = read;
      return glyphs;
    });

  it('takes a smeared filler for the filler it is far likelier to be than the letter read', () => {
    // ../shared/real-photos' dim AZE page: a filler at -0.45, the C read there under -0.9. In a visa's
    // optional data (ICAO 9303 part 7's MRV-A specimen), which no check digit guards.
    const visa = [
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ];
    const glyphs = visa.map((text) => glyphsOfText(text));
    glyphs[1]![40] = unlike('C', { '<': -0.45 });
    const shaped = shapeMrzLines(glyphs)!;
    expect([shaped.layout.format, repairMrz(shaped.layout, shaped.read).lines]).toStrictEqual(['MRVA', visa]);
  });

  it('keeps the letter read where another leads it by less than 0.2', () => {
    const shaped = shapeMrzLines(withGlyph(0, 16, unlike('N', { N: -0.5, M: -0.4 })))!;
    expect(repairMrz(shaped.layout, shaped.read).lines).toStrictEqual(TD3);
  });
});

describe('repairMrz on a misprinted code', () => {
  // image-js/mrz-detection's id_fail.png (../shared/real-photos): an Austrian specimen whose expiry
  // check digit is missing, so `AUT` stands one place early and its A sits in a digits-only column.
  const PRINTED = [
    'IDAUT000009993<<<<<<<<<<<<<<<<',
    '7109094F111231AUT<<<<<<<<<<<<0',
    'MUSTERFRAU<<ISOLDE<<<<<<<<<<<<',
  ];
  const read = (a: ReadGlyph) =>
    PRINTED.map((text, i) => {
      const glyphs = glyphsOfText(text);
      if (i === 1) glyphs[14] = a;
      return glyphs;
    });

  it('keeps a sure letter in a digits-only column as printed when no check guarding it holds', () => {
    const shaped = shapeMrzLines(read(glyph('A', 90, 'A', '4')))!;
    const reading = repairMrz(shaped.layout, shaped.read);
    expect(reading.lines).toStrictEqual(PRINTED);
    expect(reading.checks.filter((check) => !check.valid).map((check) => check.field)).toStrictEqual([
      'documentNumber',
      'expirationDate',
      'composite',
    ]);
  });

  it('makes an unsure one the digit it looks like, as the column says', () => {
    const shaped = shapeMrzLines(read(glyph('A', 30, '4', 'A')))!;
    expect(repairMrz(shaped.layout, shaped.read).lines[1]![14]).toBe('4');
  });
});

describe('isPlausibleReading', () => {
  it('takes a real MRZ and refuses print forced into MRZ shape', () => {
    const real = shapeMrzLines(TD3)!;
    expect(isPlausibleReading(real.layout, repairMrz(real.layout, real.read.lines))).toBe(true);
    const noise = shapeMrzLines(['DDDDDDDDDDDDDD000085KVDDZVNWIX'])!;
    expect(noise.layout.format).toBe('FRENCH_DRIVING_LICENSE');
    expect(isPlausibleReading(noise.layout, repairMrz(noise.layout, noise.read.lines))).toBe(false);
  });

  it('refuses a reading whose document code its layout is not for, whatever its issuer', () => {
    const real = shapeMrzLines(TD3)!;
    const reading = repairMrz(real.layout, real.read.lines);
    const recoded = { ...reading, lines: [`X${TD3[0]!.slice(1)}`, TD3[1]!] };
    expect(isPlausibleReading(real.layout, recoded)).toBe(false);
  });
});
