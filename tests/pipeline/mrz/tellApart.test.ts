/**
 * Telling a glyph from a near rival where their outlines differ: on the fixtures' clean passport code
 * (as readMrz crops it for OCR), R from P, E from F and F from E; the same glyphs blurred say
 * much less; a glyph against itself says nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OcrGlyph, OpenCv } from '../../../src/engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../../../src/pipeline/cv.ts';
import { cropGrey, toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { readCodeByOutlines } from '../../../src/pipeline/mrz/readCodeByOutlines.ts';
import { glyphGrids, tellApart } from '../../../src/pipeline/mrz/tellApart.ts';
import { rectIn } from '../../../src/pipeline/types.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

let cv: OpenCv;
let crop: GreyImage;
/** The passport's name line: P<GBRWHITFIELD<<…, its glyphs' boxes in the crop. */
let boxes: OcrGlyph['box'][];
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  const document = toGreyscale(await rectifiedFixture(cv, 'gbr-passport-clean-1.jpg'));
  const [band] = locateMrzBands(cv, plainMrzImage(cv, document).search(), 0.55);
  const margin = band!.lineHeight * 0.9;
  const y0 = Math.max(0, Math.floor(band!.box.y - margin));
  const y1 = Math.min(document.height, Math.ceil(band!.box.y + band!.box.height + margin));
  const pixels = cropGrey(document, rectIn('image', 0, y0, document.width, y1 - y0));
  crop = cropForOcr({ cv }, pixels, band!.lineHeight, 32);
  boxes = readCodeByOutlines(cv, crop, 32)[0]!.glyphs.map((glyph) => glyph.box);
});

/** The crop under a Gaussian blur of `sigma` crop pixels (a glyph is 32 high). */
function blurred(image: GreyImage, sigma: number): GreyImage {
  return withMats(cv, (scope) => {
    const out = scope.mat();
    cv.GaussianBlur(greyToMat(scope, image), out, new cv.Size(0, 0), sigma, sigma);
    return matToGrey(out);
  });
}

// P<GBRWHITFIELD: R at column 4, F at 9, E at 11.
const PAIRS = [
  [4, 'R', 'P'],
  [11, 'E', 'F'],
  [9, 'F', 'E'],
] as const;

describe('tellApart', () => {
  it('tells the crisp R from P, E from F and F from E', () => {
    const grids = glyphGrids(crop, boxes);
    const told = PAIRS.map(([column, char, rival]) => tellApart(grids[column]!, char, rival));
    // 0.39, 0.37 and 0.66 when measured: the print is not the font's own rendering, so no pair scores 1.
    expect(told.map((value) => value > 0.3)).toStrictEqual([true, true, true]);
  });

  it('says much less of the same glyphs blurred (σ 4 px)', () => {
    const sharp = glyphGrids(crop, boxes);
    const soft = glyphGrids(blurred(crop, 4), boxes);
    const drops = PAIRS.map(
      ([column, char, rival]) =>
        tellApart(soft[column]!, char, rival) < tellApart(sharp[column]!, char, rival),
    );
    expect(drops).toStrictEqual([true, true, true]);
  });

  it('says nothing of a glyph against itself', () => {
    const grids = glyphGrids(crop, boxes);
    expect(tellApart(grids[4]!, 'R', 'R')).toBe(0);
  });
});
