/**
 * The rehearsal of the video step in Chromium, whose fake camera plays a drawn scene
 * (scripts/rehearsal/faceScenes.ts) and whose fake microphone plays espeak-ng's "4, 7, 2, 9", silence or
 * noise (scripts/rehearsal/media.ts). Each check must say what the scene's truth says; the recording
 * must play back; every track must stop when the page is left; no request may leave the origin (the
 * network guard of support/test.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, test as base, type Page, type Request } from '@playwright/test';
import {
  FACE_SCENES,
  WRITTEN_DIGITS,
  type FaceScene,
  type FaceSceneName,
} from '../../scripts/rehearsal/faceScenes.ts';
import {
  SPEECH_STARTS_S,
  sceneVideoPath,
  soundPath,
  type RehearsalSound,
} from '../../scripts/rehearsal/media.ts';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import type { Status } from '../../src/pipeline/types.ts';
import { cameraRecord, cameraTrackStates, watchCamera } from './support/cameraWatch.ts';
import { RehearsalPageObject } from './support/RehearsalPageObject.ts';
import { expect } from './support/test.ts';

/**
 * Each test launches its own Chromium, since the fake camera's and microphone's files are launch flags
 * (Playwright cannot change launch options inside a file), and guards its requests as support/test.ts
 * does: every request same-origin (or blob:/data:) and a GET.
 */
