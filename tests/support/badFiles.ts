/**
 * Writes the bad inputs a person might pick, as real bytes, into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
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

/** A JPEG with its frame header (SOFn) saying `width`×`height`, whatever its data holds. */
export function withDeclaredSize(jpeg: Uint8Array, width: number, height: number): Buffer {
  const bytes = Buffer.from(jpeg);
  for (let offset = 2; offset + 9 <= bytes.length; offset += 2 + bytes.readUInt16BE(offset + 2)) {
    const marker = bytes[offset + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      bytes.writeUInt16BE(height, offset + 5);
      bytes.writeUInt16BE(width, offset + 7);
      return bytes;
    }
  }
  throw new Error('no frame header in this JPEG');
}

/** Over 2 GiB on its own size, holding nothing on disk (truncate makes a sparse file). */
export function writeSparseFile(path: string, bytes = 2 * 1024 ** 3 + 1): void {
  writeFileSync(path, '');
  truncateSync(path, bytes);
}

/** A named pipe with no writer: opening it the usual way waits for ever. */
export function writeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

export interface BadFiles {
  readonly dir: string;
  /** File name → the error code it must get. */
  readonly expected: Readonly<Record<string, string>>;
}

export async function writeBadFiles(goodJpeg: Uint8Array): Promise<BadFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'id-precheck-bad-'));
  const small = await sharp(goodJpeg).resize(400, 300).jpeg().toBuffer();
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
    'wide.jpg': [withDeclaredSize(small, 65_535, 200), 'image-too-large'],
    'hollow.jpg': [withDeclaredSize(small, 4000, 3000), 'corrupt-image'],
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
  writeFifo(join(dir, 'pipe.jpg'));
  expected['pipe.jpg'] = 'not-a-file';
  mkdirSync(join(dir, 'folder.jpg'));
  expected['folder.jpg'] = 'not-a-file';
  writeSparseFile(join(dir, 'enormous.jpg'));
  expected['enormous.jpg'] = 'file-too-large';
  return { dir, expected };
}
