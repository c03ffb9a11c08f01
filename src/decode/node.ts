/**
 * Node's decoder (sharp): JPEG, PNG and WebP to RGBA with the EXIF orientation applied.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import sharp, { type KernelEnum, type Metadata, type Sharp } from 'sharp';
import { ANALYSIS_SIDE_PX } from '../pipeline/sizes.ts';
import { readyPhoto, type PendingPhoto, type RgbaImage } from '../pipeline/types.ts';
import { readDeclaredSize } from './photoHeader.ts';
import { detailOf, PhotoError } from './photoError.ts';
import { checkPhotoSize, MAX_PIXELS, sniffPhotoFormat } from './sniff.ts';

/**
 * The longest side we keep. OCR needs no more: at 4096 px an ID card filling a third of the frame still
 * has MRZ characters ~25 px high. Bigger photos (48 MP) are shrunk while decoding, which keeps peak memory
 * near 100 MB instead of 200 MB for the RGBA copy alone.
 */
export const MAX_WORKING_SIDE_PX = 4096;

/**
 * The most we read of a file: above any photo under MAX_PIXELS that we take (a 100 MP PNG of 16-bit
 * RGB is 600 MB), and below the 2 GiB a Node buffer holds.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

// libvips caches the results of recent operations (by default up to 50 MB and 100 of them) for a
// program that works on one image again and again; each photo here is decoded once, so the cache
// only held memory a batch of photos never reused (issue 13: RSS over 100 photos in one CLI).
sharp.cache(false);

/**
 * A regular file's bytes, read up to a cap. Anything else is refused before a byte is read: a FIFO
 * would wait for a writer for ever, and `/dev/zero` would fill memory. It is opened without blocking
 * (a FIFO's open waits for a writer too) and judged by the handle, so what is read is what was judged.
 */
export async function readPhotoFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  let file: FileHandle;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotOpen(path, error);
  }
  try {
    const info = await file.stat();
    if (!info.isFile())
      throw new PhotoError(
        'not-a-file',
        `${path} is ${info.isDirectory() ? 'a folder' : 'not a file'}: choose a photo.`,
      );
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    // Read to the cap and one byte past it, not to the size stat gave: a file can grow, and some
    // (under /proc) say they hold 0 bytes.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of file.createReadStream({ autoClose: false, end: maxBytes })) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(path, maxBytes);
      chunks.push(bytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('file-unreadable', `${path} could not be read.`, detailOf(error));
  } finally {
    await file.close();
  }
}

function cannotOpen(path: string, error: unknown): PhotoError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new PhotoError('file-not-found', `No file at ${path}.`, detailOf(error));
  if (code === 'EACCES' || code === 'EPERM')
    return new PhotoError('file-unreadable', `${path} cannot be read: permission denied.`, detailOf(error));
  return new PhotoError('file-unreadable', `${path} could not be opened.`, detailOf(error));
}

function tooLarge(path: string, maxBytes: number): PhotoError {
  return new PhotoError(
    'file-too-large',
    `${path} is over ${inWords(maxBytes)}; no photo we check is that big.`,
  );
}

const inWords = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${bytes / 1024 ** 3} GB`
    : bytes >= 1024 ** 2
      ? `${bytes / 1024 ** 2} MB`
      : `${bytes} bytes`;

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

/**
 * The photo's pixels as its header declares them, before anything is decoded; undefined where the
 * header does not say, or the bytes are no photo we read (decoding then says why).
 */
export function declaredPixels(bytes: Uint8Array): number | undefined {
  try {
    const declared = readDeclaredSize(bytes, sniffPhotoFormat(bytes));
    return declared && declared.width * declared.height;
  } catch {
    return undefined;
  }
}

/** Refuses what is not a photo we read, or too big, before decoding anything. */
async function checkPhoto(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const declared = readDeclaredSize(bytes, sniffPhotoFormat(bytes));
  if (declared) checkPhotoSize(declared.width, declared.height);
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

/**
 * Decoded, turned upright by its EXIF orientation, and shrunk to fit `side` if bigger.
 *
 * Decoding stops at a warning that image data is missing: libjpeg fills what a file does not hold with
 * grey and calls it a warning, so a JPEG whose header promises 10000×10000 but holds 400×300 would be
 * judged as a grey photo. Other warnings ("extraneous bytes before marker", which some phones write)
 * cost a second decode that lets them pass, as before.
 */
async function decodeToFit(bytes: Uint8Array, side: number, kernel?: keyof KernelEnum): Promise<RgbaImage> {
  const decode = (failOn: 'warning' | 'truncated') =>
    rgbaOf(
      sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn })
        .rotate() // apply the EXIF orientation
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true, kernel }),
    );
  try {
    return await decode('warning');
  } catch (warning) {
    if (MISSING_DATA.test(detailOf(warning))) throw corrupt(warning);
    try {
      return await decode('truncated');
    } catch (error) {
      throw corrupt(error);
    }
  }
}

/** libjpeg's words when a scan ends before the frame is filled (JWRN_HIT_MARKER, JWRN_JPEG_EOF). */
const MISSING_DATA = /premature end/iu;

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
  return new PhotoError(
    'corrupt-image',
    'The photo could not be read: the file may be damaged or cut short. Try taking the photo again.',
    detailOf(error),
  );
}
