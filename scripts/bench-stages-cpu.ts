/**
 * `npm run bench:stages-cpu`: the CPU time of each stage of the check of `bench`'s clean 12 MP photo,
 * each run alone: this thread's (where Linux tells it to the nanosecond) and the whole process's (all
 * threads: V8's compiler and collector helpers too), median and least of 10 runs after WARM_UP runs,
 * and of the MRZ's search and OCR with how much of that was the check's own thread; last, the whole
 * check, photo after photo, where each photo's collections cost some stages their compiled code. CPU time, unlike
 * `bench`'s wall times, holds still while other programs share the machine. The stages run one after
 * another on one thread, except the MRZ's OCR on its worker: a stage's cost is what the check's wall
 * time would save. Prints figures; asserts nothing.
 *
 * Without the warm-up, each stage's first runs in a fresh process were V8 compiling it, on the
 * compiler's threads, which the process's CPU counts, while it ran unoptimised: clarity took 207,
 * 146, 52, 71, 37 ms in its first five runs and 34-41 after, and the median of ten moved with how many
 * of those it held (2026-12-05).
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodePhoto, decodePhotoForCheck } from '../src/decode/node.ts';
import { loadNodeEngines } from '../src/engines/node.ts';
import { measureClarity } from '../src/pipeline/clarity/measureClarity.ts';
import { measurePhotoMedium } from '../src/pipeline/clarity/measureDarkPanel.ts';
import { measureHandwriting } from '../src/pipeline/clarity/measureHandwriting.ts';
import { MatScope } from '../src/pipeline/cv.ts';
import { rectifiedMrzImage } from '../src/pipeline/mrz/mrzImage.ts';
import { findDocumentOutline, scaleQuad } from '../src/pipeline/outline/findDocumentOutline.ts';
import { findPortrait } from '../src/pipeline/portrait/findPortrait.ts';
import { planRectification, rectifyPlanned } from '../src/pipeline/rectify/rectifyDocument.ts';
import { forgetWarpedPhoto } from '../src/pipeline/rectify/warpPerspective.ts';
import { findMrz } from '../src/pipeline/steps/findMrz.ts';
import { checkDocument } from '../src/pipeline/check.ts';
import { READING_BUDGET_MS } from '../src/pipeline/steps/readingBudget.ts';
import { fixture, loadManifest } from '../tests/support/fixtures.ts';

const RUNS = 10;
const WARM_UP = 5;
const processCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** This thread's CPU time in ms, to the nanosecond (Linux's schedstat), or NaN. */
const threadCpu = () => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bytes = await sharp(readFileSync(fixture('clean').path))
  .resize(4000, 3000, { fit: 'fill' })
  .jpeg({ quality: 90 })
  .toBuffer();
const engines = await loadNodeEngines();
const { cv } = engines;
// The whole check first, photo after photo as a batch runs it, before this script holds any photo's
// objects: a stage looped alone keeps its compiled code, while in the check each photo's collections
// had V8 throw some away and compile it again (image.ts), which only this shows. (Measured after the
// stages, with their photo's objects held, it did not show: the base of issue 13's cuts measured as
// fast as the cuts.)
const checkThread: number[] = [];
const checkProcess: number[] = [];
for (let i = 0; i < WARM_UP + RUNS; i++) {
  const photo = await decodePhotoForCheck(bytes);
  const [startProcess, startThread] = [processCpu(), threadCpu()];
  await checkDocument(photo, engines, {
    today: loadManifest().today,
    readingBudgetMs: READING_BUDGET_MS.node,
    readingClock: processCpu,
  });
  if (i < WARM_UP) continue;
  checkProcess.push(processCpu() - startProcess);
  checkThread.push(threadCpu() - startThread);
}
const wholeCheck =
  `${'the whole check, photo after photo'.padEnd(36)} this thread median ${median(checkThread).toFixed(0)} ms,` +
  ` least ${Math.min(...checkThread).toFixed(0)} ms; process median ${median(checkProcess).toFixed(0)} ms`;
const image = await decodePhoto(bytes);
const analysis = (await decodePhotoForCheck(bytes)).analysis!;
const found = findDocumentOutline(cv, analysis)!;
const toPhoto = Math.max(image.width, image.height) / Math.max(analysis.width, analysis.height);
const quad = scaleQuad(found.quad, toPhoto);
const plan = planRectification(quad);
const scope = new MatScope(cv);
const rectified = rectifyPlanned(scope, image, plan);
const inPhoto = { corners: plan.corners, photoWidth: image.width, photoHeight: image.height };

const stages: [string, () => unknown][] = [
  ['decode, whole photo', () => decodePhoto(bytes)],
  ['decode for the check (both copies)', async () => (await decodePhotoForCheck(bytes)).full],
  ['outline', () => findDocumentOutline(cv, analysis)],
  [
    'rectify (photo loaded again)',
    () => {
      forgetWarpedPhoto();
      return rectifyPlanned(scope, image, plan);
    },
  ],
  [
    'clarity',
    () => measureClarity(cv, rectified.image, rectified.image.width * rectified.photoPxPerDocPx, inPhoto),
  ],
  ['medium', () => measurePhotoMedium(image, quad)],
  ['handwriting', () => measureHandwriting(cv, rectified.image, rectified.photoPxPerDocPx)],
  [
    'portrait',
    () =>
      findPortrait(engines.faces!, {
        document: rectified.image,
        format: rectified.format,
        uprightness: 'upright',
        expected: true,
      }),
  ],
];
for (const [name, run] of stages) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const process: number[] = [];
  const thread: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [startProcess, startThread] = [processCpu(), threadCpu()];
    await run();
    process.push(processCpu() - startProcess);
    thread.push(threadCpu() - startThread);
  }
  const figures = (ms: number[]) =>
    `median ${median(ms).toFixed(0)} ms, least ${Math.min(...ms).toFixed(0)} ms`;
  console.log(`${name.padEnd(36)} this thread ${figures(thread)}; process ${figures(process)}`);
}

const all: number[] = [];
const own: number[] = [];
for (let i = 0; i < WARM_UP + RUNS; i++) {
  forgetWarpedPhoto();
  const [startAll, startOwn] = [processCpu(), threadCpu()];
  const document = { image: rectifiedMrzImage(scope, image, plan), photoPxPerDocPx: plan.photoPxPerDocPx };
  await findMrz(engines, image, document, undefined);
  if (i < WARM_UP) continue;
  all.push(processCpu() - startAll);
  own.push(threadCpu() - startOwn);
}
console.log(
  `${'MRZ search and OCR'.padEnd(36)} median ${median(all).toFixed(0)} ms, of which this thread's` +
    ` ${median(own).toFixed(0)} ms and the OCR worker's the rest`,
);
scope.release();

console.log(wholeCheck);
await engines.ocr.terminate();
