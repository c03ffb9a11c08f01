/**
 * A page of text known by its lines' shape, before any OCR: the rectified fixtures' cards, passports
 * and licences, and a real passport page (../shared/real-photos, skipped without it), stack no long
 * lines as a paragraph's; a magazine page under glare there, outlined and rectified as the check
 * does, is a page, and readDocumentFront says so without reading it. Which way up a page stands, by
 * where its lines align (lineAlignment.ts), on drawn pages and a real recipe read whole.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto, decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { matToRgba, rgbaToMat, shrinkToFit, turnQuarters, withMats } from '../../../src/pipeline/cv.ts';
import { lineAlignment, readsUpsideDown } from '../../../src/pipeline/front/lineAlignment.ts';
import { isTextPage, measureTextPage } from '../../../src/pipeline/front/measureTextPage.ts';
import { turnHalf } from '../../../src/pipeline/front/readWaysUp.ts';
import { readDocumentFront } from '../../../src/pipeline/front/readDocumentFront.ts';
import { findDocumentOutline, scaleQuad } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { rectifyDocument } from '../../../src/pipeline/rectify/rectifyDocument.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines?.ocr.terminate();
});

/** The real engines, with their printed-text reads counted. */
function countingPrintedReads(real: Engines): { readonly counted: Engines; readonly reads: () => number } {
  let reads = 0;
  const { ocr } = real;
  const counted: Engines = {
    ...real,
    ocr: {
      readMrz: (image, signal) => ocr.readMrz(image, signal),
      readPrintedText: (image, signal) => (reads++, ocr.readPrintedText(image, signal)),
      loaded: (reader) => ocr.loaded(reader),
      terminate: () => ocr.terminate(),
    },
  };
  return { counted, reads: () => reads };
}

/** The photo's object, outlined and rectified as the check does it. */
async function rectifiedPhoto(path: string): Promise<RgbaImage> {
  const photo = await decodePhoto(await readFile(path));
  const { cv } = engines;
  return withMats(cv, (scope) => {
    const { mat: small, scale } = shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(cv, matToRgba(small))!;
    return rectifyDocument(scope, photo, scaleQuad(found.quad, 1 / scale)).image;
  });
}

describe('measureTextPage', () => {
  it.each([
    'gbr-passport-clean-1.jpg',
    'fra-id-card-clean-2.jpg',
    'fra-id-card-front-clean-1.jpg',
    'gbr-driving-licence-portrait-glare.jpg',
    'gbr-residence-permit-clean-1.jpg',
  ])('finds %s no page of text: no long lines stacked as a paragraph', async (file) => {
    const measure = measureTextPage(engines.cv, await rectifiedFixture(engines.cv, file));
    expect([measure.paragraphLines, isTextPage(measure)]).toStrictEqual([0, false]);
  });
});

/**
 * A page of drawn lines of print: each glyph a 10 × 14 px box with a hole (ink, as a letter is), 3 px
 * apart, words 9 px apart, lines 30 px apart, each line `lengths[i]` glyphs long and placed as `align`
 * says in a 1100 px wide page.
 */
