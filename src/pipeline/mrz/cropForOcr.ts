/**
 * The band as OCR is given it (README.md, step 2): scaled to a glyph height, the guilloche and tint
 * behind the print flattened away, black print on white.
 */
import type { Engines, OpenCv } from '../../engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../cv.ts';
import { byteRange, throughTable, type GreyImage } from '../image.ts';
import { blackHat } from '../morphology.ts';

/**
 * The band's pixels scaled so that glyphs are `glyphHeight` high, and flattened to black print on
 * white. Exported for its test, which holds it to the OpenCV calls it replaces.
 */
export function cropForOcr(
  engines: Pick<Engines, 'cv'>,
  band: GreyImage,
  lineHeight: number,
  glyphHeight: number,
): GreyImage {
  const { cv } = engines;
  const scale = glyphHeight / Math.max(4, lineHeight);
  const scaled = withMats(cv, (scope) => {
    const scaled = scope.mat();
    cv.resize(
      greyToMat(scope, band),
      scaled,
      new cv.Size(Math.round(band.width * scale), Math.round(band.height * scale)),
      0,
      0,
      scale < 1 ? cv.INTER_AREA : cv.INTER_CUBIC,
    );
    return matToGrey(scaled);
  });
  // Flatten the guilloche and tint behind the print: black-hat keeps only strokes thinner than a
  // glyph, whatever the ground; inverted and stretched, it is black print on white.
  return invertedFullRange(cv, blackHat(cv, scaled, glyphHeight, glyphHeight));
}

/**
 * OpenCV's `normalize(…, 0, 255, NORM_MINMAX)` then `bitwise_not`, as one table: the table's entries
 * are OpenCV's own convertTo of each level by normalize's scale and shift, so the rounding is its own.
 */
function invertedFullRange(cv: OpenCv, image: GreyImage): GreyImage {
  const [low, high] = byteRange(image.data);
  const scale = 255 * (high - low > Number.EPSILON ? 1 / (high - low) : 0);
  const table = withMats(cv, (scope) => {
    const levels = scope.track(
      cv.matFromArray(
        1,
        256,
        cv.CV_8UC1,
        Array.from({ length: 256 }, (_, v) => v),
      ),
    );
    const stretched = scope.mat();
    levels.convertTo(stretched, cv.CV_8U, scale, 0 - low * scale);
    return Uint8Array.from(stretched.data, (value) => 255 - value);
  });
  return { width: image.width, height: image.height, data: throughTable(image.data, table) };
}
