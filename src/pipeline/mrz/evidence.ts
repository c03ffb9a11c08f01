/**
 * What the reads say about each position of the MRZ (README.md, step 4): per character, tesseract's
 * vote and the outlines' likeness, or, without outlines, the look-alikes of the character read.
 */
import { lookAlikesFor } from '../lookAlikes.ts';
import type { GlyphShape } from './classifyGlyphs.ts';
import { MRZ_ALPHABET } from './formats.ts';

/** Without outlines, each character's look-alikes (the MRZ's own, in the one look-alike table). */
const CONFUSIONS = lookAlikesFor('mrz-alike');

/**
 * One character as read, with what the reader knows about it: tesseract's confidence and, where the
 * glyph's ink was found, its likeness to each OCR-B character (classifyGlyphs.ts, MRZ_ALPHABET order).
 */
export interface ReadGlyph {
  readonly char: string;
  readonly confidence: number;
  readonly likeness: Float32Array | null;
  /** Where OCR placed it along the line: its left and right edges, pixels of the image read. */
  readonly xSpan?: readonly [number, number];
  /** Its ink as printed, where found (sameFont.ts compares glyphs of one document by it). */
  readonly shape?: GlyphShape | null;
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
export const TESSERACT_BLIND: Record<string, string> = { '0': 'O', O: '0' };
/**
 * How far the outlines must lead to overrule tesseract on such a pair: on ../shared/real-ids the right
 * overrulings led by 0.09, the wrong ones (a font whose 0 is as tall as its O) by 0.01-0.05.
 */
const BLIND_MARGIN = 0.06;
/** Without outlines, what a look-alike (CONFUSIONS) costs against the character read. */
export const CONFUSION_COST = 0.2;

/**
 * What the reads say about each position of the MRZ: a preference (higher is likelier) for each MRZ
 * character, in MRZ_ALPHABET order, and the characters chosen.
 */
export interface MrzRead {
  readonly lines: readonly string[];
  readonly evidence: readonly (readonly Float32Array[])[];
  /** Each position's glyph as printed, where its ink was found (the first read's: combineReadings). */
  readonly shapes?: readonly (readonly (GlyphShape | null)[])[];
}

export function evidenceOf(glyph: ReadGlyph): Float32Array {
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

export const unlikenedGlyph = (char: string, confidence: number): ReadGlyph => ({
  char,
  confidence,
  likeness: null,
});

/** Lines as if read with full confidence and nothing else known. */
export function readOfText(lines: readonly string[]): MrzRead {
  return { lines, evidence: lines.map((line) => glyphsOfText(line).map(evidenceOf)) };
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
  return { ...first, evidence };
}

/**
 * The character with the most evidence among `allowed`, or null when none has any (exactly 0: text
 * without outlines says nothing of characters other than the one read and its look-alikes). Likeness
 * can be below zero for every character (a faint or smeared glyph: a filler's ink correlates poorly
 * with every outline); the likeliest is still the one that leads.
 */
export function bestOf(evidence: Float32Array, allowed: RegExp): string | null {
  let best: string | null = null;
  let top = -Infinity;
  for (let i = 0; i < MRZ_ALPHABET.length; i++) {
    if (evidence[i] !== 0 && evidence[i]! > top && allowed.test(MRZ_ALPHABET[i]!)) {
      top = evidence[i]!;
      best = MRZ_ALPHABET[i]!;
    }
  }
  return best;
}
