/**
 * `npm run bench:memory [-- RUNS]`: one CLI process checks a batch of at least 100 photos
 * (../shared/real-photos and ../shared/real-ids when present, else the fixtures, repeated to 100), RUNS
 * times (1 unless given), one process after another. For each run it prints the process's peak RSS as
 * the kernel counted it (`/usr/bin/time`'s %M, the CLI's checking process being the biggest it
 * waited for), its wall time and its CPU time (user + system, every thread), and the reports written;
 * then the highest and median peak. Issue 13's target is a peak of at most 500 MB in every run. Peak
 * RSS does not depend on the machine's load; the times do, so compare them within one sitting.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sharedPhotos } from './sharedPhotos.ts';
import { FIXTURES_DIR, loadManifest, PROJECT_ROOT } from '../tests/support/fixtures.ts';

const BATCH = 100;

function fixturePhotos(): string[] {
  const all = loadManifest().images.map((image) => join(FIXTURES_DIR, image.file));
  return Array.from({ length: Math.max(BATCH, all.length) }, (_, i) => all[i % all.length]!);
}

interface Run {
  readonly peakMb: number;
  readonly wallS: number;
  readonly cpuS: number;
  readonly reports: number;
}

/** One batch in one CLI process, under /usr/bin/time: its peak RSS (%M, kB) and CPU (%U + %S, s). */
function runBatch(photos: readonly string[]): Run | string {
  const cli = join(PROJECT_ROOT, 'bin', 'id-precheck.js');
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'time %M %U %S',
      process.execPath,
      cli,
      'check',
      '--json',
      '--today',
      loadManifest().today,
      ...photos,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const wallS = (performance.now() - started) / 1000;
  const measured = /^time (\d+) ([\d.]+) ([\d.]+)$/mu.exec(run.stderr);
  if (!measured) return `unmeasured (${run.stderr.trim().slice(-300)})`;
  return {
    peakMb: Number(measured[1]) / 1024,
    wallS,
    cpuS: Number(measured[2]) + Number(measured[3]),
    reports: run.stdout.split('\n').filter((line) => line.trim() !== '').length,
  };
}

const runs = Math.max(1, Number(process.argv[2] ?? 1) || 1);
const shared = sharedPhotos();
const photos = shared.length >= BATCH ? shared : fixturePhotos();
const from = shared.length >= BATCH ? '../shared/real-photos and real-ids' : 'the fixtures, repeated';
console.log(`${photos.length} photos from ${from}, in one CLI process per run; MB are MiB (2^20 bytes)`);
const peaks: number[] = [];
for (let i = 1; i <= runs; i++) {
  const run = runBatch(photos);
  if (typeof run === 'string') {
    console.log(`run ${i}: peak RSS ${run}`);
    continue;
  }
  peaks.push(run.peakMb);
  console.log(
    `run ${i}: peak RSS ${run.peakMb.toFixed(0)} MB; ${run.reports} reports;` +
      ` wall ${run.wallS.toFixed(1)} s, CPU ${run.cpuS.toFixed(1)} s`,
  );
}
if (peaks.length > 1) {
  const sorted = [...peaks].sort((a, b) => a - b);
  console.log(
    `peak RSS over ${peaks.length} runs: highest ${sorted.at(-1)!.toFixed(0)} MB,` +
      ` median ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(0)} MB, lowest ${sorted[0]!.toFixed(0)} MB`,
  );
}
