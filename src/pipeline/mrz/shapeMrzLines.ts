/**
 * Shaping (README.md, step 3): OCR'd lines cleaned, matched to an MRZ layout by count, length and
 * document code, and brought to the layout's length inside `<` runs.
 */
import { SURE_MARGIN } from './certainty.ts';
import { evidenceOf, glyphsOfText, unlikenedGlyph, type MrzRead, type ReadGlyph } from './evidence.ts';
import { MRZ_ALPHABET, MRZ_LAYOUTS, type MrzLayout } from './formats.ts';
import { placeOnPitch } from './placeOnPitch.ts';
import { isStateCode } from './plausibility.ts';

/** Cleans one OCR line: upper case, no spaces, look-alikes of `<` made `<`, anything else dropped. */
function cleanGlyphs(glyphs: readonly ReadGlyph[]): ReadGlyph[] {
  return glyphs.flatMap((glyph) => {
    const chars = glyph.char
      .toUpperCase()
      .replace(/[«‹]/gu, '<<')
      .replace(/[^A-Z0-9<]/gu, '');
    // A glyph that became two (« is <<) has no likeness of its own.
    if (chars.length === 1) return [{ ...glyph, char: chars }];
    const span = glyph.xSpan;
    const width = span ? (span[1] - span[0]) / chars.length : 0;
    return [...chars].map((char, k) => ({
      ...unlikenedGlyph(char, glyph.confidence),
      ...(span && { xSpan: [span[0] + k * width, span[0] + (k + 1) * width] as const }),
    }));
  });
}

/**
 * Picks the MRZ format the lines fit best and brings each line to its length. OCR most often drops
 * or adds `<` inside long filler runs, so lengths are mended there first, and at the end last.
 */
export function shapeMrzLines(
  ocrLines: readonly (string | readonly ReadGlyph[])[],
): { layout: MrzLayout; read: MrzRead; readonly codeByOutlines?: true } | null {
  const lines = ocrLines
    .map((line) => cleanGlyphs(typeof line === 'string' ? glyphsOfText(line) : line))
    .filter((line) => line.length >= 20);
  const text = (line: readonly ReadGlyph[]) => line.map((glyph) => glyph.char).join('');
  let best: { layout: MrzLayout; lines: ReadGlyph[][]; cost: number; outlined: boolean } | null = null;
  for (const layout of MRZ_LAYOUTS) {
    for (let first = 0; first + layout.lines <= lines.length; first++) {
      const group = lines.slice(first, first + layout.lines);
      const cost = group.reduce((sum, line) => sum + Math.abs(line.length - layout.length), 0) / layout.lines;
      if (
        cost > 4 ||
        (best && (cost > best.cost || (cost === best.cost && layout.lines <= best.layout.lines)))
      )
        continue;
      // The document code picks between layouts of one size (a visa or a passport; a licence line or a
      // card's), read once the lines are fitted: a mark before the code then falls outside the line.
      const marked = dropMarksBeforeCode(group[0]!, layout);
      const top = codeByOutlines(marked, layout);
      const fitted = group.map((line, i) =>
        fitLength(i === 0 ? top : dropMarksBeforeStart(line, top, layout), layout.length),
      );
      if (layout.codes.test(text(fitted[0] ?? [])))
        best = { layout, lines: fitted, cost, outlined: top !== marked };
    }
  }
  if (!best) return null;
  return {
    layout: best.layout,
    read: {
      lines: best.lines.map(text),
      evidence: best.lines.map((line) => line.map(evidenceOf)),
      shapes: best.lines.map((line) => line.map((glyph) => glyph.shape ?? null)),
    },
    ...(best.outlined && { codeByOutlines: true as const }),
  };
}

/**
 * A first line longer than its layout whose document code is read a glyph or three in: the glyphs
 * before it are marks beside the code (a guilloche's edge, a finger), not the code (a Hungarian
 * passport read `EWP<HUN…`, a Turkish one `WP<TUR…`, a UK visa `9VDGBR…` beside a stamp's edge). The
 * code is known by a filler after its first letter, or by the issuing state after its two letters.
 */
