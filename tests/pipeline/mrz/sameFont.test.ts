/**
 * 0 and O settled by the document's own print: a 0 or O in a column that allows both is made the one
 * whose glyphs elsewhere in the code (0 in the dates, O in the names) it looks like.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { GLYPH_GRID, type GlyphShape } from '../../../src/pipeline/mrz/classifyGlyphs.ts';
import { readOfText } from '../../../src/pipeline/mrz/evidence.ts';
import { MRZ_ALPHABET, MRZ_LAYOUTS } from '../../../src/pipeline/mrz/formats.ts';
import { OCRB_GLYPHS } from '../../../src/pipeline/mrz/ocrbGlyphs.ts';
import { holeCount, settleByOwnFont, unlikeOwnHoles } from '../../../src/pipeline/mrz/sameFont.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const MRVA = MRZ_LAYOUTS.find((layout) => layout.format === 'MRVA')!;
// ../shared/real-ids' US visa, as read before: the optional data's first 0 read as O.
const READ = ['VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<', '555123ABC6GBR6502056F0412236IFLNDO0AMS803085'];

/**
 * A ring `width` cells wide of the grid's height, centred: a 0 narrow, an O round; `open`, without its
 * right-hand third between a quarter and three quarters of its height, a C; `filled`, a blot.
 */
function ring(width: number, { open = false, filled = false } = {}): GlyphShape {
  const { width: gw, height: gh } = GLYPH_GRID;
  const ink = new Float32Array(gw * gh);
  const [cx, cy, rx, ry] = [(gw - 1) / 2, (gh - 1) / 2, width / 2, gh / 2];
  for (let y = 0; y < gh; y++)
    for (let x = 0; x < gw; x++) {
      const r = Math.hypot((x - cx) / rx, (y - cy) / ry);
      const gap = open && x > cx + rx / 3 && y > gh / 4 && y < (gh * 3) / 4;
      ink[y * gw + x] = (r > 0.7 || filled) && r <= 1 && !gap ? 255 : 0;
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

describe('holeCount', () => {
  it('counts the holes a glyph encloses: one in a ring, none in a C or a blot', () => {
    expect([ring(12), ring(12, { open: true }), ring(12, { filled: true })].map(holeCount)).toStrictEqual([
      1, 0, 0,
    ]);
  });

  it('counts two in a B and an 8 of OCR-B, one in a 0, A, D, P and Q, none in a C, K or <', () => {
    const outline = (char: string): GlyphShape => ({
      ink: Float32Array.from(atob(OCRB_GLYPHS[char]!.ink), (byte) => byte.charCodeAt(0)),
      aspect: 1,
    });
    expect([...'B80ADPQCK<'].map((char) => holeCount(outline(char)))).toStrictEqual([
      2, 2, 1, 1, 1, 1, 1, 0, 0, 0,
    ]);
  });
});

describe('unlikeOwnHoles', () => {
  const TD3 = MRZ_LAYOUTS.find((layout) => layout.format === 'TD3')!;
  // ICAO 9303 part 4's specimen, its holder's M (column 20) read O: a C in a face that is not OCR-B.
  const LINES = [
    'P<UTOERIKSSON<<ANNA<OARIA<<<<<<<<<<<<<<<<<<<',
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
  ];
  /** The read, every 0 drawn `zero`; the glyph at column 20 `atName`, its outlines O 0.57, C 0.55. */
  function readWith(zero: GlyphShape, atName: GlyphShape) {
    const read = readOfText(LINES);
    const evidence = read.evidence.map((line) => [...line]);
    evidence[0]![20] = Float32Array.from(MRZ_ALPHABET, (c) => ({ O: 0.8, '0': 0.78, C: 0.55 })[c] ?? -0.2);
    const shapes = LINES.map((line, l) =>
      [...line].map((char, column) => (l === 0 && column === 20 ? atName : char === '0' ? zero : null)),
    );
    return { ...read, evidence, shapes };
  }

  it("makes a name's O a C when its glyph encloses no hole and the code's own 0s each enclose one", () => {
    expect(unlikeOwnHoles(TD3, readWith(ring(9), ring(14, { open: true })), LINES)).toStrictEqual([
      { line: 0, column: 20, to: 'C' },
    ]);
  });

  it('leaves it an O where it encloses the hole the 0s do', () => {
    expect(unlikeOwnHoles(TD3, readWith(ring(9), ring(14)), LINES)).toStrictEqual([]);
  });

  it("leaves it an O where blur filled the code's own 0s (../shared's dim AZE page)", () => {
    expect(
      unlikeOwnHoles(TD3, readWith(ring(9, { filled: true }), ring(14, { open: true })), LINES),
    ).toStrictEqual([]);
  });
});

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

describe.skipIf(!existsSync(join(REAL_PHOTOS, 'manifest.json')))('on ../shared/real-photos', () => {
  let engines: Engines;
  beforeAll(async () => {
    engines = await loadNodeEngines();
  });
  afterAll(() => engines.ocr.terminate());

  it("reads the US passport's code exactly, its C of CALLIE no O though its face is not OCR-B", async () => {
    const photo = await readFile(join(REAL_PHOTOS, 'dynamsoft/passport-sample.jpg'));
    const report = await checkDocument(await decodePhotoForCheck(photo), engines, { today: '2026-06-01' });
    expect(report.document.mrz).toStrictEqual([
      'P<USANELSON<<CALLIE<<<<<<<<<<<<<<<<<<<<<<<<<',
      '4220167749USA8810171F2712239572615374<585990',
    ]);
  });
});
