import { describe, expect, it } from 'vitest';
import { PhotoError } from '../../src/decode/photoError.ts';
import { checkPhotoSize, megapixels, sniffPhotoFormat } from '../../src/decode/sniff.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'binary'));
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof PhotoError ? error.code : `not a PhotoError: ${String(error)}`;
  }
  return 'no error';
};

describe('sniffPhotoFormat', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffPhotoFormat(bytes('\xff\xd8\xff\xe0rest'))).toBe('jpeg');
    expect(sniffPhotoFormat(bytes('\x89PNG\r\n\x1a\nrest'))).toBe('png');
    expect(sniffPhotoFormat(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
  });

  it('names what a file is when it is not a photo we read', () => {
    expect(codeOf(() => sniffPhotoFormat(new Uint8Array()))).toBe('empty-file');
    expect(codeOf(() => sniffPhotoFormat(bytes('%PDF-1.7\n')))).toBe('pdf-not-supported');
    expect(codeOf(() => sniffPhotoFormat(bytes('GIF89a\x01\0')))).toBe('gif-not-supported');
    expect(codeOf(() => sniffPhotoFormat(bytes('\0\0\0\x18ftypheic\0\0\0\0')))).toBe('heic-not-supported');
    expect(codeOf(() => sniffPhotoFormat(bytes('\0\0\0\x18ftypavif\0\0\0\0')))).toBe('unsupported-format');
    expect(codeOf(() => sniffPhotoFormat(bytes('hello, this is text\n')))).toBe('not-an-image');
    expect(codeOf(() => sniffPhotoFormat(bytes('\0\x01\x02\x03binary')))).toBe('not-an-image');
  });
});

describe('checkPhotoSize', () => {
  it('refuses above 100 megapixels and below 100 pixels a side, and takes a 48 MP photo', () => {
    expect(codeOf(() => checkPhotoSize(20000, 20000))).toBe('image-too-large');
    expect(codeOf(() => checkPhotoSize(1, 1))).toBe('image-too-small');
    expect(codeOf(() => checkPhotoSize(8000, 6000))).toBe('no error');
  });

  it('refuses over 65,500 pixels a side, however few pixels in all', () => {
    expect(codeOf(() => checkPhotoSize(65_501, 100))).toBe('image-too-large');
    expect(codeOf(() => checkPhotoSize(100, 65_500))).toBe('no error');
  });
});

describe('megapixels', () => {
  it('is exact, so a photo over the limit never reads as at it', () => {
    expect([100_010_000, 100_000_001, 12_000_000, 400_000_000].map(megapixels)).toStrictEqual([
      '100.01',
      '100.000001',
      '12',
      '400',
    ]);
  });
});
