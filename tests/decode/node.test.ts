import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { fixture } from '../support/fixtures.ts';
import { exifTurnedJpeg, type ExifOrientation } from '../support/photos.ts';

/** Mean absolute difference per channel between two images of one size. */
function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
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
