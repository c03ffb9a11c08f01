/**
 * Transforms for `npm run eval --transform`: ways of changing a photo that do not change what a careful
 * person would say of it, to find what in the check is held to one way up or one scale (issue 12).
 * Rotations are whole quarter turns (lossless: written as PNG); `half` is an area shrink to half the
 * width and height (PNG); `jpeg60` re-encodes at quality 60. Every transform first applies the photo's
 * EXIF orientation, so a quarter turn is a quarter turn of what the person saw.
 */
import sharp, { type Sharp } from 'sharp';

export const PHOTO_TRANSFORMS = ['rot90', 'rot180', 'rot270', 'half', 'jpeg60'] as const;
export type PhotoTransform = (typeof PHOTO_TRANSFORMS)[number];

export function isPhotoTransform(name: string): name is PhotoTransform {
  return (PHOTO_TRANSFORMS as readonly string[]).includes(name);
}

/**
 * Under `half`, `clear-photo`'s truth is not scored where the halved photo's short side falls under
 * this: at 600 px a card filling the frame has its printed fields about 9 px high, where "too small to
 * read" may become the right answer (NHS login asks for a photo whose details can be read).
 */
export const HALF_CLEAR_PHOTO_MIN_SHORT_SIDE_PX = 600;

const QUARTER_TURNS: Record<'rot90' | 'rot180' | 'rot270', number> = { rot90: 90, rot180: 180, rot270: 270 };

export interface TransformedPhoto {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** The photo's size before the transform, upright as the person saw it (EXIF orientation applied). */
  readonly before: { readonly width: number; readonly height: number };
}

/** The photo's bytes after the transform, and its size then (EXIF orientation applied). */
export async function transformPhoto(
  bytes: Uint8Array,
  transform: PhotoTransform,
): Promise<TransformedPhoto> {
  const upright = sharp(bytes).autoOrient();
  let output: Sharp;
  if (transform === 'jpeg60') {
    output = upright.jpeg({ quality: 60 });
  } else if (transform === 'half') {
    const { data, info } = await upright.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const half = halveByArea(data, info.width, info.height);
    output = sharp(half.data, { raw: { width: half.width, height: half.height, channels: 4 } }).png();
  } else {
    output = upright.rotate(QUARTER_TURNS[transform]).png();
  }
  const { data, info } = await output.toBuffer({ resolveWithObject: true });
  const stored = await sharp(bytes).metadata();
  // EXIF orientations 5 to 8 store the photo on its side.
  const onItsSide = (stored.orientation ?? 1) >= 5;
  const before = onItsSide
    ? { width: stored.height, height: stored.width }
    : { width: stored.width, height: stored.height };
  return { bytes: data, width: info.width, height: info.height, before };
}

/**
 * RGBA pixels shrunk to half their width and height, each output pixel the mean of the 2×2 it covers
 * (an area shrink, as OpenCV's INTER_AREA does at a factor of 2); an odd last row or column is dropped.
 */
export function halveByArea(
  data: Uint8Array,
  width: number,
  height: number,
): { data: Uint8Array; width: number; height: number } {
  const outWidth = Math.max(1, Math.floor(width / 2));
  const outHeight = Math.max(1, Math.floor(height / 2));
  const out = new Uint8Array(outWidth * outHeight * 4);
  const stepX = width > 1 ? 4 : 0;
  const stepY = height > 1 ? width * 4 : 0;
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const at = (2 * y * width + 2 * x) * 4;
      for (let c = 0; c < 4; c++) {
        const sum =
          data[at + c]! + data[at + stepX + c]! + data[at + stepY + c]! + data[at + stepY + stepX + c]!;
        out[(y * outWidth + x) * 4 + c] = (sum + 2) >> 2;
      }
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}
