/**
 * `npm run eval:mrz [--quick]`: three MRZ readers side by side (stock legacy English, stock LSTM
 * English, our models/mrz.traineddata), each behind the same MRZ stage (`readMrz`: locating, shaping,
 * the OCR-B second opinion and check-digit repair), on four slices: the sharp fixtures,
 * ../shared/real-ids, the sharp fixtures blurred, and the sharp fixtures shrunk to small MRZ text.
 * Prints, per reader and slice, MRZs found, exact lines, character accuracy and ms per MRZ; per
 * reader, the bytes of the model loaded and the worker's start time; then each line our model misread.
 * Asserts nothing. Issue 5, item 3.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { decodePhoto, rgbaOf } from '../src/decode/node.ts';
import { loadNodeOpenCv, nodeTesseractLocations } from '../src/engines/node.ts';
import { createTesseractEngine, type TesseractLocations } from '../src/engines/tesseract.ts';
import type { OcrEngine } from '../src/engines/types.ts';
import { ANALYSIS_SIDE_PX } from '../src/pipeline/sizes.ts';
import { findMrz } from '../src/pipeline/steps/findMrz.ts';
import { MatScope, rgbaToMat, matToRgba, shrinkToFit } from '../src/pipeline/cv.ts';
import { rectifiedMrzImage, type MrzImage } from '../src/pipeline/mrz/mrzImage.ts';
import { findDocumentOutline, scaleQuad } from '../src/pipeline/outline/findDocumentOutline.ts';
import { planRectification } from '../src/pipeline/rectify/rectifyDocument.ts';
import type { RgbaImage } from '../src/pipeline/types.ts';
import type { FixtureEntry } from './fixtures/manifest.ts';
import { FIXTURES_DIR, loadManifest, PROJECT_ROOT } from '../tests/support/fixtures.ts';

const REAL_IDS = join(PROJECT_ROOT, '..', 'shared', 'real-ids');
const STOCK_ENGLISH = join(PROJECT_ROOT, 'node_modules', '@tesseract.js-data', 'eng');

/** Fixture variants whose photo is sharp and whole: the rest are degraded on purpose. */
const SHARP_VARIANTS = /^(clean|rotated-\d+|expired|bad-check-digit)$/u;
/** Gaussian σ in pixels of the photo as decoded (not of the document, nor of the OCR crop). */
const BLUR_SIGMAS_PX = [1, 2, 3] as const;
/** MRZ cap height after shrinking the whole photo; the range of phone photos. */
const SMALL_GLYPH_HEIGHTS_PX = [12, 14, 16] as const;
const WORKER_STARTS = 3;
/** Its misreads are listed line by line: the model this evaluation is about. */
const LIST_MISREADS_OF = 'ours';

interface Reader {
  readonly name: string;
  readonly locations: TesseractLocations;
  /** The file tesseract.js loads (gzip when `mrzGzip`). */
  readonly modelFile: string;
}

function readers(): Reader[] {
  const base = nodeTesseractLocations();
  const stock = (folder: string, mrzEngine: 'legacy' | 'lstm'): TesseractLocations => ({
    ...base,
    mrzLangPath: join(STOCK_ENGLISH, folder),
    mrzLanguage: 'eng',
    mrzGzip: true,
    mrzEngine,
  });
  const stockModel = (folder: string) => join(STOCK_ENGLISH, folder, 'eng.traineddata.gz');
  const ours = join(PROJECT_ROOT, 'models', 'mrz.traineddata');
  if (!existsSync(ours)) throw new Error('no models/mrz.traineddata: run npm run train:mrz');
  return [
    { name: 'stock legacy', locations: stock('4.0.0', 'legacy'), modelFile: stockModel('4.0.0') },
    {
      name: 'stock LSTM',
      locations: stock('4.0.0_best_int', 'lstm'),
      modelFile: stockModel('4.0.0_best_int'),
    },
    {
      name: 'ours',
      locations: { ...base, mrzLangPath: join(PROJECT_ROOT, 'models'), mrzLanguage: 'mrz', mrzGzip: false },
      modelFile: ours,
    },
  ];
}

interface Sample {
  readonly slice: string;
  readonly label: string;
  readonly truth: readonly string[];
  readonly load: () => Promise<RgbaImage>;
}

type SharpFixture = FixtureEntry & { readonly document: { readonly mrz: readonly string[] } };

function sharpFixtures(): SharpFixture[] {
  return loadManifest().images.filter(
    (entry): entry is SharpFixture => SHARP_VARIANTS.test(entry.variant) && entry.document.mrz !== null,
  );
}

/** The photo as sharp decodes it (EXIF orientation applied), altered, as RGBA: no JPEG round trip. */
async function alteredPhoto(file: string, alter: (photo: Sharp) => Sharp): Promise<RgbaImage> {
  return rgbaOf(alter(sharp(await readFile(file)).rotate()));
}

