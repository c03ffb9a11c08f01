/**
 * Node's decoder (sharp): JPEG, PNG and WebP to RGBA with the EXIF orientation applied.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type KernelEnum, type Metadata, type Sharp } from 'sharp';
import { ANALYSIS_SIDE_PX } from '../pipeline/sizes.ts';
import { readyPhoto, type PendingPhoto, type RgbaImage } from '../pipeline/types.ts';
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
  await checkPhoto(bytes);
  return decodeToFit(bytes, MAX_WORKING_SIDE_PX);
}

/**
 * For the check. A photo at least twice the outline search's size comes as the small copy that search
 * runs on, and the full pixels still decoding: made while decoding (libjpeg scales a JPEG down as it
 * decodes it), the copy costs ~30 ms at 12 MP where OpenCV.js's area shrink costs 70, and the search
 * then runs while the full decode finishes on another thread. A smaller photo is decoded once, whole,
 * and shrunk by the pipeline, which costs less than a second decode.
 */
export async function decodePhotoForCheck(bytes: Uint8Array): Promise<PendingPhoto> {
  const { width, height } = await checkPhoto(bytes);
  if (Math.max(width, height) < 2 * ANALYSIS_SIDE_PX)
    return readyPhoto(await decodeToFit(bytes, MAX_WORKING_SIDE_PX));
  const full = decodeToFit(bytes, MAX_WORKING_SIDE_PX);
  full.catch(() => {}); // the check awaits it: this only keeps it handled if the small copy fails first
  // Of libvips' kernels, linear comes closest to OpenCV's area average, which the search was tuned on:
  // 0.45 grey levels apart on average at 12 MP, against 1.2 for a 1/4 decode alone.
  const analysis = await decodeToFit(bytes, ANALYSIS_SIDE_PX, 'linear');
  return { analysis, full };
}

/** Refuses what is not a photo we read, or too big, before decoding anything. */
async function checkPhoto(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  sniffPhotoFormat(bytes);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw corrupt(error);
  }
  const { width = 0, height = 0 } = metadata;
  checkPhotoSize(width, height);
  return { width, height };
}

/** Decoded, turned upright by its EXIF orientation, and shrunk to fit `side` if bigger. */
async function decodeToFit(bytes: Uint8Array, side: number, kernel?: keyof KernelEnum): Promise<RgbaImage> {
  try {
    return await rgbaOf(
      sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
        .rotate() // apply the EXIF orientation
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true, kernel }),
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
