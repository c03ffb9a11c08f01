/**
 * The live camera in Chromium, whose fake camera plays scripts/camera-video.ts's `id-card-into-frame`
 * (looping): an ID card slides into the frame, is held with its top-left corner out, goes out of focus,
 * then is held steady and sharp. The guidance must follow the video, the photo must be taken only in
 * the steady, sharp part, and every camera track must be stopped whenever the camera view ends.
 */
import sharp from 'sharp';
import { CAMERA_VIDEOS, segmentStarts } from '../../scripts/camera-video.ts';
import { CAMERA_GUIDANCE } from '../../src/app/content/text.ts';
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { cameraRecord, cameraTrackStates, watchCamera } from './support/cameraWatch.ts';
import { fixtureManifest, pickFixture } from './support/fixtures.ts';
import { expect, test } from './support/test.ts';

const video = CAMERA_VIDEOS['id-card-into-frame'];
const starts = segmentStarts(video);
const today = () => fixtureManifest().today;

test.beforeEach(async ({ context, baseURL }) => {
  await watchCamera(context);
  if (!test.info().title.includes('refused')) await context.grantPermissions(['camera'], { origin: baseURL });
});

test('the guidance follows the video, and the photo is taken once the card is steady and sharp', async ({
  checker,
}, testInfo) => {
  await checker.open(today());
  // Ready first, so that the camera's video plays from its start while every frame can be judged.
  await checker.waitUntilReady();
  await checker.useCamera();
  await expect(checker.page.locator('#camera-heading')).toBeFocused();
  await checker.waitForCameraGuidance();
  await checker.screenshot('camera-live', testInfo);
  await checker.expectAccessible('camera-live', testInfo);

  await checker.waitForResult();
  const record = await cameraRecord(checker.page);
  await testInfo.attach('camera-record.json', { body: JSON.stringify(record, null, 2) });
  const guidance = record.guidance.map((step) => step.value);
  const capturing = expectGuidanceInVideoOrder(guidance);

  // The words on the page followed the same way.
  const shown = record.instructions;
  const shownCornerOut = shown.indexOf(CAMERA_GUIDANCE['corners-missing']);
  expect(shownCornerOut, `instructions: ${shown.join(' → ')}`).toBeGreaterThanOrEqual(0);
  expect(shown.indexOf(CAMERA_GUIDANCE.blurred, shownCornerOut)).toBeGreaterThan(shownCornerOut);

  // Taken no earlier than the steady part of the video could have been seen.
  const openedAt = record.openedAt[0]!;
  const capturedAt = record.guidance[capturing]!.at;
  expect(capturedAt - openedAt, 'ms from the camera opening to the shutter').toBeGreaterThanOrEqual(
    starts['steady']! * 1000,
  );

  // The photo it took is the steady, sharp one: its corners and clarity pass in the full check.
  await expect(checker.page.locator('[data-rule]')).toHaveCount(RULE_IDS.length);
  await checker.expectRule('four-corners', ['pass']);
  await checker.expectRule('clear-photo', ['pass']);
  await expect(checker.page.getByText('Photo checked: photo from your camera')).toBeVisible();
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended']);

  // The camera's photo can be kept: downloaded at full resolution from the page itself (a blob: URL).
  // The video shows a card's back: it is offered as the back, never as the photo to upload.
  await expect(checker.page.getByRole('heading', { level: 1 })).not.toHaveText(
    'This photo should be accepted',
  );
  const save = checker.page.getByRole('link', { name: 'Save this photo of the back' });
  await expect(save).toHaveAttribute('href', /^blob:/u);
  const downloading = checker.page.waitForEvent('download');
  await save.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^id-photo-back\.(jpg|png)$/u);
  const saved = await sharp(await download.path()).metadata();
  // The very photo that was checked: its size is the checker's (up to 4096 px a side, unshrunk).
  const { width, height } = await checker.photoSize();
  expect({ width: saved.width, height: saved.height }).toStrictEqual({ width, height });

  // Each instruction that lasted was announced once, not each frame's.
  const instructions = Object.values(CAMERA_GUIDANCE);
  for (const spoken of record.announcements) expect(instructions).toContain(spoken);
  expect(record.announcements.length).toBeLessThanOrEqual(guidance.length);
  await checker.screenshot('camera-result', testInfo);
});

