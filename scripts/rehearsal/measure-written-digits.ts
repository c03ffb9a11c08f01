/**
 * How well `numbers-shown` reads handwriting: draws N faces holding sheets of 4 random digits written in
 * a marker stroke (writtenSheet.ts: each sheet's digits, jitter, turn, stroke width and size drawn at
 * random from a fixed seed), finds each sheet, reads its writing with the digit reader and judges it,
 * once against the digits written and once against other digits (as if the person wrote the wrong ones).
 * Prints the sheets found, the exact readings, the statuses each way, and the ms per reading.
 *
 *   tsx scripts/rehearsal/measure-written-digits.ts [--count 80]
 */
import { parseArgs } from 'node:util';
import { loadNodeDigitReader } from '../../src/engines/node.ts';
import { findHeldSheet } from '../../src/pipeline/rehearsal/findSheet.ts';
import { judgeNumbersShown } from '../../src/pipeline/rehearsal/judgeNumbersShown.ts';
import { readingFromLines } from '../../src/pipeline/rehearsal/watchWrittenNumbers.ts';
import { writingCrop } from '../../src/pipeline/rehearsal/writingCrop.ts';
import type { Status } from '../../src/pipeline/types.ts';
import { FACE_SCENES, renderFaceScene } from './faceScenes.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '80' } } });
const count = Number(values.count);

let state = 12345;
const random = () => {
  state = (state * 1103515245 + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
};
const randomDigits = () => Array.from({ length: 4 }, () => String(Math.floor(random() * 10))).join('');

const reader = await loadNodeDigitReader();
const base = FACE_SCENES['written-digits'];
const tally = { found: 0, exact: 0, readMs: [] as number[], misread: [] as string[] };
const statuses = { written: new Map<Status, number>(), other: new Map<Status, number>() };
const add = (map: Map<Status, number>, status: Status) => map.set(status, (map.get(status) ?? 0) + 1);
for (let n = 0; n < count; n++) {
  const digits = randomDigits();
  const sheet = {
    ...base.sheet!,
    digits,
    seed: 100 + n,
    turn: (random() * 2 - 1) * 10,
    stroke: 0.08 + random() * 0.08,
    width: 200 + random() * 60,
    height: 150 + random() * 30,
  };
  const image = await renderFaceScene({ ...base, sheet });
  const found = findHeldSheet(image, []);
  const crop = found && writingCrop(image, found);
  if (!found || !crop) {
    add(statuses.written, judgeNumbersShown(found, null, digits).status);
    continue;
  }
  tally.found++;
  const started = performance.now();
  const reading = readingFromLines(await reader.readDigits(crop));
  tally.readMs.push(performance.now() - started);
  if (reading.digits === digits) tally.exact++;
  else tally.misread.push(`${digits} as ${reading.digits || '(nothing)'}`);
  add(statuses.written, judgeNumbersShown(found, reading, digits).status);
  let other = randomDigits();
  while (other === digits) other = randomDigits();
  add(statuses.other, judgeNumbersShown(found, reading, other).status);
}
await reader.terminate();

const sorted = [...tally.readMs].sort((a, b) => a - b);
const show = (map: Map<Status, number>) =>
  (['pass', 'unsure', 'fail'] as const).map((s) => `${s} ${map.get(s) ?? 0}`).join(', ');
console.log(`${count} drawn sheets of 4 marker-written digits:`);
console.log(`  sheets found: ${tally.found}; read exactly: ${tally.exact}`);
console.log(`  misread: ${tally.misread.join(', ') || 'none'}`);
console.log(`  judged against the digits written: ${show(statuses.written)}`);
console.log(`  judged against other digits: ${show(statuses.other)} (a pass here is a false pass)`);
console.log(
  `  ms a reading (Node): median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`,
);
