/**
 * A photo's size as its header declares it, read from the bytes before any decoder sees them: so a
 * photo too big to check is refused as such, whatever limits the decoder has of its own (libvips'
 * JPEG reader fails at 65,500 pixels a side with "corrupt header"). Pure, for Node and the browser.
 */
import type { PhotoFormat } from './sniff.ts';

export interface DeclaredSize {
  readonly width: number;
  readonly height: number;
}

/** The declared size, or undefined when the header cannot be found in `bytes` (the decoder then judges). */
export function readDeclaredSize(bytes: Uint8Array, format: PhotoFormat): DeclaredSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (offset: number, length: number) => offset + length <= bytes.length;
  if (format === 'png') {
    // The IHDR chunk comes first (PNG spec 5.6): width and height at 16 and 20, big-endian.
    if (!fits(12, 12) || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (format === 'webp') return webpSize(bytes, view, fits);
  return jpegSize(bytes, view, fits);
}

/** The frame header (SOFn, ITU T.81 B.2.2) found by walking the marker segments before it. */
function jpegSize(
  bytes: Uint8Array,
  view: DataView,
  fits: (offset: number, length: number) => boolean,
): DeclaredSize | undefined {
  let offset = 2;
  while (fits(offset, 4)) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // no length follows these
      continue;
    }
    // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!fits(offset, 9)) return undefined;
      const height = view.getUint16(offset + 5);
      // A height of 0 is declared later, by a DNL marker after the first scan: let the decoder judge.
      return height === 0 ? undefined : { width: view.getUint16(offset + 7), height };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // image data or the end, and no frame yet
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

/** VP8 (lossy), VP8L (lossless) or VP8X (extended) canvas size (RFC 9649, sections 2.5-2.7). */
function webpSize(
  bytes: Uint8Array,
  view: DataView,
  fits: (offset: number, length: number) => boolean,
): DeclaredSize | undefined {
  const chunk = fits(12, 4) ? ascii(bytes, 12, 4) : '';
  if (chunk === 'VP8X' && fits(24, 6)) return { width: 1 + uint24(bytes, 24), height: 1 + uint24(bytes, 27) };
  if (chunk === 'VP8L' && fits(21, 4) && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  // The key frame's start code 9d 01 2a, then 14-bit width and height (2 bits of scale above each).
  if (chunk === 'VP8 ' && fits(26, 4) && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
}

const uint24 = (bytes: Uint8Array, offset: number) =>
  bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
