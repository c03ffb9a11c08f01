/**
 * A fixture photo's document, found and rectified as checkDocument does it: the input the licence
 * stage gets.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePhoto } from '../../src/decode/node.ts';
import type { OpenCv } from '../../src/engines/types.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../src/pipeline/cv.ts';
import { findDocumentOutline, scaleQuad } from '../../src/pipeline/outline/findDocumentOutline.ts';
import { rectifyDocument } from '../../src/pipeline/rectify/rectifyDocument.ts';
import type { RgbaImage } from '../../src/pipeline/types.ts';
import { FIXTURES_DIR } from './fixtures.ts';

export async function rectifiedFixture(cv: OpenCv, file: string): Promise<RgbaImage> {
  const photo = await decodePhoto(await readFile(join(FIXTURES_DIR, file)));
  return withMats(cv, (scope) => {
    const mat = rgbaToMat(scope, photo);
    const { mat: small, scale } = shrinkToFit(scope, mat, ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(cv, matToRgba(small));
    if (!found) throw new Error(`no outline found in ${file}`);
    return rectifyDocument(scope, photo, scaleQuad(found.quad, 1 / scale)).image;
  });
}