const test = base.extend<{ rehearsalWith: (scene: FaceSceneName, sound: RehearsalSound) => Promise<Page> }>({
  rehearsalWith: async ({ baseURL }, use) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    const offending: string[] = [];
    const browsers: Awaited<ReturnType<typeof chromium.launch>>[] = [];
    await use(async (scene, sound) => {
      const browser = await chromium.launch(
        chromiumLaunchOptions([
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${sceneVideoPath(scene)}`,
          `--use-file-for-fake-audio-capture=${soundPath(sound)}`,
        ]),
      );
      browsers.push(browser);
      const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
      await context.grantPermissions(['camera', 'microphone'], { origin });
      context.on('request', (request: Request) => {
        const url = new URL(request.url());
        const local = url.protocol === 'blob:' || url.protocol === 'data:' || url.origin === origin;
        if (!local || request.method() !== 'GET') offending.push(`${request.method()} ${request.url()}`);
      });
      await watchCamera(context);
      return context.newPage();
    });
    for (const browser of browsers) await browser.close();
    expect(offending, 'requests that are not same-origin GETs').toStrictEqual([]);
  },
});

/** Each face check the scene's truth names, waited for in turn. */
async function expectFaceChecks(rehearsal: RehearsalPageObject, scene: FaceSceneName): Promise<void> {
  const expected: Partial<Record<string, Status>> = FACE_SCENES[scene].expected;
  for (const [id, status] of Object.entries(expected)) await rehearsal.expectCheck(id as 'one-face', status!);
}

test('one framed face, saying 4 numbers: every check passes, the recording plays back, and leaving stops every track', async ({
  rehearsalWith,
}, testInfo) => {
  const page = await rehearsalWith('one-framed-face', 'four-digits');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro();
  await expect(page.locator('[data-digits]')).toHaveAttribute('data-digits', /^\d{4}$/u);
  await expect(page.locator('[data-limits="say"]')).toContainText('we do not check which numbers you said');
  await rehearsal.startCamera();
  await expectFaceChecks(rehearsal, 'one-framed-face');
  await rehearsal.expectCheck('voice', 'unsure');
  const recordingFrom = await rehearsal.record(14);
  // The microphone's file plays from when it was opened: the recording must have begun before the first number.
  const micOpenedAt = (await cameraRecord(page)).openedAt[0]!;
  expect(recordingFrom - micOpenedAt, 'ms from the microphone opening to recording').toBeLessThan(
    SPEECH_STARTS_S * 1000,
  );
  await rehearsal.expectCheck('voice', 'pass');
  await expect(rehearsal.checks).toHaveAttribute('data-verdict', 'pass');
  const frames = await page.evaluate(
    () => performance.getEntriesByName('id-precheck:rehearsal-frame').length,
  );
  await testInfo.attach('frames-judged.txt', { body: String(frames) });
  const playback = await rehearsal.playBack();
  expect(playback.seconds).toBeGreaterThan(12);
  expect(playback.width).toBe(640);
  await page.screenshot({ path: testInfo.outputPath('rehearsal-recorded.png'), fullPage: true });
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toStrictEqual([]);

  expect(await cameraTrackStates(page)).toStrictEqual(['live', 'live']);
  const url = await page.locator('[data-playback]').getAttribute('src');
  await rehearsal.leave();
  expect(await cameraTrackStates(page)).toStrictEqual(['ended', 'ended']);
  // The recording is gone with the page: its blob: URL no longer loads.
  const stillThere = await page.evaluate(
    (src) =>
      new Promise<boolean>((resolve) => {
        const video = document.createElement('video');
        video.addEventListener('loadedmetadata', () => resolve(true));
        video.addEventListener('error', () => resolve(false));
        video.src = src!;
      }),
    url,
  );
  expect(stillThere).toBe(false);
});

test('signing: there is no voice check, and the page says what it cannot check', async ({
  rehearsalWith,
}) => {
  const page = await rehearsalWith('one-framed-face', 'silence');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro();
  await rehearsal.choose('Sign the numbers in British Sign Language');
  await expect(page.locator('[data-limits="sign"]')).toContainText('We do not read sign language');
  await rehearsal.startCamera();
  await expectFaceChecks(rehearsal, 'one-framed-face');
  await expect(rehearsal.check('voice')).toHaveCount(0);
});

test('hiding the tab stops every track and deletes the recording; the camera can be started again', async ({
  rehearsalWith,
}) => {
  const page = await rehearsalWith('one-framed-face', 'silence');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro();
  await rehearsal.startCamera();
  await rehearsal.record(2);
  await expect(page.locator('[data-playback]')).toBeVisible();
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.locator('main')).toHaveAttribute('data-rehearsal', 'paused');
  expect(await cameraTrackStates(page)).toStrictEqual(['ended', 'ended']);
  await expect(page.locator('[data-playback]')).toHaveCount(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await rehearsal.startCamera();
  await rehearsal.expectCheck('one-face', 'pass');
});

test('a silent microphone fails the voice check once the recording stops', async ({ rehearsalWith }) => {
  const page = await rehearsalWith('one-framed-face', 'silence');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro();
  await rehearsal.startCamera();
  await rehearsal.record(3);
  await rehearsal.expectCheck('voice', 'fail');
  await expect(rehearsal.check('voice')).toContainText('We did not hear you.');
  await expect(rehearsal.checks).toHaveAttribute('data-verdict', 'fail');
});

for (const [scene, sound] of [
  ['no-face', 'noise'],
  ['two-faces', 'silence'],
  ['dark-face', 'silence'],
  ['backlit-face', 'silence'],
  ['small-face', 'silence'],
] as const)
  test(`${scene}: the face checks say what the ${scene} scene's truth says${sound === 'noise' ? ', and noise fails the voice check' : ''}`, async ({
    rehearsalWith,
  }, testInfo) => {
    const page = await rehearsalWith(scene, sound);
    const rehearsal = new RehearsalPageObject(page);
    await rehearsal.openFromIntro();
    await rehearsal.startCamera();
    await expectFaceChecks(rehearsal, scene);
    await expect(rehearsal.checks).toHaveAttribute(
      'data-verdict',
      scene === 'no-face' ? 'fail' : /fail|unsure/u,
    );
    if (sound === 'noise') {
      await rehearsal.record(3);
      await rehearsal.expectCheck('voice', 'fail');
      await expect(rehearsal.check('voice')).toContainText('There is too much background noise.');
    }
    await page.screenshot({ path: testInfo.outputPath(`rehearsal-${scene}.png`), fullPage: true });
    await rehearsal.leave();
    expect(await cameraTrackStates(page)).toStrictEqual(['ended', 'ended']);
  });

test('writing: the 4 numbers written on a sheet held up are read, on the device, and pass', async ({
  rehearsalWith,
}) => {
  const page = await rehearsalWith('written-digits', 'silence');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro(`?digits=${WRITTEN_DIGITS}`);
  await expect(page.locator('[data-digits]')).toHaveAttribute('data-digits', WRITTEN_DIGITS);
  await rehearsal.choose('Write the numbers down and hold them up');
  await expect(page.locator('[data-limits="write"]')).toContainText(
    'We read the numbers you hold up where we can, on this device: nothing is sent.',
  );
  await rehearsal.startCamera();
  await expectFaceChecks(rehearsal, 'written-digits');
  await rehearsal.expectCheck('numbers-shown', 'pass');
  await expect(rehearsal.check('numbers-shown')).toContainText(
    `We read your 4 numbers: ${[...WRITTEN_DIGITS].join(' ')}.`,
  );
  await expect(rehearsal.check('voice')).toHaveCount(0);
  await expect(rehearsal.checks).toHaveAttribute('data-verdict', 'pass');
  // Still read while recording, and the recording plays back.
  await rehearsal.record(3);
  await rehearsal.expectCheck('numbers-shown', 'pass');
  expect((await rehearsal.playBack()).seconds).toBeGreaterThan(2);
  await rehearsal.leave();
  expect(await cameraTrackStates(page)).toStrictEqual(['ended', 'ended']);
});

test('writing: the same sheet held up for other numbers is not passed', async ({ rehearsalWith }) => {
  const page = await rehearsalWith('written-digits', 'silence');
  const rehearsal = new RehearsalPageObject(page);
  await rehearsal.openFromIntro('?digits=1962');
  await rehearsal.choose('Write the numbers down and hold them up');
  await rehearsal.startCamera();
  await rehearsal.expectCheck('one-face', 'pass');
  await rehearsal.expectCheck('numbers-shown', 'fail');
  await expect(rehearsal.check('numbers-shown')).toContainText('which are not your 4 numbers');
});

for (const scene of ['blank-sheet', 'one-framed-face'] as const)
  test(`writing: ${scene === 'blank-sheet' ? 'a blank sheet' : 'no sheet held up'} is not passed`, async ({
    rehearsalWith,
  }) => {
    const page = await rehearsalWith(scene, 'silence');
    const rehearsal = new RehearsalPageObject(page);
    await rehearsal.openFromIntro(`?digits=${WRITTEN_DIGITS}`);
    await rehearsal.choose('Write the numbers down and hold them up');
    await rehearsal.startCamera();
    await rehearsal.expectCheck('one-face', 'pass');
    const expected = [(FACE_SCENES[scene] as FaceScene).numbersShown ?? []].flat();
    await expect(rehearsal.check('numbers-shown')).toHaveAttribute(
      'data-status',
      new RegExp(`^(${expected.join('|')})$`, 'u'),
    );
    // Given a moment more (a reading a second), it does not turn to pass.
    await page.waitForTimeout(2500);
    await expect(rehearsal.check('numbers-shown')).toHaveAttribute('data-status', /^(fail|unsure)$/u);
    await expect(rehearsal.check('numbers-shown')).toContainText(
      scene === 'blank-sheet' ? 'nothing written on it' : 'We cannot see a sheet of paper.',
    );
  });
