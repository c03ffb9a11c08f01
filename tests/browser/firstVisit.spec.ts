/**
 * A first visit on a slow connection (issue 13): the photo can be chosen before the engines are in,
 * the page shows how much of them has downloaded, and the check starts once they arrive. OpenCV's
 * WebAssembly, the largest engine file, is held back until the photo has been chosen.
 */
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { fixtureManifest, pickFixture } from './support/fixtures.ts';
import { expect, test } from './support/test.ts';

test('a photo chosen while the engines download is checked once they arrive', async ({
  checker,
  page,
}, testInfo) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldBack = 0;
  // Routes bind the checker's worker too: this is the worker's own fetch of the WebAssembly.
  await page.route(/\/assets\/opencv-[^/]*\.wasm$/u, async (route) => {
    heldBack += 1;
    await released;
    await route.continue();
  });

  await checker.open(fixtureManifest().today);
  await expect(checker.main).toHaveAttribute('data-engines', 'loading');
  await checker.choosePhoto(photo.path);
  await expect(page.locator('[data-step="loading"]')).toBeVisible();
  // tesseract's files (about a third of the bytes) arrive; OpenCV's do not.
  await expect.poll(() => checker.downloadPercent()).toBeGreaterThan(0);
  expect(await checker.downloadPercent()).toBeLessThan(100);
  await expect(checker.download.getByRole('progressbar')).toBeVisible();
  expect(heldBack).toBe(1);
  await checker.screenshot('first-visit-downloading', testInfo);
  await checker.expectAccessible('first-visit-downloading', testInfo);
  await expect(checker.result).toBeHidden();

  release();
  await checker.waitForResult();
  await expect(checker.main).toHaveAttribute('data-engines', 'ready');
  await expect(checker.download).toBeHidden();
  for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
});
