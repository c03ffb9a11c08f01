/**
 * bench:web's live-camera figures (issue 6), in a Chromium of their own whose fake camera plays
 * scripts/camera-video.ts's `bench-blurred-then-sharp` at 1280×720 and 30 fps: the whole card in frame
 * but out of focus for 3 s (every stage runs on every frame, and nothing is taken), then steady and
 * sharp, until the photo is taken automatically.
 *
 * All times are the page's own User Timing entries (src/app/camera/cameraSession.ts):
 * - analysed frames per second: judged frames over the out-of-focus part, its first two left out;
 * - latency per frame: from grabbing the frame to its judgement back on the main thread, and the
 *   worker's share of it (reading the pixels, shrinking them, outline, clarity);
 * - main-thread long tasks from pressing "Use camera" to the shutter, and apart from them those from
 *   the shutter to the check starting (the still handed over, the camera closed);
 * - auto-capture delay: from the presentation of the first frame of the steady, sharp run to the
 *   shutter (the first sharp frame may have been presented up to one frame's analysis earlier, while
 *   the worker was busy), and then how long the camera took to hand over the still.
 */
import { chromium, type Page } from '@playwright/test';
import {
  AUTO_CAPTURE_MEASURE,
  FRAME_MEASURE,
  type AutoCaptureTimings,
  type FrameTimings,
} from '../src/app/camera/cameraSession.ts';
import { CAMERA_VIDEOS, ensureCameraVideo } from './camera-video.ts';
import { chromiumLaunchOptions } from './chromium.ts';

/** Targets from issue 6. */
const TARGETS = { framesPerSecond: 15, longTaskMs: 50, autoCaptureMs: 1000 };
/** Camera sessions, each from a fresh stream (the video starts again). */
const SESSIONS = 3;
const VIDEO = 'bench-blurred-then-sharp';

interface LongTask {
  readonly startTime: number;
  readonly duration: number;
}

interface Session {
  readonly frames: { readonly startTime: number; readonly duration: number; readonly detail: FrameTimings }[];
  readonly autoCapture: {
    readonly startTime: number;
    readonly duration: number;
    readonly detail: AutoCaptureTimings;
  } | null;
  /** performance.now() when "Use camera" was pressed. */
  readonly openedAt: number;
  readonly longTasks: LongTask[];
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: readonly number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? NaN;

async function oneSession(page: Page): Promise<Session> {
  await page.evaluate(() => {
    performance.clearMeasures();
    (window as unknown as { __longTasks: LongTask[] }).__longTasks = [];
    document.addEventListener(
      'click',
      () => ((window as unknown as { __openedAt: number }).__openedAt = performance.now()),
      { capture: true, once: true },
    );
  });
  await page.getByRole('button', { name: 'Use camera' }).click();
  await page.locator('main[data-phase="checking"], main[data-phase="result"]').waitFor({ timeout: 60_000 });
  const session = await page.evaluate(
    ([frameName, captureName]) => {
      const capture = performance.getEntriesByName(captureName)[0] as PerformanceMeasure | undefined;
      return {
        frames: (performance.getEntriesByName(frameName) as PerformanceMeasure[]).map((entry) => ({
          startTime: entry.startTime,
          duration: entry.duration,
          detail: entry.detail as FrameTimings,
        })),
        autoCapture: capture
          ? {
              startTime: capture.startTime,
              duration: capture.duration,
              detail: capture.detail as AutoCaptureTimings,
            }
          : null,
        openedAt: (window as unknown as { __openedAt: number }).__openedAt,
        longTasks: (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice(),
      };
    },
    [FRAME_MEASURE, AUTO_CAPTURE_MEASURE] as const,
  );
  await page.locator('[data-verdict]').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Check another photo' }).click();
  return session;
}

/** Runs the camera sessions against the app at `origin` and returns the report's lines. */
export async function benchCamera(origin: string, today: string): Promise<string[]> {
  const video = await ensureCameraVideo(VIDEO);
  const { width, height, fps } = CAMERA_VIDEOS[VIDEO];
  const browser = await chromium.launch(
    chromiumLaunchOptions([
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]),
  );
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['camera'], { origin });
    await context.addInitScript(() => {
      const page = window as unknown as { __longTasks: LongTask[] };
      page.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const { startTime, duration } of list.getEntries())
          page.__longTasks.push({ startTime, duration });
      }).observe({ type: 'longtask' });
    });
    const page = await context.newPage();
    await page.goto(`${origin}/?today=${today}`);
    await page.locator('main[data-engines="ready"]').waitFor({ timeout: 180_000 });
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await oneSession(page));
    return report(sessions, { width, height, fps });
  } finally {
    await browser.close();
  }
}

