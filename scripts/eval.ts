/**
 * `npm run eval [MANIFEST] [--dump FILE]`: runs the real pipeline over our fixtures (or the manifest
 * given) and, where they exist, over ../shared/real-ids and ../shared/real-photos, and prints for each
 * set per-rule accuracy, false passes, the MRZ exact-read rate, outline IoU, ms per image (median, p90,
 * max), and a line per failure. `--dump FILE` also writes one JSON line per image (verdicts, MRZ, kind,
 * expiry, outline): two dumps compare a change's effect image by image. `--only SET,SET` runs only those
 * sets (fixtures, real-ids, real-photos, composites). The composites are made now from ../shared
 * (scripts/composites/), the same on every run. `--transform rot90|rot180|rot270|half|jpeg60` turns,
 * halves or re-encodes every image before its check (scripts/photoTransforms.ts) and scores it against
 * the same truth, except `clear-photo` under `half` where the halved photo's short side is under 600 px
 * ("too small" may then be right): what changes is what the check holds to one way up or one scale.
 * `--compare-mrz-readers` reads every code our own reader settles with tesseract too
 * (mrz/readerComparison.ts) and lists where the two differ; verdicts are a plain run's.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { decodePhotoForCheck } from '../src/decode/node.ts';
import { loadNodeEngines, processCpuMs } from '../src/engines/node.ts';
import type { Engines } from '../src/engines/types.ts';
import { checkDocument } from '../src/pipeline/check.ts';
import { listenForReaderComparisons, type ReaderComparison } from '../src/pipeline/mrz/readerComparison.ts';
import { READING_BUDGET_MS } from '../src/pipeline/steps/readingBudget.ts';
import { convexIoU } from '../src/pipeline/geometry.ts';
import {
  RULE_IDS,
  type CheckReport,
  type DocumentKind,
  type RuleId,
  type Status,
} from '../src/pipeline/types.ts';
import { COMPOSITE_GENERATORS } from './composites/index.ts';
import { countingMrzReads } from './mrzReadCount.ts';
import {
  HALF_CLEAR_PHOTO_MIN_SHORT_SIDE_PX,
  isPhotoTransform,
  PHOTO_TRANSFORMS,
  transformPhoto,
  type PhotoTransform,
} from './photoTransforms.ts';
import type { FixtureManifest } from './fixtures/manifest.ts';
import { isInDateForNhsLogin } from './fixtures/truth.ts';

const projectRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');
const REAL_IDS = resolve(projectRoot, '..', 'shared', 'real-ids');
const REAL_PHOTOS = resolve(projectRoot, '..', 'shared', 'real-photos');
/** Every eval run makes the same composites. */
const COMPOSITE_SEED = 'eval-1';

interface Case {
  readonly file: string;
  /** The fixture variant, or the real specimen's kind (crop, scan, photo): measures are summarised by it. */
  readonly group: string;
  readonly path: string;
  /** A composite's image, made at eval time (its path is then only a name). */
  readonly bytes?: Buffer;
  readonly today: string;
  /** Acceptable statuses per rule; a rule absent here is not scored (its truth is unknown). */
  readonly expected: Partial<Record<RuleId, readonly Status[]>>;
  readonly mrz: readonly string[] | null;
  readonly outline: readonly (readonly [number, number])[] | null;
  /** Fixtures only: what the document is, and whether its data is legible in the photo. */
  readonly truth?: { readonly kind: DocumentKind; readonly expiry: string; readonly dataLegible: boolean };
}

interface Outcome {
  readonly testCase: Case;
  readonly report: CheckReport | null;
  readonly error: string | null;
  readonly ms: number;
  /** The process's CPU time over the check (all threads: the OCR workers too). */
  readonly cpuMs: number;
  /** Tesseract MRZ reads made over the check (none where our own reader settled the code). */
  readonly mrzOcrReads: number;
  /** `--compare-mrz-readers`: each band our reader settled, with what tesseract read on it. */
  readonly readerComparisons: readonly ReaderComparison[];
}

