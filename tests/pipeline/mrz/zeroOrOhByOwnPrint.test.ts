/**
 * 0 or O settled by the document's own print, on codes our reader read from real bytes: the fixtures'
 * clean passport (its document number's 0, against its dates' 0s and OLIVIA's O) and, where
 * ../shared is present, prado's Turkish passport, whose document number U000002613 OCR-B's outlines
 * left in doubt (each 0 led its O by 0.15-0.18).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { cropGrey, toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { glyphShapes, scoreGlyphs } from '../../../src/pipeline/mrz/classifyGlyphs.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { readCodeByOutlines } from '../../../src/pipeline/mrz/readCodeByOutlines.ts';
import { shapeMrzLines } from '../../../src/pipeline/mrz/shapeMrzLines.ts';
import { zeroOrOhByOwnPrint } from '../../../src/pipeline/mrz/zeroOrOhByOwnPrint.ts';
import { rectIn } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const PRADO_TUR = join(PROJECT_ROOT, '..', 'shared', 'real-photos', 'prado', 'TUR-AO-02001_O.jpg');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** The image's first MRZ band (at least `minLineShare` of its width) as our reader shapes it. */
function shapedCode(image: GreyImage, minLineShare: number) {
  const [band] = locateMrzBands(cv, plainMrzImage(cv, image).search(), minLineShare);
  const margin = band!.lineHeight * 0.9;
  const x0 = Math.max(0, Math.floor(band!.box.x - margin));
  const x1 = Math.min(image.width, Math.ceil(band!.box.x + band!.box.width + margin));
  const y0 = Math.max(0, Math.floor(band!.box.y - margin));
  const y1 = Math.min(image.height, Math.ceil(band!.box.y + band!.box.height + margin));
  const crop = cropForOcr(
    { cv },
    cropGrey(image, rectIn('image', x0, y0, x1 - x0, y1 - y0)),
    band!.lineHeight,
    32,
  );
  const lines = readCodeByOutlines(cv, crop, 32).map((line) => {
    const likeness = scoreGlyphs(crop, line.glyphs);
    const shapes = glyphShapes(crop, line.glyphs);
    return line.glyphs.map((glyph, i) => ({
      char: glyph.char,
      confidence: glyph.confidence,
      likeness: likeness[i]!,
      shape: shapes[i]!,
    }));
  });
  return shapeMrzLines(lines)!;
}

describe('zeroOrOhByOwnPrint', () => {
  it("settles the clean passport's document-number 0, and nothing a column or the pair does not concern", async () => {
    const { layout, read } = shapedCode(
      toGreyscale(await rectifiedFixture(cv, 'gbr-passport-clean-1.jpg')),
      0.55,
    );
    expect(read.lines[1]!.slice(0, 10)).toBe('5334013720');
    const settled = zeroOrOhByOwnPrint(layout, read);
    // Line 2: the document number's 0 (column 4), the 1 beside it, the birth date's 0 (a digits-only column).
    expect([settled(1, 4), settled(1, 5), settled(1, 15)]).toStrictEqual([true, false, false]);
  });

  it.skipIf(!existsSync(PRADO_TUR))(
    "settles each 0 of prado's Turkish passport's document number",
    async () => {
      const photo = toGreyscale(await decodePhoto(await readFile(PRADO_TUR)));
      const { layout, read } = shapedCode(photo, 0.25);
      expect(read.lines[1]!.slice(0, 10)).toBe('U000002613');
      const settled = zeroOrOhByOwnPrint(layout, read);
      expect([1, 2, 3, 4, 5].map((column) => settled(1, column))).toStrictEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
    },
  );
});