async function realSamples(): Promise<Sample[] | null> {
  const manifestPath = join(REAL_IDS, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const entries = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    file: string;
    mrz: string[] | null;
  }[];
  return entries.flatMap((entry) =>
    entry.mrz
      ? [
          {
            slice: 'real-ids',
            label: entry.file,
            truth: entry.mrz,
            load: async () => decodePhoto(await readFile(join(REAL_IDS, entry.file))),
          },
        ]
      : [],
  );
}

/** Every `step`-th item, so that a subsample still spans every document type and variant. */
const everyNth = <T>(items: readonly T[], step: number) => items.filter((_, i) => i % step === 0);

async function samples(quick: boolean): Promise<{ samples: Sample[]; notes: string[] }> {
  const fixtures = sharpFixtures();
  const notes: string[] = [];
  const sharpSet = quick ? everyNth(fixtures, 8) : fixtures;
  // The degraded slices are 3× the sharp one each, and degraded photos are slow to read (all three
  // readers: about 6 s a photo on two shared cores, 4–5 s of it stock LSTM's). Every third fixture
  // keeps the whole run under 15 minutes and still spans every document type and variant.
  const degradedStep = quick ? 8 : 3;
  const degraded = everyNth(fixtures, degradedStep);
  notes.push(
    quick
      ? '--quick: 1 in 8 photos of every slice'
      : `blur and small slices: 1 in ${degradedStep} of the sharp fixtures (${degraded.length} of ${fixtures.length}), to keep the run under 15 minutes`,
  );
  const heights = fixtures.map((f) => f.mrzTextHeightPx ?? 0);
  notes.push(
    `blur σ is in photo pixels; the sharp fixtures' MRZ glyphs are ${Math.min(...heights)}–${Math.max(...heights)} px high in the photo`,
  );

  const result: Sample[] = sharpSet.map((entry) => ({
    slice: 'sharp fixtures',
    label: entry.file,
    truth: entry.document.mrz,
    load: async () => decodePhoto(await readFile(join(FIXTURES_DIR, entry.file))),
  }));
  const real = await realSamples();
  if (real === null) notes.push(`real-ids slice skipped: ${REAL_IDS} is absent`);
  else result.push(...(quick ? everyNth(real, 8) : real));
  for (const sigma of BLUR_SIGMAS_PX)
    for (const entry of degraded)
      result.push({
        slice: `blur σ ${sigma} px`,
        label: entry.file,
        truth: entry.document.mrz,
        load: () => alteredPhoto(join(FIXTURES_DIR, entry.file), (photo) => photo.blur(sigma)),
      });
  for (const height of SMALL_GLYPH_HEIGHTS_PX)
    for (const entry of degraded) {
      const glyphHeight = entry.mrzTextHeightPx;
      if (glyphHeight === null || glyphHeight <= height) {
        notes.push(`small ${height} px: ${entry.file} left out (its MRZ is ${glyphHeight} px high already)`);
        continue;
      }
      result.push({
        slice: `small ${height} px`,
        label: entry.file,
        truth: entry.document.mrz,
        load: async () => {
          const photo = join(FIXTURES_DIR, entry.file);
          const { width = 0 } = await sharp(photo).rotate().metadata();
          // sharp's default (Lanczos 3) reduction, much as a phone's own downscaling would.
          return alteredPhoto(photo, (p) => p.resize({ width: Math.round((width * height) / glyphHeight) }));
        },
      });
    }
  return { samples: result, notes };
}

/**
 * What check.ts has found by the time it reads the MRZ: the rectified document, when there is one, as
 * the MRZ search takes it. It warps from `photo` in `scope`, which must outlive the readers' turns.
 */
function documentOf(
  scope: MatScope,
  image: RgbaImage,
): { image: MrzImage<'document'>; photoPxPerDocPx: number } | null {
  const photo = rgbaToMat(scope, image);
  const { mat: small, scale } = shrinkToFit(scope, photo, ANALYSIS_SIDE_PX);
  const found = findDocumentOutline(scope.cv, matToRgba(small));
  if (!found) return null;
  const plan = planRectification(scaleQuad(found.quad, 1 / scale));
  return { image: rectifiedMrzImage(scope, image, plan), photoPxPerDocPx: plan.photoPxPerDocPx };
}

/** findMrz in check.ts, with its options: the rectified document (either way up), else the whole photo. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

interface Outcome {
  /** Whether the MRZ stage returned a reading at all (it rejects text that is not plausibly an MRZ). */
  readonly found: boolean;
  readonly exactLines: number;
  /** Per truth line, 1 − edit distance / its length, floored at 0; a line not read scores 0. */
  readonly lineAccuracies: readonly number[];
  readonly ms: number;
}

function score(truth: readonly string[], read: readonly string[] | null, ms: number): Outcome {
  const lines = truth.map((line, i) => [line, read?.[i] ?? ''] as const);
  return {
    found: read !== null,
    exactLines: lines.filter(([t, r]) => t === r).length,
    lineAccuracies: lines.map(([t, r]) => Math.max(0, 1 - editDistance(r, t) / t.length)),
    ms,
  };
}

