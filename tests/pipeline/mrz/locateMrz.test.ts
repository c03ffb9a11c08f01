/**
 * locateMrzBands on MRZs drawn here as rows of glyph-sized blocks, whose boxes are known to the pixel,
 * and on the rectified fixtures, whose line count the manifest gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import type { GreyImage } from '../../../src/pipeline/image.ts';
import { toGreyscale } from '../../../src/pipeline/image.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { loadManifest } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** Glyphs as dark blocks 12 × 16 px at an 18 px pitch (OCR-B's is even), on a light page. */
const GLYPH = { width: 12, height: 16, pitch: 18 };

/** A 900 × 400 page at grey 230 with these lines of glyphs: [x, y, glyph count]; and dark boxes. */
function page(
  lines: readonly (readonly [number, number, number])[],
  boxes: readonly (readonly [number, number, number, number])[] = [],
): GreyImage {
  const width = 900;
  const data = new Uint8Array(width * 400).fill(230);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) data.fill(30, y * width + x0, y * width + x0 + w);
  };
  for (const [x, y, count] of lines)
    for (let i = 0; i < count; i++) fill(x + i * GLYPH.pitch, y, GLYPH.width, GLYPH.height);
  for (const [x, y, w, h] of boxes) fill(x, y, w, h);
  return { width, height: 400, data };
}

/** A line of n glyphs is this wide. */
const lineWidth = (glyphs: number) => (glyphs - 1) * GLYPH.pitch + GLYPH.width;

describe('locateMrzBands', () => {
  it('finds two TD3 lines as one band, best, and the band the lower line starts, in full-size pixels', () => {
    // A portrait (a dark box bigger than a stroke) and a short line of print above the MRZ.
    const image = page(
      [
        [54, 300, 44],
        [54, 330, 44],
        [300, 120, 12],
      ],
      [[60, 60, 160, 200]],
    );
    const width = lineWidth(44);
    // Searched at half size: boxes and heights come back doubled; the score stays in search pixels
    // (the order of its arithmetic is no concern of the test's, hence closeTo).
    const lowness = 0.6 + (0.4 * 346) / 400;
    expect(locateMrzBands(cv, { image, scale: 0.5 }, 0.55)).toStrictEqual([
      {
        box: { x: 108, y: 600, width: 2 * width, height: 92 },
        lineCount: 2,
        lineHeight: 32,
        score: expect.closeTo(2 * width * lowness, 9),
      },
      {
        box: { x: 108, y: 660, width: 2 * width, height: 32 },
        lineCount: 1,
        lineHeight: 32,
        score: expect.closeTo(width * lowness, 9),
      },
    ]);
  });

  it('stacks three lines (TD1), and takes no line shorter than the share of the width asked for', () => {
    // 30 glyphs span 534 px: 59% of the page.
    const td1 = page([
      [100, 250, 30],
      [100, 280, 30],
      [100, 310, 30],
    ]);
    const width = lineWidth(30);
    const lowness = 0.6 + (0.4 * 326) / 400;
    expect(locateMrzBands(cv, { image: td1, scale: 1 }, 0.6)).toStrictEqual([]);
    expect(locateMrzBands(cv, { image: td1, scale: 1 }, 0.55)).toStrictEqual([
      {
        box: { x: 100, y: 250, width, height: 76 },
        lineCount: 3,
        lineHeight: 16,
        score: expect.closeTo(3 * width * lowness, 9),
      },
      {
        box: { x: 100, y: 280, width, height: 46 },
        lineCount: 2,
        lineHeight: 16,
        score: expect.closeTo(2 * width * lowness, 9),
      },
      {
        box: { x: 100, y: 310, width, height: 16 },
        lineCount: 1,
        lineHeight: 16,
        score: expect.closeTo(width * lowness, 9),
      },
    ]);
  });

  it('stacks no more than three lines: of four, the lowest three make the best band (ICAO’s MRZ is at the bottom)', () => {
    const four = page([
      [100, 220, 44],
      [100, 250, 44],
      [100, 280, 44],
      [100, 310, 44],
    ]);
    const [best] = locateMrzBands(cv, { image: four, scale: 1 }, 0.55);
    expect([best?.lineCount, best?.box]).toStrictEqual([
      3,
      { x: 100, y: 250, width: lineWidth(44), height: 76 },
    ]);
  });

  it('keeps lines apart that are not evenly stacked: a gap over 1.6 line heights ends a band', () => {
    const bands = locateMrzBands(
      cv,
      {
        image: page([
          [54, 200, 44],
          [54, 245, 44],
        ]),
        scale: 1,
      },
      0.55,
    );
    // Each line its own band, the lower one first.
    expect(bands.map((band) => [band.box.y, band.lineCount])).toStrictEqual([
      [245, 1],
      [200, 1],
    ]);
  });

  it('cuts a line to its print rows when a stamp joins onto it, and stacks it with the next', () => {
    // A stamp's stroke 2 px high over the first line, joined to it by three thin uprights: the line's
    // blob is then 31 px high, not 16, and would not stack with the line below.
    const stamp: [number, number, number, number][] = [
      [100, 285, 600, 2],
      ...[150, 400, 650].map((x): [number, number, number, number] => [x, 285, 2, 15]),
    ];
    const image = page(
      [
        [54, 300, 44],
        [54, 330, 44],
      ],
      stamp,
    );
    const [best] = locateMrzBands(cv, { image, scale: 1 }, 0.55);
    expect([best?.lineCount, best?.box, best?.lineHeight]).toStrictEqual([
      2,
      { x: 54, y: 300, width: lineWidth(44), height: 46 },
      16,
    ]);
  });

  it('finds in each rectified fixture a band of as many lines as its MRZ has', async () => {
    // TD1's three lines and the licence's one (the tests above draw TD3's two).
    const files = ['deu-id-card-clean-1.jpg', 'fra-driving-licence-clean-1.jpg'];
    const entries = loadManifest().images.filter((entry) => files.includes(entry.file));
    const found = [];
    for (const entry of entries) {
      const document = plainMrzImage(cv, toGreyscale(await rectifiedFixture(cv, entry.file)));
      const [best] = locateMrzBands(cv, document.search(), 0.55);
      found.push([entry.file, best?.lineCount]);
    }
    expect(found).toStrictEqual(entries.map((entry) => [entry.file, entry.document.mrz!.length]));
  });
});
