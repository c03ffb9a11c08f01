import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../src/engines/types.ts';
import { codeEndBeforeMarks } from '../../../src/pipeline/mrz/marksBeyondCode.ts';

const PITCH = 20;

/** A line as OCR gives it: each glyph 14 px wide, a pitch apart from x = 40. */
function line(text: string): OcrLine {
  const glyphs = [...text].map((char, i) => ({
    char,
    confidence: 80,
    box: { x0: 40 + i * PITCH, y0: 0, x1: 54 + i * PITCH, y1: 20 },
  }));
  return { text, glyphs, confidence: 80, box: { x0: 40, y0: 0, x1: 54 + (text.length - 1) * PITCH, y1: 20 } };
}

// A UK visa's MRV-B code (../shared/real-ids), with a number written by hand beyond its end read as UB.
const NAME_LINE = 'VDGBRMUNIR<<FAISAL<<<<<<<<<<<<<<<<<<';
const SECOND_LINE = 'AD07259817PAK7608151M0611165<<<<<<<<';

describe('codeEndBeforeMarks', () => {
  it("ends the code at the first mark past the name line's last filler", () => {
    // The marks stand on the pitch: the first, the 37th glyph, starts at 40 + 36 × 20.
    expect(codeEndBeforeMarks([line(`${NAME_LINE}UB`), line(SECOND_LINE)])).toBe(40 + 36 * PITCH);
  });

  it('ends it half a pitch past the last filler when the marks stand further off', () => {
    const name = line(`${NAME_LINE}UB`);
    const off = (glyph: OcrLine['glyphs'][number]) => ({
      ...glyph,
      box: { ...glyph.box, x0: glyph.box.x0 + 100, x1: glyph.box.x1 + 100 },
    });
    const glyphs = [...name.glyphs.slice(0, 36), ...name.glyphs.slice(36).map(off)];
    // The last filler's right edge is at 40 + 35 × 20 + 14.
    expect(codeEndBeforeMarks([{ ...name, glyphs }, line(SECOND_LINE)])).toBe(40 + 35 * PITCH + 14 + 10);
  });

  it('takes the name line as the last of three lines (TD1)', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6'];
    expect(codeEndBeforeMarks([...td1.map(line), line('ERIKSSON<<ANNA<MARIA<<<<<<<<<<K')])).toBe(
      40 + 30 * PITCH,
    );
  });

  it('finds nothing to cut when the name line ends in fillers, or in more than a few marks', () => {
    expect(codeEndBeforeMarks([line(NAME_LINE), line(`${SECOND_LINE}UB`)])).toBeNull();
    expect(codeEndBeforeMarks([line(`${NAME_LINE}UBXYZ`), line(SECOND_LINE)])).toBeNull();
  });

  it('finds nothing to cut after a short run of fillers: a name, not its tail', () => {
    expect(codeEndBeforeMarks([line('P<UTOERIKSSON<<ANNA<MARIA<<<<<X'), line(SECOND_LINE)])).toBeNull();
  });
});
