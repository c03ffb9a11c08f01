/**
 * Warps the document inside a quad to a flat, upright rectangle of fixed size.
 */
import type { Mat } from '@techstark/opencv-js';
import { matToRgba, pointsMat, type MatScope } from '../cv.ts';
import { quadSideLengths } from '../geometry.ts';
import type { ImagePoint, Quad, RgbaImage } from '../types.ts';

/** ISO/IEC 7810 sizes in mm (ICAO 9303 part 4 for the TD3 passport page, part 5 for TD1, part 6 for TD2). */
export const DOCUMENT_FORMATS = {
  'id-1': { widthMm: 85.6, heightMm: 53.98 },
  'passport-page': { widthMm: 125, heightMm: 88 },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/**
 * Rectified width in pixels: at these, an MRZ character (2.0–2.4 mm high) is ~30 px, the height
 * tesseract's legacy classifier reads best, and no phone photo is upscaled by much.
 */
export const RECTIFIED_WIDTH_PX: Record<DocumentFormat, number> = { 'id-1': 1100, 'passport-page': 1600 };

/** Below this the document's print is not worth reading anyway (clarity fails it on size). */
const MIN_RECTIFIED_WIDTH_PX = 400;

/** ID-1 (1.585) or a passport page (1.42), by the seen aspect; 1.5 sits between them. */
export function formatFromAspect(aspect: number): DocumentFormat {
  return aspect >= 1.5 ? 'id-1' : 'passport-page';
}

export interface RectifiedDocument {
  readonly image: RgbaImage;
  readonly format: DocumentFormat;
  /** Photo pixels per document pixel, along the top side: how much detail the photo really had. */
  readonly photoPxPerDocPx: number;
}

export interface RectifyOptions {
  /** Narrower than RECTIFIED_WIDTH_PX, for a caller that needs no more (nothing is read from it). */
  readonly maxWidthPx?: number;
}

/**
 * `quad` is in the pixels of `photo`, clockwise from the photo's top-left. The long side becomes
 * the rectified width; a portrait document comes out landscape (it may then be upside down: the
 * MRZ stage tries both ways up).
 */
export function rectifyDocument(
  scope: MatScope,
  photo: Mat,
  quad: Quad<ImagePoint>,
  options: RectifyOptions = {},
): RectifiedDocument {
  const { cv } = scope;
  const { horizontal, vertical } = quadSideLengths(quad);
  const aspect = Math.max(horizontal, vertical) / Math.max(1, Math.min(horizontal, vertical));
  const format = formatFromAspect(aspect);
  // Never wider than the photo had it: upsampling adds no detail, only time (the MRZ crop is
  // rescaled for OCR on its own).
  const width = Math.round(
    Math.min(
      RECTIFIED_WIDTH_PX[format],
      options.maxWidthPx ?? Infinity,
      Math.max(MIN_RECTIFIED_WIDTH_PX, horizontal, vertical),
    ),
  );
  const { widthMm, heightMm } = DOCUMENT_FORMATS[format];
  const height = Math.round((width * heightMm) / widthMm);
  // Start the quad at a corner whose following side is a long one, so the long side maps to the width.
  const start = horizontal >= vertical ? 0 : 1;
  const source = [0, 1, 2, 3].map((i) => quad[(start + i) % 4]!);
  const target: [number, number][] = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ];
  const transform = scope.track(
    cv.getPerspectiveTransform(pointsMat(scope, source), pointsMat(scope, target)),
  );
  const warped = scope.mat();
  cv.warpPerspective(
    photo,
    warped,
    transform,
    new cv.Size(width, height),
    cv.INTER_LINEAR,
    cv.BORDER_REPLICATE,
  );
  return { image: matToRgba(warped), format, photoPxPerDocPx: Math.max(horizontal, vertical) / width };
}
