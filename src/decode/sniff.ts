/**
 * Tells a file's format from its first bytes, not its name: a PDF or a HEIC renamed `.jpg` is common.
 * Pure, so the browser and Node say the same thing about the same bytes.
 */
import { PhotoError } from './photoError.ts';

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** Refused before decoding: the whole image would not fit in memory on a phone. 100 MP covers 108 MP sensors' binned output. */
export const MAX_PIXELS = 100_000_000;
/** Below this the document cannot be seen at all. */
export const MIN_SIDE_PX = 100;

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** Which supported format the bytes are, or a PhotoError that says what they are instead. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat {
  if (bytes.length === 0) throw new PhotoError('empty-file', 'The file is empty (0 bytes).');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 5) === '%PDF-')
    throw new PhotoError(
      'pdf-not-supported',
      'This is a PDF, not a photo. Take a photo of your ID and choose that.',
    );
  if (ascii(bytes, 0, 4) === 'GIF8')
    throw new PhotoError(
      'gif-not-supported',
      'This is a GIF. Choose a photo taken with a camera (JPEG, PNG or WebP).',
    );
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/u.test(brand))
      throw new PhotoError(
        'heic-not-supported',
        'HEIC photos (the iPhone default) are not supported yet. In Settings > Camera > Formats choose "Most Compatible", or share the photo as JPEG.',
      );
    throw new PhotoError(
      'unsupported-format',
      `This file format (${brand.trim()}) is not supported. Use a JPEG, PNG or WebP photo.`,
    );
  }
  if (looksLikeText(bytes.subarray(0, 512)))
    throw new PhotoError('not-an-image', 'This file is text, not a photo.');
  throw new PhotoError('not-an-image', 'This file is not a photo we can read (JPEG, PNG or WebP).');
}

function looksLikeText(head: Uint8Array): boolean {
  return head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}

/**
 * The longest side we check. libjpeg's own limit (JPEG_MAX_DIMENSION); held for every format, so a
 * photo is refused for its size in the same words whichever format it came in.
 */
export const MAX_SIDE_PX = 65_500;

/** Refuses sizes we cannot check, from the header's dimensions, before any decoding. */
export function checkPhotoSize(width: number, height: number): void {
  if (Math.max(width, height) > MAX_SIDE_PX)
    throw new PhotoError(
      'image-too-large',
      `The photo is ${width}×${height} pixels; the most we check is ${MAX_SIDE_PX.toLocaleString('en-GB')} pixels on a side.`,
    );
  if (width * height > MAX_PIXELS)
    throw new PhotoError(
      'image-too-large',
      `The photo is ${width}×${height} pixels (${megapixels(width * height)} megapixels); the most we check is ${megapixels(MAX_PIXELS)} megapixels.`,
    );
  if (Math.min(width, height) < MIN_SIDE_PX)
    throw new PhotoError(
      'image-too-small',
      `The photo is only ${width}×${height} pixels; it needs to be at least ${MIN_SIDE_PX} pixels on each side.`,
    );
}

/** Exact (a pixel is a millionth of a megapixel), so a photo just over the limit never reads as at it. */
export function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(6).replace(/\.?0+$/u, '');
}
