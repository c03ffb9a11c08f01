/**
 * Glare is print lost under a bright wash (issue 12, item 3): light added over the document lifts a
 * patch above its own paper, towards white and colourless, and the print under it fades into it,
 * whether or not the sensor clipped. A white area whose print stays crisp (a white MRZ band on a
 * tinted card, a white page) is paper, not glare, however bright; so is the fill beyond the photo's
 * edge in a document rectified from a quad that runs off it. Thresholds: README.md in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, type MatScope } from '../cv.ts';
import { isConvex } from '../geometry.ts';
import { byteHistogram, type GreyImage } from '../image.ts';
import { rectFilter } from '../morphology.ts';
import type { RgbaImage } from '../types.ts';
import { FAINT_WEIGHT, fadedPaperLevel, fadedPrintMask } from './fadedPrint.ts';
import { BETWEEN_PRINT, inLineOfPrint, LIFTED, PAPER_AT_LIMIT, WASH_ABOVE_PAPER } from './printLines.ts';

/**
 * A pixel is washed when every channel is above the document's own paper (its PAPER_SHARE percentile)
 * by WASH_ABOVE_PAPER, and at least WASH_FLOOR (so that a grey card's light print is not called
 * glare), at most GLARE_LEVEL (a sensor at its limit). Every channel high is also colourless.
 */
const GLARE_LEVEL = 254;
const WASH_FLOOR = 246;
const PAPER_SHARE = 0.75;
/** Paper this light is itself at the sensor's limit (a white render or scan): a clipped patch on it is paper. */
const CLIPPED_PAPER = 250;
/** A patch along this share of a side of the image is a margin or the background, not a reflection on the document. */
const MARGIN_SIDE_SHARE = 0.4;
/** The bottom share of the rectified document, where the MRZ and most printed fields are, counts double. */
const TEXT_BAND_SHARE = 0.35;
/**
 * Print is measured in a square about a glyph high: ICAO 9303's 2.3 mm OCR-B glyph is 2.7% of an
 * ID-1 card's 85.6 mm width and 1.8% of a passport page's 125 mm; the window takes 2.5% of the
 * document's long side, so a pixel between two lines of print still sees one of them.
 */
const PRINT_WINDOW_SHARE = 0.025;
/**
 * The document's print contrast: this percentile of the local range (lightest less darkest in the
 * window) over the whole document, where print and its paper meet. Never below MIN_PRINT_CONTRAST,
 * so that a document with almost no print does not call a wash's faint remains crisp.
 */
const PRINT_CONTRAST_SHARE = 0.95;
const MIN_PRINT_CONTRAST = 60;
/** Print is still there (crisp) where its local range is at least this share of the document's print contrast. */
const CRISP_RATIO = 0.5;
/** How far along a row or down a column print is looked for on each side of a washed pixel. */
const FLANK_SHARE = 0.25;

/** Where the measured document lies in the photo, so that the fill beyond the photo's edge is left out. */
export interface DocumentInPhoto {
  /** The document's corners in photo pixels, clockwise from its top-left. */
  readonly corners: readonly (readonly [number, number])[];
  readonly photoWidth: number;
  readonly photoHeight: number;
}

const washLevel = (paper: number) => Math.min(GLARE_LEVEL, Math.max(WASH_FLOOR, paper + WASH_ABOVE_PAPER));

/**
 * The share of the document's print lost under a wash: washed pixels (in solid patches, lifted above
 * their line's paper, within reach of print along it) over those and the crisp print, or print faded
 * (fadedPrint.ts) between crisp print along its line, at FAINT_WEIGHT, whichever is more; the bottom
 * TEXT_BAND_SHARE (the MRZ and most fields) counted double. `image` is the document as measured,
 * `grey` its luminance, `histogram` the luminance's; `inPhoto` where it lies in the photo, if rectified.
 */
