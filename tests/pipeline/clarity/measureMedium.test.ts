/**
 * measureMedium on the committed fixtures as they are, and printed or shown on a screen and photographed
 * again (scripts/fixtures/media.ts, made here), and on a real photo of a real card where ../shared is
 * present. A real card called a screen is worse than a screen missed: the real ones must say nothing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../src/decode/node.ts';
import { measureMedium } from '../../../src/pipeline/clarity/measureMedium.ts';
import type { ImagePoint, Quad, RgbaImage } from '../../../src/pipeline/types.ts';
import { printoutOf, screenOf } from '../../../scripts/fixtures/media.ts';
import { FIXTURES_DIR, loadManifest, PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_PHOTOS = resolve(PROJECT_ROOT, '..', 'shared', 'real-photos');

async function fixtureImage(file: string): Promise<{ image: RgbaImage; quad: Quad<ImagePoint> }> {
  const entry = loadManifest().images.find((e) => e.file === file)!;
  const image = await decodePhoto(await readFile(join(FIXTURES_DIR, file)));
  return { image, quad: entry.outline as unknown as Quad<ImagePoint> };
}

describe('measureMedium', () => {
  it('says nothing of a clean photo of a card, its front or its back', async () => {
    for (const file of [
      'fra-id-card-front-clean-1.jpg',
      'fra-id-card-clean-1.jpg',
      'gbr-passport-clean-1.jpg',
    ]) {
      const { image, quad } = await fixtureImage(file);
      expect([file, measureMedium(image, quad).medium]).toStrictEqual([file, null]);
    }
  });

  it('calls a halftoned printout of a card a printout', async () => {
    const { image } = await fixtureImage('fra-id-card-front-clean-1.jpg');
    const printout = await decodePhoto(await printoutOf(image, { cellPx: 6, blurPx: 0.6, seed: 'test' }));
    const measured = measureMedium(printout, null);
    expect(measured.medium).toBe('printout');
    // The lattice found is the halftone's: 6 px cells, photographed at 0.92.
    expect(measured.periodPx).toBeGreaterThan(3);
    expect(measured.periodPx).toBeLessThan(10);
  });

  it('calls a card shown on an RGB-stripe screen a screen', async () => {
    const { image } = await fixtureImage('fra-id-card-front-clean-1.jpg');
    const screen = await decodePhoto(await screenOf(image, { pitchPx: 5, turnDeg: 2, blurPx: 0.6 }));
    expect(measureMedium(screen, null).medium).toBe('screen');
  });

  it.skipIf(!existsSync(REAL_PHOTOS))(
    'calls the photo of a computer screen in ../shared a screen',
    async () => {
      const image = await decodePhoto(await readFile(join(REAL_PHOTOS, 'mapo80-glare', 'glare-266.jpg')));
      expect(measureMedium(image, null).medium).toBe('screen');
    },
  );

  it.skipIf(!existsSync(REAL_PHOTOS))('says nothing of real photos of real cards in ../shared', async () => {
    for (const file of ['kbyai/fra-id-3.jpg', 'midv500-seg/sample2.png', 'shakex/card2.jpg']) {
      const image = await decodePhoto(await readFile(join(REAL_PHOTOS, file)));
      expect([file, measureMedium(image, null).medium]).toStrictEqual([file, null]);
    }
  });

  it('measures nothing on a document too small for its patches to differ', () => {
    const image = { width: 300, height: 200, data: new Uint8Array(300 * 200 * 4).fill(200) };
    expect(measureMedium(image, null)).toStrictEqual({
      medium: null,
      patches: 0,
      latticePatches: 0,
      peakRatio: 0,
      periodPx: null,
      colourCoherence: null,
    });
  });
});
