/**
 * The browser's decoder, for the Web Worker: JPEG, PNG and WebP to RGBA with the EXIF orientation
 * applied, shrunk to the same working size as Node's decoder, with the same error codes and messages.
 */
import { readyPhoto, type PendingPhoto, type RgbaImage } from '../pipeline/types.ts';
import { detailOf, PhotoError } from './photoError.ts';
import { readDeclaredSize } from './photoHeader.ts';
import { checkPhotoSize, sniffPhotoFormat } from './sniff.ts';

/** Same as decode/node.ts (which explains the number); repeated because that module imports sharp. */
export const MAX_WORKING_SIDE_PX = 4096;

/**
 * Enough of the file's head for sniffPhotoFormat and for the declared size: a JPEG's frame header comes
 * after its APP segments (EXIF, XMP, ICC), each at most 64 KB, and a phone writes two or three.
 */
const HEAD_BYTES = 256 * 1024;

/**
 * Decodes to a bitmap at working size: the worker draws its preview from the same bitmap, so the
 * outline the pipeline finds lines up with the photo the person sees.
 */
export async function decodePhotoBitmap(photo: Blob): Promise<ImageBitmap> {
  const head = new Uint8Array(await photo.slice(0, HEAD_BYTES).arrayBuffer());
  const declared = readDeclaredSize(head, sniffPhotoFormat(head));
  if (declared) checkPhotoSize(declared.width, declared.height);
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

/**
 * The bitmap's pixels, RGBA, unpremultiplied (photos are opaque, so nothing is lost). They live in a
 * buffer that the next call reuses: the worker checks one photo at a time (checkClient.ts waits for a
 * cancelled check to stop before it sends the next), and the pipeline copies what it keeps into Mats.
 */
export async function bitmapToRgba(bitmap: ImageBitmap): Promise<RgbaImage> {
  return (await readThroughVideoFrame(bitmap)) ?? readThroughCanvas(bitmap);
}

/**
 * The bitmap's pixels as the check takes a photo, in the shape Node's decoder hands it over: whole
 * already (the browser decodes at one size), so the check makes the outline search's small copy itself.
 */
export async function bitmapForCheck(bitmap: ImageBitmap): Promise<PendingPhoto> {
  return readyPhoto(await bitmapToRgba(bitmap));
}

/**
 * Reused from photo to photo. A fresh buffer is what costs, not the copy: in Chromium in our bench's
 * VM, a 12 MP photo's 48 MB took 150-300 ms to allocate and touch, and 5 ms to copy into once it had
 * been touched. A canvas allocates twice for every photo (its own pixels, then getImageData's), which
 * made reading the pixels cost more than decoding the JPEG (best of six: 435 ms against 270 ms). The
 * price is one photo's pixels kept for the worker's life, beside OpenCV's heap, which keeps more.
 */
let pixels: Uint8ClampedArray | undefined;

function pixelBuffer(bytes: number): Uint8ClampedArray {
  if (pixels?.length !== bytes) pixels = new Uint8ClampedArray(bytes);
  return pixels;
}

/** The pixels of a photo stored turned (its EXIF orientation), before they are turned: reused as above. */
let unturned: Uint32Array | undefined;

function unturnedBuffer(words: number): Uint32Array {
  if (unturned?.length !== words) unturned = new Uint32Array(words);
  return unturned;
}

/** VideoFrame's orientation fields are newer than TypeScript's DOM types. */
type OrientedVideoFrame = VideoFrame & { readonly rotation?: number; readonly flip?: boolean };

/**
 * WebCodecs' VideoFrame copies an opaque bitmap's pixels into our buffer as they are (BGRX or RGBX:
 * we swap the channels ourselves rather than rely on copyTo's newer `format` option). A bitmap turned
 * by its EXIF orientation keeps its pixels unturned and says so in `rotation` (clockwise) and `flip`:
 * we turn them here, as phones' portrait photos mostly need (EXIF orientation 6). The canvas took the
 * worker's decode of a 12 MP photo from 194 to 316 ms (bench:web, 2026-11-24). A mirrored photo (`flip`, EXIF 2, 4, 5, 7: rare from cameras) goes
 * through the canvas, as does any frame from a browser too old to say. null when this path does not apply.
 */
async function readThroughVideoFrame(bitmap: ImageBitmap): Promise<RgbaImage | null> {
  if (typeof VideoFrame === 'undefined') return null;
  const { width, height } = bitmap;
  let frame: OrientedVideoFrame;
  try {
    frame = new VideoFrame(bitmap, { timestamp: 0 });
  } catch {
    return null; // a bitmap this browser cannot wrap: the canvas reads it
  }
  try {
    const { format, codedWidth, codedHeight, rotation, flip } = frame;
    const swap = format === 'BGRX' ? true : format === 'RGBX' ? false : null;
    if (swap === null || flip !== false) return null;
    if (rotation !== 0 && rotation !== 90 && rotation !== 180 && rotation !== 270) return null;
    const sideways = rotation === 90 || rotation === 270;
    if (
      (sideways ? codedHeight : codedWidth) !== width ||
      (sideways ? codedWidth : codedHeight) !== height ||
      frame.allocationSize() !== width * height * 4
    )
      return null;
    const data = pixelBuffer(width * height * 4);
    const words = new Uint32Array(data.buffer, data.byteOffset, width * height);
    if (rotation === 0) {
      await frame.copyTo(data);
    } else {
      const stored = unturnedBuffer(width * height);
      await frame.copyTo(stored);
      turnClockwise(stored, codedWidth, codedHeight, rotation, words);
    }
    opaqueRgba(words, swap);
    return { width, height, data };
  } finally {
    frame.close();
  }
}

/**
 * Turns `width` × `height` pixels (one word each) clockwise by `degrees` into `out`, which is
 * `height` wide for a quarter turn. A quarter turn sends (x, y) to (height - 1 - y, x).
 */
function turnClockwise(
  pixels: Uint32Array,
  width: number,
  height: number,
  degrees: 90 | 180 | 270,
  out: Uint32Array,
): void {
  const last = pixels.length - 1;
  if (degrees === 180) {
    for (let i = 0; i <= last; i++) out[last - i] = pixels[i]!;
    return;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (degrees === 90) {
      for (let x = 0, to = height - 1 - y; x < width; x++, to += height) out[to] = pixels[row + x]!;
    } else {
      for (let x = 0, to = (width - 1) * height + y; x < width; x++, to -= height) out[to] = pixels[row + x]!;
    }
  }
}

/** BGRX or RGBX words to RGBA with alpha 255, in place (little-endian, as every browser is). */
function opaqueRgba(words: Uint32Array, swapRedBlue: boolean): void {
  if (swapRedBlue) {
    for (let i = 0; i < words.length; i++) {
      const bgrx = words[i]!;
      words[i] = (bgrx & 0xff00) | ((bgrx >>> 16) & 0xff) | ((bgrx & 0xff) << 16) | 0xff000000;
    }
  } else {
    for (let i = 0; i < words.length; i++) words[i] = words[i]! | 0xff000000;
  }
}

function readThroughCanvas(bitmap: ImageBitmap): RgbaImage {
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
    return await bitmapToRgba(bitmap);
  } finally {
    bitmap.close();
  }
}

function corrupt(error: unknown): PhotoError {
  return new PhotoError(
    'corrupt-image',
    'The photo could not be read: the file may be damaged or cut short. Try taking the photo again.',
    detailOf(error),
  );
}