function report(
  sessions: readonly Session[],
  video: { width: number; height: number; fps: number },
): string[] {
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  const rates: number[] = [];
  const latencies: number[] = [];
  const inWorker: Record<'pixelsMs' | 'shrinkMs' | 'outlineMs' | 'clarityMs', number[]> = {
    pixelsMs: [],
    shrinkMs: [],
    outlineMs: [],
    clarityMs: [],
  };
  for (const session of sessions) {
    // The out-of-focus part, after two frames of warm-up: every stage runs, nothing is taken.
    const blurred = session.frames.filter((frame) => frame.detail.problem === 'blurred').slice(2);
    const first = blurred[0];
    const last = blurred.at(-1);
    if (first && last && blurred.length > 1)
      rates.push(((blurred.length - 1) * 1000) / (last.startTime - first.startTime));
    for (const frame of blurred) {
      latencies.push(frame.duration);
      for (const key of Object.keys(inWorker) as (keyof typeof inWorker)[])
        inWorker[key].push(frame.detail[key]);
    }
  }
  // Split at the shutter: before it the camera runs; after it the still is handed over and it closes.
  const running: number[] = [];
  const closing: number[] = [];
  for (const session of sessions) {
    const shutter = session.autoCapture
      ? session.autoCapture.startTime + session.autoCapture.duration
      : Infinity;
    for (const task of session.longTasks)
      if (task.startTime >= session.openedAt)
        (task.startTime < shutter ? running : closing).push(task.duration);
  }
  const longest = Math.max(0, ...running);
  const list = (tasks: readonly number[]) => `[${tasks.map((ms) => Math.round(ms)).join(', ')}] ms`;
  const delays = sessions.flatMap((session) => (session.autoCapture ? [session.autoCapture] : []));
  const fps = median(rates);
  const worstDelay = Math.max(...delays.map((delay) => delay.duration));
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `live camera, ${video.width}×${video.height} at ${video.fps} fps, ${sessions.length} sessions:`,
    `  analysed frames per second: median ${fps.toFixed(1)} of [${rates.map((r) => r.toFixed(1)).join(', ')}] (${verdict(fps >= TARGETS.framesPerSecond)} ≥ ${TARGETS.framesPerSecond})`,
    `  latency per frame: median ${ms(median(latencies))}, 95th percentile ${ms(percentile(latencies, 0.95))}; in the worker (median): pixels ${ms(median(inWorker.pixelsMs))}, shrink ${ms(median(inWorker.shrinkMs))}, outline ${ms(median(inWorker.outlineMs))}, clarity ${ms(median(inWorker.clarityMs))}`,
    `  main-thread long tasks while the camera runs: ${list(running)}, longest ${Math.round(longest)} ms (${verdict(longest <= TARGETS.longTaskMs)} ≤ ${TARGETS.longTaskMs}); from the shutter to the check: ${list(closing)}`,
    delays.length === sessions.length
      ? `  auto-capture delay (steady and sharp to shutter): [${delays.map((d) => ms(d.duration)).join(', ')}] (${verdict(worstDelay <= TARGETS.autoCaptureMs)} ≤ ${TARGETS.autoCaptureMs}); then the still in [${delays.map((d) => ms(d.detail.stillMs)).join(', ')}]`
      : `  auto-capture: fired in ${delays.length} of ${sessions.length} sessions (MISSES target)`,
  ];
}
