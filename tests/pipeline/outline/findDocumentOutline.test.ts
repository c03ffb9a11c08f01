import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeOpenCv } from '../../../src/engines/node.ts';
import type { OpenCv } from '../../../src/engines/types.ts';
import { ANALYSIS_SIDE_PX } from '../../../src/pipeline/sizes.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../../../src/pipeline/cv.ts';
import { convexIoU } from '../../../src/pipeline/geometry.ts';
import { findDocumentOutline, scaleQuad } from '../../../src/pipeline/outline/findDocumentOutline.ts';
import { FIXTURES_DIR, loadManifest } from '../../support/fixtures.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadNodeOpenCv();
});

async function outlineOf(file: string) {
  const photo = await decodePhoto(await readFile(join(FIXTURES_DIR, file)));
  return withMats(cv, (scope) => {
    const { mat, scale } = shrinkToFit(scope, rgbaToMat(scope, photo), ANALYSIS_SIDE_PX);
    const found = findDocumentOutline(cv, matToRgba(mat));
    return found && { ...found, quad: scaleQuad(found.quad, 1 / scale) };
  });
}

describe('findDocumentOutline on fixtures', () => {
  const images = loadManifest().images;

  for (const entry of images.filter((e) => e.variant === 'clean')) {
    it(`finds all four corners of ${entry.file} (IoU ≥ 0.9 with the truth)`, async () => {
      const outline = await outlineOf(entry.file);
      expect(outline).not.toBeNull();
      expect(outline!.missingCorners).toStrictEqual([]);
      expect(outline!.coveredCorners).toStrictEqual([]);
      expect(convexIoU(outline!.quad, entry.outline)).toBeGreaterThanOrEqual(0.9);
    });
  }

  const covered = images.filter((e) => e.variant === 'corner-covered');
  for (const entry of covered) {
    it(`finds the document's own sides past the thumb in ${entry.file} (IoU ≥ 0.9)`, async () => {
      const outline = await outlineOf(entry.file);
      expect(outline?.missingCorners).toStrictEqual([]);
      expect(convexIoU(outline!.quad, entry.outline)).toBeGreaterThanOrEqual(0.9);
    });
  }

  for (const entry of covered) {
    it(`names the corner under the thumb, and only it, in ${entry.file}`, async () => {
      const outline = await outlineOf(entry.file);
      expect(outline?.coveredCorners).toStrictEqual(entry.missingCorners);
    });
  }

  for (const entry of images.filter((e) => e.variant === 'corner-cut' && e.document.kind === 'passport')) {
    it(`names the corner cut off in ${entry.file}`, async () => {
      const outline = await outlineOf(entry.file);
      expect(outline?.missingCorners).toStrictEqual(entry.missingCorners);
    });
  }
});