test('without VideoFrame, the frames go to the worker as ImageBitmaps and the photo is still taken', async ({
  checker,
  context,
}) => {
  // As in a browser without WebCodecs: the page falls back to createImageBitmap(video), and the worker
  // reads the bitmap's pixels through a canvas instead of VideoFrame.copyTo.
  await context.addInitScript(() => {
    const page = window as unknown as { VideoFrame?: unknown; __bitmapFrames: number };
    delete page.VideoFrame;
    page.__bitmapFrames = 0;
    const create = window.createImageBitmap.bind(window) as (...args: unknown[]) => Promise<ImageBitmap>;
    window.createImageBitmap = ((...args: unknown[]) => {
      if (args[0] instanceof HTMLVideoElement) page.__bitmapFrames++;
      return create(...args);
    }) as typeof window.createImageBitmap;
  });
  await checker.open(today());
  await checker.waitUntilReady();
  await checker.useCamera();
  await checker.waitForResult();
  const record = await cameraRecord(checker.page);
  expectGuidanceInVideoOrder(record.guidance.map((step) => step.value));
  const bitmapFrames = await checker.page.evaluate(
    () => (window as unknown as { __bitmapFrames: number }).__bitmapFrames,
  );
  expect(bitmapFrames, 'frames sent as ImageBitmaps').toBeGreaterThanOrEqual(3);
  await checker.expectRule('four-corners', ['pass']);
  await checker.expectRule('clear-photo', ['pass']);
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended']);
});

test('with the keyboard alone: open the camera, take the photo now, see the result', async ({ checker }) => {
  await checker.open(today());
  await checker.page.getByRole('button', { name: 'Use camera' }).focus();
  await checker.page.keyboard.press('Enter');
  await expect(checker.page.locator('#camera-heading')).toBeFocused();
  await expect(checker.camera).toHaveAttribute('data-camera', 'live');
  await checker.page.keyboard.press('Tab');
  await expect(checker.page.getByRole('button', { name: 'Take the photo now' })).toBeFocused();
  await checker.page.keyboard.press('Enter');
  await checker.waitForResult();
  await expect(checker.page.locator('[data-rule]')).toHaveCount(RULE_IDS.length);
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended']);
});

test('stopping the camera, or leaving the tab, stops every track', async ({ checker }, testInfo) => {
  await checker.open(today());
  await checker.useCamera();
  await expect(checker.camera).toHaveAttribute('data-camera', 'live');

  await checker.hideTab();
  await expect(checker.camera).toHaveAttribute('data-camera', 'paused');
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended']);
  await checker.showTab();
  await checker.screenshot('camera-paused', testInfo);
  await checker.expectAccessible('camera-paused', testInfo);

  await checker.page.getByRole('button', { name: 'Turn the camera on again' }).click();
  await expect(checker.camera).toHaveAttribute('data-camera', 'live');
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended', 'live']);

  await checker.stopCamera();
  await expect(checker.camera).toBeHidden();
  await expect(checker.page.getByRole('button', { name: 'Use camera' })).toBeFocused();
  expect(await cameraTrackStates(checker.page)).toStrictEqual(['ended', 'ended']);
});

test('a refused camera says so, and a photo can still be chosen', async ({ checker }, testInfo) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(today());
  await checker.useCamera();
  await expect(checker.errorSummary).toBeVisible();
  await expect(checker.errorSummary).toBeFocused();
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'camera-denied');
  await checker.screenshot('camera-refused', testInfo);
  await checker.expectAccessible('camera-refused', testInfo);

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await expect(checker.page.locator('[data-rule]')).toHaveCount(RULE_IDS.length);
});

/**
 * The guidance in the video's order: a corner out, then blurred, then the photo taken, and nothing
 * after the shutter. Returns where the shutter is in `guidance`.
 */
function expectGuidanceInVideoOrder(guidance: readonly string[]): number {
  const cornerOut = guidance.indexOf('corners-missing');
  const blurred = guidance.indexOf('blurred', cornerOut);
  const capturing = guidance.indexOf('capturing', blurred);
  expect(guidance, `guidance: ${guidance.join(' → ')}`).toContain('corners-missing');
  expect(blurred, `blurred after the corner, in ${guidance.join(' → ')}`).toBeGreaterThan(cornerOut);
  expect(capturing, `capturing after the blur, in ${guidance.join(' → ')}`).toBeGreaterThan(blurred);
  expect(guidance.slice(capturing + 1), 'guidance after the shutter').toStrictEqual([]);
  return capturing;
}
