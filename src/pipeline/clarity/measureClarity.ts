/**
 * Sharpness, glare and exposure of the rectified document, and whether its text is big enough to read.
 * Thresholds and where they came from: README.md in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, rgbaToMat, shrinkToFit, withMats, type MatScope } from '../cv.ts';
import { toGreyscale, type GreyImage } from '../image.ts';
import type { RgbaImage } from '../types.ts';
import { measurePrint, type PrintMeasures } from './measurePrint.ts';

/**
 * Each threshold sits at the geometric middle of the gap between the fixtures that must fail and the
 * fixtures and ../shared/real-ids images that must pass, as `npm run eval` prints them per variant
 * (measured 2026-11-24; README.md in this folder has the table).
 */
export const CLARITY_THRESHOLDS = {
  /** Variance of the Laplacian of the contrast-stretched document (at ≤ 800 px, never upsampled). Blur ≤ 109; clean ≥ 946; real photos ≥ 359. */
  minSharpness: 200,
  /** Weighted share of the document under solid clipped glare. Clean 0.000; glare 0.089–0.104. */
  maxGlare: 0.01,
  /** Median luminance (0..255). Dark ≤ 58; real crops ≥ 130; clean ≥ 217. */
  minBrightness: 90,
  maxBrightness: 235,
  /**
   * Washed out: besides a bright median, even the darkest 1% is this light. A white page is bright,
   * but its print stays dark.
   */
  minDarkestPrint: 110,
  /** MRZ glyph height in photo pixels, where no print was measured. Small ≤ 9; every other fixture ≥ 12. */
  minTextHeightPx: 10.5,
  /**
   * Variance of the Laplacian over the print's glyphs (measurePrint.ts). Fixtures: blur σ 3–8 px
   * 35–290, the mild blur 6160, clean ≥ 7000; real-photos that must pass ≥ 1000.
   */
  minPrintSharpness: 550,
  /**
   * The print's Laplacian variance over the same after a further 1-px blur (measurePrint.ts): blur
   * does not hide behind big glyphs. Fixtures: blur σ 3–8 px 1.8–2.5, clean ≥ 6; real-photos that must
   * pass ≥ 3.3 (a 1320-px visa scan, a 2450-px passport scan).
   */
  minPrintReblurRatio: 2.9,
  /**
   * Median height of the print's glyphs in photo pixels. Fixtures: small 7, every other ≥ 12;
   * real-photos: the 300-px scan that must fail 7, the 600-px scans that must pass 8–18.
   */
  minPrintHeightPx: 7.5,
} as const;

/** Measures are taken on the document scaled to this width (or its native width, if smaller). */
export const MEASURE_WIDTH_PX = 800;

/**
 * A pixel is glare when every channel is clipped: the sensor saturated. White card stock in ordinary
 * light stays below (fixtures: 0.2–0.4% of a clean white card's pixels reach 254, speckled by sensor
 * noise; 3.5% of a glare photo's pixels are a solid 255 core).
 */
const GLARE_LEVEL = 254;
/**
 * Light added over the document lifts it above its own paper before it clips: a pixel brighter than
 * the paper by WASH_ABOVE_PAPER in every channel is washed, clipped or not (never below WASH_FLOOR,
 * so that a grey card's light print is not called glare). The paper is the PAPER_SHARE percentile.
 */
const WASH_ABOVE_PAPER = 14;
const WASH_FLOOR = 246;
const PAPER_SHARE = 0.75;
/** Paper this light is itself at the sensor's limit (a white render or scan): a clipped patch on it is paper. */
const CLIPPED_PAPER = 250;
/** A patch along this share of a side of the image is a margin or the background, not a reflection on the document. */
const MARGIN_SIDE_SHARE = 0.4;

const washLevel = (paper: number) => Math.min(GLARE_LEVEL, Math.max(WASH_FLOOR, paper + WASH_ABOVE_PAPER));
/** The bottom share of the rectified document, where the MRZ and most printed fields are, counts double. */
const TEXT_BAND_SHARE = 0.35;

export interface ClarityMeasures {
  readonly sharpness: number;
  readonly glare: number;
  readonly brightness: number;
  /** 1st and 99th percentile of luminance. */
  readonly contrastRange: readonly [number, number];
  /** The print found on the document, measured where it sits (measurePrint.ts). */
  readonly print: PrintMeasures;
  /** Photo pixels per pixel of the image measured: glyph heights times this are in photo pixels. */
  readonly photoPxPerMeasuredPx: number;
}

/**
 * `nativeWidthPx`: how many photo pixels the document's long side really had. Measuring above that
 * would judge upsampling, not focus: a sharp but small document is a size problem, not a blur.
 */
