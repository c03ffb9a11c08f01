/**
 * Turns OCR'd lines into MRZ lines of the right shape, then repairs the usual OCR confusions, but
 * only inside a field whose check digit fails, and only where the repair makes it hold.
 */
import { states } from 'mrz';
import type { MrzReading } from '../types.ts';
import { expiryFromYymmdd } from './dates.ts';
import { allowedAt, checkHolds, MRZ_ALPHABET, MRZ_LAYOUTS, type MrzLayout } from './formats.ts';

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

/**
 * One character as read, with what the reader knows about it: tesseract's confidence and, where the
 * glyph's ink was found, its likeness to each OCR-B character (classifyGlyphs.ts, MRZ_ALPHABET order).
 */
export interface ReadGlyph {
  readonly char: string;
  readonly confidence: number;
  readonly likeness: Float32Array | null;
}

/**
 * How much tesseract's own choice counts against the outlines' likeness (0..1 each): at confidence 100
 * it outweighs a likeness lead of 0.35. Chosen on ../shared/real-ids (0.2, 0.35 and 0.5 tried; 0.35
 * read most): tesseract's H at confidence 42 for a clear M (likeness 0.55 against 0.24) gives way.
 */
const TESSERACT_WEIGHT = 0.35;
/**
 * Pairs our tesseract model cannot tell apart (models/mrz.evaluation.md: 0 and O are its commonest
 * error even on sharp lines): its vote for one counts for both, less BLIND_MARGIN, and the outlines
 * decide (OCR-B's 0 is taller and narrower than its O).
 */
const TESSERACT_BLIND: Record<string, string> = { '0': 'O', O: '0' };
/**
 * How far the outlines must lead to overrule tesseract on such a pair: on ../shared/real-ids the right
 * overrulings led by 0.09, the wrong ones (a font whose 0 is as tall as its O) by 0.01-0.05.
 */
const BLIND_MARGIN = 0.06;
/** Without outlines, what a look-alike (CONFUSIONS) costs against the character read. */
const CONFUSION_COST = 0.2;
/**
 * A repair never takes a character whose evidence trails the one read by more than this, nor costs
 * more than MAX_REPAIR_COST in all. The right repairs on ../shared/real-ids cost 0.03-0.13 (5 for 3,
 * 8 for B); at 0.6, noise on a guilloche was "repaired" until three checks held.
 */
const MAX_CHANGE_COST = 0.3;
const MAX_REPAIR_COST = 0.45;
/** Repairs whose costs differ by less than this are a tie. */
const COST_TIE = 0.05;

/**
 * What the reads say about each position of the MRZ: a preference (higher is likelier) for each MRZ
 * character, in MRZ_ALPHABET order, and the characters chosen.
 */
export interface MrzRead {
  readonly lines: readonly string[];
  readonly evidence: readonly (readonly Float32Array[])[];
}

function evidenceOf(glyph: ReadGlyph): Float32Array {
  const evidence = new Float32Array(MRZ_ALPHABET.length);
  const read = MRZ_ALPHABET.indexOf(glyph.char);
  if (glyph.likeness) {
    evidence.set(glyph.likeness);
    const vote = (TESSERACT_WEIGHT * glyph.confidence) / 100;
    if (read >= 0) evidence[read]! += vote;
    const partner = MRZ_ALPHABET.indexOf(TESSERACT_BLIND[glyph.char] ?? '');
    if (partner >= 0) evidence[partner]! += vote - BLIND_MARGIN;
    return evidence;
  }
  for (const alike of CONFUSIONS[glyph.char] ?? '')
    evidence[MRZ_ALPHABET.indexOf(alike)] = 1 - CONFUSION_COST;
  if (read >= 0) evidence[read] = 1;
  return evidence;
}

/** Text as if read with full confidence and nothing else known (tests, and lines from elsewhere). */
export function glyphsOfText(text: string): ReadGlyph[] {
  return [...text].map((char) => unlikenedGlyph(char, 100));
}