async function fixtureCases(manifestPath: string): Promise<Case[]> {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as FixtureManifest;
  return manifest.images.map((entry) => ({
    file: entry.file,
    group:
      entry.variant === 'blur' && entry.expected['clear-photo'][0] === 'pass' ? 'blur (mild)' : entry.variant,
    path: join(dirname(manifestPath), entry.file),
    today: manifest.today,
    expected: entry.expected,
    mrz: entry.document.mrz,
    outline: entry.outline,
    truth: { kind: entry.document.kind, expiry: entry.document.expiry, dataLegible: entry.dataLegible },
  }));
}

interface RealEntry {
  file: string;
  kind: string;
  mrz: string[] | null;
  expiry: string | null;
  corners_visible: boolean | null;
}

/** The real specimens' manifest knows the MRZ, the expiry and whether the corners are in the image. */
async function realCases(today: string): Promise<Case[]> {
  const manifestPath = join(REAL_IDS, 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const entries = JSON.parse(await readFile(manifestPath, 'utf8')) as RealEntry[];
  return entries.map((entry) => {
    const expected: Partial<Record<RuleId, readonly Status[]>> = {};
    if (entry.corners_visible !== null)
      expected['four-corners'] = entry.corners_visible ? ['pass'] : ['fail'];
    if (entry.expiry)
      expected['in-date'] = isInDateForNhsLogin(entry.expiry, today)
        ? ['pass', 'unsure']
        : ['fail', 'unsure'];
    return {
      file: entry.file,
      group: entry.kind,
      path: join(REAL_IDS, entry.file),
      today,
      expected,
      mrz: entry.mrz,
      outline: null,
    };
  });
}

interface RealPhotoEntry {
  file: string;
  capture: string;
  kind: string;
  mrz: string[] | null;
  today: string;
  expect: Partial<Record<RuleId, Status>>;
}

/** The real photos' manifest gives a verdict per rule where a careful person is sure of it (SOURCES.md). */
async function realPhotoCases(): Promise<Case[]> {
  const manifestPath = join(REAL_PHOTOS, 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const entries = JSON.parse(await readFile(manifestPath, 'utf8')) as RealPhotoEntry[];
  return entries.map((entry) => ({
    file: entry.file,
    group: `${entry.capture} ${entry.kind}`,
    path: join(REAL_PHOTOS, entry.file),
    today: entry.today,
    expected: Object.fromEntries(Object.entries(entry.expect).map(([rule, status]) => [rule, [status]])),
    mrz: entry.mrz,
    outline: null,
  }));
}

/** Real specimens put into scenes now, from ../shared, by every generator (scripts/composites/). */
async function compositeCases(): Promise<Case[]> {
  if (!existsSync(REAL_IDS) || !existsSync(REAL_PHOTOS)) return [];
  const shared = dirname(REAL_IDS);
  const made = await Promise.all(COMPOSITE_GENERATORS.map((generate) => generate(shared, COMPOSITE_SEED)));
  return made.flat().map((composite) => ({
    file: composite.file,
    group: composite.file.split('/').slice(0, 2).join('/'),
    path: composite.file,
    bytes: composite.bytes,
    today: composite.today,
    expected: composite.expected,
    mrz: composite.mrz,
    outline: composite.outline,
  }));
}

async function run(
  cases: readonly Case[],
  engines: Engines,
  transform: PhotoTransform | null,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const original of cases) {
    let bytes: Uint8Array = original.bytes ?? (await readFile(original.path));
    let testCase = original;
    if (transform) {
      const transformed = await transformPhoto(bytes, transform);
      bytes = transformed.bytes;
      testCase = transformedCase(original, transform, transformed.before, transformed);
    }
    const started = performance.now();
    const cpuStarted = processCpuMs();
    mrzReads.reads = 0;
    const comparisons: ReaderComparison[] = [];
    listenForReaderComparisons(compareReaders ? (c) => comparisons.push(c) : undefined);
    const timed = () => ({
      ms: performance.now() - started,
      cpuMs: processCpuMs() - cpuStarted,
      mrzOcrReads: mrzReads.reads,
      readerComparisons: comparisons,
    });
    try {
      const photo = await decodePhotoForCheck(bytes);
      const report = await checkDocument(photo, engines, {
        today: testCase.today,
        readingBudgetMs: READING_BUDGET_MS.node,
        readingClock: processCpuMs,
      });
      outcomes.push({ testCase, report, error: null, ...timed() });
    } catch (error) {
      outcomes.push({ testCase, report: null, error: String(error), ...timed() });
    }
  }
  return outcomes;
}

/**
 * The case as its transformed image shows it: the outline's truth carried through the turn or shrink,
 * and under `half`, no `clear-photo` truth where the halved photo is small enough for "too small".
 */
function transformedCase(
  testCase: Case,
  transform: PhotoTransform,
  before: { width: number; height: number },
  after: { width: number; height: number },
): Case {
  const { width, height } = before;
  const move: Record<PhotoTransform, (x: number, y: number) => readonly [number, number]> = {
    rot90: (x, y) => [height - y, x],
    rot180: (x, y) => [width - x, height - y],
    rot270: (x, y) => [y, width - x],
    half: (x, y) => [(x * after.width) / width, (y * after.height) / height],
    jpeg60: (x, y) => [x, y],
  };
  const expected = { ...testCase.expected };
  if (transform === 'half' && Math.min(after.width, after.height) < HALF_CLEAR_PHOTO_MIN_SHORT_SIDE_PX)
    delete expected['clear-photo'];
  return {
    ...testCase,
    expected,
    outline: testCase.outline?.map(([x, y]) => move[transform](x, y)) ?? null,
  };
}

const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function summarise(title: string, outcomes: readonly Outcome[]): void {
  console.log(`\n== ${title}: ${outcomes.length} images`);
  const failures: string[] = [];
  for (const rule of RULE_IDS) {
    let scored = 0;
    let correct = 0;
    let falsePasses = 0;
    for (const { testCase, report } of outcomes) {
      const acceptable = testCase.expected[rule];
      if (!acceptable) continue;
      scored++;
      const status = report?.rules.find((r) => r.id === rule)?.status ?? 'unsure';
      if (acceptable.includes(status)) correct++;
      else {
        if (status === 'pass') falsePasses++;
        failures.push(`${testCase.file}: ${rule} said ${status}, expected ${acceptable.join('|')}`);
      }
    }
    console.log(
      `${rule.padEnd(18)} ${pct(correct, scored)} (${correct}/${scored})  false passes: ${falsePasses}`,
    );
  }
  const withMrz = outcomes.filter((o) => o.testCase.mrz);
  const exact = withMrz.filter(
    (o) => JSON.stringify(o.report?.document.mrz) === JSON.stringify(o.testCase.mrz),
  );
  console.log(`MRZ exact read     ${pct(exact.length, withMrz.length)} (${exact.length}/${withMrz.length})`);
  summariseMrzReaders(outcomes);
  for (const o of withMrz) {
    if (exact.includes(o)) continue;
    failures.push(
      `${o.testCase.file}: MRZ read ${JSON.stringify(o.report?.document.mrz ?? null)}, expected ${JSON.stringify(o.testCase.mrz)}`,
    );
  }
  const ious = outcomes
    .filter((o) => o.testCase.outline)
    .map((o) => (o.report?.outline ? convexIoU(o.report.outline, o.testCase.outline!) : 0));
  if (ious.length > 0) {
    const sorted = [...ious].sort((a, b) => a - b);
    const mean = ious.reduce((s, v) => s + v, 0) / ious.length;
    console.log(
      `outline IoU        mean ${mean.toFixed(3)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}, ≥0.9: ${pct(ious.filter((v) => v >= 0.9).length, ious.length)}`,
    );
  }
  summariseDocuments(outcomes, failures);
  summariseMeasures(outcomes);
  summarisePortraits(outcomes);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]?.toFixed(0);
  console.log(`ms per image       median ${at(0.5)}, p90 ${at(0.9)}, max ${ms.at(-1)?.toFixed(0)}`);
  // CPU time stays near what an idle machine's wall clock would show when other work shares the cores.
  const cpu = outcomes.map((o) => o.cpuMs).sort((a, b) => a - b);
  const cpuAt = (q: number) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))]?.toFixed(0);
  console.log(`CPU ms per image   median ${cpuAt(0.5)}, p90 ${cpuAt(0.9)}, max ${cpu.at(-1)?.toFixed(0)}`);
  const cut = outcomes.filter((o) => o.report?.readingCut).map((o) => o.testCase.file);
  console.log(
    `reading budget     cut ${cut.length} of ${outcomes.length}${cut.length ? `: ${cut.join(', ')}` : ''}`,
  );
  const notRead = outcomes
    .filter((o) => o.report?.notRead)
    .map((o) => `${o.testCase.file} (${o.report?.notRead})`);
  console.log(
    `not read           ${notRead.length} of ${outcomes.length}${notRead.length ? `: ${notRead.join(', ')}` : ''}`,
  );
  for (const o of outcomes) if (o.error) failures.push(`${o.testCase.file}: error ${o.error}`);
  if (failures.length > 0) console.log(`failures (${failures.length}):\n  ${failures.join('\n  ')}`);
}

