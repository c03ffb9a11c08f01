/**
 * `npm run eval:medium [--verbose] [--every N]`: how often the printout and screen measures (measureMedium) catch
 * a printout or a screen, and how often they call a real document one. Over every fixture as it is,
 * and printed and shown on a screen (scripts/fixtures/media.ts, made here, not committed); and over
 * ../shared/real-ids and ../shared/real-photos where present. Prints both rates per set, the measures'
 * spread and the ms per photo that the measure costs (the outline it needs is the check's own).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { decodePhoto } from '../src/decode/node.ts';
import { loadNodeEngines } from '../src/engines/node.ts';
import type { OpenCv } from '../src/engines/types.ts';
import { matToRgba, MatScope, rgbaToMat, shrinkToFit } from '../src/pipeline/cv.ts';
import { measurePhotoMedium, type PhotoMediumMeasures } from '../src/pipeline/clarity/measureDarkPanel.ts';
import { findDocumentOutline, scaleQuad } from '../src/pipeline/outline/findDocumentOutline.ts';
import { ANALYSIS_SIDE_PX } from '../src/pipeline/sizes.ts';
import type { RgbaImage } from '../src/pipeline/types.ts';
import { printoutOf, screenOf } from './fixtures/media.ts';
import type { FixtureManifest } from './fixtures/manifest.ts';

const projectRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');
const verbose = process.argv.includes('--verbose');
/** `--every N`: only every Nth fixture is printed and screened (each takes a few seconds to make). */
const every = Number(process.argv[process.argv.indexOf('--every') + 1]) || 1;

interface Row {
  readonly set: string;
  readonly file: string;
  /** What the photo is of: what the measure should say. */
  readonly truth: 'document' | 'screen' | 'printout' | 'other';
  readonly measured: PhotoMediumMeasures;
  readonly ms: number;
}

function measure(cv: OpenCv, image: RgbaImage): { measured: PhotoMediumMeasures; ms: number } {
  const scope = new MatScope(cv);
  try {
    const analysis = matToRgba(shrinkToFit(scope, rgbaToMat(scope, image), ANALYSIS_SIDE_PX).mat);
    const found = findDocumentOutline(cv, analysis);
    const scale = Math.max(analysis.width, analysis.height) / Math.max(image.width, image.height);
    const started = performance.now();
    const measured = measurePhotoMedium(image, found && scaleQuad(found.quad, 1 / scale));
    return { measured, ms: performance.now() - started };
  } finally {
    scope.release();
  }
}

const engines = await loadNodeEngines();
const rows: Row[] = [];
const add = (set: string, file: string, truth: Row['truth'], image: RgbaImage) => {
  const row = { set, file, truth, ...measure(engines.cv, image) };
  rows.push(row);
  if (verbose) console.log(set, truth, file, JSON.stringify(row.measured), `${row.ms.toFixed(1)} ms`);
};

const manifest = JSON.parse(
  await readFile(join(projectRoot, 'fixtures', 'manifest.json'), 'utf8'),
) as FixtureManifest;
for (const [n, entry] of manifest.images.entries()) {
  if (n % every !== 0) continue;
  const image = await decodePhoto(await readFile(join(projectRoot, 'fixtures', entry.file)));
  add('fixtures', entry.file, 'document', image);
  // Every fixture printed and shown on a screen, the settings turning through a range.
  const printout = await printoutOf(image, {
    cellPx: [5, 6, 7, 8][n % 4]!,
    blurPx: [0.6, 0.9][n % 2]!,
    seed: entry.file,
  });
  add('printed fixtures', entry.file, 'printout', await decodePhoto(printout));
  const screen = await screenOf(image, {
    pitchPx: [4, 5, 6][n % 3]!,
    turnDeg: [0, 2, -4, 7][n % 4]!,
    blurPx: [0.5, 0.8][n % 2]!,
  });
  add('screened fixtures', entry.file, 'screen', await decodePhoto(screen));
}

for (const set of ['real-ids', 'real-photos']) {
  const dir = resolve(projectRoot, '..', 'shared', set);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`../shared/${set} is absent: skipped`);
    continue;
  }
  const entries = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    file: string;
    kind: string;
    notes?: string;
  }[];
  for (const entry of entries) {
    const notes = entry.notes ?? '';
    const truth = /computer screen|phone or tablet screen/u.test(notes)
      ? 'screen'
      : entry.kind === 'other'
        ? 'other'
        : 'document';
    let image: RgbaImage;
    try {
      image = await decodePhoto(await readFile(join(dir, entry.file)));
    } catch {
      continue;
    }
    add(set, entry.file, truth, image);
  }
}
await engines.ocr.terminate();

const sets = [...new Set(rows.map((row) => row.set))];
for (const set of sets) {
  const inSet = rows.filter((row) => row.set === set);
  const ms = inSet.map((row) => row.ms).sort((a, b) => a - b);
  const pct = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(
    `\n${set}: ${inSet.length} photos, measure ms median ${pct(0.5)} p90 ${pct(0.9)} max ${ms.at(-1)!.toFixed(1)}`,
  );
  for (const truth of ['document', 'printout', 'screen', 'other'] as const) {
    const of = inSet.filter((row) => row.truth === truth);
    if (of.length === 0) continue;
    const said = (medium: string | null) => of.filter((row) => row.measured.medium === medium).length;
    console.log(
      `  ${truth.padEnd(8)} ${of.length}: called screen ${said('screen')}, printout ${said('printout')}, neither ${said(null)}`,
    );
    const ratios = of.map((row) => row.measured.peakRatio).sort((a, b) => a - b);
    const lattice = of.map((row) => row.measured.latticePatches).sort((a, b) => a - b);
    console.log(
      `    peak ratio min ${ratios[0]} median ${ratios[ratios.length >> 1]} max ${ratios.at(-1)}; lattice patches median ${lattice[lattice.length >> 1]} max ${lattice.at(-1)}`,
    );
    const wrong = of.filter((row) =>
      truth === 'document' || truth === 'other'
        ? row.measured.medium !== null
        : row.measured.medium !== truth,
    );
    for (const row of wrong.slice(0, 8))
      console.log(
        `    ${truth === 'document' ? 'CALLED' : 'missed'} ${row.file} ${JSON.stringify(row.measured)}`,
      );
  }
}
