/**
 * The pair our reader cannot tell apart, 0 and O (evidence.ts's TESSERACT_BLIND), told apart by the
 * document's own print where no column rule settles it (README.md, step 5): a document number, a
 * visa's optional data. The code's digits-only columns (dates, check digits) show how this document
 * prints 0; its letters-only columns (names, states) how it prints O. OCR-B's 0 is narrower than its
 * O, but faces differ (../shared/real-ids' US visa prints both near OCR-B's 0 width); the document's
 * own glyphs are the faithful reference.
 */
import { shapeLikeness, type GlyphShape } from './classifyGlyphs.ts';
import type { MrzRead } from './evidence.ts';
import { allowedAt, MRZ_ALPHABET, type MrzLayout } from './formats.ts';

/**
 * How far a glyph's mean likeness to one side's glyphs must lead the other's to settle it. On the US
 * visa of ../shared/real-ids the 0s of `ND00AMS` led by 0.1 and more; a smaller lead is left to the
 * evidence as it was.
 */
const SAME_FONT_LEAD = 0.05;
/**
 * How far the settled character then leads the other in evidence: beyond a repair's reach
 * (searchRepairs.ts's MAX_CHANGE_COST, 0.3), so no check digit is made to hold by turning a glyph
 * printed as this document's 0 into an O (the fixtures' small passport: `5554O1372` held its check
 * by that swap alone, for `533401372`).
 */
const SETTLED_LEAD = 0.35;

const ZERO = MRZ_ALPHABET.indexOf('0');
const OH = MRZ_ALPHABET.indexOf('O');

/**
 * The read with each 0 or O in a column that allows both settled as the one the document's own 0s or
 * Os it looks more like (by SAME_FONT_LEAD): its evidence the better of the two's, the other's
 * SETTLED_LEAD below it. The
 * read as it was when it has no shapes, or no 0 or no O where a column rule says which.
 */
export function withOwnFont(layout: MrzLayout, read: MrzRead): MrzRead {
  const { shapes } = read;
  if (!shapes) return read;
  const zeros: GlyphShape[] = [];
  const ohs: GlyphShape[] = [];
  const open: { line: number; column: number; shape: GlyphShape }[] = [];
  read.lines.forEach((text, line) =>
    [...text].forEach((char, column) => {
      const shape = shapes[line]?.[column];
      if (!shape || (char !== '0' && char !== 'O')) return;
      const allowed = allowedAt(layout, line, column);
      if (allowed.test('0') && allowed.test('O')) open.push({ line, column, shape });
      else (allowed.test('0') ? zeros : ohs).push(shape);
    }),
  );
  if (zeros.length === 0 || ohs.length === 0 || open.length === 0) return read;
  const meanLikeness = (shape: GlyphShape, to: readonly GlyphShape[]) =>
    to.reduce((sum, other) => sum + shapeLikeness(shape, other), 0) / to.length;
  const evidence = read.evidence.map((line) => line.map((at) => at.slice()));
  for (const { line, column, shape } of open) {
    const lead = meanLikeness(shape, zeros) - meanLikeness(shape, ohs);
    if (Math.abs(lead) < SAME_FONT_LEAD) continue;
    const [settled, other] = lead > 0 ? [ZERO, OH] : [OH, ZERO];
    // Tesseract's vote for either counts for the one the print settles (evidence.ts: it cannot tell them).
    const at = evidence[line]![column]!;
    at[settled] = Math.max(at[settled]!, at[other]!);
    at[other] = at[settled]! - SETTLED_LEAD;
  }
  return { ...read, evidence };
}
