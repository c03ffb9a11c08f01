/**
 * How sure the reading is of each character (README.md, step 6; issue 12, item 7: a misread is not a
 * forgery): which failing checks may be misreads, and whether the expiry itself was read for certain.
 */
import { MRZ_ALPHABET, type MrzReading } from '../types.ts';
import { CONFUSION_COST, TESSERACT_BLIND, type MrzRead } from './evidence.ts';
import { allowedAt, type CheckDigitRule, type MrzLayout } from './formats.ts';

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
export const SURE_MARGIN = 0.2;

/**
 * Which of MRZ_ALPHABET's characters the column allows (formats.ts' allowedAt), 1 or 0 each: its
 * pattern tested once per kind of column, not once per character of every column read (issue 13).
 */
function allowedMask(layout: MrzLayout, line: number, column: number): Uint8Array {
  const allowed = allowedAt(layout, line, column);
  let mask = allowedMasks.get(allowed.source);
  if (!mask) {
    // One past the alphabet: evidence longer than it was tested on `undefined`, as the filters did.
    mask = Uint8Array.from([...MRZ_ALPHABET, undefined], (char) => (allowed.test(char!) ? 1 : 0));
    allowedMasks.set(allowed.source, mask);
  }
  return mask;
}
const allowedMasks = new Map<string, Uint8Array>();

const allowedAtIndex = (mask: Uint8Array, k: number) => mask[Math.min(k, mask.length - 1)] === 1;

/** The two highest likenesses the column allows (0 for each missing), as sorting them would give. */
function topTwoAllowed(evidence: Float32Array, mask: Uint8Array): [number, number] {
  let first = -Infinity;
  let second = -Infinity;
  let count = 0;
  for (let k = 0; k < evidence.length; k++) {
    if (!allowedAtIndex(mask, k)) continue;
    const value = evidence[k]!;
    if (value > first) {
      second = first;
      first = value;
    } else if (value > second) second = value;
    count++;
  }
  return [count > 0 ? first : 0, count > 1 ? second : 0];
}

/** The highest likeness, at least 0, of any other character than `char` the column allows. */
function bestRival(evidence: Float32Array, mask: Uint8Array, char: string): number {
  let rival = 0;
  for (let k = 0; k < evidence.length; k++)
    if (MRZ_ALPHABET[k] !== char && allowedAtIndex(mask, k)) rival = Math.max(rival, evidence[k]!);
  return rival;
}

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
      const [first, second] = topTwoAllowed(evidence, allowedMask(layout, lineIndex, column));
      return first - second < DOUBT_MARGIN;
    }),
  );
}

/**
 * Whether the character at a place was read for certain: a glyph was seen there (not a filler placed
 * where OCR found none: its evidence has no outline's likeness in it), tesseract read it as it stands
 * (no repair changed it; tesseract's O where only a digit may stand is its 0, the pair our model
 * cannot tell apart), and its evidence (likeness and tesseract's vote, averaged over the reads) leads
 * every other character its column allows by more than SURE_MARGIN.
 */
export function readForCertain(
  layout: MrzLayout,
  first: MrzRead,
  combined: MrzRead,
  reading: MrzReading,
): (line: number, column: number) => boolean {
  return (line, column) => {
    const char = reading.lines[line]?.[column];
    const evidence = combined.evidence[line]?.[column];
    const read = first.lines[line]?.[column];
    if (char === undefined || read === undefined || !evidence || !hasLikeness(evidence)) return false;
    const allowed = allowedAt(layout, line, column);
    if (read !== char && !(TESSERACT_BLIND[read] === char && !allowed.test(read))) return false;
    const own = evidence[MRZ_ALPHABET.indexOf(char)] ?? 0;
    return own - bestRival(evidence, allowedMask(layout, line, column), char) > SURE_MARGIN;
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
 * The failing checks that may be misreads: those with a character, or check digit, not read for
 * certain. (Trying the near readings of those characters, and claiming a failure none of them mends,
 * was tried: on ../shared/real-ids it failed a Dutch residence card whose 3 was read as 5 for
 * certain beside three characters in doubt. Doubt in a field says its glyphs are hard to read.)
 */
export function doubtfulFailures(
  layout: MrzLayout,
  reading: MrzReading,
  sure: (line: number, column: number) => boolean,
): string[] {
  return layout.checks
    .filter((rule) =>
      reading.checks.some((check) => check.field === rule.field && !check.valid && check.readable),
    )
    .filter((rule) => placesOf(rule).some(([line, column]) => !sure(line, column)))
    .map((rule) => rule.field);
}

function placesOf(rule: CheckDigitRule): [number, number][] {
  const places: [number, number][] = [[rule.digit[0], rule.digit[1]]];
  for (const [line, start, end] of rule.guards)
    for (let column = start; column < end; column++) places.push([line, column]);
  return places;
}

/**
 * Whether the expiry's six digits were each read for certain, whatever its check digit says: on a
 * code misprinted or altered, the date still says when the document expires (issue 12, item 7).
 */
export function isExpiryReadForCertain(
  layout: MrzLayout,
  sure: (line: number, column: number) => boolean,
): boolean {
  if (!layout.expiry) return false;
  const [line, start] = layout.expiry;
  for (let column = start; column < start + 6; column++) if (!sure(line, column)) return false;
  return true;
}