function drawnPage(lengths: readonly number[], align: 'left' | 'justified'): RgbaImage {
  const width = 1100;
  const height = 60 + lengths.length * 30;
  const data = new Uint8Array(width * height * 4).fill(255);
  const ink = (x0: number, y0: number) => {
    for (let y = y0; y < y0 + 14; y++)
      for (let x = x0; x < x0 + 10; x++) {
        const hole = x >= x0 + 3 && x < x0 + 7 && y >= y0 + 4 && y < y0 + 10;
        if (!hole) data.fill(20, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
  };
  lengths.forEach((glyphs, line) => {
    // Words of five glyphs; a justified line's glyphs spread over the whole measure.
    const step = align === 'justified' ? (980 - 10) / (glyphs - 1) : 13;
    for (let g = 0; g < glyphs; g++) {
      const gap = align === 'left' ? Math.floor(g / 5) * 9 : 0;
      ink(Math.round(40 + g * step + gap), 30 + line * 30);
    }
  });
  return { width, height, data };
}

/** Ragged lengths, in glyphs, of a left-aligned paragraph's lines: 10 to 70 glyph heights long. */
const RAGGED = [58, 41, 66, 52, 35, 61, 47, 69, 44, 56];

describe('readsUpsideDown', () => {
  it('reads left-aligned lines upright, and the same turned half round upside down', () => {
    const page = drawnPage(RAGGED, 'left');
    expect(lineAlignment(engines.cv, page)).toStrictEqual({ starts: 10, ends: 1 });
    expect([readsUpsideDown(engines.cv, page), readsUpsideDown(engines.cv, turnHalf(page))]).toStrictEqual([
      false,
      true,
    ]);
  });

  it('says nothing of justified lines, nor of too few ragged ones, either way up', () => {
    const justified = drawnPage(
      RAGGED.map(() => 60),
      'justified',
    );
    const few = drawnPage(RAGGED.slice(0, 5), 'left');
    expect(
      [justified, few].flatMap((page) =>
        [page, turnHalf(page)].map((way) => readsUpsideDown(engines.cv, way)),
      ),
    ).toStrictEqual([false, false, false, false]);
  });
});

describe.skipIf(!existsSync(REAL_PHOTOS))('measureTextPage on real pages', () => {
  it('finds a passport page with small bilingual labels no page of text', async () => {
    const page = await rectifiedPhoto(join(REAL_PHOTOS, 'sidtd/aze00.jpg'));
    expect(measureTextPage(engines.cv, page).paragraphLines).toBe(0);
  });

  it.each(['mapo80-glare/glare-523.jpg'])(
    'finds %s a page of text, and the front reader says so without reading it',
    async (file) => {
      const page = await rectifiedPhoto(join(REAL_PHOTOS, file));
      expect(isTextPage(measureTextPage(engines.cv, page))).toBe(true);
      // The real engines, with their reads counted: the LSTM's read of such a page took 1.4 to 4 s.
      let reads = 0;
      const { ocr } = engines;
      const counted: Engines = {
        ...engines,
        ocr: {
          readMrz: (image, signal) => (reads++, ocr.readMrz(image, signal)),
          readPrintedText: (image, signal) => (reads++, ocr.readPrintedText(image, signal)),
          loaded: (reader) => ocr.loaded(reader),
          terminate: () => ocr.terminate(),
        },
      };
      expect(await readDocumentFront(counted, page)).toStrictEqual({
        kind: 'not-an-id',
        notAnId: { seen: 'page-of-text' },
      });
      expect(reads).toBe(0);
    },
  );

  it.each([
    ['mapo80-glare/glare-281.jpg', "a chocolate box's back, its ingredients outlined in a card's shape"],
    ['mapo80-glare/glare-497.jpg', 'a magazine page in large print, its paragraphs broken by glare'],
  ])('checks %s, %s, as a page by the whole photo, with no text read', async (file) => {
    // The check's own outline holds a paragraph but is no page alone (too few paragraph lines, or too
    // few glyph heights across); the photo is. Its LSTM reads took 1.2 and 2.2-2.5 s.
    const { counted, reads } = countingPrintedReads(engines);
    const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, file)));
    const report = await checkDocument(photo, counted, { today: '2026-12-06' });
    const accepted = report.rules.find((rule) => rule.id === 'accepted-document');
    expect([accepted?.status, accepted?.reason, reads()]).toStrictEqual(['fail', 'page-of-text', 0]);
  });

  it('reads a recipe turned a quarter the wrong way once, the way its lines align, and still knows it is no ID', async () => {
    // mapo80's glare-313: its outline goes round a blank part of a table, so the photo is read whole,
    // turned a quarter since its print runs down it; that quarter stood it upside down, and it was read
    // both ways (0.9 s each). Its lines' left margin says which way up it is.
    const { counted, reads } = countingPrintedReads(engines);
    const photo = await decodePhotoForCheck(await readFile(join(REAL_PHOTOS, 'mapo80-glare/glare-313.jpg')));
    const report = await checkDocument(photo, counted, { today: '2026-12-06' });
    const accepted = report.rules.find((rule) => rule.id === 'accepted-document');
    // The outline's object once, the photo once.
    expect([accepted?.status, reads()]).toStrictEqual(['fail', 2]);
  });

  it('knows a book page in dim light by the whole photo, where the outline took its photograph', async () => {
    // mapo80's glare-447: the outline goes round the cheeses' picture (0.24 of the photo), which holds
    // no print the reader can read; the prose below it, in short paragraphs, is the page.
    const path = join(REAL_PHOTOS, 'mapo80-glare/glare-447.jpg');
    const photo = await decodePhoto(await readFile(path));
    const picture = await rectifiedPhoto(path);
    expect(isTextPage(measureTextPage(engines.cv, picture))).toBe(false);
    expect(await readDocumentFront(engines, picture, photo, 0.24)).toStrictEqual({
      kind: 'not-an-id',
      notAnId: { seen: 'page-of-text' },
    });
  });

  it('knows the same book page turned a quarter either way: its width taken along its lines', async () => {
    const photo = await decodePhoto(await readFile(join(REAL_PHOTOS, 'mapo80-glare/glare-447.jpg')));
    // As readDocumentFront measures a whole photo: at most 2000 px on its longer side.
    const page = withMats(engines.cv, (scope) =>
      matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), 2000).mat),
    );
    const measured = [0, 1, 3].map((turns) => {
      const measure = measureTextPage(engines.cv, turnQuarters(engines.cv, page, turns));
      return { page: isTextPage(measure), widthInGlyphs: Math.round(measure.widthInGlyphs) };
    });
    // Across its lines only, turned, its glyphs' widths were taken for heights and the photo's
    // shorter side for its width: 80 glyph heights, under a page's 100.
    expect(measured).toStrictEqual(Array.from({ length: 3 }, () => ({ page: true, widthInGlyphs: 107 })));
  });

  it.each(['mapo80-glare/glare-447.jpg', 'mapo80-glare/glare-497.jpg'])(
    'measures %s alike whichever way up the photo comes',
    async (file) => {
      const photo = await decodePhoto(await readFile(join(REAL_PHOTOS, file)));
      const page = withMats(engines.cv, (scope) =>
        matToRgba(shrinkToFit(scope, rgbaToMat(scope, photo), 2000).mat),
      );
      const [upright, ...turned] = [0, 1, 2, 3].map((turns) =>
        measureTextPage(engines.cv, turnQuarters(engines.cv, page, turns)),
      );
      // Marks chained into lines, and lines into paragraphs, in the order they were found, and held
      // to the photo's height across it only: glare-447 stacked 15 paragraph lines upright and 10 upside
      // down; glare-497 (a recipe, its lines down the photo) 0 upright and 15 turned a quarter.
      expect(upright!.paragraphLines).toBeGreaterThanOrEqual(12);
      expect(turned).toStrictEqual([upright, upright, upright]);
    },
  );
});
