/**
 * The image the MRZ is looked for in, as the search needs it: a small copy to locate the band on, and
 * only the band at full size for OCR. A rectified document makes both straight from the photo, so
 * its OCR can start before the whole document is warped (see check.ts); a plain image crops itself.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, matToGrey, withMats, type MatScope } from '../cv.ts';
import { cropGrey, cropRgba, toGreyscale, type GreyImage } from '../image.ts';
import { warpRectified, type Rectification } from '../rectify/rectifyDocument.ts';
import { rectIn, type PixelSpace, type Rect, type RgbaImage } from '../types.ts';
import { inkStrokes, joinedStrokes, type SearchCopy } from './locateMrz.ts';
import { brightestOnSimd } from '../rgbaBytesSimd.ts';

/** Bands are located at this width: the MRZ's lines stay several pixels high, and the morphology stays cheap. */
export const SEARCH_WIDTH_PX = 900;

/**
 * `S`: the space of its full-size pixels: `image` for the photo, `document` for the rectified
 * document, `upright` for either turned the way up being tried.
 */
export interface MrzImage<S extends PixelSpace> {
  /** Full size. */
  readonly width: number;
  readonly height: number;
  /** No wider than SEARCH_WIDTH_PX (area-averaged), and the scale from full size to it. */
  search(): TurnableSearchCopy;
  /** Full-size grey pixels of a region inside the image, in whole pixels. */
  region(region: Rect<S>): GreyImage;
  /** The same region as its MRZ ink (mrzInk): a second reading where colour is printed over the code. */
  inkRegion(region: Rect<S>): GreyImage;
  /** The same image turned `turns` quarter turns clockwise. */
  turned(turns: number): MrzImage<'upright'>;
}

/**
 * The photo held whole, searched when no outline was found: its MRZ ink (mrzInk) to locate lines on,
 * its luminance to read them. Both are made for the small copy and for each band cut out, not kept
 * for the whole photo: the two copies, 24 MB at 12 MP, were held through the search, at the moment
 * a check's memory peaks (npm run trace:memory; issue 13).
 */
export function plainMrzImage(cv: OpenCv, photo: RgbaImage | GreyImage): MrzImage<'image'> {
  // A grey photo is its own grey (toGreyscale copies nothing then).
  const grey = photo.data.length === photo.width * photo.height ? toGreyscale(photo) : null;
  // In JavaScript: a band is a few rows, and OpenCV would first want the whole image in its heap.
  const cut = (region: Rect<'image'>) => (grey ? cropGrey(grey, region) : cropRgba(photo, region));
  let search: TurnableSearchCopy | undefined;
  const image: MrzImage<'image'> = {
    width: photo.width,
    height: photo.height,
    search: () => (search ??= turnableSearchCopy(cv, shrinkForSearch(cv, mrzInk(photo)))),
    region: (region) => toGreyscale(cut(region)),
    inkRegion: (region) => mrzInk(cut(region)),
    turned: (turns) => turnedMrzImage(cv, image, turns),
  };
  return image;
}

/**
 * The MRZ's ink as a grey image, to locate its lines on: each pixel's brightest channel. ICAO 9303
 * part 3 has the MRZ printed to absorb in the near infrared (B900), where readers see it alone:
 * carbon-black print, dark in every channel. A stamp, tint or guilloche printed over or under it in
 * colour is bright in at least one channel, so it fades here where luminance keeps it as dark as the
 * print (a red SPECIMEN across the code split its lines on ../shared/real-photos' prado scans). The
 * lines are read on luminance, though: JPEG keeps colour at half resolution, so where colour touches
 * a glyph the brightest channel smears its strokes (a P read as F beside a green guilloche; yellow
 * dashes over fillers read as 2). A grey image is as it is.
 */
export function mrzInk(image: RgbaImage | GreyImage): GreyImage {
  const pixels = image.width * image.height;
  if (image.data.length === pixels) return image as GreyImage;
  const ink = new Uint8Array(pixels);
  const rgba = image.data;
  if (brightestOnSimd(rgba, ink, pixels)) return { width: image.width, height: image.height, data: ink };
  for (let i = 0, j = 0; i < pixels; i++, j += 4) ink[i] = Math.max(rgba[j]!, rgba[j + 1]!, rgba[j + 2]!);
  return { width: image.width, height: image.height, data: ink };
}

/**
 * `base` turned: its small copy is turned, and a region is cut from `base` and then turned, so nothing
 * is turned at full size.
 */
export function turnedMrzImage<S extends PixelSpace>(
  cv: OpenCv,
  base: MrzImage<S>,
  turns: number,
): MrzImage<'upright'> {
  const quarter = ((turns % 4) + 4) % 4;
  // Not turned: the upright image's pixels are the base's own.
  if (quarter === 0) return base as unknown as MrzImage<'upright'>;
  const sideways = quarter % 2 === 1;
  const width = sideways ? base.height : base.width;
  const height = sideways ? base.width : base.height;
  let search: TurnableSearchCopy | undefined;
  return {
    width,
    height,
    search: () => (search ??= base.search().turned(quarter)),
    region(region) {
      return rotateQuarterTurns(cv, base.region(unturnBox<S>(region, quarter, width, height)), quarter);
    },
    inkRegion(region) {
      return rotateQuarterTurns(cv, base.inkRegion(unturnBox<S>(region, quarter, width, height)), quarter);
    },
    turned: (more) => turnedMrzImage(cv, base, quarter + more),
  };
}

