/**
 * Warps the document inside a quad to a flat, upright rectangle of fixed size.
 */
import type { Mat } from '@techstark/opencv-js';
import { matToRgba, pointsMat, rgbaToMat, type MatScope } from '../cv.ts';
import { quadSideLengths } from '../geometry.ts';
import { rectIn, type ImagePoint, type Quad, type Rect, type RgbaImage } from '../types.ts';
import { warpPerspective } from './warpPerspective.ts';

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

/** Where the document lies in the photo and the size it is rectified to: worked out once, warped as needed. */
export interface Rectification {
  readonly format: DocumentFormat;
  readonly width: number;
  readonly height: number;
  /** The quad's corners in the order they map to the rectified corners, clockwise from top-left. */
  readonly corners: readonly ImagePoint[];
  readonly photoPxPerDocPx: number;
}

/**
 * `quad` is in the pixels of the photo, clockwise from the photo's top-left. The long side becomes
 * the rectified width; a portrait document comes out landscape (it may then be upside down: the
 * MRZ stage tries both ways up).
 */
export function planRectification(quad: Quad<ImagePoint>, options: RectifyOptions = {}): Rectification {
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
  const corners = [0, 1, 2, 3].map((i) => quad[(start + i) % 4]!);
  return { format, width, height, corners, photoPxPerDocPx: Math.max(horizontal, vertical) / width };
}

export function rectifyDocument(
  scope: MatScope,
  photo: RgbaImage,
  quad: Quad<ImagePoint>,
  options: RectifyOptions = {},
): RectifiedDocument {
  return rectifyPlanned(scope, photo, planRectification(quad, options));
}

/** The document as `plan` has it, for a caller that planned it already (check.ts, for the MRZ search). */
export function rectifyPlanned(scope: MatScope, photo: RgbaImage, plan: Rectification): RectifiedDocument {
  const whole = rectIn('document', 0, 0, plan.width, plan.height);
  return {
    image: warpRectified(scope, photo, plan, whole, 1),
    format: plan.format,
    photoPxPerDocPx: plan.photoPxPerDocPx,
  };
}

/**
 * A region of the rectified document (in its pixels), warped straight from the photo at `scale`:
 * with scale 1 and the whole document, exactly what rectifyDocument gives. Our SIMD warp where it
 * runs, else OpenCV's, which gives the same bytes. The MRZ search warps its pieces this way
 * (mrz/mrzImage.ts), so its OCR can start before the whole document is warped.
 */
export function warpRectified(
  scope: MatScope,
  photo: RgbaImage,
  plan: Rectification,
  region: Rect<'document'>,
  scale: number,
): RgbaImage {
  const { cv } = scope;
  const { width, height } = plan;
  const target: [number, number][] = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ].map(([x, y]) => [(x! - region.x) * scale, (y! - region.y) * scale]);
  const transform = scope.track(
    cv.getPerspectiveTransform(pointsMat(scope, plan.corners), pointsMat(scope, target)),
  );
  const size = {
    width: Math.round(region.width * scale),
    height: Math.round(region.height * scale),
  };
  // warpPerspective inverts the matrix so (LU); the same inverse makes the same pixels.
  const inverse = scope.mat();
  cv.invert(transform, inverse, cv.DECOMP_LU);
  const warped = warpPerspective(photo, inverse.data64F, size.width, size.height);
  if (warped) return warped;
  const fallback = scope.mat();
  cv.warpPerspective(
    photoMat(scope, photo),
    fallback,
    transform,
    new cv.Size(size.width, size.height),
    cv.INTER_LINEAR,
    cv.BORDER_REPLICATE,
  );
  return matToRgba(fallback);
}

/** The photo in OpenCV's heap, copied there once per scope, for OpenCV's warp. */
const photoMats = new WeakMap<MatScope, { photo: RgbaImage; mat: Mat }>();
function photoMat(scope: MatScope, photo: RgbaImage): Mat {
  const held = photoMats.get(scope);
  if (held?.photo === photo) return held.mat;
  const mat = rgbaToMat(scope, photo);
  photoMats.set(scope, { photo, mat });
  return mat;
}
