/**
 * The MRZ search's view of an image: a turned image's regions are the turned regions of the image, and
 * a rectified document warped in pieces is the document warped whole.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { greyToMat, matToGrey, withMats } from '../../../src/pipeline/cv.ts';
import { cropRgba, toGreyscale, type GreyImage } from '../../../src/pipeline/image.ts';
import {
  mrzInk,
  plainMrzImage,
  rectifiedMrzImage,
  rotateQuarterTurns,
  SEARCH_WIDTH_PX,
  turnedMrzImage,
} from '../../../src/pipeline/mrz/mrzImage.ts';
import { inkStrokes, joinedStrokes, locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { planRectification, rectifyDocument } from '../../../src/pipeline/rectify/rectifyDocument.ts';
import { rectIn, type ImagePoint, type Quad } from '../../../src/pipeline/types.ts';
import { fixture } from '../../support/fixtures.ts';
import { differingBytes, withAndWithoutSimd } from '../../support/photos.ts';

let cv: OpenCv;
let grey: GreyImage;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
  grey = toGreyscale(await decodePhoto(await readFile(fixture('clean').path)));
});

/** OpenCV's own copy of a region, to hold ours to. */
function openCvRegion(image: GreyImage, x0: number, y0: number, x1: number, y1: number): GreyImage {
  return withMats(cv, (scope) => {
    const roi = scope.track(greyToMat(scope, image).roi(new cv.Rect(x0, y0, x1 - x0, y1 - y0)));
    const copy = scope.mat();
    roi.copyTo(copy);
    return matToGrey(copy);
  });
}

describe('mrzInk', () => {
  it('keeps black print and a grey ground as dark as they are, and fades colour printed over them', () => {
    // Black print, a grey guilloche, a red stamp, a pale blue tint: RGBA.
    const pixels = [
      [20, 20, 20],
      [120, 120, 120],
      [200, 40, 50],
      [200, 215, 240],
    ];
    const image = { width: 4, height: 1, data: Uint8Array.from(pixels.flatMap((rgb) => [...rgb, 255])) };
    expect([...mrzInk(image).data]).toStrictEqual([20, 120, 200, 240]);
    expect([...toGreyscale(image).data]).toStrictEqual([20, 120, 89, 213]);
  });

  it('gives the same bytes in WebAssembly SIMD as without, whatever channel is brightest, at sizes no multiple of 16', async () => {
    const photo = await decodePhoto(await readFile(fixture('glare').path));
    // Each pixel of the top rows given its brightest channel in turn; its alpha (255), brighter still,
    // is no channel of the ink.
    const data = Uint8Array.from(photo.data);
    for (let i = 0; i < 4 * photo.width * 8; i += 4) data[i + ((i / 4) % 3)] = 250 - ((i / 4) % 7);
    const coloured = { ...photo, data };
    for (const [width, height] of [
      [1, 1],
      [7, 3],
      [photo.width - 5, Math.min(photo.height, 301)],
    ] as const) {
      const crop = cropRgba(coloured, rectIn('image', 2, 0, width, height));
      const [simd, plain] = withAndWithoutSimd(() => mrzInk(crop));
      expect(simd.data.length).toBe(width * height);
      expect(differingBytes(simd, plain)).toBe(0);
    }
  });
});

describe('plainMrzImage', () => {
  it('cuts regions out of the image, and searches a copy SEARCH_WIDTH_PX wide', () => {
    const image = plainMrzImage(cv, grey);
    expect(image.region(rectIn('image', 100, 700, 1200, 120))).toStrictEqual(
      openCvRegion(grey, 100, 700, 1300, 820),
    );
    const { image: search, scale } = image.search();
    expect(search.width).toBe(SEARCH_WIDTH_PX);
    expect(scale).toBeCloseTo(SEARCH_WIDTH_PX / grey.width, 6);
  });
});

describe('plainMrzImage of a colour photo', () => {
  it('cuts the same luminance and ink out of each region as out of the whole photo made grey or ink', async () => {
    const photo = await decodePhoto(await readFile(fixture('clean').path));
    const image = plainMrzImage(cv, photo);
    const [x, y, width, height] = [100, 700, 1200, 120];
    const region = rectIn('image', x, y, width, height);
    expect(image.region(region)).toStrictEqual(openCvRegion(toGreyscale(photo), x, y, x + width, y + height));
    expect(image.inkRegion(region)).toStrictEqual(openCvRegion(mrzInk(photo), x, y, x + width, y + height));
    expect(image.search().image).toStrictEqual(plainMrzImage(cv, mrzInk(photo)).search().image);
  });
});

