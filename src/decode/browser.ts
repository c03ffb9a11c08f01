/**
 * The browser's decoder, for the Web Worker: JPEG, PNG and WebP to RGBA with the EXIF orientation
 * applied, shrunk to the same working size as Node's decoder, with the same error codes and messages.
 */
import type { RgbaImage } from '../pipeline/types.ts';
import { PhotoError } from './photoError.ts';
import { checkPhotoSize, sniffPhotoFormat } from './sniff.ts';

/** Same as decode/node.ts (which explains the number); repeated because that module imports sharp. */
export const MAX_WORKING_SIDE_PX = 4096;

/** Enough of the file's head for sniffPhotoFormat (and for it to tell text from binary). */
const SNIFF_BYTES = 512;

/**
 * Decodes to a bitmap at working size: the worker draws its preview from the same bitmap, so the
 * outline the pipeline finds lines up with the photo the person sees.
 */
export async function decodePhotoBitmap(photo: Blob): Promise<ImageBitmap> {
  sniffPhotoFormat(new Uint8Array(await photo.slice(0, SNIFF_BYTES).arrayBuffer()));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  } catch (error) {
    throw corrupt(error);
  }
  try {
    checkPhotoSize(bitmap.width, bitmap.height);
  } catch (error) {
    bitmap.close();
    throw error;
  }
  const scale = MAX_WORKING_SIDE_PX / Math.max(bitmap.width, bitmap.height);
  if (scale >= 1) return bitmap;
  try {
    return await createImageBitmap(bitmap, {
      resizeWidth: Math.round(bitmap.width * scale),
      resizeHeight: Math.round(bitmap.height * scale),
      resizeQuality: 'high',
    });
  } finally {
    bitmap.close();
  }
}

/** The bitmap's pixels, RGBA, unpremultiplied (photos are opaque, so nothing is lost). */
export function bitmapToRgba(bitmap: ImageBitmap): RgbaImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new PhotoError('check-failed', 'This browser cannot read pixels from a photo.');
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width, height, data };
}

export async function decodePhoto(photo: Blob): Promise<RgbaImage> {
  const bitmap = await decodePhotoBitmap(photo);
  try {
    return bitmapToRgba(bitmap);
  } finally {
    bitmap.close();
  }
}

function corrupt(error: unknown): PhotoError {
  const detail = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(
    /\.$/u,
    '',
  );
  return new PhotoError(
    'corrupt-image',
    `The photo could not be decoded: it may be damaged or cut short (${detail}).`,
  );
}
