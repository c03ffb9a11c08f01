/**
 * Our own MRZ reader (issue 13) on the fixtures' rectified codes, as readMrz crops them for OCR: a
 * clean TD3 and TD1 read whole by OCR-B's outlines and settled with no tesseract call; a blurred code
 * and a one-line licence code, not (tesseract reads them, as before).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OcrEngine, OpenCv } from '../../../src/engines/types.ts';
import { cropGrey, toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { readCodeByOutlines } from '../../../src/pipeline/mrz/readCodeByOutlines.ts';
import { readMrz } from '../../../src/pipeline/mrz/readMrz.ts';
import { settleByOutlines } from '../../../src/pipeline/mrz/settleByOutlines.ts';
import { rectIn } from '../../../src/pipeline/types.ts';
import { loadManifest } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

const truthOf = (file: string) => loadManifest().images.find((entry) => entry.file === file)!.document.mrz;

/** The document's first MRZ band, the whole width, with readMrz's margin, scaled for OCR at 32 px. */
async function codeCrop(file: string): Promise<GreyImage> {
  const document = toGreyscale(await rectifiedFixture(cv, file));
  const [band] = locateMrzBands(cv, plainMrzImage(cv, document).search(), 0.55);
  const margin = band!.lineHeight * 0.9;
  const y0 = Math.max(0, Math.floor(band!.box.y - margin));
  const y1 = Math.min(document.height, Math.ceil(band!.box.y + band!.box.height + margin));
  const pixels = cropGrey(document, rectIn('image', 0, y0, document.width, y1 - y0));
  return cropForOcr({ cv }, pixels, band!.lineHeight, 32);
}

describe('readCodeByOutlines', () => {
  it.each(['gbr-passport-clean-1.jpg', 'fra-id-card-clean-1.jpg'])(
    'reads every line of %s, a glyph per column, boxes left to right in the crop',
    async (file) => {
      const crop = await codeCrop(file);
      const lines = readCodeByOutlines(cv, crop, 32);
      expect(lines.map((line) => line.text)).toStrictEqual(truthOf(file));
      for (const line of lines) {
        expect(line.glyphs.map((glyph) => glyph.char).join('')).toBe(line.text);
        const lefts = line.glyphs.map((glyph) => glyph.box.x0);
        expect(lefts).toStrictEqual([...lefts].sort((a, b) => a - b));
        expect(line.box.x0).toBeGreaterThanOrEqual(0);
        expect(line.box.x1).toBeLessThanOrEqual(crop.width);
        expect(line.confidence).toBeGreaterThan(0);
      }
    },
  );

  it('finds no code grid in the one-line licence code (one row: not a two- or three-line code)', async () => {
    expect(readCodeByOutlines(cv, await codeCrop('fra-driving-licence-clean-1.jpg'), 32)).toStrictEqual([]);
  });
});

describe('settleByOutlines', () => {
  it('settles the clean passport, every character as printed, nothing repaired', async () => {
    const settled = settleByOutlines(cv, await codeCrop('gbr-passport-clean-1.jpg'), 32);
    expect(settled && [settled.layout.format, settled.reading.lines, settled.reading.repairs]).toStrictEqual([
      'TD3',
      truthOf('gbr-passport-clean-1.jpg'),
      [],
    ]);
  });

  it.each(['deu-id-card-blur-3.jpg', 'gbr-passport-blur-3.jpg'])(
    'refuses the blurred code of %s (not read for certain)',
    async (file) => {
      expect(settleByOutlines(cv, await codeCrop(file), 32)).toBeNull();
    },
  );
});

/** An OCR engine that counts its MRZ reads and finds nothing. */
function countingOcr(): OcrEngine & { reads: number } {
  const ocr = {
    reads: 0,
    readMrz: async () => {
      ocr.reads++;
      return [];
    },
    readPrintedText: async () => [],
    loaded: async () => {},
    terminate: async () => {},
  };
  return ocr;
}

describe('readMrz with our own reader first', () => {
  const read = async (file: string) => {
    const ocr = countingOcr();
    const document = await rectifiedFixture(cv, file);
    const found = await readMrz({ cv, ocr }, plainMrzImage(cv, document), {
      minLineShare: 0.55,
      turns: [0],
      fullWidth: true,
    });
    return { reads: ocr.reads, lines: found?.reading.lines ?? null };
  };

  it('reads the clean passport with no tesseract call', async () => {
    expect(await read('gbr-passport-clean-1.jpg')).toStrictEqual({
      reads: 0,
      lines: truthOf('gbr-passport-clean-1.jpg'),
    });
  });

  it('leaves the blurred card to tesseract (which finds nothing here)', async () => {
    const { reads, lines } = await read('deu-id-card-blur-3.jpg');
    expect([reads > 0, lines]).toStrictEqual([true, null]);
  });
});
