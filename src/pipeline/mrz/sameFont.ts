/**
 * The pair our reader cannot tell apart, 0 and O (evidence.ts's TESSERACT_BLIND), settled by the
 * document's own print where no column rule or check digit settles it (README.md, step 5): a visa's
 * optional data, a document number whose check digit does not cover the place. The code's digits-only
 * columns (dates, check digits) show how this document prints 0; its letters-only columns (names,
 * states) how it prints O. OCR-B's 0 is narrower than its O, but faces differ (../shared/real-ids'
 * US visa prints both near OCR-B's 0 width); the document's own glyphs are the faithful reference.
 */
import { GLYPH_GRID, shapeLikeness, type GlyphShape } from './classifyGlyphs.ts';
import { TESSERACT_BLIND, type MrzRead } from './evidence.ts';
import { allowedAt, checkHolds, MRZ_ALPHABET, type MrzLayout } from './formats.ts';
import { isStateCode } from './plausibility.ts';
import { MAX_CHANGE_COST } from './searchRepairs.ts';

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

/**
 * A name's character made the likeliest other when its glyph encloses fewer holes than every glyph the
 * code confirms of the character read (a holding check guards it, or it is in a state code read as a
 * state): ../shared/real-photos' US passport, in a face that is not OCR-B, has the C of CALLIE read 0 by
 * tesseract (its model knows OCR-B only) and O by the outlines (0.57 against C's 0.55), but its own 0s
 * each enclose one hole and the C none. Fewer, not more: blur fills small holes (../shared's dim AZE
 * page's 0s are blots), so a glyph may show fewer holes than its font has, but where the document's own
 * print of a character keeps its hole, a glyph of that character keeps it too. Two confirmed glyphs at
 * least, agreeing; the other character within MAX_CHANGE_COST of evidence, and not ruled out alike.
 */
export function unlikeOwnHoles(layout: MrzLayout, read: MrzRead, lines: readonly string[]): SameFontChange[] {
  const { shapes } = read;
  if (!shapes || !layout.name) return [];
  const holesOf = new Map<string, number[]>();
  lines.forEach((text, line) =>
    [...text].forEach((char, column) => {
      const shape = shapes[line]?.[column];
      if (!shape || char === '<' || !isConfirmed(layout, read.lines, lines, line, column)) return;
      for (const as of [char, TESSERACT_BLIND[char]])
        if (as) holesOf.set(as, [...(holesOf.get(as) ?? []), holeCount(shape)]);
    }),
  );
  /** The hole count every confirmed glyph of `char` shows, when two or more agree; else null. */
  const ownHoles = (char: string) => {
    const counts = holesOf.get(char) ?? [];
    return counts.length >= 2 && counts.every((count) => count === counts[0]) ? counts[0]! : null;
  };
  const [nameLine, start, end] = layout.name;
  const changes: SameFontChange[] = [];
  for (let column = start; column < end; column++) {
    const char = lines[nameLine]![column]!;
    const shape = shapes[nameLine]?.[column];
    const own = ownHoles(char);
    if (!shape || own === null) continue;
    const holes = holeCount(shape);
    if (holes >= own) continue;
    const evidence = read.evidence[nameLine]![column]!;
    const allowed = allowedAt(layout, nameLine, column);
    const kept = evidence[MRZ_ALPHABET.indexOf(char)]!;
    const rival = [...MRZ_ALPHABET]
      .map((to, k) => ({ to, evidence: evidence[k]! }))
      .filter(({ to }) => to !== char && to !== TESSERACT_BLIND[char] && allowed.test(to))
      .filter(({ to }) => (ownHoles(to) ?? holes) <= holes)
      .sort((a, b) => b.evidence - a.evidence)[0];
    if (rival && kept - rival.evidence <= MAX_CHANGE_COST)
      changes.push({ line: nameLine, column, to: rival.to });
  }
  return changes;
}

/**
 * A character the code confirms: a holding check guards it (or is it), or it stands in a state code
 * read as printed that is a state.
 */
function isConfirmed(
  layout: MrzLayout,
  asRead: readonly string[],
  lines: readonly string[],
  line: number,
  column: number,
): boolean {
  const inState = layout.states.some(([l, start]) => {
    const code = lines[l]!.slice(start, start + 3);
    return (
      l === line &&
      column >= start &&
      column < start + 3 &&
      isStateCode(code) &&
      asRead[l]?.slice(start, start + 3) === code
    );
  });
  return (
    inState ||
    layout.checks.some(
      (rule) =>
        checkHolds(lines, rule) &&
        ((rule.digit[0] === line && rule.digit[1] === column) ||
          rule.guards.some(([l, start, end]) => l === line && column >= start && column < end)),
    )
  );
}

/**
 * The holes in a glyph's ink (GlyphShape, half its strongest ink and more): the background regions it
 * encloses. A font's O, 0, D and Q enclose one, its C, U and L none, whatever the face; and where blur
 * fills a hole or a gap breaks one, the document's own glyphs show it (unlikeOwnHoles).
 */
export function holeCount(shape: GlyphShape): number {
  const { width, height } = GLYPH_GRID;
  let strongest = -Infinity;
  for (let i = 0; i < shape.ink.length; i++) strongest = Math.max(strongest, shape.ink[i]!);
  if (strongest <= 0) return 0;
  // A frame of background round the grid: the outside is one region, whatever touches the edge. Round
  // that, a ring of cells blocked from the start, so that no cell looked at lies off the array.
  const w = width + 4;
  const blocked = new Uint8Array(w * (height + 4));
  for (let i = 0; i < blocked.length; i++) {
    const [x, y] = [i % w, Math.floor(i / w)];
    const onRing = x === 0 || y === 0 || x === w - 1 || y === height + 3;
    const inGrid = x >= 2 && y >= 2 && x < width + 2 && y < height + 2;
    if (onRing || (inGrid && shape.ink[(y - 2) * width + (x - 2)]! >= strongest / 2)) blocked[i] = 1;
  }
  return backgroundRegions(blocked, w) - 1;
}

/**
 * The regions of cells not blocked, joined only through edges (4-connected), so that ink touching at
 * a corner still closes a hole; a cell is blocked once its region reaches it. Over typed arrays alone:
 * it runs for every glyph of every code read by its outlines, where arrays made for each cell visited
 * were 3.6 MB of garbage a 12 MP check (issue 13).
 */
function backgroundRegions(blocked: Uint8Array, w: number): number {
  const stack = new Int32Array(blocked.length);
  let regions = 0;
  for (let start = 0; start < blocked.length; start++) {
    if (blocked[start]) continue;
    regions++;
    let top = reach(blocked, stack, 0, start);
    while (top > 0) {
      const at = stack[--top]!;
      top = reach(blocked, stack, top, at - 1);
      top = reach(blocked, stack, top, at + 1);
      top = reach(blocked, stack, top, at - w);
      top = reach(blocked, stack, top, at + w);
    }
  }
  return regions;
}

/** The cell blocked and stacked at `top` unless blocked already; the stack's new height. */
function reach(blocked: Uint8Array, stack: Int32Array, top: number, cell: number): number {
  if (blocked[cell]) return top;
  blocked[cell] = 1;
  stack[top] = cell;
  return top + 1;
}
