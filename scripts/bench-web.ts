/**
 * The web app's benchmark, in headless Chromium against the built app (run `npm run build` first):
 * cold start (navigation to engines ready), ms per check for a 12 MP and a 1 MP photo (median of 5,
 * warm), main-thread long tasks during checks, and bytes transferred on a first visit (gzip included),
 * by file. Photos are made from a fixture (fixtures/, or ID_PRECHECK_FIXTURES) with sharp.
 *
 *   tsx scripts/bench-web.ts [--port 4175]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { FixtureManifest } from './fixtures/manifest.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4175' } } });
const origin = `http://localhost:${values.port}`;
const fixturesDir = resolve(process.env.ID_PRECHECK_FIXTURES ?? 'fixtures');

/** Targets from issue 3. */
const TARGETS = { warm12MpMs: 1200, coldStartMs: 3000, firstVisitBytes: 15e6, longTaskMs: 100 };
const RUNS = 5;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function makePhotos(): Promise<{ today: string; photos: { label: string; path: string }[] }> {
  const manifest = JSON.parse(await readFile(join(fixturesDir, 'manifest.json'), 'utf8')) as FixtureManifest;
  const clean = manifest.images.find((image) => image.variant === 'clean');
  if (!clean) throw new Error('No clean fixture in the manifest');
  const folder = await mkdtemp(join(tmpdir(), 'bench-web-'));
  const photos = [];
  for (const [label, width, height] of [
    ['12 MP', 4000, 3000],
    ['1 MP', 1155, 866],
  ] as const) {
    const path = join(folder, `${label.replace(' ', '')}.jpg`);
    await writeFile(
      path,
      await sharp(join(fixturesDir, clean.file))
        .resize(width, height, { fit: 'fill' })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
    photos.push({ label, path });
  }
  return { today: manifest.today, photos };
}

async function startServer(): Promise<() => void> {
  // Node itself (not npx) so that kill() stops the server and not only a wrapper around it.
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

async function checkOnce(page: Page, path: string): Promise<number> {
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const started = Date.now();
  await page.locator('#photo').setInputFiles(path);
  await page.locator('[data-verdict]').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - started;
  await page.getByRole('button', { name: 'Check another photo' }).click();
  return elapsed;
}

async function main(): Promise<void> {
  const { today, photos } = await makePhotos();
  const stopServer = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { __longTasks: number[] }).__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    const bytes = new Map<string, number>();
    context.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => {
        const path = new URL(request.url()).pathname;
        bytes.set(path, (bytes.get(path) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
      });
    });
    const page = await context.newPage();
    const navigated = Date.now();
    await page.goto(`${origin}/?today=${today}`);
    await page.locator('main[data-engines="ready"]').waitFor({ timeout: 180_000 });
    const coldStartMs = Date.now() - navigated;
    await page.waitForTimeout(500); // let the last requests report their sizes

    const perPhoto: Record<string, { medianMs: number; runsMs: number[]; longTasksMs: number[] }> = {};
    for (const photo of photos) {
      await checkOnce(page, photo.path); // warm-up: first-use costs are not per-check costs
      const runsMs: number[] = [];
      const longTasksMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        runsMs.push(await checkOnce(page, photo.path));
        longTasksMs.push(
          ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)),
        );
      }
      perPhoto[photo.label] = { medianMs: median(runsMs), runsMs, longTasksMs };
    }

    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const largest = [...bytes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    const longest = Math.max(0, ...Object.values(perPhoto).flatMap((p) => p.longTasksMs));
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
    console.log(
      `cold start (navigation to ready): ${coldStartMs} ms (${verdict(coldStartMs <= TARGETS.coldStartMs)} ≤ ${TARGETS.coldStartMs})`,
    );
    for (const [label, result] of Object.entries(perPhoto))
      console.log(`check, ${label}: median ${result.medianMs} ms of [${result.runsMs.join(', ')}]`);
    const warm12 = perPhoto['12 MP']?.medianMs ?? NaN;
    console.log(`  12 MP ${verdict(warm12 <= TARGETS.warm12MpMs)} ≤ ${TARGETS.warm12MpMs} ms`);
    console.log(
      `main-thread long tasks during checks: longest ${longest} ms (${verdict(longest <= TARGETS.longTaskMs)} ≤ ${TARGETS.longTaskMs})`,
    );
    console.log(
      `first visit transferred: ${mb(total)} (${verdict(total <= TARGETS.firstVisitBytes)} ≤ ${mb(TARGETS.firstVisitBytes)}), largest:`,
    );
    for (const [path, size] of largest) console.log(`  ${mb(size).padStart(9)}  ${path}`);
  } finally {
    await browser.close();
    stopServer();
  }
}

await main();