const LICENCE_KINDS: readonly DocumentKind[] = ['uk-driving-licence', 'eu-driving-licence'];

/**
 * The document and licence figures (issue 4's targets): the kind and a licence's expiry read right
 * where the photo shows them legibly, and never a wrong kind or date anywhere; no expired licence both
 * accepted and in date; and `in-date` unsure, never pass, wherever no date was read.
 */
function summariseDocuments(outcomes: readonly Outcome[], failures: string[]): void {
  const known = outcomes.filter((o) => o.testCase.truth);
  if (known.length === 0) return;
  const statusOf = (o: Outcome, rule: RuleId) =>
    o.report?.rules.find((r) => r.id === rule)?.status ?? 'unsure';
  const tally = (
    cases: readonly Outcome[],
    read: (o: Outcome) => string | null,
    truth: (o: Outcome) => string,
  ) => {
    const right = cases.filter((o) => read(o) === truth(o));
    const unread = cases.filter((o) => read(o) === null);
    const wrong = cases.filter((o) => read(o) !== null && read(o) !== truth(o));
    const legible = cases.filter((o) => o.testCase.truth!.dataLegible);
    const legibleRight = legible.filter((o) => right.includes(o));
    return { right, unread, wrong, legible, legibleRight };
  };

  const kind = tally(
    known,
    (o) => (o.report && o.report.document.kind !== 'unknown' ? o.report.document.kind : null),
    (o) => o.testCase.truth!.kind,
  );
  console.log(
    `document kind      ${pct(kind.legibleRight.length, kind.legible.length)} (${kind.legibleRight.length}/${kind.legible.length} legible)` +
      `  all ${known.length}: right ${kind.right.length}, unknown ${kind.unread.length}, wrong ${kind.wrong.length}`,
  );
  for (const o of kind.wrong.concat(
    kind.legible.filter((o) => !kind.right.includes(o) && !kind.wrong.includes(o)),
  ))
    failures.push(
      `${o.testCase.file}: kind ${o.report?.document.kind ?? 'none'}, expected ${o.testCase.truth!.kind}`,
    );

  const licences = known.filter((o) => LICENCE_KINDS.includes(o.testCase.truth!.kind));
  const expiry = tally(
    licences,
    (o) => o.report?.document.expiry ?? null,
    (o) => o.testCase.truth!.expiry,
  );
  console.log(
    `licence expiry     ${pct(expiry.legibleRight.length, expiry.legible.length)} (${expiry.legibleRight.length}/${expiry.legible.length} legible)` +
      `  all ${licences.length}: right ${expiry.right.length}, unread ${expiry.unread.length}, wrong ${expiry.wrong.length}`,
  );
  for (const o of expiry.wrong.concat(
    expiry.legible.filter((o) => !expiry.right.includes(o) && !expiry.wrong.includes(o)),
  ))
    failures.push(
      `${o.testCase.file}: licence expiry ${o.report?.document.expiry ?? 'unread'}, expected ${o.testCase.truth!.expiry}`,
    );

  // Expired beyond NHS login's 12 months: within them, an expired licence is still accepted.
  const expired = licences.filter((o) => !isInDateForNhsLogin(o.testCase.truth!.expiry, o.testCase.today));
  const passedExpired = expired.filter(
    (o) => statusOf(o, 'accepted-document') === 'pass' && statusOf(o, 'in-date') === 'pass',
  );
  console.log(
    `expired licences accepted and in date: ${passedExpired.length} of ${expired.length}` +
      (passedExpired.length > 0 ? ` (${passedExpired.map((o) => o.testCase.file).join(', ')})` : ''),
  );

  const undated = known.filter((o) => (o.report?.document.expiry ?? null) === null);
  const undatedBy = (status: Status) => undated.filter((o) => statusOf(o, 'in-date') === status).length;
  console.log(
    `no date read: ${undated.length} photos, in-date unsure ${undatedBy('unsure')}, pass ${undatedBy('pass')}, fail ${undatedBy('fail')}`,
  );
}