describe('turnedMrzImage', () => {
  for (const turns of [1, 2, 3]) {
    it(`gives the regions and size of the image turned ${turns} quarter turn(s)`, () => {
      const turnedWhole = plainMrzImage(cv, rotateQuarterTurns(cv, grey, turns));
      const turned = turnedMrzImage(cv, plainMrzImage(cv, grey), turns);
      expect([turned.width, turned.height]).toStrictEqual([turnedWhole.width, turnedWhole.height]);
      // The same pixels: the turned image's, and those of the image turned whole.
      const [x, y, width, height] = [37, 211, 364, 79];
      expect(turned.region(rectIn('upright', x, y, width, height))).toStrictEqual(
        turnedWhole.region(rectIn('image', x, y, width, height)),
      );
    });
  }
});

/** An image's size and a digest of its bytes: equal only where every byte is (and quick to compare). */
function bytesOf(image: GreyImage): string {
  return `${image.width}x${image.height} ${createHash('sha256').update(image.data).digest('hex')}`;
}

describe('a search copy turned', () => {
  // Photos whose copies hold print every way: a drawn passport, a page of prose under glare.
  const photos = [fixture('clean').path, fixture('clean').path.replace(/[^/]+$/u, 'deu-id-card-glare.jpg')];
  for (const path of photos) {
    it(`locates on ${path.split('/').pop()} turned as on the copy turned afresh, its masks byte for byte`, async () => {
      const photo = await decodePhoto(await readFile(path));
      const copy = plainMrzImage(cv, photo).search();
      // Made anew on the copy turned: what each of the 4 ways up made before they were kept.
      for (const turns of [0, 1, 2, 3, 5]) {
        const afresh = { image: rotateQuarterTurns(cv, copy.image, turns), scale: copy.scale };
        const kept = copy.turned(turns);
        const made = joinedStrokes(cv, inkStrokes(cv, afresh.image), 'rows');
        expect(bytesOf(kept.joined())).toStrictEqual(bytesOf(made));
        expect(bytesOf(kept.image)).toStrictEqual(bytesOf(afresh.image));
        expect(locateMrzBands(cv, kept, 0.25)).toStrictEqual(locateMrzBands(cv, afresh, 0.25));
      }
      // Its strokes hold ink, so that the comparison says something.
      expect(copy.joined().data.some((value) => value > 0)).toBe(true);
    });
  }
});

describe('rectifiedMrzImage', () => {
  it('warps a region of the document as rectifyDocument warps it whole', () => {
    const photo = fixture('clean');
    const quad = photo.outline as unknown as Quad<ImagePoint>;
    withMats(cv, (scope) => {
      const rgba = { width: grey.width, height: grey.height, data: expandGrey(grey) };
      const whole = toGreyscale(rectifyDocument(scope, rgba, quad).image);
      const plan = planRectification(quad);
      const pieces = rectifiedMrzImage(scope, rgba, plan);
      expect([pieces.width, pieces.height]).toStrictEqual([whole.width, whole.height]);
      const [x0, y0, x1, y1] = [0, Math.round(whole.height * 0.7), whole.width, whole.height];
      const piece = pieces.region(rectIn('document', x0, y0, x1 - x0, y1 - y0));
      const expected = openCvRegion(whole, x0, y0, x1, y1);
      // The region's transform is the whole one shifted, so a sample can round to another 1/32 px.
      const off = piece.data.filter((value, i) => Math.abs(value - expected.data[i]!) > 1).length;
      expect(off / piece.data.length).toBeLessThan(0.001);
      expect(pieces.search().image.width).toBe(Math.min(SEARCH_WIDTH_PX, whole.width));
    });
  });

  it('reads a region on its ink from the pixels warped for its luminance, as a warp of its own would', async () => {
    const photo = fixture('clean');
    const rgba = await decodePhoto(await readFile(photo.path));
    const plan = planRectification(photo.outline as unknown as Quad<ImagePoint>);
    withMats(cv, (scope) => {
      const band = rectIn('document', 0, 900, plan.width, 180);
      const above = rectIn('document', 0, 600, plan.width, 180);
      const fresh = (region: typeof band) => rectifiedMrzImage(scope, rgba, plan).inkRegion(region);
      const pieces = rectifiedMrzImage(scope, rgba, plan);
      expect(pieces.region(band)).toStrictEqual(rectifiedMrzImage(scope, rgba, plan).region(band));
      expect(pieces.inkRegion(band)).toStrictEqual(fresh(band));
      expect(pieces.inkRegion(above)).toStrictEqual(fresh(above));
      expect(pieces.inkRegion(band)).toStrictEqual(fresh(band));
    });
  });
});

/** Grey as RGBA, so that warping it and taking its luma again gives the same grey. */
function expandGrey(image: GreyImage): Uint8Array {
  const rgba = new Uint8Array(image.data.length * 4).fill(255);
  for (let i = 0; i < image.data.length; i++) rgba.fill(image.data[i]!, i * 4, i * 4 + 3);
  return rgba;
}
