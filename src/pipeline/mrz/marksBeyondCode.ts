/**
 * Marks beyond the code's end (README.md, step 2): handwriting, a stamp or a hologram's edge just
 * past the last column, on the same rows as the lines. Tesseract's LSTM reads a line as a whole, so
 * such marks do not only add glyphs at the end: they can garble the whole line (../shared/real-ids'
 * UK visa, a number written by hand down its right edge: line 2 read `EJUOONDSSNH7PJWU<7<…` for
 * `AD07259817PAK…`, and read right once the band stopped at the code's end).
 */
import type { OcrLine } from '../../engines/types.ts';

/**
 * Fillers in a row that make a name field's tail: ICAO 9303 part 3 §4.6 joins a name's parts with one
 * or two, so a run of three or more is the fill after the name, and the field runs to its line's end.
 */
const MIN_FILLER_RUN = 6;
/** The most glyphs past the filler run that are taken as marks beside the code, not the code's own. */
const MAX_MARKS = 4;
/** The lines of the band that OCR read as long as an MRZ line (shapeMrzLines' bound). */
const MIN_LINE_GLYPHS = 20;

/**
 * Where the code ends, in the pixels of the image OCR read, when its name line (the first of two
 * lines, the last of three: ICAO 9303 parts 4 to 7) ends in a run of fillers followed by a few other
 * glyphs: those lie beyond the name field's end, which is the line's end. Half a character pitch past
 * the run's last filler, or the first mark's left edge if nearer; null when the name line ends in fillers (nothing to cut) or in anything else.
 */
export function codeEndBeforeMarks(lines: readonly OcrLine[]): number | null {
  const long = lines.filter((line) => line.glyphs.length >= MIN_LINE_GLYPHS);
  if (long.length < 2 || long.length > 3) return null;
  const glyphs = long[long.length === 2 ? 0 : 2]!.glyphs;
  let marks = 0;
  while (marks < glyphs.length && glyphs[glyphs.length - 1 - marks]!.char !== '<') marks++;
  if (marks === 0 || marks > MAX_MARKS) return null;
  const lastFiller = glyphs.length - 1 - marks;
  let run = 0;
  while (run <= lastFiller && glyphs[lastFiller - run]!.char === '<') run++;
  if (run < MIN_FILLER_RUN) return null;
  const first = glyphs[lastFiller - run + 1]!.box;
  const last = glyphs[lastFiller]!.box;
  const pitch = (last.x0 - first.x0) / (run - 1);
  return Math.min(last.x1 + pitch / 2, glyphs[lastFiller + 1]!.box.x0);
}