/** Min, median and max of each clarity measure per group: what the thresholds are calibrated on. */
function summariseMeasures(outcomes: readonly Outcome[]): void {
  const names = ['sharpness', 'glare', 'brightness', 'darkestPrint', 'textHeightPx'] as const;
  const groups = [...new Set(outcomes.map((o) => o.testCase.group))].sort();
  console.log(`measures by group (min / median / max):`);
  for (const group of groups) {
    const reports = outcomes.filter((o) => o.testCase.group === group && o.report).map((o) => o.report!);
    const cells = names.map((name) => {
      const values = reports
        .map((r) => r.measures[name])
        .filter((v): v is number => v !== null)
        .sort((a, b) => a - b);
      if (values.length === 0) return `${name} -`;
      const fmt = (v: number) => (v < 1 ? v.toFixed(3) : v.toFixed(0));
      return `${name} ${fmt(values[0]!)}/${fmt(values[Math.floor(values.length / 2)]!)}/${fmt(values.at(-1)!)}`;
    });
    console.log(`  ${group.padEnd(16)} n=${String(reports.length).padEnd(3)} ${cells.join('  ')}`);
  }
}

/**
 * The portrait (portrait/): on how many documents it was looked for and a face found (sure: score
 * ≥ 0.75), on how many sides one was expected, the ms it took, and each photo judged for shine or a
 * finger over it.
 */
