/**
 * countGlyphsInLines counts the print standing in lines whichever way the lines run: a document
 * photographed on its side shows as much print as upright (issue 12: holding up under a quarter turn),
 * where measurePrint, calibrated on lines across, finds next to none.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import {
  countGlyphsInLines,
  measurePrint,
  MIN_GLYPHS,
  printLineDirection,
} from '../../../src/pipeline/clarity/measurePrint.ts';
import { withMats } from '../../../src/pipeline/cv.ts';
import type { GreyImage } from '../../../src/pipeline/image.ts';
import { fixture, PROJECT_ROOT } from '../../support/fixtures.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** A committed fixture in grey at 800 px wide, the size clarity measures print at. */
async function greyFixture(variant: 'clean', kind: string): Promise<GreyImage> {
  const { data, info } = await sharp(fixture(variant, kind).path)
    .resize({ width: 800 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** The image mirrored across its diagonal: its lines of print run down it, each glyph's box transposed. */
function transpose(grey: GreyImage): GreyImage {
  const data = new Uint8Array(grey.data.length);
  for (let y = 0; y < grey.height; y++)
    for (let x = 0; x < grey.width; x++) data[x * grey.height + y] = grey.data[y * grey.width + x]!;
  return { width: grey.height, height: grey.width, data };
}

function print(grey: GreyImage) {
  const flat = new Float32Array(grey.width * grey.height);
  return withMats(cv, (scope) => ({
    measured: measurePrint(scope, grey, flat, flat).glyphCount,
    counted: countGlyphsInLines(scope, grey),
  }));
}

describe('countGlyphsInLines', () => {
  it.each(['passport', 'uk-driving-licence'])(
    'counts the glyphs of a %s whose lines run down the image as it counts them upright',
    async (kind) => {
      const upright = await greyFixture('clean', kind);
      const { measured, counted } = print(upright);
      const turned = print(transpose(upright));
      expect({ upright: counted > 4 * MIN_GLYPHS, equal: counted === measured }).toStrictEqual({
        upright: true,
        equal: true,
      });
      // measurePrint, lines across only, sees a part of it (stray marks in a row); counted, all of it.
      expect({ counted: turned.counted, acrossSeesLess: turned.measured < counted / 2 }).toStrictEqual({
        counted,
        acrossSeesLess: true,
      });
    },
  );
});

describe('printLineDirection', () => {
  const direction = (grey: GreyImage) => withMats(cv, (scope) => printLineDirection(scope, grey));

  it.each(['passport', 'uk-driving-licence'])(
    'says a %s runs across upright and down on its side',
    async (kind) => {
      const upright = await greyFixture('clean', kind);
      expect([direction(upright), direction(transpose(upright))]).toStrictEqual(['across', 'down']);
    },
  );

  it('says a blank page runs across: no print leans either way', () => {
    const blank: GreyImage = { width: 600, height: 400, data: new Uint8Array(600 * 400).fill(230) };
    expect([direction(blank), direction(transpose(blank))]).toStrictEqual(['across', 'across']);
  });

  const sample = join(
    PROJECT_ROOT,
    '..',
    'shared',
    'real-photos',
    'onfido-python',
    'sample_driving_licence.png',
  );
  it.skipIf(!existsSync(sample))(
    'leans down on a small UK licence sample upright, its glyphs joined into words: only a hint',
    async () => {
      const { data, info } = await sharp(sample).greyscale().raw().toBuffer({ resolveWithObject: true });
      const grey: GreyImage = { width: info.width, height: info.height, data: new Uint8Array(data) };
      expect([direction(grey), direction(transpose(grey))]).toStrictEqual(['leaning-down', 'across']);
    },
  );
});