export function measureGlare(
  scope: MatScope,
  image: RgbaImage,
  grey: GreyImage,
  histogram: Uint32Array,
  inPhoto: DocumentInPhoto | null,
): number {
  const paper = percentileOf(histogram, grey.data.length, PAPER_SHARE);
  // White paper: only where the sensor clipped is it washed, and on paper at the limit not even there
  // (a render); elsewhere a wash shows as print faded.
  const onWhite = paper >= CLIPPED_PAPER;
  const washed = washedMask(image, paper >= PAPER_AT_LIMIT ? 256 : onWhite ? 255 : washLevel(paper));
  // Neither washed nor bright enough for a wash to have faded print: 3 ms of an 800-px document's 10 (the live camera).
  if (!washed.data.includes(255) && !washedMask(image, fadedPaperLevel(paper)).data.includes(255)) return 0;
  // The fill beyond the photo's edge of a quad that runs off it: no print in it was lost.
  const beyond = { ...washed, data: new Uint8Array(washed.data.length).fill(255) };
  if (inPhoto && leaveOutBeyondPhoto(scope, beyond, inPhoto)) clearOutside(washed.data, beyond.data);
  const { cv } = scope;
  const window = Math.max(5, Math.round(PRINT_WINDOW_SHARE * Math.max(image.width, image.height)) | 1);
  const { light, range } = localRange(cv, grey, window);
  const printContrast = Math.max(MIN_PRINT_CONTRAST, percentileOfValues(range.data, PRINT_CONTRAST_SHARE));
  const crisp = atLeast(range.data, CRISP_RATIO * printContrast);
  const reach = Math.round(FLANK_SHARE * Math.max(image.width, image.height));
  const inLine = inLineOfPrint(grey, light, crisp, reach, window);
  const solid = washedPatches(scope, washed, onWhite ? window : 3);
  const faded = fadedPrintMask(cv, image, { light, range, crisp, window, printContrast }, paper);
  const textStart = Math.floor(image.height * (1 - TEXT_BAND_SHARE));
  const { washedLost, fadedLost, print } = countLost(
    { crisp, solid, faded, beyond: beyond.data, inLine },
    image.width,
    textStart,
  );
  const share = (lost: number) => (lost + print === 0 ? 0 : lost / (lost + print));
  return Math.max(share(washedLost), FAINT_WEIGHT * share(fadedLost));
}

/** Clears `mask` wherever `keep` is 0. */
function clearOutside(mask: Uint8Array, keep: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) if (!keep[i]) mask[i] = 0;
}

/** 1 where the value is at least `floor`, else 0. */
function atLeast(values: Uint8Array, floor: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! >= floor ? 1 : 0;
  return out;
}

/**
 * The crisp print, the print lost under a wash and the print faded between crisp print, rows from
 * `textStart` down counted twice (measureGlare).
 */
function countLost(
  masks: {
    crisp: Uint8Array;
    solid: Uint8Array;
    faded: Uint8Array;
    beyond: Uint8Array;
    inLine: Uint8Array;
  },
  width: number,
  textStart: number,
): { washedLost: number; fadedLost: number; print: number } {
  const { crisp, solid, faded, beyond, inLine } = masks;
  const counts = new Float64Array(3);
  countLostInto(crisp, solid, faded, beyond, inLine, textStart * width, counts);
  const [washedLost, fadedLost, print] = counts;
  return { washedLost: washedLost!, fadedLost: fadedLost!, print: print! };
}

/**
 * countLost's loop, over typed arrays and numbers alone, its counts written into `counts` (washed
 * lost, faded lost, print): a loop that runs once a photo keeps its optimised code only so (image.ts).
 */
function countLostInto(
  crisp: Uint8Array,
  solid: Uint8Array,
  faded: Uint8Array,
  beyond: Uint8Array,
  inLine: Uint8Array,
  doubleFrom: number,
  counts: Float64Array,
): void {
  let washedLost = 0;
  let fadedLost = 0;
  let print = 0;
  for (let i = 0; i < crisp.length; i++) {
    const weight = i >= doubleFrom ? 2 : 1;
    if (crisp[i]) print += weight;
    else if (solid[i] && inLine[i]! & LIFTED) washedLost += weight;
    else if (faded[i] && beyond[i] && inLine[i]! & BETWEEN_PRINT) fadedLost += weight;
  }
  counts[0] = washedLost;
  counts[1] = fadedLost;
  counts[2] = print;
}

/**
 * The washed pixels in solid patches (an opening `opening` px across drops isolated bright pixels, noise on white
 * stock), less any patch along a good part of a side of the image (a scan's white margin, a white
 * table round the document): 1 where counted.
 */
