/**
 * Turns OCR'd lines into MRZ lines of the right shape, then repairs the usual OCR confusions, but
 * only inside a field whose check digit fails, and only where the repair makes it hold.
 */
import { states } from 'mrz';
import type { MrzReading } from '../types.ts';
import { expiryFromYymmdd } from './dates.ts';
import { checkHolds, MRZ_LAYOUTS, type MrzLayout } from './formats.ts';

/**
 * Characters OCR confuses in OCR-B (our fixtures and ../shared/real-ids: 0/O/D/Q, 1/I/L, 8/B, 5/S,
 * 2/Z, 6/G, and the `<` filler read as K, C, L or E).
 */
const CONFUSIONS: Record<string, string> = {
  '0': 'ODQ',
  O: '0DQ',
  D: '0O',
  Q: '0O',
  '1': 'IL',
  I: '1L',
  L: '1I<',
  '8': 'B',
  B: '8',
  '5': 'S',
  S: '5',
  '2': 'Z',
  Z: '2',
  '6': 'G',
  G: '6',
  '7': 'T',
  T: '7',
  '4': 'A',
  A: '4',
  K: '<',
  C: '<',
  E: '<',
  '<': 'KCLE',
};

const DIGIT_FOR: Record<string, string> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  B: '8',
  S: '5',
  Z: '2',
  G: '6',
  T: '7',
  A: '4',
};
const LETTER_FOR: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '8': 'B',
  '5': 'S',
  '2': 'Z',
  '6': 'G',
  '7': 'T',
  '4': 'A',
  '3': 'B',
};
/** The sex field holds M, F, X or `<` (part 4 §4.2.2.2): these are what OCR makes of M and F. */
const SEX_FOR: Record<string, string> = { H: 'M', N: 'M', W: 'M', E: 'F', P: 'F' };

/** Cleans one OCR line: upper case, no spaces, look-alikes of `<` made `<`, anything else dropped. */
export function cleanOcrLine(text: string): string {
  return text
    .toUpperCase()
    .replace(/[«‹]/gu, '<<')
    .replace(/\s+/gu, '')
    .replace(/[^A-Z0-9<]/gu, '');
}

/**
 * Picks the MRZ format the lines fit best and brings each line to its length. OCR most often drops
 * or adds `<` inside long filler runs, so lengths are mended there first, and at the end last.
 */
export function shapeMrzLines(ocrLines: readonly string[]): { layout: MrzLayout; lines: string[] } | null {
  const lines = ocrLines.map(cleanOcrLine).filter((line) => line.length >= 20);
  let best: { layout: MrzLayout; lines: string[]; cost: number } | null = null;
  for (const layout of MRZ_LAYOUTS) {
    for (let first = 0; first + layout.lines <= lines.length; first++) {
      const group = lines.slice(first, first + layout.lines);
      const cost = group.reduce((sum, line) => sum + Math.abs(line.length - layout.length), 0) / layout.lines;
      // The document code picks between layouts of one size (a visa or a passport; a licence line or a card's).
      if (!layout.codes.test(group[0] ?? '')) continue;
      if (
        cost <= 4 &&
        (!best || cost < best.cost || (cost === best.cost && layout.lines > best.layout.lines))
      )
        best = { layout, lines: group.map((line) => fitLength(line, layout.length)), cost };
    }
  }
  return best && { layout: best.layout, lines: best.lines };
}

function fitLength(line: string, length: number): string {
  let out = line;
  while (out.length > length) {
    const run = longestFillerRun(out);
    out = run ? out.slice(0, run.start) + out.slice(run.start + 1) : out.slice(0, length);
  }
  while (out.length < length) {
    const run = longestFillerRun(out);
    out = run && run.length >= 2 ? out.slice(0, run.start) + '<' + out.slice(run.start) : out + '<';
  }
  return out;
}

