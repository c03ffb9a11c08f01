/**
 * The pixel spaces of the pipeline (re-exported by types.ts, the pipeline's vocabulary), named on every point and rectangle (a brand: the type says it, the
 * value is a plain pair or box):
 * - `image`: the photo as decoded (EXIF orientation applied);
 * - `analysis`: its small copy (longest side ANALYSIS_SIDE_PX, check.ts) that the outline is found in;
 * - `document`: the rectified document, `RECTIFIED_WIDTH` by its own height;
 * - `upright`: an image the MRZ is looked for in, at full size, turned the way up being tried;
 * - `search`: that image's copy shrunk for the MRZ search (SEARCH_WIDTH_PX wide);
 * - `crop`: a piece cut out for one reading (an OCR crop, the flag's region of a licence).
 */
export type PixelSpace = 'image' | 'analysis' | 'document' | 'upright' | 'search' | 'crop';

export type PointIn<S extends PixelSpace> = readonly [x: number, y: number] & { readonly __space: S };

/** A point in the pixels of the photo as decoded (EXIF orientation applied). */
export type ImagePoint = PointIn<'image'>;

/** A point in the analysis copy of the photo, where the outline is found (scaleQuad takes it to the photo). */
export type AnalysisPoint = PointIn<'analysis'>;

/** A point in the rectified document, whose size is `RECTIFIED_WIDTH` by its own height. */
export type DocumentPoint = PointIn<'document'>;

/** The point (x, y) in `space`. */
export function pointIn<S extends PixelSpace>(_space: S, x: number, y: number): PointIn<S> {
  return [x, y] as unknown as PointIn<S>;
}

/** A rectangle in the pixels of `S`: x ≤ column < x + width, y ≤ row < y + height. */
export interface Rect<S extends PixelSpace> {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The brand: in the type only, never in the value. */
  readonly __space: S;
}

/** The rectangle at (x, y), `width` by `height`, in `space`. */
export function rectIn<S extends PixelSpace>(
  _space: S,
  x: number,
  y: number,
  width: number,
  height: number,
): Rect<S> {
  return { x, y, width, height } as Rect<S>;
}

/** The four corners of a document, clockwise from the corner nearest the photo's top-left. */
export type Quad<P> = readonly [P, P, P, P];
