/**
 * Repairs the usual OCR confusions in shaped MRZ lines (README.md, step 5), but only inside a field
 * whose check digit fails, and only where the repair makes it hold. The passes work on a Draft: the
 * lines, the evidence behind each character, and the repairs made so far.
 */
import { lookAlikesFor } from '../lookAlikes.ts';
import type { MrzReading } from '../types.ts';
import { bestOf, readOfText, type MrzRead } from './evidence.ts';
import { allowedAt, checkHolds, MRZ_ALPHABET, type CheckDigitRule, type MrzLayout } from './formats.ts';
import { isStateCode } from './plausibility.ts';
import { settleByOwnFont, unlikeOwnHoles } from './sameFont.ts';
import { MAX_CHANGE_COST, searchRepairs, totalCost, type Change, type Verdict } from './searchRepairs.ts';

/** Without evidence, what a digits-only column makes of a letter, and a letters-only column of a digit. */
const DIGIT_FOR = lookAlikesFor('mrz-digit');
const LETTER_FOR = lookAlikesFor('mrz-letter');
/** The sex field holds M, F, X or `<` (part 4 §4.2.2.2): these are what OCR makes of M and F. */
const SEX_FOR: Record<string, string> = { H: 'M', N: 'M', W: 'M', E: 'F', P: 'F' };

type Repair = MrzReading['repairs'][number];

/** The lines under repair, the evidence behind each character, and the repairs made so far. */
class Draft {
  readonly repairs: Repair[] = [];
  private readonly chars: string[][];

  constructor(
    readonly layout: MrzLayout,
    readonly read: MrzRead,
  ) {
    this.chars = read.lines.map((line) => [...line]);
  }

  charAt(line: number, column: number): string {
    return this.chars[line]![column]!;
  }

  text(): string[] {
    return this.chars.map((chars) => chars.join(''));
  }

  /** The lines as they would be after `changes`, the draft unchanged. */
  trial(changes: readonly Change[]): string[] {
    const trial = this.chars.map((chars) => [...chars]);
    for (const { line, column, to } of changes) trial[line]![column] = to;
    return trial.map((chars) => chars.join(''));
  }

  set(line: number, column: number, to: string): void {
    const from = this.charAt(line, column);
    if (from === to) return;
    this.repairs.push({ line, column, from, to });
    this.chars[line]![column] = to;
  }

  /** Puts back the character read at a place a repair changed, and forgets the repair. */
  restore(line: number, column: number, read: string): void {
    this.chars[line]![column] = read;
    const kept = this.repairs.filter((r) => r.line !== line || r.column !== column);
    this.repairs.splice(0, this.repairs.length, ...kept);
  }

  evidenceAt(line: number, column: number): Float32Array {
    return this.read.evidence[line]![column]!;
  }

  /** The four cheapest other characters the column allows, each within MAX_CHANGE_COST. */
  optionsAt(line: number, column: number): Change[] {
    const allowed = allowedAt(this.layout, line, column);
    return [...MRZ_ALPHABET]
      .filter((to) => to !== this.charAt(line, column) && allowed.test(to))
      .map((to) => ({ line, column, to, cost: this.costOf(line, column, to) }))
      .filter((change) => change.cost <= MAX_CHANGE_COST)
      .sort((a, b) => a.cost - b.cost)
      .slice(0, 4);
  }

  private costOf(line: number, column: number, to: string): number {
    const at = this.evidenceAt(line, column);
    return Math.max(0, at[MRZ_ALPHABET.indexOf(this.charAt(line, column))]! - at[MRZ_ALPHABET.indexOf(to)]!);
  }
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
  const draft = new Draft(layout, 'evidence' in read ? read : readOfText(read));
  chooseByColumn(draft);
  mendSex(draft);
  fillNameTail(draft);
  for (const [line, start] of layout.states) repairState(draft, line, start);
  for (const rule of layout.checks) repairCheck(draft, rule);
  keepSureReads(draft);
  for (const { line, column, to } of settleByOwnFont(layout, draft.read, draft.text()))
    draft.set(line, column, to);
  for (const { line, column, to } of unlikeOwnHoles(layout, draft.read, draft.text()))
    draft.set(line, column, to);
  return readingOf(draft);
}

/**
 * How far the character read must lead every other (all 37, not only those its column allows) to be
 * kept against the column's rule (keepSureReads): SURE_MARGIN's 0.2 in readMrz.ts.
 */
const SURE_LEAD = 0.2;

/**
 * A character the column's rule changed (a letter in a digits-only column) is put back as read when
 * no check that guards it holds after all and the outline and OCR were sure of it: the rule then
 * proved nothing, and the code is reported as printed. A misprinted code (an Austrian specimen whose
 * expiry check digit is missing, so `AUT` stands one place early) keeps its `A`, not a `4` invented.
 */
function keepSureReads(draft: Draft): void {
  const final = draft.text();
  const guarding = (line: number, column: number) =>
    draft.layout.checks.filter(
      (rule) =>
        (rule.digit[0] === line && rule.digit[1] === column) ||
        rule.guards.some(([l, start, end]) => l === line && column >= start && column < end),
    );
  const seen = new Set<string>();
  for (const { line, column, from } of [...draft.repairs]) {
    // The first repair at a place holds the character as read.
    if (seen.has(`${line}:${column}`)) continue;
    seen.add(`${line}:${column}`);
    const rules = guarding(line, column);
    if (rules.length === 0 || rules.some((rule) => checkHolds(final, rule))) continue;
    const evidence = draft.evidenceAt(line, column);
    const own = evidence[MRZ_ALPHABET.indexOf(from)] ?? 0;
    const rival = Math.max(...evidence.filter((_, k) => MRZ_ALPHABET[k] !== from));
    if (own - rival >= SURE_LEAD) draft.restore(line, column, from);
  }
}