function longestFillerRun(line: string): { start: number; length: number } | null {
  let best: { start: number; length: number } | null = null;
  for (const match of line.matchAll(/<{2,}/gu)) {
    if (!best || match[0].length > best.length) best = { start: match.index, length: match[0].length };
  }
  return best;
}

/**
 * Digits-only columns (dates, check digits) cannot hold letters: that fix needs no check digit.
 * Then, for each failing check digit, try one, then two substitutions from CONFUSIONS among the
 * characters it guards (and the digit itself); apply a repair only if exactly one makes it hold
 * without breaking a check that held.
 */
export function repairMrz(layout: MrzLayout, read: readonly string[]): MrzReading {
  const lines = read.map((line) => [...line]);
  const repairs: { line: number; column: number; from: string; to: string }[] = [];
  const set = (line: number, column: number, to: string) => {
    const from = lines[line]![column]!;
    if (from === to) return;
    repairs.push({ line, column, from, to });
    lines[line]![column] = to;
  };
  // What a column's type allows is no guess (the `mrz` package's autocorrect does the same).
  for (const [line, start, end] of layout.numeric) {
    for (let column = start; column < end; column++) {
      const digit = DIGIT_FOR[lines[line]![column]!];
      if (digit) set(line, column, digit);
    }
  }
  for (const [line, start, end] of layout.alphabetic) {
    for (let column = start; column < end; column++) {
      const letter = LETTER_FOR[lines[line]![column]!];
      if (letter) set(line, column, letter);
    }
  }
  if (layout.sex) {
    const [line, column] = layout.sex;
    const sex = SEX_FOR[lines[line]![column]!];
    if (sex) set(line, column, sex);
  }

  const text = () => lines.map((chars) => chars.join(''));
  for (const rule of layout.checks) {
    if (checkHolds(text(), rule)) continue;
    const heldBefore = layout.checks.filter((other) => checkHolds(text(), other));
    const positions: [number, number][] = [
      ...rule.guards.flatMap(([line, start, end]) =>
        Array.from({ length: end - start }, (_, i) => [line, start + i] as [number, number]),
      ),
      [rule.digit[0], rule.digit[1]],
    ];
    const numericAt = (line: number, column: number) =>
      layout.numeric.some(([l, s, e]) => l === line && column >= s && column < e);
    const options = (line: number, column: number) =>
      [...(CONFUSIONS[lines[line]![column]!] ?? '')].filter(
        (c) => !numericAt(line, column) || /[0-9]/u.test(c),
      );
    const trialLines = (changes: readonly Change[]) => {
      const trial = lines.map((chars) => [...chars]);
      for (const [line, column, to] of changes) trial[line]![column] = to;
      return trial.map((chars) => chars.join(''));
    };
    // A repair must make this check hold and keep every check that held; among several, the one that
    // also makes the most other checks hold (the composite digit, usually) wins. Check digits are
    // modulo 10, so a swap elsewhere can balance the sum as well: then the repair that turns letters
    // into digits wins (document numbers are mostly digits, and OCR-B's digits are what gets misread
    // as letters, not the reverse, on our fixtures). A tie after that is no repair.
    const heldAfter = (changes: readonly Change[]) => {
      const joined = trialLines(changes);
      if (!checkHolds(joined, rule) || !heldBefore.every((other) => checkHolds(joined, other))) return -1;
      const toDigits = changes.filter(
        ([line, column, to]) => /[0-9]/u.test(to) && /[A-Z]/u.test(lines[line]![column]!),
      ).length;
      return (
        layout.checks.filter((other) => checkHolds(joined, other)).length + toDigits / (changes.length + 1)
      );
    };
    const found = searchRepairs(positions, options, heldAfter);
    if (found) for (const [line, column, to] of found) set(line, column, to);
  }

  const final = text();
  const checks = layout.checks.map((rule) => ({ field: rule.field, valid: checkHolds(final, rule) }));
  const suspect = final.map((_, lineIndex) =>
    layout.checks
      .filter((rule) => !checkHolds(final, rule) && rule.field !== 'composite')
      .flatMap((rule) =>
        rule.guards.filter(([line]) => line === lineIndex).flatMap(([, s, e]) => range(s, e)),
      ),
  );
  return { format: layout.format, lines: final, suspect, checks, repairs };
}

