/**
 * measureClarity on documents drawn here, whose measures follow from their drawing: the Laplacian
 * (OpenCV's ksize 1: the 4 neighbours less 4 × the centre) of a bright patch on a dark ground is ±255
 * along its edges and 0 elsewhere, so its variance can be counted by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from '../../../src/pipeline/cv.ts';
import { measureClarity } from '../../../src/pipeline/clarity/measureClarity.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';

/** What a document with no print in lines measures as print, measured at its native size. */
const NO_PRINT = {
  print: { glyphCount: 0, glyphHeightPx: null, printSharpness: null, printReblurRatio: null },
  photoPxPerMeasuredPx: 1,
};

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** A grey document `ground` with grey rectangles [x, y, width, height, level] drawn over it. */
function draw(
  width: number,
  height: number,
  ground: number,
  rectangles: readonly (readonly [number, number, number, number, number])[] = [],
): RgbaImage {
  const data = new Uint8Array(width * height * 4).fill(ground);
  for (const [x0, y0, w, h, level] of rectangles)
    for (let y = y0; y < y0 + h; y++) data.fill(level, (y * width + x0) * 4, (y * width + x0 + w) * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, data };
}

describe('measureClarity', () => {
  it('finds a flat grey document without edges, glare or contrast', () => {
    expect(measureClarity(cv, draw(400, 250, 128), 400)).toStrictEqual({
      sharpness: 0,
      glare: 0,
      brightness: 128,
      contrastRange: [128, 128],
      ...NO_PRINT,
    });
  });

  it('weighs a solid glare patch in the text band twice, and takes its edges as the only detail', () => {
    // 400 × 200 at grey 200; a clipped 60 × 20 patch at rows 160-179, inside the bottom 35% (rows 130 on).
    const document = draw(400, 200, 200, [[100, 160, 60, 20, 255]]);
    // The 3 × 3 ellipse OpenCV makes is a cross: opening the patch with it loses its 4 corner pixels.
    const weights = 130 * 400 + 2 * 70 * 400;
    // Stretched from [200, 255] to [0, 255], the patch is 255 on 0: its 2w + 2h inner edge pixels
    // (the corners twice) are -255 or -510, the 2w + 2h outer neighbours +255, so the mean is 0 and
    // the sum of squares 255² (4w + 4h + 8).
    const sharpness = (255 ** 2 * (4 * 60 + 4 * 20 + 8)) / (400 * 200);
    expect(measureClarity(cv, document, 400)).toStrictEqual({
      sharpness: expect.closeTo(sharpness, 9),
      glare: (2 * (60 * 20 - 4)) / weights,
      brightness: 200,
      contrastRange: [200, 255],
      ...NO_PRINT,
    });
  });

  it('calls the same patch above the text band half as much glare', () => {
    const above = measureClarity(cv, draw(400, 200, 200, [[100, 40, 60, 20, 255]]), 400);
    expect(above.glare).toBe((60 * 20 - 4) / (130 * 400 + 2 * 70 * 400));
  });

  it('takes no speckle of clipped pixels (sensor noise on white stock) for glare, but does for detail', () => {
    // 33 × 16 single clipped pixels, 12 px apart: 0.66% of the document, under its 99th percentile.
    const dots: [number, number, number, number, number][] = [];
    for (let i = 0; i < 33; i++) for (let j = 0; j < 16; j++) dots.push([6 + 12 * i, 6 + 12 * j, 1, 1, 255]);
    // The percentiles are both 200, so the stretch's range is 1 grey level: each dot becomes 255 on 0,
    // and its Laplacian -4 × 255 at the centre, +255 at its 4 neighbours.
    expect(measureClarity(cv, draw(400, 200, 200, dots), 400)).toStrictEqual({
      sharpness: expect.closeTo((dots.length * 20 * 255 ** 2) / (400 * 200), 9),
      glare: 0,
      brightness: 200,
      contrastRange: [200, 200],
      ...NO_PRINT,
    });
  });

  it('reads brightness and contrast as percentiles: the median and the 1st and 99th', () => {
    // Columns 0-255 at their own grey level: 1% of 256 columns is reached at column 2, half at 127.
    const ramp = draw(
      256,
      100,
      0,
      Array.from({ length: 256 }, (_, level) => [level, 0, 1, 100, level] as const),
    );
    const { brightness, contrastRange } = measureClarity(cv, ramp, 256);
    expect({ brightness, contrastRange }).toStrictEqual({ brightness: 127, contrastRange: [2, 253] });
  });

  it('measures at the document’s native width (at least 200 px, at most 800), never above it', () => {
    // Fine print: 2 px dark bars every 4 px, on a 1600 px document.
    const bars = Array.from({ length: 400 }, (_, i) => [4 * i, 100, 2, 300, 40] as const);
    const document = draw(1600, 1000, 220, bars);
    const shrunk = (width: number) =>
      withMats(cv, (scope) => {
        const small = scope.mat();
        const size = new cv.Size(width, Math.round((1000 * width) / 1600));
        cv.resize(rgbaToMat(scope, document), small, size, 0, 0, cv.INTER_AREA);
        return matToRgba(small);
      });
    // The same measures, but for how many photo pixels each measured pixel stands for.
    const inPhotoPx = ({ photoPxPerMeasuredPx, ...rest }: ReturnType<typeof measureClarity>) => ({
      ...rest,
      photoPxPerMeasuredPx: Math.round(photoPxPerMeasuredPx * 100) / 100,
    });
    const measured = [1600, 640, 100].map((native) => measureClarity(cv, document, native));
    expect(measured.map(inPhotoPx)).toStrictEqual([
      { ...inPhotoPx(measureClarity(cv, shrunk(800), 800)), photoPxPerMeasuredPx: 2 },
      inPhotoPx(measureClarity(cv, shrunk(640), 640)),
      inPhotoPx(measureClarity(cv, shrunk(200), 200)),
    ]);
    // Shrinking blurs the print: a photo that had fewer pixels really was less sharp.
    expect(measured.map((m) => m.sharpness)).toStrictEqual(
      [...measured.map((m) => m.sharpness)].sort((a, b) => b - a),
    );
  });
});
