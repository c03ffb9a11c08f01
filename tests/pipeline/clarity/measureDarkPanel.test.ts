/**
 * measureDarkPanel and measurePhotoMedium on the outline the check itself finds: the switched-off
 * screen in ../shared/real-photos is a screen; underexposed fixtures (dark inside and out) and the
 * darkest real cards in ../shared are not.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { measurePhotoMedium } from '../../../src/pipeline/clarity/measureDarkPanel.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import { findDocumentOutline, scaleQuad } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_PHOTOS = resolve(PROJECT_ROOT, '..', 'shared', 'real-photos');

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

/** The photo's medium as the check measures it: on the outline found in the photo. */
async function mediumOf(path: string) {
  const photo = await decodePhoto(await readFile(path));
  const quad = withMats(cv, (scope) => {
    const { mat, scale } = shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(cv, matToRgba(mat));
    return found && scaleQuad(found.quad, 1 / scale);
  });
  return measurePhotoMedium(photo, quad);
}

describe('measurePhotoMedium: a switched-off screen', () => {
  it('does not call an underexposed photo of a document a screen: its surroundings are dark too', async () => {
    for (const file of ['gbr-passport-dark.jpg', 'fra-driving-licence-dark.jpg', 'deu-id-card-dark.jpg']) {
      const measured = await mediumOf(join(FIXTURES_DIR, file));
      expect([file, measured.medium, measured.darkPanel?.isSwitchedOffScreen]).toStrictEqual([
        file,
        null,
        false,
      ]);
    }
  });

  it.skipIf(!existsSync(REAL_PHOTOS))(
    'calls the black, reflecting glass of a phone in its white bezel a screen',
    async () => {
      const measured = await mediumOf(join(REAL_PHOTOS, 'mapo80-glare', 'sample-glare-img1.jpg'));
      expect(measured.medium).toBe('screen');
      expect(measured.latticePatches).toBe(0);
      expect(measured.darkPanel?.isSwitchedOffScreen).toBe(true);
    },
  );

  it.skipIf(!existsSync(REAL_PHOTOS))('says nothing of the darkest real cards in ../shared', async () => {
    for (const file of ['kbyai/fra-id-3.jpg', 'midv500-seg/sample2.png', 'evgen/img_5.jpg']) {
      const measured = await mediumOf(join(REAL_PHOTOS, file));
      expect([file, measured.medium]).toStrictEqual([file, null]);
    }
  });
});
