/**
 * `npm run bench`: median ms per stage for a 12 MP and a 1 MP photo (made from a fixture), beside the
 * time merely to decode the same JPEG, and the tesseract MRZ reads the check made (none where our own
 * reader settled the code); cold start of the CLI to its first verdict; peak RSS of the CLI
 * on a 48 MP photo; then each set of photos on disk (the fixtures, and ../shared's real-photos and
 * real-ids where present) checked in one CLI batch, as issue 13 measures them: median, p90 and max ms
 * per photo (the CLI's `timings_ms.total`). Timed in a process started as the CLI starts its own
 * (bin/allocator.js: glibc allocator and V8 settings). Prints figures; asserts nothing.
 *
 * Those settings make the 12 MP decode alone much quicker than in a plain Node process (32-38 ms
 * against 57-60 ms, the same JPEG, three runs each in turn, 2026-12-06), and the check, decode
 * included, no quicker (254-286 ms against 264-282): the check/decode ratio printed here is so higher
 * than a plain process's, though the check takes no longer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { decodePhoto, decodePhotoForCheck } from '../src/decode/node.ts';
import { loadNodeEngines, processCpuMs } from '../src/engines/node.ts';
import { checkDocument } from '../src/pipeline/check.ts';
import { READING_BUDGET_MS } from '../src/pipeline/steps/readingBudget.ts';
import { fixture, FIXTURES_DIR, loadManifest, PROJECT_ROOT } from '../tests/support/fixtures.ts';
import { countingMrzReads } from './mrzReadCount.ts';
import { SHARED_SETS, sharedPhotosOf } from './sharedPhotos.ts';

/** bin/allocator.js, plain JavaScript for the CLI's first process, which has no types for tsc to read. */
const ALLOCATOR_MODULE = '../bin/allocator.js';
const { relaunchWithAllocator } = (await import(ALLOCATOR_MODULE)) as {
  relaunchWithAllocator(script: string): void;
};
// The checks below are timed as the CLI runs them: in a process with its allocator and V8 settings.
relaunchWithAllocator(fileURLToPath(import.meta.url));

const RUNS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'id-precheck-bench-'));
const source = readFileSync(fixture('clean').path);
const today = loadManifest().today;

async function photoOf(width: number, height: number, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(
    path,
    await sharp(source).resize(width, height, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer(),
  );
  return path;
}

const { engines, count: mrzReads } = countingMrzReads(await loadNodeEngines());
for (const [label, width, height] of [
  ['12 MP', 4000, 3000],
  ['1 MP', 1155, 866],
] as const) {
  const bytes = readFileSync(await photoOf(width, height, `${label.replace(' ', '')}.jpg`));
  const decodes: number[] = [];
  const totals: number[] = [];
  const stages: Record<string, number[]> = {};
  const ocrReads: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    await decodePhoto(bytes);
    const decoded = performance.now() - t0;
    // The check as the CLI runs it, decoding included.
    const t1 = performance.now();
    mrzReads.reads = 0;
    const report = await checkDocument(await decodePhotoForCheck(bytes), engines, {
      today,
      readingBudgetMs: READING_BUDGET_MS.node,
      readingClock: processCpuMs,
    });
    if (run === 0) continue; // warm-up
    decodes.push(decoded);
    totals.push(performance.now() - t1);
    ocrReads.push(mrzReads.reads);
    for (const [stage, ms] of Object.entries(report.timingsMs)) (stages[stage] ??= []).push(ms);
  }
  const stageText = Object.entries(stages)
    .map(([stage, ms]) => `${stage} ${median(ms)}`)
    .join(', ');
  console.log(
    `${label}: total ${median(totals).toFixed(0)} ms (decode ${median(decodes).toFixed(0)} ms, check/decode ${(median(totals) / median(decodes)).toFixed(1)}×; tesseract MRZ reads ${median(ocrReads)}); stages: ${stageText}`,
  );
}
await engines.ocr.terminate();

const cli = join(PROJECT_ROOT, 'bin', 'id-precheck.js');
const oneMp = join(dir, '1MP.jpg');
const coldStarts: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  spawnSync(process.execPath, [cli, 'check', '--json', '--today', today, oneMp]);
  coldStarts.push(performance.now() - t0);
}
console.log(`cold start (process start to first verdict, 1 MP): median ${median(coldStarts).toFixed(0)} ms`);

const huge = await photoOf(8000, 6000, '48MP.jpg');
const measured = spawnSync(
  '/usr/bin/time',
  ['-f', '%M', process.execPath, cli, 'check', '--json', '--today', today, huge],
  { encoding: 'utf8' },
);
const kb = Number(measured.stderr.trim().split('\n').at(-1));
console.log(
  `peak RSS on a 48 MP photo: ${Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : `unmeasured (${measured.stderr.trim()})`}`,
);

/**
 * One set checked in one CLI process, as issue 13's targets are stated: ms per photo from each
 * report's `timings_ms.total` (median, p90 and max as eval.ts takes them). The batch's first photo is
 * checked in a process just started, before V8 has optimised anything, so it is named apart.
 */
function timeBatch(set: string, photos: readonly string[]): void {
  if (photos.length === 0) {
    console.log(`${set}: absent (../shared not found): skipped`);
    return;
  }
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'check', '--json', '--today', today, ...photos], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) => JSON.parse(line) as { timings_ms?: { total: number }; readingCut?: true; error?: unknown },
    );
  const totals = lines.flatMap((line) => (line.timings_ms ? [line.timings_ms.total] : []));
  if (totals.length === 0) {
    console.log(`${set}: no report (${run.stderr.trim().slice(-300) || `exit ${run.status}`})`);
    return;
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const cut = lines.filter((line) => line.readingCut).length;
  const errors = lines.filter((line) => line.error).length;
  console.log(
    `${set}: ${totals.length} photos in one CLI batch: ms per photo median ${at(0.5)}, p90 ${at(0.9)}, ` +
      `max ${sorted.at(-1)} (the first, cold: ${totals[0]}; the slowest after it: ${Math.max(0, ...totals.slice(1))}); ` +
      `${cut} cut by the reading budget${errors > 0 ? `; ${errors} not checked (errors)` : ''}; wall ${wallS.toFixed(1)} s`,
  );
}

timeBatch(
  'fixtures',
  loadManifest().images.map((image) => join(FIXTURES_DIR, image.file)),
);
for (const set of SHARED_SETS) timeBatch(set, sharedPhotosOf(set));
