/**
 * 0 or O, in a column that allows both (a document number, optional data), told by the document's own
 * print (as sameFont.ts does for a repair): OCR-B's outlines differ for the pair only in where the
 * strokes run (they differ in 42 of the grid's 384 cells, R and P in 55), so neither likeness nor
 * tellApart.ts leads by a certain margin on them (../shared/real-photos' prado passports: a 0 led its O
 * by 0.12-0.18), while the document's own 0s (its dates and check digits) and Os (its names and states)
 * are the same face, printed the same way.
 */
import { shapeLikeness, type GlyphShape } from './classifyGlyphs.ts';
import { bestOf, type MrzRead } from './evidence.ts';
import { SURE_MARGIN } from './certainty.ts';
import { allowedAt, MRZ_ALPHABET, type MrzLayout } from './formats.ts';

/**
 * How far a glyph's mean likeness to the document's 0s must lead its likeness to its Os (or the
 * reverse) for the pair to be settled for certain: twice sameFont.ts's lead for a repair (0.05).
 */
export const OWN_PRINT_SURE_LEAD = 0.1;
/** Each side needs a glyph of the document's own (a name may hold one O; prado's TUR passport's does). */
const MIN_OWN_GLYPHS = 1;

/**
 * The places whose 0 or O the document's own print settles, as a test: the column allows both, the
 * character read is the likeliest of all, no rival but its pair is within SURE_MARGIN of it, and its
 * glyph is likelier to the document's own glyphs of it than to those of its pair by OWN_PRINT_SURE_LEAD.
 */
export function zeroOrOhByOwnPrint(
  layout: MrzLayout,
  read: MrzRead,
): (line: number, column: number) => boolean {
  const own = ownZerosAndOhs(layout, read);
  return (line, column) => {
    const char = read.lines[line]?.[column];
    const shape = read.shapes?.[line]?.[column];
    const evidence = read.evidence[line]?.[column];
    if (!own || !shape || !evidence || (char !== '0' && char !== 'O')) return false;
    const allowed = allowedAt(layout, line, column);
    if (!allowed.test('0') || !allowed.test('O') || bestOf(evidence, allowed) !== char) return false;
    const pair = char === '0' ? 'O' : '0';
    const at = evidence[MRZ_ALPHABET.indexOf(char)]!;
    const rivalNear = [...evidence].some(
      (value, k) => MRZ_ALPHABET[k] !== char && MRZ_ALPHABET[k] !== pair && at - value <= SURE_MARGIN,
    );
    const lead = ownPrintLead(shape, own);
    return !rivalNear && (char === '0' ? lead : -lead) >= OWN_PRINT_SURE_LEAD;
  };
}

/** How much likelier a glyph is to the document's 0s than to its Os (mean likeness, sameFont.ts's measure). */
export function ownPrintLead(shape: GlyphShape, own: { zeros: GlyphShape[]; ohs: GlyphShape[] }): number {
  const mean = (to: readonly GlyphShape[]) =>
    to.reduce((sum, other) => sum + shapeLikeness(shape, other), 0) / to.length;
  return mean(own.zeros) - mean(own.ohs);
}

/** The document's own 0s (digits-only columns) and Os (letters-only columns); null with too few of either. */
export function ownZerosAndOhs(
  layout: MrzLayout,
  read: MrzRead,
): { zeros: GlyphShape[]; ohs: GlyphShape[] } | null {
  const zeros: GlyphShape[] = [];
  const ohs: GlyphShape[] = [];
  read.lines.forEach((text, line) =>
    [...text].forEach((char, column) => {
      const shape = read.shapes?.[line]?.[column];
      const allowed = allowedAt(layout, line, column);
      if (!shape || allowed.test('0') === allowed.test('O')) return;
      if (char === '0') zeros.push(shape);
      if (char === 'O') ohs.push(shape);
    }),
  );
  return zeros.length >= MIN_OWN_GLYPHS && ohs.length >= MIN_OWN_GLYPHS ? { zeros, ohs } : null;
}
