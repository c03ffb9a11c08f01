/**
 * How sure the reading is of each character (README.md, step 6; issue 12, item 7: a misread is not a
 * forgery): which failing checks may be misreads, and whether the expiry itself was read for certain.
 */
import { MRZ_ALPHABET, type MrzReading } from '../types.ts';
import { CONFUSION_COST, TESSERACT_BLIND, type MrzRead } from './evidence.ts';
import { allowedAt, checkHolds, type CheckDigitRule, type MrzLayout } from './formats.ts';

/** See hasDoubtfulGlyph. */
const DOUBT_MARGIN = 0.1;
/**
 * How far a character must lead every rival its column allows to be read for certain: twice
 * DOUBT_MARGIN, since a failure is a claim against the document. A crisp OCR-B glyph leads its nearest
 * look-alike by ~0.4 (likeness ~0.3 apart plus tesseract's vote); on the real-photos scans whose codes
 * are misprinted (onfido-sdk-ui/passport-phl.jpg, imagejs-mrz/id_fail.png) the weakest character of a
 * failing field led by 0.23. The lead must be more than this: a filler placed where OCR found no glyph
 * (placeOnPitch.ts, shapeMrzLines.ts) leads its look-alikes by exactly the look-alike cost, 0.2, and
 * was never seen.
 */
const SURE_MARGIN = 0.2;

/**
 * Whether a character that no check digit guards (names, a visa's optional data) is barely favoured
 * over another its column allows (by less than DOUBT_MARGIN): a read at another scale may settle it.
 * On ../shared/real-ids, an H read as N led by 0.08; averaged over three scales, H led by 0.29. (An O
 * in a name is not in doubt for looking like 0, which a name cannot hold.)
 */
export function hasDoubtfulGlyph(layout: MrzLayout, read: MrzRead): boolean {
  const guarded = (line: number, column: number) =>
    layout.checks.some(
      (rule) =>
        (rule.digit[0] === line && rule.digit[1] === column) ||
        rule.guards.some(([l, start, end]) => l === line && column >= start && column < end),
    );
  return read.evidence.some((line, lineIndex) =>
    line.some((evidence, column) => {
      if (guarded(lineIndex, column)) return false;
      const allowed = allowedAt(layout, lineIndex, column);
      const [first = 0, second = 0] = [...evidence]
        .filter((_, k) => allowed.test(MRZ_ALPHABET[k]!))
        .sort((a, b) => b - a);
      return first - second < DOUBT_MARGIN;
    }),
  );
}

/** What the reading is of one place: read for certain, or the characters it may be. */
export type PlaceReading =
  { readonly sure: true } | { readonly sure: false; readonly mayBe: readonly string[] | null };

/**
 * Whether the character at a place was read for certain: tesseract read it as it stands (no repair
 * changed it; tesseract's O where only a digit may stand is its 0, the pair our model cannot tell
 * apart), and its evidence (likeness and tesseract's vote, averaged over the reads) leads every other
 * character its column allows by more than SURE_MARGIN. Otherwise, what it may be: the characters
 * within SURE_MARGIN of the best and the one tesseract read; null (anything) where no glyph was seen
 * there, only a filler placed (its evidence has no outline's likeness in it).
 */
export function readForCertain(
  layout: MrzLayout,
  first: MrzRead,
  combined: MrzRead,
  reading: MrzReading,
): (line: number, column: number) => PlaceReading {
  return (line, column) => {
    const char = reading.lines[line]?.[column];
    const evidence = combined.evidence[line]?.[column];
    const read = first.lines[line]?.[column];
    if (char === undefined || read === undefined || !evidence || !hasLikeness(evidence))
      return { sure: false, mayBe: null };
    const allowed = allowedAt(layout, line, column);
    const asRead = read === char || (TESSERACT_BLIND[read] === char && !allowed.test(read));
    const own = evidence[MRZ_ALPHABET.indexOf(char)] ?? 0;
    const rivals = [...MRZ_ALPHABET].filter(
      (c, k) => c !== char && allowed.test(c) && own - evidence[k]! <= SURE_MARGIN,
    );
    if (asRead && rivals.length === 0) return { sure: true };
    const mayBe = new Set([char, ...rivals, ...(allowed.test(read) ? [read] : [])]);
    return { sure: false, mayBe: [...mayBe] };
  };
}

