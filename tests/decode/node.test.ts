import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { declaredPixels, decodePhoto, decodePhotoForCheck, readPhotoFile } from '../../src/decode/node.ts';
import { PhotoError } from '../../src/decode/photoError.ts';
import { loadNodeOpenCv } from '../../src/engines/node.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../src/pipeline/cv.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { fixture } from '../support/fixtures.ts';
import { hugePng, withDeclaredSize, writeFifo, writeSparseFile } from '../support/badFiles.ts';
import { exifTurnedJpeg, type ExifOrientation } from '../support/photos.ts';

/** What a promise failed with, as a PhotoError's code, message and detail. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => new Error('no error'),
    (error: unknown) => error,
  );
  if (!(error instanceof PhotoError)) throw error;
  return { code: error.code, message: error.message, detail: error.detail };
}

describe('readPhotoFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'id-precheck-read-'));

  it('reads a regular file whole', async () => {
    const path = join(dir, 'photo.jpg');
    const bytes = await readFile(fixture('clean').path);
    writeFileSync(path, bytes);
    expect(Buffer.compare(Buffer.from(await readPhotoFile(path)), bytes)).toBe(0);
  });

  it('refuses a FIFO, a device and a folder without reading from them', async () => {
    const pipe = join(dir, 'pipe.jpg');
    writeFifo(pipe);
    const folder = join(dir, 'folder.jpg');
    mkdirSync(folder);
    expect(await refusal(readPhotoFile(pipe))).toStrictEqual({
      code: 'not-a-file',
      message: `${pipe} is not a file: choose a photo.`,
      detail: undefined,
    });
    expect((await refusal(readPhotoFile('/dev/zero'))).code).toBe('not-a-file');
    expect((await refusal(readPhotoFile(folder))).message).toBe(`${folder} is a folder: choose a photo.`);
  });

  it('refuses a file over 2 GiB as too large, not as missing', async () => {
    const path = join(dir, 'enormous.jpg');
    writeSparseFile(path);
    expect(await refusal(readPhotoFile(path))).toStrictEqual({
      code: 'file-too-large',
      message: `${path} is over 1 GB; no photo we check is that big.`,
      detail: undefined,
    });
  });

  it.skipIf(!existsSync('/proc/self/status'))(
    'stops at the cap however big the file says it is (/proc files say 0 bytes)',
    async () => {
      expect((await refusal(readPhotoFile('/proc/self/status', 64))).message).toBe(
        '/proc/self/status is over 64 bytes; no photo we check is that big.',
      );
    },
  );

  it('says a missing file is missing', async () => {
    const path = join(dir, 'missing.jpg');
    expect(await refusal(readPhotoFile(path))).toStrictEqual({
      code: 'file-not-found',
      message: `No file at ${path}.`,
      detail: expect.stringContaining('ENOENT') as unknown as string,
    });
  });
});

describe('declaredPixels', () => {
  it('gives the pixels a JPEG’s and a PNG’s header declare, and undefined for bytes that are no photo', async () => {
    const jpeg = await readFile(fixture('clean').path);
    const { width = 0, height = 0 } = await sharp(jpeg).metadata();
    const png = await sharp(jpeg).resize(300).png().toBuffer();
    expect([
      declaredPixels(jpeg),
      declaredPixels(png),
      declaredPixels(new TextEncoder().encode('%PDF-1.7')),
    ]).toStrictEqual([width * height, 300 * Math.round((300 * height) / width), undefined]);
  });
});

describe('decodePhoto (Node): refusals', () => {
  const small = async () =>
    sharp(await readFile(fixture('clean').path))
      .resize(400, 300, { fit: 'fill' })
      .jpeg()
      .toBuffer();

  it('refuses a JPEG over 65,500 pixels a side for its size, read from the header', async () => {
    expect(await refusal(decodePhoto(withDeclaredSize(await small(), 65_535, 200)))).toStrictEqual({
      code: 'image-too-large',
      message: 'The photo is 65535×200 pixels; the most we check is 65,500 pixels on a side.',
      detail: undefined,
    });
  });

  it('gives the exact megapixels of a photo just over the limit', async () => {
    expect(await refusal(decodePhoto(hugePng(10_001, 10_000)))).toStrictEqual({
      code: 'image-too-large',
      message: 'The photo is 10001×10000 pixels (100.01 megapixels); the most we check is 100 megapixels.',
      detail: undefined,
    });
  });

  it('refuses a JPEG whose header promises more than its data holds, in our words', async () => {
    const hollow = withDeclaredSize(await small(), 4000, 3000);
    // One at a time: libvips keeps one error buffer for the process, so two decodes failing at once
    // can swap their words, and a rejection made before its turn would go unhandled meanwhile.
    for (const work of [() => decodePhoto(hollow), () => decodePhotoForCheck(hollow).then((p) => p.full)])
      expect(await refusal(work())).toStrictEqual({
        code: 'corrupt-image',
        message:
          'The photo could not be read: the file may be damaged or cut short. Try taking the photo again.',
        detail: 'VipsJpeg: Corrupt JPEG data: premature end of data segment',
      });
  });

  it('keeps the decoder’s words out of the message and in the detail', async () => {
    const bytes = Buffer.from(await small());
    bytes.fill(0x55, 20, 400); // the quantisation and Huffman tables
    const { code, message, detail } = await refusal(decodePhoto(bytes));
    expect(code).toBe('corrupt-image');
    expect(message).not.toMatch(/vips|jpeg|buffer|header/iu);
    expect(detail).toMatch(/\S/u);
  });
});

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
