/**
 * Shaping (README.md, step 3): marks read beside the code are left out before the lines are fitted
 * to a layout, and the document code picks the layout among those of one size.
 */
import { describe, expect, it } from 'vitest';
import { glyphsOfText, type ReadGlyph } from '../../../src/pipeline/mrz/evidence.ts';
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
});
