/**
 * measurePrint finds the print standing in lines whichever way the lines run: a document photographed
 * on its side is measured as it is upright (issue 12: holding up under a quarter turn).
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { measurePrint, MIN_GLYPHS } from '../../../src/pipeline/clarity/measurePrint.ts';
import { withMats } from '../../../src/pipeline/cv.ts';
import type { GreyImage } from '../../../src/pipeline/image.ts';
import { fixture } from '../../support/fixtures.ts';

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
  return withMats(cv, (scope) => measurePrint(scope, grey, flat, flat));
}

describe('measurePrint', () => {
  it.each(['passport', 'uk-driving-licence'])(
    'measures a %s whose lines run down the image as it measures it upright',
    async (kind) => {
      const upright = await greyFixture('clean', kind);
      const measured = print(upright);
      expect(measured.glyphCount).toBeGreaterThan(4 * MIN_GLYPHS);
      expect(print(transpose(upright))).toStrictEqual(measured);
    },
  );
});
