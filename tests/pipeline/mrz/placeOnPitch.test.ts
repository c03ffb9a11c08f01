import { describe, expect, it } from 'vitest';
import { glyphsOfText, type ReadGlyph } from '../../../src/pipeline/mrz/evidence.ts';
import { placeOnPitch } from '../../../src/pipeline/mrz/placeOnPitch.ts';

// ICAO 9303 part 4, Appendix A: the specimen TD3's first line.
const LINE = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
/** Glyphs 14 px wide on a 21.3 px pitch from x = 40, as OCR would place them; `at` picks the columns. */
const PITCH = 21.3;
function placed(text: string, at: (i: number) => number = (i) => i): ReadGlyph[] {
  return glyphsOfText(text).map((glyph, i) => {
    const x0 = 40 + at(i) * PITCH;
    return { ...glyph, xSpan: [x0, x0 + 14] as const };
  });
}
const textOf = (glyphs: readonly ReadGlyph[] | null) => glyphs?.map((glyph) => glyph.char).join('') ?? null;

describe('placeOnPitch', () => {
  it('keeps a whole line as read', () => {
    expect(textOf(placeOnPitch(placed(LINE), 44))).toBe(LINE);
  });

  it('puts a mark read between two letters into their columns, not the rest of the line one along', () => {
    // `ERIKSSON` read `ERIKWSSON`: the W stands halfway between K and S.
    const misread = 'P<UTOERIKWSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const glyphs = placed(misread, (i) => (i <= 9 ? i : i - 1)).map((glyph, i) =>
      i === 9
        ? { ...glyph, confidence: 20, xSpan: [40 + 8.5 * PITCH, 40 + 8.5 * PITCH + 14] as const }
        : glyph,
    );
    expect(textOf(placeOnPitch(glyphs, 44))).toBe(LINE);
  });

  it('gives a dropped filler its own column back, and drops a mark beyond the start of the line', () => {
    // Fillers 30 and 31 dropped; a stray I two columns before the line.
    const dropped = placed(LINE.slice(0, 30) + LINE.slice(32), (i) => (i < 30 ? i : i + 2));
    const stray = { ...placed('I')[0]!, xSpan: [40 - 2 * PITCH, 40 - 2 * PITCH + 14] as const };
    expect(textOf(placeOnPitch([stray, ...dropped], 44))).toBe(LINE);
  });

  it('leaves text without places to be fitted by its count', () => {
    expect(placeOnPitch(glyphsOfText(LINE), 44)).toBeNull();
  });
});