/**
 * Evidence with an outline's likeness in it (classifyGlyphs.ts): without one, evidenceOf gives only
 * the read character's 1 and its look-alikes' 1 - CONFUSION_COST, or 0.
 */
function hasLikeness(evidence: Float32Array): boolean {
  const lookAlike = Math.fround(1 - CONFUSION_COST);
  return evidence.some((value) => value !== 0 && value !== 1 && value !== lookAlike);
}

/**
 * At most this many readings of the places in doubt are tried (each place's few candidates, every
 * combination; a few milliseconds): more is a blurred code, and its failures are left in doubt.
 * onfido-sdk-ui/passport-gbr-edited.jpg's all-zero document number has ten 0-or-O places, 1024.
 */
const MAX_COMBINATIONS = 4096;

/**
 * The failing checks that may be misreads: those with a character, or check digit, not read for
 * certain, unless no reading of the places in doubt (each among what it may be) makes every check
 * hold, in which case the code fails however they are read (issue 12, item 7: a misread is not a
 * forgery, but a code that is wrong under every likely reading is wrong). Empty when none.
 */
export function doubtfulFailures(
  layout: MrzLayout,
  reading: MrzReading,
  placeReading: (line: number, column: number) => PlaceReading,
): string[] {
  const failing = layout.checks.filter((rule) =>
    reading.checks.some((check) => check.field === rule.field && !check.valid && check.readable),
  );
  const inDoubt = new Map<string, { line: number; column: number; mayBe: readonly string[] | null }>();
  const doubtful = failing.filter((rule) => {
    let any = false;
    for (const [line, column] of placesOf(rule)) {
      const place = placeReading(line, column);
      if (place.sure) continue;
      any = true;
      inDoubt.set(`${line}:${column}`, { line, column, mayBe: place.mayBe });
    }
    return any;
  });
  if (doubtful.length === 0) return [];
  const places = [...inDoubt.values()];
  const candidates = places.map((place) => place.mayBe);
  const combinations = candidates.reduce((n, mayBe) => n * (mayBe?.length ?? Infinity), 1);
  if (combinations > MAX_COMBINATIONS) return doubtful.map((r) => r.field);
  return someReadingHolds(
    layout,
    reading.lines,
    places as { line: number; column: number; mayBe: readonly string[] }[],
  )
    ? doubtful.map((rule) => rule.field)
    : [];
}

function placesOf(rule: CheckDigitRule): [number, number][] {
  const places: [number, number][] = [[rule.digit[0], rule.digit[1]]];
  for (const [line, start, end] of rule.guards)
    for (let column = start; column < end; column++) places.push([line, column]);
  return places;
}

/** Whether some choice of a character for each place, among what it may be, makes every check hold. */
function someReadingHolds(
  layout: MrzLayout,
  lines: readonly string[],
  places: readonly { line: number; column: number; mayBe: readonly string[] }[],
): boolean {
  const chars = lines.map((line) => [...line]);
  const tryFrom = (index: number): boolean => {
    if (index === places.length) {
      const trial = chars.map((line) => line.join(''));
      return layout.checks.every((rule) => checkHolds(trial, rule));
    }
    const { line, column, mayBe } = places[index]!;
    const before = chars[line]![column]!;
    for (const char of mayBe) {
      chars[line]![column] = char;
      if (tryFrom(index + 1)) return true;
    }
    chars[line]![column] = before;
    return false;
  };
  return tryFrom(0);
}

/**
 * Whether the expiry's six digits were each read for certain, whatever its check digit says: on a
 * code misprinted or altered, the date still says when the document expires (issue 12, item 7).
 */
export function isExpiryReadForCertain(
  layout: MrzLayout,
  placeReading: (line: number, column: number) => PlaceReading,
): boolean {
  if (!layout.expiry) return false;
  const [line, start] = layout.expiry;
  for (let column = start; column < start + 6; column++) if (!placeReading(line, column).sure) return false;
  return true;
}
