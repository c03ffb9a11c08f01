/**
 * Writes the bad inputs a person might pick, as real bytes, into a temporary folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 1-bit greyscale PNG of any size, tiny on disk (rows of zeros deflate to almost nothing). */
export function hugePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'binary'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

export interface BadFiles {
  readonly dir: string;
  /** File name → the error code it must get. */
  readonly expected: Readonly<Record<string, string>>;
}

export async function writeBadFiles(goodJpeg: Uint8Array): Promise<BadFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'id-precheck-bad-'));
  const files: Record<string, [Uint8Array | string, string]> = {
    'empty.jpg': [new Uint8Array(), 'empty-file'],
    'truncated.jpg': [goodJpeg.subarray(0, Math.floor(goodJpeg.length / 3)), 'corrupt-image'],
    'notes.jpg': ['This is not a photo, just some notes.\n', 'not-an-image'],
    'scan.pdf': [
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'pdf-not-supported',
    ],
    'animation.gif': [
      await sharp({ create: { width: 200, height: 200, channels: 3, background: 'red' } })
        .gif()
        .toBuffer(),
      'gif-not-supported',
    ],
    'pixel.png': [
      await sharp({ create: { width: 1, height: 1, channels: 3, background: 'white' } })
        .png()
        .toBuffer(),
      'image-too-small',
    ],
    'huge.png': [hugePng(20000, 20000), 'image-too-large'],
    // An ISO-BMFF header with the HEIC brand, as an iPhone writes it.
    'iphone.heic': [
      Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from('ftypheic\0\0\0\0mif1heic', 'binary'),
        Buffer.alloc(64),
      ]),
      'heic-not-supported',
    ],
  };
  const expected: Record<string, string> = { 'missing.jpg': 'file-not-found' };
  for (const [name, [bytes, code]] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    expected[name] = code;
  }
  return { dir, expected };
}
