/**
 * Issue 12, item 2: rows of marks that are an ICAO format's code lines (codeSighting.ts), from the
 * row shapes codeLineShape.ts measures, and, on the fixtures' rectified codes, from the rows it
 * measures on them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { toGreyscale } from '../../../src/pipeline/image.ts';
import { measureCodeRows, type CodeRowShape } from '../../../src/pipeline/mrz/codeLineShape.ts';
import { codeLinesOf } from '../../../src/pipeline/mrz/codeSighting.ts';
import { cropForOcr } from '../../../src/pipeline/mrz/cropForOcr.ts';
import { locateMrzBands } from '../../../src/pipeline/mrz/locateMrz.ts';
import { plainMrzImage } from '../../../src/pipeline/mrz/mrzImage.ts';
import { rectifiedFixture } from '../../support/rectified.ts';

const line = (columns: number, pitchPx = 25): CodeRowShape => ({
  marks: columns,
  pitchPx,
  evenShare: 1,
  lengthInPitches: columns,
});

describe('codeLinesOf', () => {
  it('names the format whose lines two or more rows match, with their median pitch', () => {
    expect([
      codeLinesOf([line(44, 25), line(44, 26)]),
      codeLinesOf([line(36), line(36)]),
      codeLinesOf([line(30, 20), line(30, 21), line(30, 22)]),
      // A filler lost at a line's end, and a few marks merged or broken inside it.
      codeLinesOf([{ ...line(44), lengthInPitches: 43, marks: 40, evenShare: 0.93 }, line(44)]),
    ]).toStrictEqual([
      { format: 'TD3', pitchPx: 26 },
      { format: 'TD2', pitchPx: 25 },
      { format: 'TD1', pitchPx: 21 },
      { format: 'TD3', pitchPx: 25 },
    ]);
  });

  it('names none for one row, rows of no format, uneven rows, too few marks, or pitches apart', () => {
    expect([
      codeLinesOf([line(44)]),
      // The French licence's one line of 30, with a line of print beside it.
      codeLinesOf([line(30), { ...line(30), lengthInPitches: 24 }]),
      codeLinesOf([line(40), line(40)]),
      codeLinesOf([line(44), { ...line(44), evenShare: 0.85 }]),
      codeLinesOf([line(44), { ...line(44), marks: 30 }]),
      codeLinesOf([line(44, 20), line(44, 25)]),
      codeLinesOf([]),
    ]).toStrictEqual([null, null, null, null, null, null, null]);
  });
});

describe('codeLinesOf on measured rows', () => {
  let cv: OpenCv;
  beforeAll(async () => {
    cv = await loadNodeOpenCv();
  });

  it.each([
    ['gbr-passport-clean-1.jpg', 'TD3'],
    ['fra-id-card-clean-1.jpg', 'TD1'],
    ['fra-driving-licence-clean-1.jpg', null],
  ])('takes the code of %s for %s lines', async (file, format) => {
    const document = await rectifiedFixture(cv, file);
    const [band] = locateMrzBands(cv, plainMrzImage(cv, document).search(), 0.55);
    const grey = toGreyscale(document);
    const margin = Math.round(band!.lineHeight);
    const y0 = Math.max(0, Math.floor(band!.box.y) - margin);
    const y1 = Math.min(grey.height, Math.ceil(band!.box.y + band!.box.height) + margin);
    const pixels = {
      width: grey.width,
      height: y1 - y0,
      data: grey.data.slice(y0 * grey.width, y1 * grey.width),
    };
    const rows = measureCodeRows(cv, cropForOcr({ cv }, pixels, band!.lineHeight, 32), 32);
    expect(codeLinesOf(rows)?.format ?? null).toBe(format);
  });
});