function summarisePortraits(outcomes: readonly Outcome[]): void {
  const looked = outcomes.filter((o) => o.report?.measures.portrait);
  const portraits = looked.map((o) => o.report!.measures.portrait!);
  const found = portraits.filter((p) => p.face !== null);
  const sure = portraits.filter((p) => p.face !== null && p.face.score >= 0.75);
  const expected = portraits.filter((p) => p.expected);
  const ms = looked.map((o) => o.report!.timingsMs['portrait'] ?? 0).sort((a, b) => a - b);
  console.log(
    `portrait           looked on ${looked.length}: face found ${found.length} (sure ${sure.length}),` +
      ` expected ${expected.length} (face found on ${expected.filter((p) => p.face !== null).length});` +
      ` ms median ${ms[Math.floor(ms.length / 2)] ?? 0}, max ${ms.at(-1) ?? 0}`,
  );
  for (const o of looked) {
    const p = o.report!.measures.portrait!;
    if (p.glare > 0 || p.covered > 0)
      console.log(
        `  ${o.testCase.file}: over ${p.judgedOver}, face ${p.face?.score ?? '-'}, glare ${p.glare}, covered ${p.covered}`,
      );
  }
}

/**
 * How many codes were read with no tesseract MRZ call (our own reader's, mrz/settleByOutlines.ts), and
 * with `--compare-mrz-readers`, how many bands it settled and where tesseract read them otherwise.
 */
function summariseMrzReaders(outcomes: readonly Outcome[]): void {
  const read = outcomes.filter((o) => o.report?.document.mrz);
  const own = read.filter((o) => o.mrzOcrReads === 0);
  // Comparing, tesseract reads what our reader settled too: its bands are counted instead.
  if (!compareReaders)
    return console.log(
      `MRZ read, no OCR   ${own.length}/${read.length} codes read with no tesseract MRZ call`,
    );
  const bands = outcomes.flatMap((o) => o.readerComparisons.map((c) => ({ o, c })));
  const differing = bands.filter(({ c }) => JSON.stringify(c.own) !== JSON.stringify(c.tesseract));
  console.log(
    `MRZ own reader     ${bands.length} bands settled, ${differing.length} read otherwise by tesseract`,
  );
  for (const { o, c } of differing) {
    const truth = JSON.stringify(o.testCase.mrz);
    const [ownExact, tesseractExact] = [
      JSON.stringify(c.own) === truth,
      JSON.stringify(c.tesseract) === truth,
    ];
    console.log(
      `  ${o.testCase.file}: own ${JSON.stringify(c.own)}${ownExact ? ' (exact)' : ''}, tesseract ${JSON.stringify(c.tesseract)}${tesseractExact ? ' (exact)' : ''}${c.tesseractConsistent ? '' : ' (not consistent)'}`,
    );
  }
}

