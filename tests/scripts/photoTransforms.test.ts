import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { halveByArea, transformPhoto } from '../../scripts/photoTransforms.ts';

/** A 6×4 RGBA photo, black but for one red pixel at (1, 0): where it lands says how the photo turned. */
function markedPhoto(): Buffer {
  const data = Buffer.alloc(6 * 4 * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  data[(0 * 6 + 1) * 4] = 255;
  return data;
}

async function redPixels(bytes: Buffer): Promise<{ width: number; height: number; red: number[][] }> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const red: number[][] = [];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++)
      if (data[(y * info.width + x) * info.channels]! > 128) red.push([x, y]);
  return { width: info.width, height: info.height, red };
}

const png = (data: Buffer) =>
  sharp(data, { raw: { width: 6, height: 4, channels: 4 } })
    .png()
    .toBuffer();

describe('transformPhoto', () => {
  it('turns a photo by quarter turns clockwise, losslessly', async () => {
    const photo = await png(markedPhoto());
    const turned = await Promise.all(
      (['rot90', 'rot180', 'rot270'] as const).map(async (t) =>
        redPixels((await transformPhoto(photo, t)).bytes),
      ),
    );
    expect(turned).toStrictEqual([
      { width: 4, height: 6, red: [[3, 1]] },
      { width: 6, height: 4, red: [[4, 3]] },
      { width: 4, height: 6, red: [[0, 4]] },
    ]);
  });

  it('turns what the person saw: the EXIF orientation first', async () => {
    // Orientation 6: stored on its side, shown turned 90° clockwise.
    const stored = await sharp(markedPhoto(), { raw: { width: 6, height: 4, channels: 4 } })
      .png()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const turned = await transformPhoto(stored, 'rot270');
    expect({ ...(await redPixels(turned.bytes)), before: turned.before }).toStrictEqual({
      width: 6,
      height: 4,
      red: [[1, 0]],
      before: { width: 4, height: 6 },
    });
  });

  it('halves a photo by area and re-encodes one as JPEG at the same size', async () => {
    const photo = await png(markedPhoto());
    const half = await transformPhoto(photo, 'half');
    const jpeg = await transformPhoto(photo, 'jpeg60');
    expect([
      { width: half.width, height: half.height, format: (await sharp(half.bytes).metadata()).format },
      { width: jpeg.width, height: jpeg.height, format: (await sharp(jpeg.bytes).metadata()).format },
    ]).toStrictEqual([
      { width: 3, height: 2, format: 'png' },
      { width: 6, height: 4, format: 'jpeg' },
    ]);
  });
});

describe('halveByArea', () => {
  it('averages each 2×2 block and drops an odd last row and column', () => {
    // 3×3 grey levels (RGBA, alpha 255): only the top-left 2×2 block makes the one output pixel.
    const grey = [10, 20, 99, 30, 41, 99, 99, 99, 99];
    const data = new Uint8Array(grey.flatMap((v) => [v, v, v, 255]));
    expect(halveByArea(data, 3, 3)).toStrictEqual({
      data: new Uint8Array([25, 25, 25, 255]),
      width: 1,
      height: 1,
    });
  });
});