function misreadLines(truth: readonly string[], read: readonly string[] | null): string {
  if (read === null) return 'no MRZ found';
  return truth
    .flatMap((line, i) => (read[i] === line ? [] : [`${line} read ${read[i] ?? '(nothing)'}`]))
    .join('; ');
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length === 0
    ? NaN
    : sorted.length % 2
      ? sorted[Math.floor(mid)]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** createWorker to ready (the MRZ worker with its parameters set); the text worker loads lazily. */
async function workerStartMs(reader: Reader): Promise<number> {
  const started = performance.now();
  const engine = await createTesseractEngine(reader.locations);
  const ms = performance.now() - started;
  await engine.terminate();
  return ms;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const quick = process.argv.includes('--quick');
const runStarted = performance.now();
const cv = await loadNodeOpenCv();
const allReaders = readers();

// Worker starts first, interleaved, so that other load on the machine falls on every reader alike.
const starts = new Map<string, number[]>(allReaders.map((r) => [r.name, []]));
for (let run = 0; run < WORKER_STARTS; run++)
  for (const reader of allReaders) starts.get(reader.name)!.push(await workerStartMs(reader));

const { samples: work, notes } = await samples(quick);
const engines = new Map<string, OcrEngine>();
for (const reader of allReaders) engines.set(reader.name, await createTesseractEngine(reader.locations));
const outcomes = new Map<string, Outcome[]>(); // by `${reader}\t${slice}`
const errors: string[] = [];
const misreads: string[] = [];
for (const [n, sample] of work.entries()) {
  let image: RgbaImage;
  try {
    image = await sample.load();
  } catch (error) {
    errors.push(`${sample.slice} ${sample.label}: could not load (${String(error)})`);
    continue;
  }
  const scope = new MatScope(cv);
  const marks: string[] = [];
  try {
    const document = documentOf(scope, image);
    // Readers take turns on each photo, for the same reason as the worker starts.
    for (const reader of allReaders) {
      const ocr = engines.get(reader.name)!;
      const started = performance.now();
      const lines = (await findMrz({ cv, ocr }, image, document, undefined))?.reading.lines ?? null;
      const outcome = score(sample.truth, lines, performance.now() - started);
      const key = `${reader.name}\t${sample.slice}`;
      outcomes.set(key, [...(outcomes.get(key) ?? []), outcome]);
      if (reader.name === LIST_MISREADS_OF && outcome.exactLines < sample.truth.length)
        misreads.push(`${sample.slice}, ${sample.label}: ${misreadLines(sample.truth, lines)}`);
      marks.push(`${reader.name} ${outcome.exactLines}/${sample.truth.length} ${outcome.ms.toFixed(0)} ms`);
    }
  } finally {
    scope.release();
  }
  console.error(`[${n + 1}/${work.length}] ${sample.slice} ${sample.label}: ${marks.join(', ')}`);
}
for (const engine of engines.values()) await engine.terminate();

const slices = [...new Set(work.map((s) => s.slice))];
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const rows = slices.flatMap((slice) =>
  allReaders.map((reader) => {
    const got = outcomes.get(`${reader.name}\t${slice}`) ?? [];
    const lines = got.flatMap((o) => o.lineAccuracies);
    const exact = got.reduce((sum, o) => sum + o.exactLines, 0);
    const accuracy = lines.reduce((sum, a) => sum + a, 0) / lines.length;
    return [
      slice,
      reader.name,
      `${got.filter((o) => o.found).length}/${got.length}`,
      `${pct(exact / lines.length)} (${exact}/${lines.length})`,
      pct(accuracy),
      median(got.map((o) => o.ms)).toFixed(0),
    ];
  }),
);
console.log(
  table(['slice', 'reader', 'MRZs found', 'exact lines', 'char accuracy', 'ms per MRZ (median)'], rows),
);
console.log();
console.log(
  table(
    ['reader', 'model', 'model bytes', `worker start ms (median of ${WORKER_STARTS})`],
    allReaders.map((reader) => [
      reader.name,
      reader.modelFile.slice(PROJECT_ROOT.length + 1),
      statSync(reader.modelFile).size.toLocaleString('en-GB'),
      median(starts.get(reader.name)!).toFixed(0),
    ]),
  ),
);
console.log();
for (const note of notes) console.log(`- ${note}`);
console.log(
  `- ms per MRZ: the MRZ stage alone (check.ts's findMrz), after the outline and rectification, which all readers share`,
);
for (const error of errors) console.log(`- ${error}`);
if (misreads.length > 0)
  console.log(`- ${LIST_MISREADS_OF}, lines not read exactly:\n  ${misreads.join('\n  ')}`);
console.log(`- run took ${((performance.now() - runStarted) / 60_000).toFixed(1)} min`);
