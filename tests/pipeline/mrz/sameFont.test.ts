/**
 * 0 and O settled by the document's own print: a 0 or O in a column that allows both is made the one
 * whose glyphs elsewhere in the code (0 in the dates, O in the names) it looks like.
 */
import { describe, expect, it } from 'vitest';
import { GLYPH_GRID, type GlyphShape } from '../../../src/pipeline/mrz/classifyGlyphs.ts';
import { readOfText } from '../../../src/pipeline/mrz/evidence.ts';
import { MRZ_LAYOUTS } from '../../../src/pipeline/mrz/formats.ts';
import { settleByOwnFont } from '../../../src/pipeline/mrz/sameFont.ts';

const MRVA = MRZ_LAYOUTS.find((layout) => layout.format === 'MRVA')!;
// ../shared/real-ids' US visa, as read before: the optional data's first 0 read as O.
const READ = ['VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<', '555123ABC6GBR6502056F0412236IFLNDO0AMS803085'];

/** A ring `width` cells wide of the grid's height, centred: a 0 narrow, an O round. */
function ring(width: number): GlyphShape {
  const { width: gw, height: gh } = GLYPH_GRID;
  const ink = new Float32Array(gw * gh);
  const [cx, cy, rx, ry] = [(gw - 1) / 2, (gh - 1) / 2, width / 2, gh / 2];
  for (let y = 0; y < gh; y++)
    for (let x = 0; x < gw; x++) {
      const r = Math.hypot((x - cx) / rx, (y - cy) / ry);
      ink[y * gw + x] = r > 0.7 && r <= 1 ? 255 : 0;
    }
  return { ink, aspect: width / gh };
}

/** Shapes for READ: every 0 and O drawn as `zero` or `oh` as the truth has it, `atOptional` at column 33. */
function shapesOf(zero: GlyphShape, oh: GlyphShape, atOptional: GlyphShape) {
  return READ.map((line, l) =>
    [...line].map((char, column) =>
      l === 1 && column === 33 ? atOptional : char === '0' ? zero : char === 'O' ? oh : null,
    ),
  );
}

describe('settleByOwnFont', () => {
  const zero = ring(9);
  const oh = ring(15);

  it("makes an optional-data O a 0 when it looks like the dates' 0s, not the names' O", () => {
    const read = { ...readOfText(READ), shapes: shapesOf(zero, oh, zero) };
    expect(settleByOwnFont(MRVA, read, READ)).toStrictEqual([{ line: 1, column: 33, to: '0' }]);
  });

  it('leaves it an O when it looks like the O', () => {
    const read = { ...readOfText(READ), shapes: shapesOf(zero, oh, oh) };
    expect(settleByOwnFont(MRVA, read, READ)).toStrictEqual([]);
  });

  it('settles nothing where the document prints 0 and O alike', () => {
    const read = { ...readOfText(READ), shapes: shapesOf(zero, zero, zero) };
    expect(settleByOwnFont(MRVA, read, READ)).toStrictEqual([]);
  });

  it('settles nothing without shapes (text read elsewhere)', () => {
    expect(settleByOwnFont(MRVA, readOfText(READ), READ)).toStrictEqual([]);
  });
});