/** One line per image of what the check said, for comparing two runs (`--dump`). */
function dumpLines(set: string, outcomes: readonly Outcome[]): string[] {
  return outcomes.map(({ testCase, report, error, ms, cpuMs, mrzOcrReads, readerComparisons }) =>
    JSON.stringify({
      set,
      file: testCase.file,
      error,
      rules: report && Object.fromEntries(report.rules.map((r) => [r.id, r.status])),
      expected: testCase.expected,
      expectedMrz: testCase.mrz ?? null,
      messages: report?.rules.map((r) => r.message),
      mrz: report?.document.mrz ?? null,
      kind: report?.document.kind ?? null,
      issuer: report?.document.issuer ?? null,
      expiry: report?.document.expiry ?? null,
      outline: report?.outline?.map((p) => p.map(Math.round)) ?? null,
      portrait: report?.measures.portrait ?? null,
      ms: Math.round(ms),
      cpuMs: Math.round(cpuMs),
      mrzOcrReads,
      ...(compareReaders && { readerComparisons }),
      readingCut: report?.readingCut ?? false,
      notRead: report?.notRead ?? null,
      timings: report?.timingsMs ?? null,
      clarity: report && clarityOf(report.measures),
    }),
  );
}

/** The measures that say whether the photo is sharp enough to read, for the dump. */
function clarityOf(measures: CheckReport['measures']) {
  const { sharpness, printSharpness, printReblurRatio, printHeightPx, textHeightPx, glare } = measures;
  return { sharpness, printSharpness, printReblurRatio, printHeightPx, textHeightPx, glare };
}

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dumpPath = dumpAt >= 0 ? args[dumpAt + 1] : undefined;
if (dumpAt >= 0 && !dumpPath) throw new Error('--dump needs a file to write');
const onlyAt = args.indexOf('--only');
/** `--only real-ids,composites`: the sets to run (default: all). */
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : null;
const transformAt = args.indexOf('--transform');
const transformName = transformAt >= 0 ? (args[transformAt + 1] ?? '') : null;
if (transformName !== null && !isPhotoTransform(transformName))
  throw new Error(`--transform takes one of ${PHOTO_TRANSFORMS.join(', ')}`);
const transform = transformName;
const valueAt = new Set([dumpAt, onlyAt, transformAt].filter((i) => i >= 0).map((i) => i + 1));
const manifestArgument = args.find((a, i) => !a.startsWith('--') && !valueAt.has(i));
/** `--compare-mrz-readers`: bands our own reader settles are read by tesseract too, and compared. */
const compareReaders = args.includes('--compare-mrz-readers');
const { engines, count: mrzReads } = countingMrzReads(await loadNodeEngines());
const dump: string[] = [];
const evaluate = async (title: string, set: string, cases: readonly Case[]) => {
  if (only && !only.includes(set)) return;
  const outcomes = await run(cases, engines, transform);
  summarise(transform ? `${title}, each image ${transform}` : title, outcomes);
  dump.push(...dumpLines(set, outcomes));
};
const fixtureManifest = resolve(manifestArgument ?? join(projectRoot, 'fixtures', 'manifest.json'));
if (existsSync(fixtureManifest))
  await evaluate(`fixtures (${fixtureManifest})`, 'fixtures', await fixtureCases(fixtureManifest));
else console.log(`no fixture manifest at ${fixtureManifest}: run npm run fixtures`);
if (!manifestArgument) {
  const real = await realCases(new Date().toISOString().slice(0, 10));
  if (real.length > 0) await evaluate('../shared/real-ids', 'real-ids', real);
  else console.log('\n../shared/real-ids is absent: skipped');
  const photos = await realPhotoCases();
  if (photos.length > 0) await evaluate('../shared/real-photos', 'real-photos', photos);
  else console.log('\n../shared/real-photos is absent: skipped');
  const composites = await compositeCases();
  if (composites.length > 0) await evaluate('composites of ../shared specimens', 'composites', composites);
  else console.log('\ncomposites: ../shared is absent: skipped');
}
if (dumpPath) await writeFile(dumpPath, dump.join('\n') + '\n');
await engines.ocr.terminate();