type Change = [number, number, string];

/** One substitution if any works, else two; the best by `score` (-1: not a repair), unless tied. */
function searchRepairs(
  positions: [number, number][],
  options: (line: number, column: number) => string[],
  score: (changes: readonly Change[]) => number,
): Change[] | null {
  const singles: Change[] = positions.flatMap(([line, column]) =>
    options(line, column).map((to) => [line, column, to] as Change),
  );
  const best = (candidates: Change[][]) => {
    const scored = candidates
      .map((changes) => ({ changes, score: score(changes) }))
      .filter((c) => c.score >= 0);
    if (scored.length === 0) return undefined;
    const top = Math.max(...scored.map((c) => c.score));
    const winners = scored.filter((c) => c.score === top);
    return winners.length === 1 ? winners[0]!.changes : null;
  };
  const one = best(singles.map((change) => [change]));
  if (one !== undefined) return one;
  const pairs: Change[][] = [];
  for (let i = 0; i < singles.length; i++) {
    for (let j = i + 1; j < singles.length; j++) {
      const a = singles[i]!;
      const b = singles[j]!;
      if (a[0] !== b[0] || a[1] !== b[1]) pairs.push([a, b]);
    }
  }
  return best(pairs) ?? null;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/**
 * Whether OCR'd text is an MRZ at all, not print or pattern forced into MRZ shape: its issuer is a
 * real state code (the `mrz` package's ICAO list, plus ICAO's specimen state UTO) or at least half
 * of its check digits hold, and two at least. Chance alone makes a check digit hold one time in ten.
 */
export function isPlausibleReading(layout: MrzLayout, reading: MrzReading): boolean {
  const held = reading.checks.filter((check) => check.valid).length;
  // Two holding checks at least: one holds by chance one time in ten (the one-line licence has only two),
  // and repair can make noise hold, so the expiry must also be a real date.
  const [line, start] = layout.expiry;
  const expiry = expiryFromYymmdd(reading.lines[line]!.slice(start, start + 6));
  return (
    hasKnownIssuer(layout, reading) || (expiry !== null && held >= 2 && held * 2 >= reading.checks.length)
  );
}

/** The issuing state is an ICAO code (the `mrz` package's list, plus the specimen state UTO). */
export function hasKnownIssuer(layout: MrzLayout, reading: { lines: readonly string[] }): boolean {
  const [line, start] = layout.issuer;
  const issuer = reading.lines[line]!.slice(start, start + 3).replace(/<+$/u, '');
  return issuer in states || issuer === 'UTO';
}

/**
 * Combines reads of one MRZ (same layout) made at different scales: each checked field is taken from
 * the first read in which its check digit holds; every other character by majority, ties going to
 * the earliest read. With one read, that read.
 */
export function combineReadings(layout: MrzLayout, reads: readonly (readonly string[])[]): string[] {
  const first = reads[0]!;
  const combined = first.map((line, lineIndex) =>
    [...line].map((char, column) => {
      const votes = new Map<string, number>();
      for (const read of reads) {
        const c = read[lineIndex]![column]!;
        votes.set(c, (votes.get(c) ?? 0) + 1);
      }
      let best = char;
      for (const [candidate, count] of votes) if (count > (votes.get(best) ?? 0)) best = candidate;
      return best;
    }),
  );
  for (const rule of layout.checks) {
    if (rule.field === 'composite') continue;
    const holding = reads.find((read) => checkHolds(read, rule));
    if (!holding) continue;
    for (const [line, start, end] of [
      ...rule.guards,
      [rule.digit[0], rule.digit[1], rule.digit[1] + 1] as const,
    ]) {
      for (let column = start; column < end; column++) combined[line]![column] = holding[line]![column]!;
    }
  }
  return combined.map((chars) => chars.join(''));
}
