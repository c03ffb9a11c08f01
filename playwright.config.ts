/**
 * Browser tests: Debian's Chromium (no browser download) against the built app served by
 * scripts/serve-web.ts, with its real headers (CSP) and service worker. The camera tests run in a
 * Chromium of their own, whose fake camera plays a video that scripts/camera-video.ts generates first
 * (the `camera-videos` setup project), so a fresh clone needs nothing committed.
 */
import { defineConfig, type ViewportSize } from '@playwright/test';
import { cameraVideoPath } from './scripts/camera-video.ts';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/** ID_PRECHECK_TEST_PORT: for several checkouts testing at once on one machine. */
const PORT = Number(process.env.ID_PRECHECK_TEST_PORT ?? 4174);

/** Every test runs at both: a laptop, and a phone (touch, no hover). */
const LAPTOP: { viewport: ViewportSize } = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const cameraLaunch = {
  launchOptions: chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraVideoPath('id-card-into-frame')}`,
  ]),
};

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  // One at a time: each test loads OpenCV and tesseract in its own browser context, on 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    serviceWorkers: 'allow',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'checker', testIgnore: ['**/camera.spec.ts', '**/rehearsal.spec.ts'], use: LAPTOP },
    { name: 'checker-phone', testIgnore: ['**/camera.spec.ts', '**/rehearsal.spec.ts'], use: PHONE },
    { name: 'camera-videos', testMatch: '**/camera-videos.setup.ts' },
    {
      name: 'camera',
      testMatch: '**/camera.spec.ts',
      dependencies: ['camera-videos'],
      use: { ...LAPTOP, ...cameraLaunch },
    },
    {
      name: 'camera-phone',
      testMatch: '**/camera.spec.ts',
      dependencies: ['camera-videos'],
      use: { ...PHONE, ...cameraLaunch },
    },
    // The rehearsal's tests each launch a Chromium whose fake camera and microphone play their own files.
    { name: 'rehearsal-media', testMatch: '**/rehearsal-media.setup.ts' },
    { name: 'rehearsal', testMatch: '**/rehearsal.spec.ts', dependencies: ['rehearsal-media'] },
  ],
  webServer: {
    command: `npm run build && tsx scripts/serve-web.ts --port ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
