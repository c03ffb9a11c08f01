/**
 * Warps the document inside a quad to a flat, upright rectangle of fixed size.
 */
import type { Mat } from '@techstark/opencv-js';
import { matToGrey, matToRgba, pointsMat, type MatScope } from '../cv.ts';
import type { GreyImage } from '../image.ts';
import { SEARCH_WIDTH_PX, turnedMrzImage, type MrzImage, type PixelRegion } from '../mrz/mrzImage.ts';
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
  photo: Mat,
  quad: Quad<ImagePoint>,
  options: RectifyOptions = {},
): RectifiedDocument {
  const plan = planRectification(quad, options);
  const whole = { x0: 0, y0: 0, x1: plan.width, y1: plan.height };
  return {
    image: matToRgba(warpRectified(scope, photo, plan, whole, 1)),
    format: plan.format,
    photoPxPerDocPx: plan.photoPxPerDocPx,
  };
}

/**
 * A region of the rectified document (in its pixels), warped straight from the photo at `scale`:
 * with scale 1 and the whole document, exactly what rectifyDocument gives.
 */
function warpRectified(
  scope: MatScope,
  photo: Mat,
  plan: Rectification,
  region: PixelRegion,
  scale: number,
): Mat {
  const { cv } = scope;
  const { width, height } = plan;
  const target: [number, number][] = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ].map(([x, y]) => [(x! - region.x0) * scale, (y! - region.y0) * scale]);
  const transform = scope.track(
    cv.getPerspectiveTransform(pointsMat(scope, plan.corners), pointsMat(scope, target)),
  );
  const warped = scope.mat();
  cv.warpPerspective(
    photo,
    warped,
    transform,
    new cv.Size(Math.round((region.x1 - region.x0) * scale), Math.round((region.y1 - region.y0) * scale)),
    cv.INTER_LINEAR,
    cv.BORDER_REPLICATE,
  );
  return warped;
}

/**
 * The rectified document as the MRZ search wants it, warped straight from the photo in two small
 * pieces (its search copy, then the band) rather than whole: the OCR can then start while the whole
 * document is still to be warped. `photo` must outlive every use.
 */
export function rectifiedMrzImage(scope: MatScope, photo: Mat, plan: Rectification): MrzImage {
  const { cv } = scope;
  const greyOf = (rgba: Mat) => {
    const grey = scope.mat();
    cv.cvtColor(rgba, grey, cv.COLOR_RGBA2GRAY);
    return matToGrey(grey);
  };
  const whole = { x0: 0, y0: 0, x1: plan.width, y1: plan.height };
  let search: { image: GreyImage; scale: number } | undefined;
  const image: MrzImage = {
    width: plan.width,
    height: plan.height,
    search() {
      const scale = Math.min(1, SEARCH_WIDTH_PX / plan.width);
      return (search ??= { image: greyOf(warpRectified(scope, photo, plan, whole, scale)), scale });
    },
    region: (region) => greyOf(warpRectified(scope, photo, plan, region, 1)),
    turned: (turns) => turnedMrzImage(cv, image, turns),
  };
  return image;
}