/**
 * Where every character's evidence is below zero (the glyph is like none of OCR-B's outlines: a smeared
 * filler, a face that is not OCR-B, noise), the character read is kept unless the likeliest other
 * leads it by this much: SURE_LEAD. Taking any lead there made the fixtures' deu-id-card-small, whose
 * 7 px glyphs tesseract reads as a row of Ds, a one-line licence code whose two checks held.
 */
const NEGATIVE_LEAD = 0.2;

/**
 * Each character the likeliest its column allows; with no evidence, the look-alike its column takes.
 * The document code's first letter is no exception: kept as read where the outlines say otherwise,
 * the fixtures' fra-id-card-corner-cut-bottom-left's noise kept its D and passed for a licence code
 * (plausibility.ts refuses a code its layout is not for).
 */
function chooseByColumn(draft: Draft): void {
  draft.text().forEach((text, line) =>
    [...text].forEach((char, column) => {
      const allowed = allowedAt(draft.layout, line, column);
      const evidence = draft.evidenceAt(line, column);
      const best = bestOf(evidence, allowed);
      const of = (c: string) => evidence[MRZ_ALPHABET.indexOf(c)] ?? 0;
      const leads = (to: string) => of(to) > 0 || of(to) - of(char) >= NEGATIVE_LEAD || !allowed.test(char);
      if (best && leads(best)) draft.set(line, column, best);
      else if (!allowed.test(char)) {
        const fallback = allowed.source.includes('0-9') ? DIGIT_FOR[char] : LETTER_FOR[char];
        if (fallback) draft.set(line, column, fallback);
      }
    }),
  );
}

function mendSex(draft: Draft): void {
  if (!draft.layout.sex) return;
  const [line, column] = draft.layout.sex;
  const sex = SEX_FOR[draft.charAt(line, column)];
  if (sex) draft.set(line, column, sex);
}

/**
 * ICAO 9303 part 3 §4.6: a name's parts are joined by one or two fillers, and fillers fill out the
 * field after it, so only fillers follow a run of three. (A stray mark in that tail reads as a letter.)
 */
function fillNameTail(draft: Draft): void {
  if (!draft.layout.name) return;
  const [line, start, end] = draft.layout.name;
  const tail = draft.text()[line]!.slice(start, end).indexOf('<<<');
  if (tail >= 0) for (let column = start + tail + 3; column < end; column++) draft.set(line, column, '<');
}

/** A state code that is no state is misread: the cheapest one- or two-letter change that makes it one. */
function repairState(draft: Draft, line: number, start: number): void {
  const isState = (changes: readonly Change[]) => {
    const code = [...draft.text()[line]!.slice(start, start + 3)];
    for (const change of changes) code[change.column - start] = change.to;
    return isStateCode(code.join(''));
  };
  if (isState([])) return;
  const judge = (changes: readonly Change[]): Verdict | null =>
    isState(changes) ? { changes, held: 0, cost: totalCost(changes), toDigits: 0 } : null;
  const found = searchRepairs(
    [start, start + 1, start + 2].flatMap((column) => draft.optionsAt(line, column)),
    judge,
  );
  if (found) for (const { column, to } of found) draft.set(line, column, to);
}

/** A failing check digit: the best repair among the characters it guards that makes it hold. */
function repairCheck(draft: Draft, rule: CheckDigitRule): void {
  const { checks } = draft.layout;
  if (checkHolds(draft.text(), rule)) return;
  const heldBefore = checks.filter((other) => checkHolds(draft.text(), other));
  const positions: [number, number][] = [
    ...rule.guards.flatMap(([line, start, end]) =>
      range(start, end).map((column) => [line, column] as [number, number]),
    ),
    [rule.digit[0], rule.digit[1]],
  ];
  const judge = (changes: readonly Change[]): Verdict | null => {
    const joined = draft.trial(changes);
    if (!checkHolds(joined, rule) || !heldBefore.every((other) => checkHolds(joined, other))) return null;
    return {
      changes,
      held: checks.filter((other) => checkHolds(joined, other)).length,
      cost: totalCost(changes),
      // OCR-B's digits are what gets misread as letters on our fixtures, not the reverse.
      toDigits: changes.filter(
        ({ line, column, to }) => /[0-9]/u.test(to) && /[A-Z]/u.test(draft.charAt(line, column)),
      ).length,
    };
  };
  const found = searchRepairs(
    positions.flatMap(([line, column]) => draft.optionsAt(line, column)),
    judge,
  );
  if (found) for (const { line, column, to } of found) draft.set(line, column, to);
}

/** Which checks hold, and the columns of each failing field, as the reading reports them. */
function readingOf(draft: Draft): MrzReading {
  const { layout } = draft;
  const final = draft.text();
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
  return { format: layout.format, lines: final, suspect, checks, repairs: draft.repairs };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
