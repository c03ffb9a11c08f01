/**
 * The writing on a held sheet, cut out for the OCR: the box round its ink with a margin, grey, scaled so
 * that the writing is WRITING_HEIGHT_PX high (tesseract reads best with text some tens of pixels high,
 * and a small crop keeps a reading short), and the paper and the margin made white, so that its
 * shading, the sheet's edges and the hand holding it do not read as marks.
 */
import type { GreyImage } from '../image.ts';
import type { RgbaImage } from '../types.ts';
import type { HeldSheet } from './findSheet.ts';
import { SHEET_THRESHOLDS as T } from './sheetThresholds.ts';

/** The writing's height in the crop (measured on the drawn sheets: see README.md). */
export const WRITING_HEIGHT_PX = 48;

export function writingCrop(
  image: RgbaImage,
  sheet: HeldSheet,
  height = WRITING_HEIGHT_PX,
): GreyImage | null {
  const ink = sheet.ink.box;
  if (!ink) return null;
  const margin = Math.round(ink.height * 0.3);
  const x0 = Math.max(sheet.box.x, ink.x - margin);
  const y0 = Math.max(sheet.box.y, ink.y - margin);
  const x1 = Math.min(sheet.box.x + sheet.box.width, ink.x + ink.width + margin);
  const y1 = Math.min(sheet.box.y + sheet.box.height, ink.y + ink.height + margin);
  const scale = height / ink.height;
  const width = Math.max(1, Math.round((x1 - x0) * scale));
  const rows = Math.max(1, Math.round((y1 - y0) * scale));
  // Halfway between the paper and the ink's threshold: lighter is paper, made white.
  const paper = sheet.paperLuma * (1 - T.inkContrast / 2);
  // The margin is left white: what lies round the ink (the sheet's edge, a thumb) is not writing.
  const data = new Uint8Array(width * rows).fill(255);
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < width; x++) {
      const [sx, sy] = [x0 + (x + 0.5) / scale - 0.5, y0 + (y + 0.5) / scale - 0.5];
      if (
        sx < ink.x - 0.5 ||
        sy < ink.y - 0.5 ||
        sx > ink.x + ink.width - 0.5 ||
        sy > ink.y + ink.height - 0.5
      )
        continue;
      const luma = bilinearLuma(image, sx, sy);
      if (luma < paper) data[y * width + x] = Math.round(luma);
    }
  return { width, height: rows, data };
}

function bilinearLuma(image: RgbaImage, x: number, y: number): number {
  const left = Math.min(image.width - 2, Math.max(0, Math.floor(x)));
  const top = Math.min(image.height - 2, Math.max(0, Math.floor(y)));
  const fx = Math.min(1, Math.max(0, x - left));
  const fy = Math.min(1, Math.max(0, y - top));
  const at = (column: number, row: number) => {
    const i = (row * image.width + column) * 4;
    return 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
  };
  const upper = at(left, top) * (1 - fx) + at(left + 1, top) * fx;
  const lower = at(left, top + 1) * (1 - fx) + at(left + 1, top + 1) * fx;
  return upper * (1 - fy) + lower * fy;
}
