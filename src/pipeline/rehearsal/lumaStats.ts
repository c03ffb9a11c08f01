import type { RgbaImage } from '../types.ts';
import { FACE_THRESHOLDS } from './faceThresholds.ts';

export interface LumaStats {
  readonly count: number;
  readonly mean: number;
  readonly deviation: number;
  /** Pixels at or above FACE_THRESHOLDS.shineLuma. */
  readonly shine: number;
}

/** Rec. 601 luma over the pixels in [x0, x1) × [y0, y1), clipped to the image. */
export function lumaStats(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): LumaStats {
  const left = Math.max(0, x0);
  const top = Math.max(0, y0);
  const right = Math.min(image.width, x1);
  const bottom = Math.min(image.height, y1);
  let count = 0;
  let sum = 0;
  let squares = 0;
  let shine = 0;
  const { data, width } = image;
  for (let y = top; y < bottom; y++) {
    for (let at = (y * width + left) * 4, end = (y * width + right) * 4; at < end; at += 4) {
      const luma = 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!;
      sum += luma;
      squares += luma * luma;
      if (luma >= FACE_THRESHOLDS.shineLuma) shine++;
      count++;
    }
  }
  if (count === 0) return { count, mean: 0, deviation: 0, shine };
  const mean = sum / count;
  return { count, mean, deviation: Math.sqrt(Math.max(0, squares / count - mean * mean)), shine };
}
