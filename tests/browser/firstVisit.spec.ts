/**
 * A first visit on a slow connection (issue 13): the photo can be chosen before the engines are in,
 * the page shows how much of them has downloaded, and the check starts once they arrive. OpenCV's
 * WebAssembly, the largest engine file, is held back until the photo has been chosen. The checker is
 * ready before tesseract's files and its printed-text model are in: a check that needs them waits, and
 * says so.
 */
import { join } from 'node:path';
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { FIXTURES_DIR, fixtureManifest, pickFixture } from './support/fixtures.ts';
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
  // The face model (about 7% of the ready set's bytes) arrives; OpenCV's WebAssembly does not.
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

/** tesseract's files: its worker script, core and MRZ model (engines/browserAssets.ts). */
const TESSERACT_FILES = /\/vendor\/(tesseract|mrz)\//u;

test('a passport chosen while tesseract is still arriving is checked right: it waits for it, and says so', async ({
  checker,
  page,
}, testInfo) => {
  const passport = pickFixture('clean', 'valid-details', 'pass');
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Set<string>();
  await page.route(TESSERACT_FILES, async (route) => {
    held.add(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });

  await checker.open(fixtureManifest().today);
  await checker.waitUntilReady();
  await expect.poll(() => held.size).toBeGreaterThan(0);
  await checker.choosePhoto(passport.path);
  const waiting = page.locator('[data-step="waiting-for-code-reader"]');
  await expect(waiting.or(checker.result)).toBeVisible();
  if (await waiting.isVisible()) {
    // The pipeline reads the code with tesseract: the check waits for its files, with their own bar.
    // (A reader that settles a clean code without tesseract shows the result here instead.)
    testInfo.annotations.push({ type: 'code-reader', description: 'the check waited for tesseract' });
    await expect(checker.download).toHaveAttribute('data-download-part', 'code-reader');
    expect(await checker.downloadPercent()).toBeLessThan(100);
    await expect(checker.result).toBeHidden();
    await checker.screenshot('waiting-for-code-reader', testInfo);
    await checker.expectAccessible('waiting-for-code-reader', testInfo);
    release();
  } else {
    testInfo.annotations.push({ type: 'code-reader', description: 'read without tesseract' });
  }
  await checker.waitForResult();
  release();
  await expect(checker.download).toBeHidden();
  for (const rule of RULE_IDS) await checker.expectRule(rule, passport.expected[rule]);
});

test("when tesseract's files cannot be downloaded, a passport's check says the checker could not load, not that the photo failed", async ({
  checker,
  page,
}, testInfo) => {
  const passport = pickFixture('clean', 'valid-details', 'pass');
  await page.route(TESSERACT_FILES, (route) => route.abort('internetdisconnected'));

  await checker.open(fixtureManifest().today);
  await checker.waitUntilReady();
  await checker.choosePhoto(passport.path);
  const failed = page.locator('[data-error-code="load-failed"]');
  await expect(failed.or(checker.result)).toBeVisible();
  if (await checker.result.isVisible()) {
    // A reader that settles a clean code without tesseract needs none of its files.
    for (const rule of RULE_IDS) await checker.expectRule(rule, passport.expected[rule]);
    return;
  }
  await expect(failed.getByRole('heading', { level: 1 })).toHaveText('The checker could not load');
  await expect(page).toHaveTitle(/^Error: /u);
  await checker.screenshot('code-reader-not-loaded', testInfo);
  await checker.expectAccessible('code-reader-not-loaded', testInfo);
});

test('a licence chosen while the printed-text model is still arriving waits for it, saying so, and is checked right', async ({
  checker,
  page,
}, testInfo) => {
  const licence = fixtureManifest().images.find(
    (image) => image.variant === 'clean' && image.document.kind === 'uk-driving-licence',
  );
  if (!licence) throw new Error('No clean UK licence in the fixtures');
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/vendor\/eng-best-int\//u, async (route) => {
    await released;
    await route.continue();
  });

  await checker.open(fixtureManifest().today);
  await checker.waitUntilReady();
  await checker.choosePhoto(join(FIXTURES_DIR, licence.file));
  await expect(page.locator('[data-step="waiting-for-code-reader"]')).toBeVisible();
  await expect(checker.download).toHaveAttribute('data-download-part', 'text-reader');
  await expect(checker.result).toBeHidden();
  await checker.screenshot('waiting-for-text-reader', testInfo);
  release();
  await checker.waitForResult();
  for (const rule of RULE_IDS) await checker.expectRule(rule, licence.expected[rule]);
});