function dropMarksBeforeCode(line: readonly ReadGlyph[], layout: MrzLayout): readonly ReadGlyph[] {
  const text = line.map((glyph) => glyph.char).join('');
  if (line.length <= layout.length || layout.codes.test(text)) return line;
  for (let skip = 1; skip <= MAX_MARKS_BEFORE_CODE && line.length - skip >= layout.length; skip++)
    if (
      layout.codes.test(text.slice(skip)) &&
      (text[skip + 1] === '<' || isStateCode(text.slice(skip + 2, skip + 5)))
    )
      return line.slice(skip);
  return line;
}
const MAX_MARKS_BEFORE_CODE = 3;

/**
 * A first line whose document code tesseract read as a character no layout's code starts with, where
 * OCR-B's outlines make that glyph this layout's code, leading the character read by SURE_MARGIN (the
 * lead of a character read for certain): the code as the outlines read it. Small print blurs glyphs
 * our model tells apart by a stroke or a bowl (models/mrz.evaluation.md: at 2 px of blur it reads N
 * as W, H as M): ../shared/real-photos' Turkish passport at half size, its code's glyphs 7 px high,
 * read `FD…` at every glyph height, the outlines' P leading F by 0.23-0.26, and shaped into nothing.
 * The code picks the layout and no check digit guards it, so the outlines decide only where the text
 * is no layout's code at all, and the shaping says so (`codeByOutlines`): the reading is then kept
 * only if it holds wholly (readMrz.ts).
 */
function codeByOutlines(line: readonly ReadGlyph[], layout: MrzLayout): readonly ReadGlyph[] {
  const [first, ...rest] = line;
  const text = line.map((glyph) => glyph.char).join('');
  if (!first?.likeness || MRZ_LAYOUTS.some((any) => any.codes.test(text))) return line;
  const read = MRZ_ALPHABET.indexOf(first.char);
  if (read < 0) return line;
  const { likeness } = first;
  let best = 0;
  for (let i = 1; i < likeness.length; i++) if (likeness[i]! > likeness[best]!) best = i;
  const code = MRZ_ALPHABET[best]!;
  if (likeness[best]! - likeness[read]! < SURE_MARGIN || !layout.codes.test(code + text.slice(1)))
    return line;
  return [{ ...first, char: code }, ...rest];
}

/**
 * An MRZ's lines start in one column (ICAO 9303 parts 4 to 7): glyphs of a line longer than its
 * layout that lie wholly left of the first line's first glyph are marks beside the code (a stamp's
 * edge beside a UK visa's second line read `EAD0725…` for `AD0725…`).
 */
function dropMarksBeforeStart(
  line: readonly ReadGlyph[],
  top: readonly ReadGlyph[],
  layout: MrzLayout,
): readonly ReadGlyph[] {
  const start = top[0]?.xSpan?.[0];
  if (start === undefined || line.length <= layout.length) return line;
  let skip = 0;
  while (skip < MAX_MARKS_BEFORE_CODE && line.length - skip > layout.length) {
    const span = line[skip]!.xSpan;
    if (!span || span[1] > start) break;
    skip++;
  }
  return line.slice(skip);
}

/**
 * A line of the layout's length is taken as read. Otherwise OCR added or dropped glyphs: they are put
 * in their columns by their places on the ICAO pitch where OCR gave them (placeOnPitch), else a
 * filler is dropped or added inside the longest run of them. (Placing every line was tried: on a
 * photo's perspective, the pitch drifts along the line and moved glyphs OCR had counted right.)
 */
function fitLength(line: readonly ReadGlyph[], length: number): ReadGlyph[] {
  const placed = line.length === length ? null : placeOnPitch(line, length);
  if (placed) return placed;
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
