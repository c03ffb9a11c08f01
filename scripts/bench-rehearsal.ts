/**
 * bench:rehearsal (after `npm run build`): the rehearsal of the video step (issue 18) in headless
 * Chromium, whose fake camera plays the drawn framed face at 640 × 480 and 30 frames a second (so the
 * worker, not the camera, sets the pace) and whose fake microphone says 4 numbers. Prints:
 * - face checks judged per second, over 10 s of recording, and the latency per frame from grabbing it
 *   to its judgement back on the page's thread, with the worker's share (pixels, detection, checks);
 * - main-thread long tasks (over 50 ms) while the camera runs and records;
 * - the bytes the rehearsal adds: the files fetched on opening it that the photo check never fetches
 *   (its code, its worker, the face model), as served (gzip where the server compresses) and as files.
 * With `--write`, the person writes their numbers: the fake camera shows the drawn face holding up the
 * sheet of WRITTEN_DIGITS (the page's numbers set to them), `numbers-shown` is judged on every frame and
 * its OCR run at most once a second; it also prints how long `numbers-shown` took to pass and how long
 * the OCR's readings took (in its own worker), and the bytes then include the OCR's printed-text model
 * (which a photo of a licence, or the offline copy, would have fetched already).
 *
 *   npm run build && tsx scripts/bench-rehearsal.ts [--port 4176] [--write]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Response } from '@playwright/test';
import { REHEARSAL_FRAME_MEASURE } from '../src/app/rehearsal/rehearsalClient.ts';
import { REHEARSAL_HASH } from '../src/app/rehearsal/text.ts';
import { chromiumLaunchOptions } from './chromium.ts';
import { WRITTEN_DIGITS } from './rehearsal/faceScenes.ts';
import { BENCH_FPS, ensureRehearsalMedia, sceneVideoPath, soundPath } from './rehearsal/media.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4176' }, write: { type: 'boolean', default: false } },
});
const writing = values.write === true;
const origin = `http://localhost:${values.port}`;
const TARGETS = { checksPerSecond: 10, longTaskMs: 50, addedBytes: 3 * 1024 * 1024 };
const RECORD_SECONDS = 10;

interface FrameEntry {
  readonly startTime: number;
  readonly duration: number;
  readonly detail: {
    readonly pixels: number;
    readonly detect: number;
    readonly judge: number;
    readonly read: number | null;
  };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: readonly number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? NaN;

async function startServer(): Promise<() => void> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve-web.ts', '--port', values.port!],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(origin).then(
        (r) => r.ok,
        () => false,
      )
    )
      return () => server.kill();
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`The server did not start on ${origin}`);
}

await ensureRehearsalMedia({ bench: true });
const stopServer = await startServer();
const browser = await chromium.launch(
  chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${sceneVideoPath(writing ? 'written-digits' : 'one-framed-face', BENCH_FPS)}`,
    `--use-file-for-fake-audio-capture=${soundPath('four-digits')}`,
  ]),
);
try {
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  await context.grantPermissions(['camera', 'microphone'], { origin });
  await context.addInitScript(() => {
    const tasks: { startTime: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  // What the photo check's page fetches; then what opening the rehearsal adds to it.
  const fetched = new Map<string, { served: number; file: number }>();
  let rehearsalOpen = false;
  const added = new Map<string, { served: number; file: number }>();
  const record = async (response: Response) => {
    // The recording played back is a blob: URL, made on the device, not fetched.
    if (response.url().startsWith('blob:')) return;
    const path = new URL(response.url()).pathname;
    const body = await response.body().catch(() => null);
    if (!body) return;
    const served = Number((await response.allHeaders())['content-length'] ?? body.length);
    const sizes = { served, file: body.length };
    if (!rehearsalOpen) fetched.set(path, sizes);
    else if (!fetched.has(path)) added.set(path, sizes);
  };
  context.on('response', (response) => void record(response));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  // The photo check's engines too, so that only the rehearsal's own files count as added.
  await page.waitForFunction(
    () => performance.getEntriesByName('id-precheck:engines-ready').length > 0,
    null,
    {
      timeout: 120_000,
    },
  );
  rehearsalOpen = true;
  await page.goto(`/${writing ? `?digits=${WRITTEN_DIGITS}` : ''}${REHEARSAL_HASH}`);
  if (writing) await page.getByLabel('Write the numbers down and hold them up').check();
  await page.getByRole('button', { name: 'Start camera and microphone' }).click();
  const cameraAsked = await page.evaluate(() => performance.now());
  await page.locator('[data-check="one-face"][data-status="pass"]').waitFor({ timeout: 120_000 });
  const numbersPassedAfter = writing
    ? await page
        .locator('[data-check="numbers-shown"][data-status="pass"]')
        .waitFor({ timeout: 120_000 })
        .then(() => page.evaluate((from) => performance.now() - from, cameraAsked))
    : null;
  await page.evaluate(() => {
    performance.clearMeasures();
    (window as unknown as { __longTasks: unknown[] }).__longTasks.length = 0;
  });
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Start recording' }).click();
  await page.waitForTimeout(RECORD_SECONDS * 1000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.locator('[data-playback]').waitFor();
  const { frames, longTasks, endedAt } = await page.evaluate((name) => {
    const entries = performance.getEntriesByName(name) as PerformanceMeasure[];
    return {
      frames: entries.map((entry) => ({
        startTime: entry.startTime,
        duration: entry.duration,
        detail: entry.detail as FrameEntry['detail'],
      })),
      longTasks: (window as unknown as { __longTasks: { startTime: number; duration: number }[] })
        .__longTasks,
      endedAt: performance.now(),
    };
  }, REHEARSAL_FRAME_MEASURE);
  const voice = writing ? null : await page.locator('[data-check="voice"]').getAttribute('data-status');
  await page.waitForLoadState('networkidle');

  const seconds = (endedAt - startedAt) / 1000;
  const perSecond = frames.length / seconds;
  const ms = (values: readonly number[]) =>
    `median ${median(values).toFixed(1)}, p90 ${percentile(values, 0.9).toFixed(1)}`;
  console.log(`Rehearsal, fake camera 640×480 at ${BENCH_FPS} fps, ${seconds.toFixed(1)} s of recording:`);
  console.log(
    `  face checks judged: ${frames.length} = ${perSecond.toFixed(1)} a second (target ≥ ${TARGETS.checksPerSecond})`,
  );
  console.log(`  latency per frame, ms: ${ms(frames.map((frame) => frame.duration))}`);
  console.log(
    `    in the worker: pixels ${ms(frames.map((f) => f.detail.pixels))}; detection ${ms(frames.map((f) => f.detail.detect))}; checks ${ms(frames.map((f) => f.detail.judge))}`,
  );
  const longest = Math.max(0, ...longTasks.map((task) => task.duration));
  console.log(
    `  main-thread long tasks: ${longTasks.length}, longest ${longest.toFixed(0)} ms (target: none over ${TARGETS.longTaskMs})`,
  );
  if (writing) {
    const reads = [...new Set(frames.flatMap((f) => (f.detail.read === null ? [] : [f.detail.read])))];
    console.log(
      `  numbers-shown: pass ${((numbersPassedAfter ?? NaN) / 1000).toFixed(1)} s after the camera was asked for (its reader loading meanwhile); after the recording: ${await page.locator('[data-check="numbers-shown"]').getAttribute('data-status')}`,
    );
    console.log(
      `  OCR readings (their own worker), ms: ${ms(reads)} (${reads.length} distinct timings seen)`,
    );
  } else console.log(`  voice check after the recording: ${voice}`);
  const total = { served: 0, file: 0 };
  console.log('Bytes the rehearsal adds (fetched on opening it, never by the photo check):');
  for (const [path, sizes] of [...added].sort()) {
    total.served += sizes.served;
    total.file += sizes.file;
    console.log(
      `  ${path}: ${(sizes.served / 1024).toFixed(1)} KB served, ${(sizes.file / 1024).toFixed(1)} KB file`,
    );
  }
  console.log(
    `  total: ${(total.served / 1024).toFixed(1)} KB served, ${(total.file / 1024).toFixed(1)} KB as files (target ≤ ${TARGETS.addedBytes / 1024 / 1024} MB)`,
  );
} finally {
  await browser.close();
  stopServer();
}
