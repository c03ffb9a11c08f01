/**
 * measureClarity on documents drawn here, whose measures follow from their drawing: the Laplacian
 * (OpenCV's ksize 1: the 4 neighbours less 4 × the centre) of a bright patch on a dark ground is ±255
 * along its edges and 0 elsewhere, so its variance can be counted by hand.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from '../../../src/pipeline/cv.ts';
import { CLARITY_THRESHOLDS, measureClarity } from '../../../src/pipeline/clarity/measureClarity.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { fixture } from '../../support/fixtures.ts';
import { withAndWithoutSimd } from '../../support/photos.ts';

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
  it('measures a photo under glare the same with our WebAssembly SIMD kernels as without them', async () => {
    const photo = await decodePhoto(await readFile(fixture('glare').path));
    const [simd, plain] = withAndWithoutSimd(() => measureClarity(cv, photo, photo.width));
    expect(simd.glare).toBeGreaterThan(0);
    expect(simd).toStrictEqual(plain);
  });

  it('finds a flat grey document without edges, glare or contrast', () => {
    expect(measureClarity(cv, draw(400, 250, 128), 400)).toStrictEqual({
      sharpness: 0,
      glare: 0,
      brightness: 128,
      contrastRange: [128, 128],
      ...NO_PRINT,
    });
  });

  it('takes a bright patch with no print under it for no glare: no print was lost (issue 12, item 3)', () => {
    // 400 × 200 at grey 200; a clipped 60 × 20 patch. Stretched from [200, 255] to [0, 255], the patch
    // is 255 on 0: its 2w + 2h inner edge pixels (the corners twice) are -255 or -510, the 2w + 2h outer
    // neighbours +255, so the mean is 0 and the sum of squares 255² (4w + 4h + 8).
    const document = draw(400, 200, 200, [[100, 160, 60, 20, 255]]);
    expect(measureClarity(cv, document, 400)).toStrictEqual({
      sharpness: expect.closeTo((255 ** 2 * (4 * 60 + 4 * 20 + 8)) / (400 * 200), 9),
      glare: 0,
      brightness: 200,
      contrastRange: [200, 255],
      ...NO_PRINT,
    });
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

describe('measureGlare through measureClarity: print lost under a bright wash (issue 12, item 3)', () => {
  /** Four lines of print: 3 px dark strokes every 7 px, 14 px high, across a 400 × 250 document of grey 200. */
  const lines: [number, number, number, number, number][] = [];
  for (const y of [40, 90, 140, 190]) for (let x = 20; x < 380; x += 7) lines.push([x, y, 3, 14, 40]);
  /** The strokes inside a rectangle, at `level`. */
  const strokesIn = (x0: number, y0: number, w: number, h: number, level: number) =>
    lines
      .filter(([x, y]) => x >= x0 && x + 3 <= x0 + w && y >= y0 && y + 14 <= y0 + h)
      .map(([x, y, sw, sh]) => [x, y, sw, sh, level] as [number, number, number, number, number]);
  /** The lines with a wash over their middle that does not clip: paper lifted to 252, strokes to 250. */
  const washed = () =>
    draw(400, 250, 200, [...lines, [150, 130, 100, 90, 252], ...strokesIn(150, 130, 100, 90, 250)]);

  it('finds none on the print as it is', () => {
    expect(measureClarity(cv, draw(400, 250, 200, lines), 400).glare).toBe(0);
  });

  it('finds print lost where a wash that does not clip lifts the paper and the strokes', () => {
    expect(measureClarity(cv, washed(), 400).glare).toBeGreaterThan(CLARITY_THRESHOLDS.maxGlare);
  });

  it('finds none on a white band whose print stays crisp, on a tinted card (a white MRZ band)', () => {
    const band = draw(400, 250, 200, [[0, 130, 400, 90, 250], ...strokesIn(0, 130, 400, 90, 40)]);
    expect(measureClarity(cv, band, 400).glare).toBe(0);
  });

  it('finds none on a blank white strip between two blocks of print', () => {
    const strip = draw(400, 250, 200, [...lines, [0, 112, 400, 20, 252]]);
    expect(measureClarity(cv, strip, 400).glare).toBe(0);
  });

  it('finds print faded under a wash on white paper, which a wash cannot lift (item 3: clipped or not)', () => {
    // Paper at 252 is as white as the wash: only the strokes under it fade, from 40 to 215.
    const faded = draw(400, 250, 252, [
      ...lines,
      [150, 30, 100, 180, 252],
      ...strokesIn(150, 30, 100, 180, 215),
    ]);
    expect(measureClarity(cv, faded, 400).glare).toBeGreaterThan(CLARITY_THRESHOLDS.maxGlare);
  });

  it('finds none on a white card’s own light print a line from its dark print (labels over fields)', () => {
    const labels = lines.map(
      ([x, y, w]) => [x, y + 22, w, 10, 200] as [number, number, number, number, number],
    );
    expect(measureClarity(cv, draw(400, 250, 252, [...lines, ...labels]), 400).glare).toBe(0);
  });

  it('leaves out a wash beyond the photo’s edge: the fill of a quad that runs off the photo', () => {
    // The document's right 65% (the wash with it) lies beyond a photo 140 px wide.
    const corners = [
      [0, 0],
      [399, 0],
      [399, 249],
      [0, 249],
    ] as const;
    const inPhoto = { corners, photoWidth: 140, photoHeight: 250 };
    expect(measureClarity(cv, washed(), 400, inPhoto).glare).toBe(0);
  });

  it('keeps all of a wash on a document whose four corners lie inside the photo', () => {
    const corners = [
      [1000, 800],
      [1399, 820],
      [1390, 1060],
      [1010, 1049],
    ] as const;
    const inPhoto = { corners, photoWidth: 4000, photoHeight: 3000 };
    const glare = measureClarity(cv, washed(), 400).glare;
    expect(glare).toBeGreaterThan(CLARITY_THRESHOLDS.maxGlare);
    expect(measureClarity(cv, washed(), 400, inPhoto).glare).toBe(glare);
  });
});
