/**
 * Photos as phones save them: the camera's pixels as the sensor had them, and an EXIF orientation
 * saying how to turn them for display (EXIF 2.32 §4.6.4 tag 274: 3 = turn 180°, 6 = turn 90°
 * clockwise, 8 = turn 90° anticlockwise). And noise, for filters that must equal OpenCV byte for byte.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';

export type ExifOrientation = 3 | 6 | 8;

/** How far clockwise the stored pixels are turned from the upright photo, so the tag turns them back. */
const STORED_TURN: Record<ExifOrientation, number> = { 3: 180, 6: 270, 8: 90 };

/** The upright photo at `path`, stored turned and tagged with `orientation`, as a JPEG. */
export async function exifTurnedJpeg(path: string, orientation: ExifOrientation): Promise<Buffer> {
  const turned = await sharp(path).rotate(STORED_TURN[orientation]).toBuffer();
  return sharp(turned).withMetadata({ orientation }).jpeg({ quality: 92 }).toBuffer();
}

/**
 * Pixels with no structure at all, the same on every run (a linear congruential generator): the
 * hardest input for a filter that must equal OpenCV's byte for byte, since every value occurs.
 */
export function noiseImage(width: number, height: number, channels: 1 | 4 = 4) {
  const data = new Uint8Array(width * height * channels);
  let state = 12345;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data };
}

/**
 * How many bytes of two images of one size differ (the sizes are asserted equal): counted, since
 * Vitest compares a million-byte array slowly.
 */
export function differingBytes(a: SizedBytes, b: SizedBytes): number {
  expect([a.width, a.height]).toStrictEqual([b.width, b.height]);
  let differing = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) differing++;
  return differing;
}

interface SizedBytes {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/**
 * `make()` with our WebAssembly SIMD kernels, then without them (each caller's JavaScript or OpenCV
 * path), the kernels allowed again after.
 */
export function withAndWithoutSimd<T>(make: () => T): [simd: T, plain: T] {
  try {
    allowSimdKernels(true);
    const simd = make();
    allowSimdKernels(false);
    return [simd, make()];
  } finally {
    allowSimdKernels(true);
  }
}