/** Cleans one OCR line: upper case, no spaces, look-alikes of `<` made `<`, anything else dropped. */
function cleanGlyphs(glyphs: readonly ReadGlyph[]): ReadGlyph[] {
  return glyphs.flatMap((glyph) => {
    const chars = glyph.char
      .toUpperCase()
      .replace(/[«‹]/gu, '<<')
      .replace(/[^A-Z0-9<]/gu, '');
    // A glyph that became two (« is <<) has no likeness of its own.
    return chars.length === 1
      ? [{ ...glyph, char: chars }]
      : [...chars].map((char) => unlikenedGlyph(char, glyph.confidence));
  });
}

const unlikenedGlyph = (char: string, confidence: number): ReadGlyph => ({
  char,
  confidence,
  likeness: null,
});

/**
 * Picks the MRZ format the lines fit best and brings each line to its length. OCR most often drops
 * or adds `<` inside long filler runs, so lengths are mended there first, and at the end last.
 */
export function shapeMrzLines(
  ocrLines: readonly (string | readonly ReadGlyph[])[],
): { layout: MrzLayout; read: MrzRead } | null {
  const lines = ocrLines
    .map((line) => cleanGlyphs(typeof line === 'string' ? glyphsOfText(line) : line))
    .filter((line) => line.length >= 20);
  const text = (line: readonly ReadGlyph[]) => line.map((glyph) => glyph.char).join('');
  let best: { layout: MrzLayout; lines: ReadGlyph[][]; cost: number } | null = null;
  for (const layout of MRZ_LAYOUTS) {
    for (let first = 0; first + layout.lines <= lines.length; first++) {
      const group = lines.slice(first, first + layout.lines);
      const cost = group.reduce((sum, line) => sum + Math.abs(line.length - layout.length), 0) / layout.lines;
      // The document code picks between layouts of one size (a visa or a passport; a licence line or a card's).
      if (!layout.codes.test(text(group[0] ?? []))) continue;
      if (
        cost <= 4 &&
        (!best || cost < best.cost || (cost === best.cost && layout.lines > best.layout.lines))
      )
        best = { layout, lines: group.map((line) => fitLength(line, layout.length)), cost };
    }
  }
  if (!best) return null;
  return {
    layout: best.layout,
    read: { lines: best.lines.map(text), evidence: best.lines.map((line) => line.map(evidenceOf)) },
  };
}

