import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePhoto, decodePhotoForCheck } from '../../src/decode/node.ts';
import { PhotoError } from '../../src/decode/photoError.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../src/pipeline/cv.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { fixture } from '../support/fixtures.ts';
import { exifTurnedJpeg, type ExifOrientation } from '../support/photos.ts';

/** Mean absolute difference per channel between two images of one size. */
function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** An image's pixels as a Buffer, to compare whole without Vitest's element-by-element equality. */
function bytesOf(image: RgbaImage): Buffer {
  return Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
}

describe('decodePhoto (Node)', () => {
  const upright = fixture('clean');

  for (const orientation of [3, 6, 8] as ExifOrientation[]) {
    it(`turns a photo tagged with EXIF orientation ${orientation} upright`, async () => {
      const expected = await decodePhoto(await readFile(upright.path));
      const bytes = await exifTurnedJpeg(upright.path, orientation);
      expect((await sharp(bytes).metadata()).orientation).toBe(orientation);
      const decoded = await decodePhoto(bytes);
      expect({ width: decoded.width, height: decoded.height }).toStrictEqual({
        width: expected.width,
        height: expected.height,
      });
      // A second JPEG encoding differs by a level or two; turned the wrong way, by tens.
      expect(meanDifference(decoded.data, expected.data)).toBeLessThan(3);
    });
  }
});

describe('decodePhotoForCheck (Node)', () => {
  const clean = fixture('clean');
  /** The clean fixture enlarged to 12 MP, turned by EXIF as a phone stores it. */
  const twelveMegapixels = async () =>
    sharp(await exifTurnedJpeg(clean.path, 6))
      .resize(3000, 4000, { fit: 'fill' })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();

  it('decodes a photo under twice the analysis size once, as decodePhoto does', async () => {
    const bytes = await readFile(clean.path);
    const pending = await decodePhotoForCheck(bytes);
    if (pending.analysis) throw new Error('a 2 MP photo should be decoded once');
    const photo = await pending.full;
    const expected = await decodePhoto(bytes);
    expect([photo.width, photo.height]).toStrictEqual([expected.width, expected.height]);
    expect(Buffer.compare(bytesOf(photo), bytesOf(expected))).toBe(0);
  });

  it('hands over a big photo as the outline search’s upright copy and its full pixels', async () => {
    const bytes = await twelveMegapixels();
    const photo = await decodePhotoForCheck(bytes);
    const { analysis } = photo;
    if (!analysis) throw new Error('a 12 MP photo should come with its analysis copy');
    const full = await photo.full;
    expect({ width: full.width, height: full.height }).toStrictEqual({ width: 4000, height: 3000 });
    expect(Buffer.compare(bytesOf(full), bytesOf(await decodePhoto(bytes)))).toBe(0);
    expect({ width: analysis.width, height: analysis.height }).toStrictEqual({
      width: ANALYSIS_SIDE_PX,
      height: (ANALYSIS_SIDE_PX * 3) / 4,
    });
    // Against OpenCV's area average of the full pixels, which the outline search was tuned on.
    const cv = await loadNodeOpenCv();
    const areaShrunk = withMats(cv, (scope) =>
      matToRgba(shrinkToFit(scope, rgbaToMat(scope, full), ANALYSIS_SIDE_PX).mat),
    );
    expect(meanDifference(analysis.data, areaShrunk.data)).toBeLessThan(1.5);
  });

  it('refuses a cut-short big photo as corrupt', async () => {
    const bytes = await twelveMegapixels();
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const failure = await decodePhotoForCheck(cut)
      .then(async (photo) => photo.full)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PhotoError);
    expect((failure as PhotoError).code).toBe('corrupt-image');
  });
});
