import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrGlyph } from '../../../src/engines/types.ts';
import { scoreGlyphs } from '../../../src/pipeline/mrz/classifyGlyphs.ts';
import { MRZ_ALPHABET } from '../../../src/pipeline/types.ts';

/** OCR-B's capitals are 0.72 of the font size (scripts/fixtures/drawing.ts). */
const CAP_HEIGHT_PER_EM = 0.72;

/**
 * A line of MRZ print as a phone gives it: OCR-B (Debian's fonts-ocr-b) at `capHeightPx`, blurred
 * by `blurSigma`, one glyph per cell, with boxes round each glyph as tesseract reports them.
 */
async function printedLine(text: string, capHeightPx: number, blurSigma: number) {
  const size = capHeightPx / CAP_HEIGHT_PER_EM;
  // Wider than OCR-B's own advance, so that each cell holds one glyph: this tests telling glyphs
  // apart, not cutting a line into them (tesseract's job).
  const pitch = Math.round(size * 0.9);
  const width = pitch * (text.length + 2);
  const height = Math.round(capHeightPx * 3);
  const baseline = Math.round(capHeightPx * 2);
  const glyphs = [...text].map(
    (char, i) => `<text x="${pitch * (i + 1)}" y="${baseline}">${char === '<' ? '&lt;' : char}</text>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g font-family="OCR B" font-size="${size}" fill="#111">${glyphs.join('')}</g></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .blur(blurSigma)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = { width: info.width, height: info.height, data: new Uint8Array(data) };
  const boxes: OcrGlyph[] = [...text].map((char, i) => ({
    char,
    confidence: 50,
    box: {
      x0: pitch * (i + 1) - Math.round(size * 0.1),
      y0: baseline - Math.round(capHeightPx * 1.3),
      x1: pitch * (i + 1) + Math.round(size * 0.75),
      y1: baseline + 2,
    },
  }));
  return { image, boxes };
}

const bestOf = (scores: Float32Array | null) =>
  scores ? MRZ_ALPHABET[scores.indexOf(Math.max(...scores))] : null;

describe('scoreGlyphs', () => {
  // The pairs tesseract confused on ../shared/real-ids: M/H, B/8, 3/5, 0/O, N/W, and the filler.
  const line = 'P<CANMARTIN<<HWB8350OQDZ2S5G6<<';

  it('knows every MRZ character of sharp print by its outline', async () => {
    const { image, boxes } = await printedLine(MRZ_ALPHABET, 24, 0.3);
    const read = scoreGlyphs(image, boxes).map(bestOf).join('');
    expect(read).toBe(MRZ_ALPHABET);
  });

  it('tells the look-alikes apart in small, soft print (14 px capitals, 0.8 px blur)', async () => {
    const { image, boxes } = await printedLine(line, 14, 0.8);
    const read = scoreGlyphs(image, boxes).map(bestOf).join('');
    expect(read).toBe(line);
  });

  it('finds no glyph in a blank box', async () => {
    const { image, boxes } = await printedLine('AB', 14, 0.3);
    const blank = { ...boxes[0]!, box: { x0: 0, y0: 0, x1: 5, y1: 5 } };
    expect(scoreGlyphs(image, [blank, boxes[1]!])[0]).toBeNull();
  });
});
