/**
 * `npm run bench:memory`: one CLI process checks a batch of at least 100 photos (../shared/real-photos
 * and ../shared/real-ids when present, else the fixtures, repeated to 100), and this prints its peak
 * RSS as the kernel counted it (`/usr/bin/time -f %M`), with the photos checked and the time taken.
 * Issue 13's target is at most 500 MB. Prints figures; asserts nothing.
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

const shared = sharedPhotos();
const photos = shared.length >= BATCH ? shared : fixturePhotos();
const from = shared.length >= BATCH ? '../shared/real-photos and real-ids' : 'the fixtures, repeated';
const cli = join(PROJECT_ROOT, 'bin', 'id-precheck.js');
const started = performance.now();
const run = spawnSync(
  '/usr/bin/time',
  ['-f', '%M', process.execPath, cli, 'check', '--json', '--today', loadManifest().today, ...photos],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const seconds = (performance.now() - started) / 1000;
const kb = Number(run.stderr.trim().split('\n').at(-1));
const reports = run.stdout.split('\n').filter((line) => line.trim() !== '').length;
console.log(
  `${photos.length} photos from ${from} in one CLI process: ${reports} reports in ${seconds.toFixed(0)} s;` +
    ` peak RSS ${Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : `unmeasured (${run.stderr.trim().slice(-300)})`}`,
);