export function measureClarity(cv: OpenCv, document: RgbaImage, nativeWidthPx: number): ClarityMeasures {
  return withMats(cv, (scope) => {
    const rgba = rgbaToMat(scope, document);
    const measureWidth = Math.max(200, Math.min(MEASURE_WIDTH_PX, Math.round(nativeWidthPx)));
    const { mat: small } = shrinkToFit(scope, rgba, measureWidth);
    // Read the pixels before allocating more Mats: a growing WASM heap detaches views into it.
    const rgbaSmall = { width: small.cols, height: small.rows, data: small.data };
    const grey = toGreyscale(rgbaSmall);
    const histogram = new Uint32Array(256);
    // Indexed, not for...of: V8 iterates a typed array four times slower (5 ms for an 800-px document).
    for (let i = 0; i < grey.data.length; i++) histogram[grey.data[i]!]!++;
    const low = percentile(histogram, grey.data.length, 0.01);
    const high = percentile(histogram, grey.data.length, 0.99);
    const paper = percentile(histogram, grey.data.length, PAPER_SHARE);
    const glare = glareShare(scope, brighterThanPaper(rgbaSmall, washLevel(paper)), paper);
    const brightness = percentile(histogram, grey.data.length, 0.5);

    // Stretch the contrast first so that a dark or hazy but sharp photo is not called blurred.
    const stretched = scope.track(new cv.Mat(grey.height, grey.width, cv.CV_8UC1));
    const range = Math.max(1, high - low);
    const stretch = new Uint8Array(256);
    for (let v = 0; v < 256; v++) stretch[v] = Math.max(0, Math.min(255, ((v - low) * 255) / range));
    const out = stretched.data;
    for (let i = 0; i < grey.data.length; i++) out[i] = stretch[grey.data[i]!]!;
    const laplacian = scope.mat();
    cv.Laplacian(stretched, laplacian, cv.CV_32F, 1);
    const mean = scope.mat();
    const deviation = scope.mat();
    cv.meanStdDev(laplacian, mean, deviation);
    const sharpness = (deviation.doubleAt(0, 0) ?? 0) ** 2;
    const lap = laplacian.data32F.slice();
    const soft = scope.mat();
    cv.GaussianBlur(stretched, soft, new cv.Size(0, 0), 1);
    const softLaplacian = scope.mat();
    cv.Laplacian(soft, softLaplacian, cv.CV_32F, 1);
    const print = measurePrint(scope, grey, lap, softLaplacian.data32F.slice());

    return {
      sharpness,
      glare,
      brightness,
      contrastRange: [low, high],
      print,
      photoPxPerMeasuredPx: Math.max(1, nativeWidthPx / Math.max(small.cols, small.rows)),
    };
  });
}

function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total * share) return v;
  }
  return 255;
}

/** 255 where every channel is at least `level`, else 0. */
function brighterThanPaper(image: RgbaImage, level: number): GreyImage {
  const mask = new Uint8Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, j = 0; i < mask.length; i++, j += 4) {
    if (d[j]! >= level && d[j + 1]! >= level && d[j + 2]! >= level) mask[i] = 255;
  }
  return { width: image.width, height: image.height, data: mask };
}

/**
 * Share of the document under solid washed patches (an opening drops isolated bright pixels, which
 * are noise on white stock), with the text band counted double. Glare is print lost under a wash, so
 * two kinds of bright patch are not counted: any on paper that is itself at the sensor's limit (a white
 * render or scan, whose print is as crisp as the paper is white; the washed-out check judges an
 * overexposed photo), and one along a good part of an edge of the image (a scan's white margin, a
 * white table round the document).
 */
function glareShare(scope: MatScope, washed: GreyImage, paper: number): number {
  // Nothing washed, nothing to open: most documents, and 3 ms of an 800-px one's 10 (the live camera).
  if (paper >= CLIPPED_PAPER || !washed.data.includes(255)) return 0;
  const { cv } = scope;
  const mask = greyToMat(scope, washed);
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_ELLIPSE, new cv.Size(3, 3)));
  const solid = scope.mat();
  cv.morphologyEx(mask, solid, cv.MORPH_OPEN, kernel);
  const labels = scope.mat();
  const stats = scope.mat();
  const centroids = scope.mat();
  const count = cv.connectedComponentsWithStats(solid, labels, stats, centroids, 4, cv.CV_32S);
  const { width, height } = washed;
  const s = stats.data32S;
  const counted = new Uint8Array(count);
  for (let i = 1; i < count; i++) {
    const [x, y, w, h] = [s[i * 5]!, s[i * 5 + 1]!, s[i * 5 + 2]!, s[i * 5 + 3]!];
    const alongSide =
      ((x === 0 || x + w === width) && h >= height * MARGIN_SIDE_SHARE) ||
      ((y === 0 || y + h === height) && w >= width * MARGIN_SIDE_SHARE);
    counted[i] = alongSide ? 0 : 1;
  }
  const label = labels.data32S;
  const textStart = Math.floor(height * (1 - TEXT_BAND_SHARE));
  let weighted = 0;
  let total = 0;
  for (let y = 0; y < height; y++) {
    const weight = y >= textStart ? 2 : 1;
    total += weight * width;
    for (let x = 0; x < width; x++) if (counted[label[y * width + x]!]) weighted += weight;
  }
  return weighted / total;
}
