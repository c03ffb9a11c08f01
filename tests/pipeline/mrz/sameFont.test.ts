/**
 * 0 and O settled by the document's own print: a 0 or O in a column that allows both is read as the
 * one whose glyphs elsewhere in the code (0 in the dates, O in the names) it looks like.
 */
import { describe, expect, it } from 'vitest';
import { GLYPH_GRID, type GlyphShape } from '../../../src/pipeline/mrz/classifyGlyphs.ts';
import { readOfText } from '../../../src/pipeline/mrz/evidence.ts';
import { MRZ_ALPHABET, MRZ_LAYOUTS } from '../../../src/pipeline/mrz/formats.ts';
import { repairMrz } from '../../../src/pipeline/mrz/repairMrz.ts';

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

describe('withOwnFont, through repairMrz', () => {
  const zero = ring(9);
  const oh = ring(15);

  it("reads an optional-data O as 0 when it looks like the dates' 0s, not the name's O", () => {
    const read = { ...readOfText(READ), shapes: shapesOf(zero, oh, zero) };
    expect(repairMrz(MRVA, read).lines[1]).toBe('555123ABC6GBR6502056F0412236IFLND00AMS803085');
  });

  it('leaves it an O when it looks like the O', () => {
    const read = { ...readOfText(READ), shapes: shapesOf(zero, oh, oh) };
    expect(repairMrz(MRVA, read).lines[1]).toBe(READ[1]);
  });

  it('leaves it as read where the document prints 0 and O alike, or without shapes', () => {
    const alike = { ...readOfText(READ), shapes: shapesOf(zero, zero, zero) };
    expect(repairMrz(MRVA, alike).lines[1]).toBe(READ[1]);
    expect(repairMrz(MRVA, readOfText(READ)).lines[1]).toBe(READ[1]);
  });

  it("makes no check hold by turning the document's own 0 into an O", () => {
    // ICAO 9303 part 4's specimen with another document number, 555401372, whose check digit and the
    // composite's fail as read; turning its 0 into an O (24, not 0) makes both hold, by chance. Read
    // as OCR-B's outlines might have it: the O a close second.
    const td3 = MRZ_LAYOUTS.find((layout) => layout.format === 'TD3')!;
    const lines = [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      '5554013720UTO7408122F1204159ZE184226B<<<<<12',
    ];
    const read = readOfText(lines);
    read.evidence[1]![4]![MRZ_ALPHABET.indexOf('O')] = 0.95;
    const shapes = lines.map((line) =>
      [...line].map((char) => (char === '0' ? zero : char === 'O' ? oh : null)),
    );
    expect(repairMrz(td3, read).lines[1]!.slice(0, 10)).toBe('5554O13720');
    // Printed as this document's 0s are: no longer an O (what else the repair tries is repairMrz's).
    expect(repairMrz(td3, { ...read, shapes }).lines[1]![4]).toBe('0');
  });
});
