/**
 * The shape test before an MRZ band is read: on the rectified fixtures' codes (TD3, TD1, the French
 * licence's one line) it finds each line's marks at an even pitch; on the lines of magazine pages
 * under glare (../shared/real-photos, skipped without it), it finds no code row.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { toGreyscale } from '../../../src/pipeline/image.ts';
import { CODE_ROW, hasCodeRow, measureCodeRows } from '../../../src/pipeline/mrz/codeLineShape.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import type { RgbaImage } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const REAL_PHOTOS = join(PROJECT_ROOT, '..', 'shared', 'real-photos');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** Each band found (at most `limit`), cut out with a line height's margin and scaled for OCR at 32 px. */
function bandCrops(image: RgbaImage, minLineShare: number, limit: number) {
  const mrzImage = plainMrzImage(cv, image);
  const grey = toGreyscale(image);
  return locateMrzBands(cv, mrzImage.search(), minLineShare)
    .slice(0, limit)
    .map((band) => {
      const margin = Math.round(band.lineHeight);
      const x0 = Math.max(0, Math.floor(band.box.x) - margin);
      const y0 = Math.max(0, Math.floor(band.box.y) - margin);
      const x1 = Math.min(grey.width, Math.ceil(band.box.x + band.box.width) + margin);
      const y1 = Math.min(grey.height, Math.ceil(band.box.y + band.box.height) + margin);
      const pixels = {
        width: x1 - x0,
        height: y1 - y0,
        data: new Uint8Array((x1 - x0) * (y1 - y0)),
      };
      for (let y = y0; y < y1; y++)
        pixels.data.set(
          grey.data.subarray(y * grey.width + x0, y * grey.width + x1),
          (y - y0) * pixels.width,
        );
      return { band, pixels };
    });
}

describe('measureCodeRows', () => {
  it.each([
    ['gbr-passport-clean-1.jpg', 2, 44],
    ['fra-id-card-clean-1.jpg', 3, 30],
    ['fra-driving-licence-clean-1.jpg', 1, 30],
  ])(
    'finds every line of %s a code row: %i rows of %i marks, evenly pitched',
    async (file, lines, length) => {
      const document = await rectifiedFixture(cv, file);
      const [first] = bandCrops(document, 0.55, 1);
      const crop = cropForOcr({ cv }, first!.pixels, first!.band.lineHeight, 32);
      const rows = measureCodeRows(cv, crop, 32).filter((row) => row.marks >= CODE_ROW.minMarks);
      expect(rows.map((row) => [row.marks, row.evenShare, Math.round(row.lengthInPitches)])).toStrictEqual(
        Array.from({ length: lines }, () => [length, 1, length]),
      );
      expect(hasCodeRow(rows)).toBe(true);
    },
  );
});

describe('hasCodeRow', () => {
  const row = { marks: 30, pitchPx: 34, evenShare: 1, lengthInPitches: 30 };
  it('takes a row of enough marks, evenly pitched, no longer than a code line with room to spare, in a band of few rows', () => {
    expect([
      hasCodeRow([row]),
      hasCodeRow([{ ...row, marks: CODE_ROW.minMarks - 1 }]),
      hasCodeRow([{ ...row, evenShare: CODE_ROW.minEvenShare - 0.01 }]),
      hasCodeRow([{ ...row, lengthInPitches: CODE_ROW.maxLengthInPitches + 1 }]),
      hasCodeRow([]),
      hasCodeRow([row, ...Array.from({ length: 12 }, () => ({ ...row, marks: 8, evenShare: 0.4 }))]),
    ]).toStrictEqual([true, false, false, false, false, false]);
  });
});

describe.skipIf(!existsSync(REAL_PHOTOS))('measureCodeRows on pages of text', () => {
  it.each(['mapo80-glare/glare-523.jpg', 'mapo80-glare/glare-743.jpg'])(
    'finds no code row in the bands of %s',
    async (file) => {
      const photo = await decodePhoto(await readFile(join(REAL_PHOTOS, file)));
      const crops = bandCrops(photo, 0.25, 4);
      expect(crops.length).toBeGreaterThan(0);
      const shaped = crops.map(({ band, pixels }) =>
        hasCodeRow(measureCodeRows(cv, cropForOcr({ cv }, pixels, band.lineHeight, 32), 32)),
      );
      expect(shaped).toStrictEqual(crops.map(() => false));
    },
  );
});