function washedPatches(scope: MatScope, washed: GreyImage, opening: number): Uint8Array {
  const { cv } = scope;
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_ELLIPSE, new cv.Size(opening, opening)));
  const solid = scope.mat();
  cv.morphologyEx(greyToMat(scope, washed), solid, cv.MORPH_OPEN, kernel);
  // Nothing left after the opening (the clean 12 MP passport's 1013 washed pixels were all isolated):
  // no patch to label, and every pixel uncounted, as labelling would give.
  if (!solid.data.includes(255)) return new Uint8Array(washed.data.length);
  const labels = scope.mat();
  const stats = scope.mat();
  const centroids = scope.mat();
  const count = cv.connectedComponentsWithStats(solid, labels, stats, centroids, 4, cv.CV_32S);
  const { width, height } = washed;
  const s = stats.data32S;
  const counted = new Uint8Array(count);
  for (let l = 1; l < count; l++) {
    const [x, y, w, h] = [s[l * 5]!, s[l * 5 + 1]!, s[l * 5 + 2]!, s[l * 5 + 3]!];
    const alongSide =
      ((x === 0 || x + w === width) && h >= height * MARGIN_SIDE_SHARE) ||
      ((y === 0 || y + h === height) && w >= width * MARGIN_SIDE_SHARE);
    counted[l] = alongSide ? 0 : 1;
  }
  return throughLabels(labels.data32S, counted);
}

/** Each pixel's label looked up in `counted` (a small function: its loop keeps its optimised code, image.ts). */
function throughLabels(label: Int32Array, counted: Uint8Array): Uint8Array {
  const out = new Uint8Array(label.length);
  for (let i = 0; i < out.length; i++) out[i] = counted[label[i]!]!;
  return out;
}

/** 255 where every channel is at least `level`, else 0. */
function washedMask(image: RgbaImage, level: number): GreyImage {
  const mask = new Uint8Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, j = 0; i < mask.length; i++, j += 4) {
    if (d[j]! >= level && d[j + 1]! >= level && d[j + 2]! >= level) mask[i] = 255;
  }
  return { width: image.width, height: image.height, data: mask };
}

/** Lightest in a `window`-square round each pixel, and lightest less darkest: how much print stands on its paper there. */
function localRange(cv: OpenCv, grey: GreyImage, window: number): { light: GreyImage; range: GreyImage } {
  const light = rectFilter(cv, grey, window, window, 'max');
  const dark = rectFilter(cv, grey, window, window, 'min');
  const range = { width: grey.width, height: grey.height, data: lessOf(light.data, dark.data) };
  return { light, range };
}

/** a - b byte by byte, over a's bytes (b no greater anywhere). */
function lessOf(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

/**
 * Clears the mask beyond the photo's edge, and says whether it may have cleared any: a quad that runs
 * off the photo is rectified with the photo's border pixels smeared outwards, a flat fill with no
 * print in it that is no wash.
 */
function leaveOutBeyondPhoto(scope: MatScope, mask: GreyImage, inPhoto: DocumentInPhoto): boolean {
  // A document whose four corners are on the photo lies wholly on it (a perspective takes the
  // rectangle's inside to a convex quad's): nothing to clear, and 0.45 M points not to map.
  const { corners } = inPhoto;
  if (isConvex(corners) && corners.every((corner) => isWellInside(corner, inPhoto))) return false;
  const { cv } = scope;
  const { width, height } = mask;
  const rectangle = [0, 0, width - 1, 0, width - 1, height - 1, 0, height - 1];
  const from = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, rectangle));
  const to = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, inPhoto.corners.flat()));
  const h = scope.track(cv.getPerspectiveTransform(from, to)).data64F;
  const [maxX, maxY] = [inPhoto.photoWidth - 1, inPhoto.photoHeight - 1];
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (!mask.data[i]) continue;
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const px = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const py = (h[3]! * x + h[4]! * y + h[5]!) / w;
      if (px < 0 || py < 0 || px > maxX || py > maxY) mask.data[i] = 0;
    }
  }
  return true;
}

/**
 * Inside the photo by more than the mapping's rounding: each pixel's place is one projective division,
 * off by ~1e-12 px at 4000 px, far under this margin.
 */
const ROUNDING_MARGIN_PX = 1e-3;

function isWellInside([x, y]: readonly [number, number], inPhoto: DocumentInPhoto): boolean {
  const [maxX, maxY] = [inPhoto.photoWidth - 1, inPhoto.photoHeight - 1];
  const margin = ROUNDING_MARGIN_PX;
  return x >= margin && y >= margin && x <= maxX - margin && y <= maxY - margin;
}

function percentileOf(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total * share) return v;
  }
  return 255;
}

function percentileOfValues(values: Uint8Array, share: number): number {
  return percentileOf(byteHistogram(values), values.length, share);
}
