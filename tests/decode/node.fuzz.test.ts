/**
 * A bounded fuzz of Node's decoder and the check: a few hundred mutants of a small fixture, made here
 * from a fixed seed (so a failure names a mutant that can be made again), each of which must give
 * exactly one outcome, a report or a coded PhotoError, and within a bound that only a hang exceeds.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../src/decode/node.ts';
import { PHOTO_ERROR_CODES, PhotoError } from '../../src/decode/photoError.ts';
import { loadNodeEngines } from '../../src/engines/node.ts';
import type { Engines } from '../../src/engines/types.ts';
import { checkDocument } from '../../src/pipeline/check.ts';
import { ANALYSIS_SIDE_PX } from '../../src/pipeline/sizes.ts';
import { readyPhoto, RULE_IDS, type CheckReport, type RgbaImage } from '../../src/pipeline/types.ts';
import { fixture, loadManifest } from '../support/fixtures.ts';

const SEED = 17;
const MUTANTS_PER_FORMAT = 100;
/**
 * Mutants of a photo big enough to come as the outline search's copy with its full pixels still
 * decoding (decodePhotoForCheck): two decodes, either of which may fail, and still one outcome.
 */
const BIG_MUTANTS = 30;
/**
 * How many of the mutants that decode are also checked whole. A damaged photo costs the check about a
 * second (the MRZ is searched for at every turn); the 300 decodes cost about one in all.
 */
const CHECKED = 8;
/** Far above a decode (milliseconds) or a check (under a second) of a 480 px photo: only a hang is this slow. */
const DECODE_BOUND_MS = 10_000;
const CHECK_BOUND_MS = 30_000;

/** One way to damage a file, at places given as shares of its length. */
type Mutation =
  | { kind: 'set-bytes'; at: number; bytes: number[] }
  | { kind: 'flip-bits'; at: number[]; bits: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] };

const share = fc.integer({ min: 0, max: 9_999 }).map((n) => n / 10_000);
/** Headers live in the first few hundred bytes: half the damage goes there. */
const place = fc.oneof(
  share,
  share.map((s) => s * 0.02),
);
const byte = fc.integer({ min: 0, max: 255 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set-bytes' as const),
    at: place,
    bytes: fc.array(byte, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('flip-bits' as const),
    at: fc.array(place, { minLength: 1, maxLength: 16 }),
    bits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 16, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: share }),
  fc.record({ kind: fc.constant('delete' as const), at: place, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: place, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: place,
    bytes: fc.array(byte, { minLength: 1, maxLength: 64 }),
  }),
);

function mutate(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    const offset = (at: number) => Math.floor(at * bytes.length);
    if (m.kind === 'set-bytes') bytes.set(m.bytes.slice(0, bytes.length - offset(m.at)), offset(m.at));
    else if (m.kind === 'flip-bits')
      m.at.forEach((at, i) => {
        const o = offset(at);
        bytes[o] = bytes[o]! ^ (1 << m.bits[i]!);
      });
    else if (m.kind === 'truncate') bytes = bytes.subarray(0, offset(m.at));
    else if (m.kind === 'delete')
      bytes = Buffer.concat([bytes.subarray(0, offset(m.at)), bytes.subarray(offset(m.at) + m.length)]);
    else if (m.kind === 'duplicate')
      bytes = Buffer.concat([
        bytes.subarray(0, offset(m.at) + m.length),
        bytes.subarray(offset(m.at), offset(m.at) + m.length),
        bytes.subarray(offset(m.at) + m.length),
      ]);
    else
      bytes = Buffer.concat([
        bytes.subarray(0, offset(m.at)),
        Buffer.from(m.bytes),
        bytes.subarray(offset(m.at)),
      ]);
  }
  return bytes;
}

/** Rejects if `work` has not settled in `ms`: the outcome a hang would have. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, bound]);
  } finally {
    clearTimeout(timer);
  }
}

type Outcome = { image: RgbaImage; pending?: boolean } | { code: string };

/** The decoder's one outcome for the bytes: pixels, or a PhotoError's code. Anything else throws. */
async function decodeOutcome(bytes: Buffer): Promise<Outcome> {
  try {
    const photo = await within(DECODE_BOUND_MS, 'decoding', decodePhotoForCheck(bytes));
    if (!('full' in photo)) return { image: photo };
    return { image: await within(DECODE_BOUND_MS, 'decoding', photo.full), pending: true };
  } catch (error) {
    if (error instanceof PhotoError) return { code: error.code };
    throw error;
  }
}

describe('Node’s decoder and the check on mutated photos (bounded fuzz)', () => {
  let engines: Engines;
  const bases: { format: string; bytes: Buffer; mutants: number }[] = [];
  beforeAll(async () => {
    engines = await loadNodeEngines();
    const small = sharp(await readFile(fixture('clean').path)).resize({ width: 480 });
    const big = sharp(await readFile(fixture('clean').path)).resize({ width: 2 * ANALYSIS_SIDE_PX + 100 });
    bases.push(
      {
        format: 'jpeg',
        bytes: await small.clone().jpeg({ quality: 85 }).toBuffer(),
        mutants: MUTANTS_PER_FORMAT,
      },
      { format: 'png', bytes: await small.clone().png().toBuffer(), mutants: MUTANTS_PER_FORMAT },
      { format: 'webp', bytes: await small.clone().webp().toBuffer(), mutants: MUTANTS_PER_FORMAT },
      { format: 'big jpeg', bytes: await big.jpeg({ quality: 85 }).toBuffer(), mutants: BIG_MUTANTS },
    );
  });
  afterAll(async () => {
    await engines.ocr.terminate();
  });

  it(`gives each of ${3 * MUTANTS_PER_FORMAT + BIG_MUTANTS} mutants one decoded photo or one coded error, and checks ${CHECKED} of them whole`, async () => {
    const plans = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), {
      seed: SEED,
      numRuns: MUTANTS_PER_FORMAT,
    });
    const counts: Record<string, number> = {};
    const decoded: { name: string; image: RgbaImage }[] = [];
    let pending = 0;
    for (const { format, bytes, mutants } of bases) {
      for (const [i, plan] of plans.slice(0, mutants).entries()) {
        const name = `${format} mutant ${i} (seed ${SEED}): ${JSON.stringify(plan)}`;
        const outcome = await decodeOutcome(mutate(bytes, plan)).catch((error: unknown) => {
          throw new Error(`${name}: ${String(error)}`);
        });
        const label = 'code' in outcome ? outcome.code : 'decoded';
        counts[label] = (counts[label] ?? 0) + 1;
        if ('image' in outcome) decoded.push({ name, image: outcome.image });
        if ('pending' in outcome) pending++;
      }
    }
    // The mutants must reach both sides, or the fuzz tested one path only.
    expect(counts['decoded']).toBeGreaterThan(30);
    expect(counts['corrupt-image']).toBeGreaterThan(30);
    expect(pending).toBeGreaterThan(5);
    const codes = new Set(Object.keys(counts));
    expect(
      [...codes].filter(
        (code) => code !== 'decoded' && !(PHOTO_ERROR_CODES as readonly string[]).includes(code),
      ),
    ).toStrictEqual([]);
    const today = loadManifest().today;
    for (const { name, image } of decoded.slice(0, CHECKED)) {
      const report: CheckReport = await within(
        CHECK_BOUND_MS,
        'checking',
        checkDocument(readyPhoto(image), engines, { today }),
      ).catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`);
      });
      expect(report.rules.map((rule) => rule.id)).toStrictEqual(RULE_IDS);
      expect(['pass', 'fail', 'unsure']).toContain(report.verdict);
    }
  });
});
