/**
 * Shaping (README.md, step 3): marks read beside the code are left out before the lines are fitted
 * to a layout, and the document code picks the layout among those of one size.
 */
import { describe, expect, it } from 'vitest';
import { glyphsOfText, type ReadGlyph } from '../../../src/pipeline/mrz/evidence.ts';
import { MRZ_ALPHABET } from '../../../src/pipeline/mrz/formats.ts';
import { shapeMrzLines } from '../../../src/pipeline/mrz/shapeMrzLines.ts';

// ICAO 9303 part 7, Appendix: the specimen MRV-B visa of Utopia (two lines of 36).
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];
const PITCH = 20;

/** A line as OCR places it: one glyph a pitch from `x0` on. */
function placed(text: string, x0: number): ReadGlyph[] {
  return glyphsOfText(text).map((glyph, i) => ({
    ...glyph,
    xSpan: [x0 + i * PITCH, x0 + i * PITCH + 14] as const,
  }));
}

describe('shapeMrzLines', () => {
  it('reads two lines of 36 starting V as an MRV-B visa, not TD2 (ICAO 9303 part 6: A, C or I)', () => {
    expect(shapeMrzLines(MRVB)?.layout.format).toBe('MRVB');
    expect(shapeMrzLines(['9' + MRVB[0]!, MRVB[1]!])?.layout.format).toBe('MRVB');
  });

  it("drops a mark before a visa's code, known by the issuing state after its two letters", () => {
    const shaped = shapeMrzLines([placed('9' + MRVB[0]!, 80 - PITCH), placed(MRVB[1]!, 80)]);
    expect(shaped?.read.lines).toStrictEqual(MRVB);
  });

  it("drops glyphs wholly left of the first line's start from a line too long", () => {
    const shaped = shapeMrzLines([placed(MRVB[0]!, 80), placed('E' + MRVB[1]!, 80 - PITCH)]);
    expect(shaped?.read.lines).toStrictEqual(MRVB);
  });

  it('keeps a first glyph of a line of the right length, however far left', () => {
    const shaped = shapeMrzLines([placed(MRVB[0]!, 80), placed(MRVB[1]!, 80 - PITCH)]);
    expect(shaped?.read.lines).toStrictEqual(MRVB);
  });

  it('takes a document code no layout has from the outlines where they lead what tesseract read by 0.2', () => {
    const outlined = (lead: number) => [
      withLikeness(TD3[0]!, 'F', { P: 0.25 + lead, F: 0.25 }),
      glyphsOfText(TD3[1]!),
    ];
    // The halved Turkish passport's P, read F: the outlines led it by 0.23-0.26.
    const shaped = shapeMrzLines(outlined(0.23));
    expect(shaped?.layout.format).toBe('TD3');
    expect(shaped?.read.lines).toStrictEqual(TD3);
    expect(shapeMrzLines(outlined(0.15))).toBeNull();
  });

  it("leaves a code tesseract read as some layout's, whatever the outlines say", () => {
    const visa = `V${TD3[0]!.slice(1)}`;
    const shaped = shapeMrzLines([withLikeness(visa, 'V', { P: 0.9, V: 0.2 }), glyphsOfText(TD3[1]!)]);
    expect(shaped?.layout.format).toBe('MRVA');
    expect(shaped?.read.lines[0]).toBe(visa);
  });

  it("reads no one-line licence out of a passport's name line: its code is D and a digit", () => {
    // MIDV-500's German passport, its name line at 7 px: `P<` dropped as marks, `D<<MUS…` was a licence.
    expect(shapeMrzLines(['P<D<<MUSTERHANN<<EDIKAUUNWUUUNUHN'])).toBeNull();
    expect(shapeMrzLines(['D1FRA19AB458716320417LEFEVRE<7'])?.layout.format).toBe('FRENCH_DRIVING_LICENSE');
  });
});

// ICAO 9303 part 4, Appendix: the specimen passport of Utopia.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/**
 * A line as read, its first glyph read as `char` and given the outlines' likeness `likeness` (every
 * other character 0).
 */
function withLikeness(text: string, char: string, likeness: Readonly<Record<string, number>>): ReadGlyph[] {
  const first = new Float32Array(MRZ_ALPHABET.length);
  for (const [c, value] of Object.entries(likeness)) first[MRZ_ALPHABET.indexOf(c)] = value;
  const [, ...rest] = glyphsOfText(text);
  return [{ char, confidence: 80, likeness: first }, ...rest];
}