function fitLength(line: readonly ReadGlyph[], length: number): ReadGlyph[] {
  const out = [...line];
  const text = () => out.map((glyph) => glyph.char).join('');
  while (out.length > length) {
    const run = longestFillerRun(text());
    if (run) out.splice(run.start, 1);
    else out.length = length;
  }
  while (out.length < length) {
    const run = longestFillerRun(text());
    out.splice(run && run.length >= 2 ? run.start : out.length, 0, unlikenedGlyph('<', 0));
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

/** The character with the most evidence among `allowed`, or null when none has any. */
function bestOf(evidence: Float32Array, allowed: RegExp): string | null {
  let best: string | null = null;
  let top = 0;
  for (let i = 0; i < MRZ_ALPHABET.length; i++) {
    if (evidence[i]! > top && allowed.test(MRZ_ALPHABET[i]!)) {
      top = evidence[i]!;
      best = MRZ_ALPHABET[i]!;
    }
  }
  return best;
}

/**
 * First, each character is the likeliest the evidence allows in its column: digits-only columns
 * (dates, check digits) get a digit, letters-only columns (names, states) a letter or `<` (no guess:
 * the format allows nothing else). Then, for each failing check digit, one, then two substitutions
 * among the characters it guards (and the digit itself), each no further behind on evidence than
 * MAX_CHANGE_COST; a repair is made only if it makes that check hold without breaking one that held.
 * Among several, the one that makes most checks hold wins, then the one that costs least evidence,
 * then the one that turns letters into digits; a tie after that is no repair, and the field is suspect.
 */
export function repairMrz(layout: MrzLayout, read: readonly string[] | MrzRead): MrzReading {
  const { lines: readLines, evidence } = 'evidence' in read ? read : readOfText(read);
  const lines = readLines.map((line) => [...line]);
  const repairs: { line: number; column: number; from: string; to: string }[] = [];
  const set = (line: number, column: number, to: string) => {
    const from = lines[line]![column]!;
    if (from === to) return;
    repairs.push({ line, column, from, to });
    lines[line]![column] = to;
  };
  const evidenceAt = (line: number, column: number) => evidence[line]![column]!;

  lines.forEach((chars, line) =>
    chars.forEach((char, column) => {
      const allowed = allowedAt(layout, line, column);
      const best = bestOf(evidenceAt(line, column), allowed);
      if (best) set(line, column, best);
      else if (!allowed.test(char)) {
        const fallback = allowed.source.includes('0-9') ? DIGIT_FOR[char] : LETTER_FOR[char];
        if (fallback) set(line, column, fallback);
      }
    }),
  );
  if (layout.sex) {
    const [line, column] = layout.sex;
    const sex = SEX_FOR[lines[line]![column]!];
    if (sex) set(line, column, sex);
  }

  // ICAO 9303 part 3 §4.6: a name's parts are joined by one or two fillers, and fillers fill out the
  // field after it, so only fillers follow a run of three. (A stray mark in that tail reads as a letter.)
  if (layout.name) {
    const [line, start, end] = layout.name;
    const tail = lines[line]!.slice(start, end).join('').indexOf('<<<');
    if (tail >= 0) for (let column = start + tail + 3; column < end; column++) set(line, column, '<');
  }

  const text = () => lines.map((chars) => chars.join(''));
  const costOf = (line: number, column: number, to: string) => {
    const at = evidenceAt(line, column);
    return Math.max(0, at[MRZ_ALPHABET.indexOf(lines[line]![column]!)]! - at[MRZ_ALPHABET.indexOf(to)]!);
  };
  const optionsAt = (line: number, column: number): Change[] => {
    const allowed = allowedAt(layout, line, column);
    return [...MRZ_ALPHABET]
      .filter((to) => to !== lines[line]![column] && allowed.test(to))
      .map((to) => ({ line, column, to, cost: costOf(line, column, to) }))
      .filter((change) => change.cost <= MAX_CHANGE_COST)
      .sort((a, b) => a.cost - b.cost)
      .slice(0, 4);
  };

  // A state code that is no state is misread: the cheapest one- or two-letter change that makes it one.
  for (const [line, start] of layout.states) {
    const isState = (changes: readonly Change[]) => {
      const code = [...lines[line]!.slice(start, start + 3)];
      for (const change of changes) code[change.column - start] = change.to;
      return isStateCode(code.join(''));
    };
    if (isState([])) continue;
    const judge = (changes: readonly Change[]): Verdict | null =>
      isState(changes) ? { changes, held: 0, cost: totalCost(changes), toDigits: 0 } : null;
    const found = searchRepairs(
      [start, start + 1, start + 2].flatMap((column) => optionsAt(line, column)),
      judge,
    );
    if (found) for (const { column, to } of found) set(line, column, to);
  }
  for (const rule of layout.checks) {
    if (checkHolds(text(), rule)) continue;
    const heldBefore = layout.checks.filter((other) => checkHolds(text(), other));
    const positions: [number, number][] = [
      ...rule.guards.flatMap(([line, start, end]) =>
        Array.from({ length: end - start }, (_, i) => [line, start + i] as [number, number]),
      ),
      [rule.digit[0], rule.digit[1]],
    ];
    const trialLines = (changes: readonly Change[]) => {
      const trial = lines.map((chars) => [...chars]);
      for (const { line, column, to } of changes) trial[line]![column] = to;
      return trial.map((chars) => chars.join(''));
    };
    const judge = (changes: readonly Change[]): Verdict | null => {
      const joined = trialLines(changes);
      if (!checkHolds(joined, rule) || !heldBefore.every((other) => checkHolds(joined, other))) return null;
      return {
        changes,
        held: layout.checks.filter((other) => checkHolds(joined, other)).length,
        cost: totalCost(changes),
        // OCR-B's digits are what gets misread as letters on our fixtures, not the reverse.
        toDigits: changes.filter(
          ({ line, column, to }) => /[0-9]/u.test(to) && /[A-Z]/u.test(lines[line]![column]!),
        ).length,
      };
    };
    const found = searchRepairs(
      positions.flatMap(([line, column]) => optionsAt(line, column)),
      judge,
    );
    if (found) for (const { line, column, to } of found) set(line, column, to);
  }

  const final = text();
  const checks = layout.checks.map((rule) => {
    const valid = checkHolds(final, rule);
    const digit = final[rule.digit[0]]![rule.digit[1]]!;
    return { field: rule.field, valid, readable: valid || /[0-9]/u.test(digit) };
  });
  const suspect = final.map((_, lineIndex) =>
    layout.checks
      .filter((rule) => !checkHolds(final, rule) && rule.field !== 'composite')
      .flatMap((rule) =>
        rule.guards.filter(([line]) => line === lineIndex).flatMap(([, s, e]) => range(s, e)),
      ),
  );
  return { format: layout.format, lines: final, suspect, checks, repairs };
}

const totalCost = (changes: readonly Change[]) => changes.reduce((sum, change) => sum + change.cost, 0);

function readOfText(lines: readonly string[]): MrzRead {
  return { lines, evidence: lines.map((line) => glyphsOfText(line).map(evidenceOf)) };
}

interface Change {
  readonly line: number;
  readonly column: number;
  readonly to: string;
  readonly cost: number;
}

interface Verdict {
  readonly changes: readonly Change[];
  readonly held: number;
  readonly cost: number;
  readonly toDigits: number;
}

/** Positive when `a` is the better repair, negative when `b` is, 0 for a tie. */
function compareVerdicts(a: Verdict, b: Verdict): number {
  if (a.held !== b.held) return a.held - b.held;
  if (Math.abs(a.cost - b.cost) >= COST_TIE) return b.cost - a.cost;
  return a.toDigits / (a.changes.length + 1) - b.toDigits / (b.changes.length + 1);
}

/** One substitution if any works, else two; the best by compareVerdicts, unless tied. */
function searchRepairs(
  singles: readonly Change[],
  judge: (changes: readonly Change[]) => Verdict | null,
): readonly Change[] | null {
  const best = (candidates: Change[][]) => {
    const verdicts = candidates
      .filter((changes) => totalCost(changes) <= MAX_REPAIR_COST)
      .map(judge)
      .filter((verdict) => verdict !== null);
    if (verdicts.length === 0) return undefined;
    verdicts.sort((a, b) => compareVerdicts(b, a));
    const [first, second] = verdicts;
    return second && compareVerdicts(first!, second) === 0 ? null : first!.changes;
  };
  const one = best(singles.map((change) => [change]));
  if (one !== undefined) return one;
  const pairs: Change[][] = [];
  for (let i = 0; i < singles.length; i++) {
    for (let j = i + 1; j < singles.length; j++) {
      const a = singles[i]!;
      const b = singles[j]!;
      if (a.line !== b.line || a.column !== b.column) pairs.push([a, b]);
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

/**
 * The issuing state as read is an ICAO code (the `mrz` package's list, plus the specimen state UTO).
 * A letter repaired into another letter does not count: the state repair makes any three letters a
 * state, so noise would pass. (A digit in a letters-only column made the letter it looks like does.)
 */
export function hasKnownIssuer(
  layout: MrzLayout,
  reading: { lines: readonly string[]; repairs?: MrzReading['repairs'] },
): boolean {
  const [line, start] = layout.issuer;
  const code = [...reading.lines[line]!.slice(start, start + 3)];
  for (const repair of reading.repairs ?? []) {
    const at = repair.column - start;
    if (repair.line === line && at >= 0 && at < 3 && /[A-Z]/u.test(repair.from)) code[at] = repair.from;
  }
  return isStateCode(code.join(''));
}

/** An ICAO state code (the `mrz` package's list, plus the specimen state UTO), `<`-padded as in an MRZ. */
function isStateCode(code: string): boolean {
  const state = code.replace(/<+$/u, '');
  return state in states || state === 'UTO';
}

/**
 * Combines reads of one MRZ (same layout) made at different scales: the evidence for each position
 * is averaged. With one read, that read.
 */
export function combineReadings(reads: readonly MrzRead[]): MrzRead {
  const first = reads[0]!;
  const evidence = first.evidence.map((line, lineIndex) =>
    line.map((_, column) => {
      const mean = new Float32Array(MRZ_ALPHABET.length);
      for (const read of reads) {
        const at = read.evidence[lineIndex]![column]!;
        for (let i = 0; i < mean.length; i++) mean[i]! += at[i]! / reads.length;
      }
      return mean;
    }),
  );
  return { lines: first.lines, evidence };
}
