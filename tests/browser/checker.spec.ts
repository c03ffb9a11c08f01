/**
 * The web app in Chromium, as a person uses it: fixture photos chosen by variant, results compared
 * with the manifest's expected statuses, axe and a screenshot in every state.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { exifTurnedJpeg, type ExifOrientation } from '../support/photos.ts';
import { CheckerPage } from './support/CheckerPage.ts';
import { fixtureManifest, pickFixture } from './support/fixtures.ts';
import { expect, test } from './support/test.ts';

const today = () => fixtureManifest().today;

test('a clean passport passes all five rules', async ({ checker }, testInfo) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(today());
  await checker.screenshot('intro', testInfo);
  await checker.expectAccessible('intro', testInfo);

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
  for (const rule of RULE_IDS) expect(photo.expected[rule][0]).toBe('pass');
  await expect(checker.result).toHaveAttribute('data-verdict', 'pass');
  await expect(checker.page.locator('#result-heading')).toBeFocused();
  await checker.screenshot('result-pass', testInfo);
  await checker.expectAccessible('result-pass', testInfo);
});

test('a cut-off corner fails four-corners and is marked on the photo', async ({ checker }, testInfo) => {
  const photo = pickFixture('corner-cut', 'four-corners', 'fail');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.expectRule('four-corners', photo.expected['four-corners']);
  for (const corner of photo.missingCorners) await expect(checker.missingCornerMark(corner)).toBeVisible();
  await checker.screenshot('result-corner-cut', testInfo);
  await checker.expectAccessible('result-corner-cut', testInfo);
});

test('a phone photo stored turned, with its EXIF orientation, is checked and drawn upright', async ({
  checker,
}) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  const { width = 0, height = 0 } = await sharp(photo.path).metadata();
  await checker.open(today());
  for (const orientation of [6, 3, 8] as ExifOrientation[]) {
    await checker.choosePhoto({
      name: `phone-${orientation}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await exifTurnedJpeg(photo.path, orientation),
    });
    await checker.waitForResult();
    for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
    // Turned the wrong way, the outline would lie a quarter or half turn from the document.
    const drawn = await checker.drawnOutline();
    expect(drawn.photo).toStrictEqual({ width, height });
    drawn.points.forEach(([x, y], i) => {
      const [tx, ty] = photo.outline[i]!;
      expect(Math.hypot(x - tx, y - ty)).toBeLessThan(0.03 * width);
    });
    await checker.checkAnother();
  }
});

test('a blurred photo fails clear-photo', async ({ checker }, testInfo) => {
  const photo = pickFixture('blur', 'clear-photo', 'fail');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.expectRule('clear-photo', photo.expected['clear-photo']);
  await checker.screenshot('result-blur', testInfo);
  await checker.expectAccessible('result-blur', testInfo);
});

test('shine over the portrait fails clear-photo in those words: the worker found the face with the model from our origin', async ({
  checker,
}) => {
  const photo = pickFixture('portrait-glare', 'clear-photo', 'fail');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.expectRule('clear-photo', photo.expected['clear-photo']);
  await expect(checker.page.locator('[data-rule="clear-photo"]')).toContainText(
    'There is shine over the photo of your face.',
  );
});

test('an expired document fails in-date', async ({ checker }, testInfo) => {
  const photo = pickFixture('expired', 'in-date', 'fail');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.expectRule('in-date', photo.expected['in-date']);
  await checker.screenshot('result-expired', testInfo);
  await checker.expectAccessible('result-expired', testInfo);
});

test('a broken file shows an error, and the next photo is still checked', async ({ checker }, testInfo) => {
  const photo = pickFixture('clean');
  const truncated = readFileSync(photo.path).subarray(0, 3000);
  await checker.open(today());
  await checker.choosePhoto({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(truncated) });
  await expect(checker.errorSummary).toBeVisible();
  await expect(checker.errorSummary).toBeFocused();
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'corrupt-image');
  await checker.screenshot('error', testInfo);
  await checker.expectAccessible('error', testInfo);

  await checker.choosePhoto({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a photo\n'),
  });
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'not-an-image');

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await expect(checker.errorSummary).toBeHidden();
});

test('a 0-byte file and a PDF are refused by name, and a 50-megapixel photo is still checked', async ({
  checker,
}, testInfo) => {
  await checker.open(today());
  await checker.choosePhoto({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'empty-file');
  // The NHS.UK File upload component's words, then what to do.
  await expect(checker.errorSummary).toContainText('The selected file is empty. Choose');
  await checker.screenshot('error-empty', testInfo);
  await checker.expectAccessible('error-empty', testInfo);
  await checker.choosePhoto({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'binary'),
  });
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'pdf-not-supported');
  await expect(checker.errorSummary).toContainText('The selected file must be a JPG, PNG or WEBP');
  await checker.screenshot('error-pdf', testInfo);
  await checker.expectAccessible('error-pdf', testInfo);

  // 8192 × 6144: decoded whole by the browser, then shrunk to the working size before it is read.
  const photo = pickFixture('clean', 'four-corners', 'pass');
  const huge = await sharp(photo.path).resize(8192, 6144).jpeg({ quality: 85 }).toBuffer();
  await checker.choosePhoto({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: huge });
  await checker.waitForResult();
  await expect(checker.errorSummary).toBeHidden();
  for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
});

test('while checking, the page names the step; a new photo replaces the old check', async ({
  checker,
}, testInfo) => {
  const first = pickFixture('blur');
  const second = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(today());
  await checker.choosePhoto(first.path);
  await expect(checker.page.locator('[data-step]')).toBeVisible();
  await checker.screenshot('checking', testInfo);
  await checker.expectAccessible('checking', testInfo);
  await checker.choosePhoto(second.path);
  await checker.waitForResult();
  await expect(checker.page.getByText(`Photo checked: ${second.file}`)).toBeVisible();
});

test('the whole flow works with the keyboard: check another photo returns to the input', async ({
  checker,
}) => {
  const photo = pickFixture('clean');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.page.getByRole('button', { name: 'Check another photo' }).focus();
  await checker.page.keyboard.press('Enter');
  await expect(checker.photoInput).toBeFocused();
});

test('a second visit works offline', async ({ checker, context }, testInfo) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(today());
  await checker.waitUntilReady();
  // The service worker is registered once the engines are loaded, and precaches everything.
  await checker.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error('no active service worker');
  });

  await context.setOffline(true);
  const second = await context.newPage();
  const offlineChecker = new CheckerPage(second);
  await offlineChecker.open(today());
  await offlineChecker.choosePhoto(photo.path);
  await offlineChecker.waitForResult();
  for (const rule of RULE_IDS) await offlineChecker.expectRule(rule, photo.expected[rule]);
  await offlineChecker.screenshot('offline-result', testInfo);
  await context.setOffline(false);
});