/** A search copy that can be turned, its strokes found once for it and every turn of it. */
export interface TurnableSearchCopy extends SearchCopy {
  readonly joined: () => GreyImage;
  /** The copy turned `turns` quarter turns clockwise. */
  turned(turns: number): TurnableSearchCopy;
}

/**
 * The search copy with the masks locateMrzBands locates lines on (its ink strokes, joined along a
 * line) made once, and the same copy turned keeping them turned: the search tries a document both
 * ways up and a photo all four, and made them anew for each, 8 black-hats and closings over a photo
 * with no code. Turned, they are byte for byte those made on the turned copy: the black-hat's square
 * and the closings' bars are of odd sizes, centred, on borders padded alike all round (morphology.ts),
 * and Otsu's threshold is the whole copy's; a copy turned a quarter has its lines joined down the
 * columns, then turned.
 */
export function turnableSearchCopy(
  cv: OpenCv,
  copy: { readonly image: GreyImage; readonly scale: number },
): TurnableSearchCopy {
  let strokes: GreyImage | undefined;
  const joined: { rows?: GreyImage; columns?: GreyImage } = {};
  const joinedAlong = (along: 'rows' | 'columns') =>
    (joined[along] ??= joinedStrokes(cv, (strokes ??= inkStrokes(cv, copy.image)), along));
  const turn = (turns: number): TurnableSearchCopy => {
    const quarter = ((turns % 4) + 4) % 4;
    if (quarter === 0) return unturned;
    return {
      image: rotateQuarterTurns(cv, copy.image, quarter),
      scale: copy.scale,
      joined: () => rotateQuarterTurns(cv, joinedAlong(quarter % 2 === 0 ? 'rows' : 'columns'), quarter),
      turned: (more) => turn(quarter + more),
    };
  };
  const unturned: TurnableSearchCopy = {
    image: copy.image,
    scale: copy.scale,
    joined: () => joinedAlong('rows'),
    turned: turn,
  };
  return unturned;
}

/** Area-averaged down to SEARCH_WIDTH_PX wide, never up. */
export function shrinkForSearch(cv: OpenCv, grey: GreyImage): { image: GreyImage; scale: number } {
  const scale = Math.min(1, SEARCH_WIDTH_PX / grey.width);
  if (scale === 1) return { image: grey, scale };
  return withMats(cv, (scope) => {
    const small = scope.mat();
    const size = new cv.Size(Math.round(grey.width * scale), Math.round(grey.height * scale));
    cv.resize(greyToMat(scope, grey), small, size, 0, 0, cv.INTER_AREA);
    return { image: matToGrey(small), scale };
  });
}

/**
 * A box found in the image turned `turns` quarter turns clockwise, back in the unturned image.
 * `width` and `height` are the turned image's.
 */
export function unturnBox<S extends PixelSpace>(
  box: Rect<'upright'>,
  turns: number,
  width: number,
  height: number,
): Rect<S> {
  // The space changes back from the upright image's to the base's: the one place a box is re-branded.
  const to = (x: number, y: number, w: number, h: number) => ({ x, y, width: w, height: h }) as Rect<S>;
  switch (((turns % 4) + 4) % 4) {
    case 1: // turned clockwise: (x, y) came from (y, width - x)
      return to(box.y, width - (box.x + box.width), box.height, box.width);
    case 2:
      return to(width - (box.x + box.width), height - (box.y + box.height), box.width, box.height);
    case 3: // turned anticlockwise: (x, y) came from (height - y, x)
      return to(height - (box.y + box.height), box.x, box.height, box.width);
    default:
      return to(box.x, box.y, box.width, box.height);
  }
}

export function rotateQuarterTurns(cv: OpenCv, grey: GreyImage, turns: number): GreyImage {
  const codes = [null, cv.ROTATE_90_CLOCKWISE, cv.ROTATE_180, cv.ROTATE_90_COUNTERCLOCKWISE];
  const code = codes[((turns % 4) + 4) % 4];
  if (code === null || code === undefined) return grey;
  return withMats(cv, (scope) => {
    const rotated = scope.mat();
    cv.rotate(greyToMat(scope, grey), rotated, code);
    return matToGrey(rotated);
  });
}

/**
 * The rectified document as the MRZ search wants it, warped straight from the photo in two small
 * pieces (its search copy, then the band) rather than whole: the OCR can then start while the whole
 * document is still to be warped.
 */
export function rectifiedMrzImage(
  scope: MatScope,
  photo: RgbaImage,
  plan: Rectification,
): MrzImage<'document'> {
  const whole = rectIn('document', 0, 0, plan.width, plan.height);
  let search: TurnableSearchCopy | undefined;
  // A band read on its luminance is read again on its ink (readMrz.ts) from the same pixels.
  let last: { region: Rect<'document'>; pixels: RgbaImage } | undefined;
  const warped = (region: Rect<'document'>) => {
    if (!last || !isSameRect(last.region, region))
      last = { region, pixels: warpRectified(scope, photo, plan, region, 1) };
    return last.pixels;
  };
  const image: MrzImage<'document'> = {
    width: plan.width,
    height: plan.height,
    search() {
      const scale = Math.min(1, SEARCH_WIDTH_PX / plan.width);
      search ??= turnableSearchCopy(scope.cv, {
        image: mrzInk(warpRectified(scope, photo, plan, whole, scale)),
        scale,
      });
      return search;
    },
    region: (region) => toGreyscale(warped(region)),
    inkRegion: (region) => mrzInk(warped(region)),
    turned: (turns) => turnedMrzImage(scope.cv, image, turns),
  };
  return image;
}

function isSameRect<S extends PixelSpace>(a: Rect<S>, b: Rect<S>): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
