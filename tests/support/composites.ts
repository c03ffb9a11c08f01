/**
 * Photos made at test time (never committed): a flat card or page drawn as SVG, laid on a plain
 * surface, as a phone photo from above would show it.
 */
import sharp from 'sharp';
import type { RgbaImage } from '../../src/pipeline/types.ts';

export interface FlatObject {
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly ink: string;
  /** Lines of text, top to bottom. */
  readonly lines: readonly string[];
  readonly fontSize: number;
}

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** The object drawn on a 1400 × 1000 surface of `surface`, with a margin all round. */
export async function objectOnSurface(object: FlatObject, surface = '#6b645a'): Promise<RgbaImage> {
  const { width, height, fill, ink, lines, fontSize } = object;
  const step = fontSize * 1.5;
  const text = lines
    .map(
      (line, i) =>
        `<text x="${fontSize}" y="${fontSize * 2 + i * step}" font-family="DejaVu Sans" font-size="${fontSize}" fill="${ink}">${escape(line)}</text>`,
    )
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" rx="${Math.round(width / 30)}" fill="${fill}"/>${text}</svg>`;
  const drawn = await sharp(Buffer.from(svg)).png().toBuffer();
  const { data, info } = await sharp({
    create: { width: 1400, height: 1000, channels: 3, background: surface },
  })
    .composite([{ input: drawn, left: Math.round((1400 - width) / 2), top: Math.round((1000 - height) / 2) }])
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}
