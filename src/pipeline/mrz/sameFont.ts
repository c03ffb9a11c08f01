/**
 * The pair our reader cannot tell apart, 0 and O (evidence.ts's TESSERACT_BLIND), settled by the
 * document's own print where no column rule or check digit settles it (README.md, step 5): a visa's
 * optional data, a document number whose check digit does not cover the place. The code's digits-only
 * columns (dates, check digits) show how this document prints 0; its letters-only columns (names,
 * states) how it prints O. OCR-B's 0 is narrower than its O, but faces differ (../shared/real-ids'
 * US visa prints both near OCR-B's 0 width); the document's own glyphs are the faithful reference.
 */
import { shapeLikeness, type GlyphShape } from './classifyGlyphs.ts';
import type { MrzRead } from './evidence.ts';
import { allowedAt, checkHolds, type MrzLayout } from './formats.ts';

/*
 * Only where no holding check settles it: OCR's glyph boxes are loose (a box may take in part of a
 * neighbour), and ../shared/real-ids' Spanish card's document-number 0 measured 0.22 nearer its O;
 * settled before the repair, it broke the check that held.
 */

/**
 * How far a glyph's mean likeness to one side's glyphs must lead the other's to settle it. On the US
 * visa of ../shared/real-ids the 0s of `ND00AMS` led by 0.1 and more; 0 and O of one face differ by
 * less than two characters do, so a smaller lead is left as read.
 */
const SAME_FONT_LEAD = 0.05;

export interface SameFontChange {
  readonly line: number;
  readonly column: number;
  readonly to: string;
}

/**
 * Each 0 or O in a column that allows both and that no holding check guards, made the one the
 * document's own 0s or Os it looks more like, by SAME_FONT_LEAD; nothing when either has no glyph.
 */
export function settleByOwnFont(
  layout: MrzLayout,
  read: MrzRead,
  lines: readonly string[],
): SameFontChange[] {
  const { shapes } = read;
  if (!shapes) return [];
  const zeros: GlyphShape[] = [];
  const ohs: GlyphShape[] = [];
  const open: { line: number; column: number; shape: GlyphShape }[] = [];
  const held = layout.checks.filter((rule) => checkHolds(lines, rule));
  const guarded = (line: number, column: number) =>
    held.some((rule) => rule.guards.some(([l, start, end]) => l === line && column >= start && column < end));
  lines.forEach((text, line) =>
    [...text].forEach((char, column) => {
      const shape = shapes[line]?.[column];
      if (!shape || (char !== '0' && char !== 'O')) return;
      const allowed = allowedAt(layout, line, column);
      if (allowed.test('0') && allowed.test('O')) {
        if (!guarded(line, column)) open.push({ line, column, shape });
      } else (char === '0' ? zeros : ohs).push(shape);
    }),
  );
  if (zeros.length === 0 || ohs.length === 0) return [];
  const meanLikeness = (shape: GlyphShape, to: readonly GlyphShape[]) =>
    to.reduce((sum, other) => sum + shapeLikeness(shape, other), 0) / to.length;
  return open.flatMap(({ line, column, shape }) => {
    const lead = meanLikeness(shape, zeros) - meanLikeness(shape, ohs);
    const to = lead >= SAME_FONT_LEAD ? '0' : lead <= -SAME_FONT_LEAD ? 'O' : null;
    return to && to !== lines[line]![column] ? [{ line, column, to }] : [];
  });
}
