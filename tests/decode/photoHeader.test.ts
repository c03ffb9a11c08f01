import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readDeclaredSize } from '../../src/decode/photoHeader.ts';
import { sniffPhotoFormat } from '../../src/decode/sniff.ts';
import { hugePng, withDeclaredSize } from '../support/badFiles.ts';

const canvas = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 30 } } });

const declared = (bytes: Uint8Array) => readDeclaredSize(bytes, sniffPhotoFormat(bytes));

describe('readDeclaredSize', () => {
  it('reads the size every format declares, as sharp reads it', async () => {
    const photos = [
      await canvas(321, 123).jpeg().toBuffer(),
      await canvas(321, 123).jpeg({ progressive: true }).toBuffer(),
      // EXIF and an ICC profile put APP segments before the frame header.
      await canvas(321, 123).withMetadata({ orientation: 6 }).withIccProfile('p3').jpeg().toBuffer(),
      await canvas(321, 123).png().toBuffer(),
      await canvas(16383, 2).webp().toBuffer(), // VP8: 14 bits a side
      await canvas(321, 123).webp({ lossless: true }).toBuffer(), // VP8L
      await canvas(321, 123).ensureAlpha(0.5).webp().toBuffer(), // VP8X, for the alpha
      hugePng(20_000, 20_000),
    ];
    for (const bytes of photos) {
      const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
      expect(declared(bytes)).toStrictEqual({ width, height });
    }
  });

  it('reads a JPEG’s declared size beyond what its decoder takes, and beyond what it holds', async () => {
    const jpeg = await canvas(40, 30).jpeg().toBuffer();
    expect(declared(withDeclaredSize(jpeg, 65_535, 65_535))).toStrictEqual({ width: 65_535, height: 65_535 });
  });

  it('says nothing when the header is not there to read', async () => {
    const jpeg = await canvas(40, 30).jpeg().toBuffer();
    const png = await canvas(40, 30).png().toBuffer();
    expect(declared(jpeg.subarray(0, 20))).toBeUndefined();
    expect(declared(png.subarray(0, 20))).toBeUndefined();
    expect(declared(new Uint8Array(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'binary')))).toBeUndefined();
    // A height of 0 waits for a DNL marker after the first scan.
    expect(declared(withDeclaredSize(jpeg, 40, 0))).toBeUndefined();
  });
});
