/**
 * A scan that ends at the document's own edge shows its rounded corners (ISO/IEC 7810: r = 3.18 mm)
 * in the photo's corners; a crop inside the document, or a document with square corners, does not.
 * Drawn now with sharp from SVG, at 6 px/mm.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seesRoundedCorner } from '../../../src/pipeline/outline/roundedCorners.ts';
import { CORNER_NAMES, type RgbaImage } from '../../../src/pipeline/types.ts';

const PX_PER_MM = 6;
const [WIDTH, HEIGHT] = [Math.round(105 * PX_PER_MM), Math.round(74 * PX_PER_MM)];

/**
 * A pale grey card with print on a white scan: the card's box (x, y, width, height) and corner
 * radius in px; print (dark bars) runs to the card's edges when `printToEdges`.
 */
async function scan(box: readonly number[], radius: number, printToEdges = false): Promise<RgbaImage> {
  const [x, y, w, h] = box;
  const bars = printToEdges
    ? Array.from(
        { length: 12 },
        (_, i) => `<rect x="${x}" y="${y! + 6 + i * 40}" width="${w}" height="9" fill="#333"/>`,
      )
    : [];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#f2f2f2"/>` +
    `<clipPath id="card"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${radius}"/></clipPath>` +
    `<g clip-path="url(#card)"><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#c9c6c0"/>${bars.join('')}</g>` +
    `<text x="60" y="${HEIGHT / 2}" font-family="OCR B" font-size="40" fill="#111">ROMANIA 405 HD</text>` +
    `</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

const seenAt = (image: RgbaImage) =>
  CORNER_NAMES.filter((corner) => seesRoundedCorner(image, corner, PX_PER_MM));

describe('seesRoundedCorner', () => {
  it('sees all four corners of a card scanned to its edge (2 px of white round it)', async () => {
    const image = await scan([2, 2, WIDTH - 4, HEIGHT - 4], 3.18 * PX_PER_MM);
    expect(seenAt(image)).toStrictEqual([...CORNER_NAMES]);
  });

  it('sees them where the scan cuts the card at its very edge', async () => {
    const image = await scan([0, 0, WIDTH, HEIGHT], 3.18 * PX_PER_MM);
    expect(seenAt(image)).toStrictEqual([...CORNER_NAMES]);
  });

  it('sees none where the card has square corners', async () => {
    const image = await scan([2, 2, WIDTH - 4, HEIGHT - 4], 0);
    expect(seenAt(image)).toStrictEqual([]);
  });

  it('sees none where the photo is cut inside the card, its print running off every side', async () => {
    const image = await scan([-40, -30, WIDTH + 80, HEIGHT + 60], 3.18 * PX_PER_MM, true);
    expect(seenAt(image)).toStrictEqual([]);
  });
});
