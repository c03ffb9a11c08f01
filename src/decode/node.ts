/**
 * Node's decoder (sharp): JPEG, PNG and WebP to RGBA with the EXIF orientation applied.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { RgbaImage } from '../pipeline/types.ts';
import { PhotoError } from './photoError.ts';
import { checkPhotoSize, MAX_PIXELS, sniffPhotoFormat } from './sniff.ts';

/**
 * The longest side we keep. OCR needs no more: at 4096 px an ID card filling a third of the frame still
 * has MRZ characters ~25 px high. Bigger photos (48 MP) are shrunk while decoding, which keeps peak memory
 * near 100 MB instead of 200 MB for the RGBA copy alone.
 */
export const MAX_WORKING_SIDE_PX = 4096;

export async function readPhotoFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PhotoError('file-not-found', `No file at ${path}.`);
    if (code === 'EISDIR') throw new PhotoError('not-an-image', `${path} is a folder, not a photo.`);
    throw new PhotoError('file-not-found', `Could not read ${path}: ${code ?? String(error)}.`);
  }
}

export async function decodePhoto(bytes: Uint8Array): Promise<RgbaImage> {
  sniffPhotoFormat(bytes);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw corrupt(error);
  }
  const { width = 0, height = 0 } = metadata;
  checkPhotoSize(width, height);
  try {
    return await rgbaOf(
      sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
        .rotate() // apply the EXIF orientation
        .resize({
          width: MAX_WORKING_SIDE_PX,
          height: MAX_WORKING_SIDE_PX,
          fit: 'inside',
          withoutEnlargement: true,
        }),
    );
  } catch (error) {
    throw corrupt(error);
  }
}

/** A sharp pipeline's output as RGBA pixels, sharing its buffer. */
export async function rgbaOf(pipeline: Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

function corrupt(error: unknown): PhotoError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new PhotoError(
    'corrupt-image',
    `The photo could not be decoded: it may be damaged or cut short (${detail}).`,
  );
}
