/**
 * Sharpness, glare and exposure of the rectified document, and whether its text is big enough to read.
 * Thresholds and where they came from: README.md in this folder.
 */
import type { Mat } from '@techstark/opencv-js';
import type { OpenCv } from '../../engines/types.ts';
import { greyToMat, withMats, type MatScope } from '../cv.ts';
import { gaussianBlurGrey } from '../gaussianBlur.ts';
import { byteHistogram, throughTable, toGreyscale, type GreyImage } from '../image.ts';
import { shrinkRgbaToFit } from '../resizeArea.ts';
import type { RgbaImage } from '../types.ts';
import { measureGlare, type DocumentInPhoto } from './measureGlare.ts';
import { measurePrint, type DirectionalDerivatives, type PrintMeasures } from './measurePrint.ts';

/**
 * Each threshold sits at the geometric middle of the gap between the fixtures that must fail and the
 * fixtures and ../shared/real-ids images that must pass, as `npm run eval` prints them per variant
 * (measured 2026-11-24; README.md in this folder has the table).
 */
export const CLARITY_THRESHOLDS = {
  /** Variance of the Laplacian of the contrast-stretched document (at ≤ 800 px, never upsampled). Blur ≤ 109; clean ≥ 946; real photos ≥ 359. */
  minSharpness: 200,
  /** Share of the document's print lost under a wash (measureGlare.ts). */
  maxGlare: 0.011,
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
   * Shaken: print under minPrintReblurRatio the way it is most blurred, and at most this share of the
   * ratio it keeps the other way (measurePrint.ts). Composites: aze00's 15-px shake 0.40 (2.56 one
   * way, 6.34 the other); real-photos and real-ids that pass, and fixtures clean, ≥ 0.56 (where
   * under 2.9 one way: ≥ 0.79); the Swedish card in the scene composites 0.50–0.65.
   */
  maxShakenPrintBalance: 0.45,
  /**
   * Median height of the print's glyphs in photo pixels. Fixtures: small 7, every other ≥ 12;
   * real-photos: the 300-px scan that must fail 7, the 600-px scans that must pass 8–18.
   */
  minPrintHeightPx: 7.5,
  /**
   * Print one pixel above that limit is read only in good light: under this median luminance (every
   * real crop that passes measured ≥ 130), a sensor's noise is as large as such glyphs' strokes.
   * real-photos: docsaid's 512-px passport page on a knee in dim light, 8 px at 105, must fail; prado's
   * 600-px scans, 8 px at ≥ 178, pass.
   */
  dimLightMinPrintHeightPx: 8.5,
  dimBrightness: 130,
} as const;

/** Measures are taken on the document scaled to this width (or its native width, if smaller). */
export const MEASURE_WIDTH_PX = 800;

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
export function measureClarity(
  cv: OpenCv,
  document: RgbaImage,
  nativeWidthPx: number,
  inPhoto: DocumentInPhoto | null = null,
): ClarityMeasures {
  return withMats(cv, (scope) => {
    const measureWidth = Math.max(200, Math.min(MEASURE_WIDTH_PX, Math.round(nativeWidthPx)));
    const rgbaSmall = shrinkRgbaToFit(cv, document, measureWidth);
    const grey = toGreyscale(rgbaSmall);
    const histogram = byteHistogram(grey.data);
    const low = percentile(histogram, grey.data.length, 0.01);
    const high = percentile(histogram, grey.data.length, 0.99);
    const glare = measureGlare(scope, rgbaSmall, grey, histogram, inPhoto);
    const brightness = percentile(histogram, grey.data.length, 0.5);

    // Stretch the contrast first so that a dark or hazy but sharp photo is not called blurred.
    const range = Math.max(1, high - low);
    const stretch = new Uint8Array(256);
    for (let v = 0; v < 256; v++) stretch[v] = Math.max(0, Math.min(255, ((v - low) * 255) / range));
    const stretchedGrey = { width: grey.width, height: grey.height, data: throughTable(grey.data, stretch) };
    const stretched = greyToMat(scope, stretchedGrey);
    const laplacian = scope.mat();
    cv.Laplacian(stretched, laplacian, cv.CV_32F, 1);
    const mean = scope.mat();
    const deviation = scope.mat();
    cv.meanStdDev(laplacian, mean, deviation);
    const sharpness = (deviation.doubleAt(0, 0) ?? 0) ** 2;
    const soft = greyToMat(scope, gaussianBlurGrey(cv, stretchedGrey, 'both'));
    const softLaplacian = scope.mat();
    cv.Laplacian(soft, softLaplacian, cv.CV_32F, 1);
    // Views, taken once no more Mats are made (measurePrint.ts, Floats).
    const print = measurePrint(
      scope,
      grey,
      () => laplacian.data32F,
      () => softLaplacian.data32F,
      [
        secondDerivativeOneWay(scope, stretched, stretchedGrey, 'across'),
        secondDerivativeOneWay(scope, stretched, stretchedGrey, 'down'),
      ],
    );

    return {
      sharpness,
      glare,
      brightness,
      contrastRange: [low, high],
      print,
      photoPxPerMeasuredPx: Math.max(1, nativeWidthPx / Math.max(rgbaSmall.width, rgbaSmall.height)),
    };
  });
}

/**
 * The second derivative one way, as taken and after a further 1-px Gaussian blur that way only: a
 * shake smears print along its path and leaves the edges across it sharp, which the Laplacian (both
 * ways at once) then still finds.
 */
function secondDerivativeOneWay(
  scope: MatScope,
  stretched: Mat,
  stretchedGrey: GreyImage,
  way: 'across' | 'down',
): DirectionalDerivatives {
  const { cv } = scope;
  const [dx, dy] = way === 'across' ? [2, 0] : [0, 2];
  const sharp = scope.mat();
  cv.Sobel(stretched, sharp, cv.CV_32F, dx, dy, 1);
  const soft = greyToMat(scope, gaussianBlurGrey(cv, stretchedGrey, way));
  const reblurred = scope.mat();
  cv.Sobel(soft, reblurred, cv.CV_32F, dx, dy, 1);
  return { sharp: () => sharp.data32F, reblurred: () => reblurred.data32F };
}

function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total * share) return v;
  }
  return 255;
}
