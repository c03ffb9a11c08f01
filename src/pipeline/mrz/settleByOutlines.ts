/**
 * Whether a clean code is settled by our own reader (readCodeByOutlines.ts) alone, with no tesseract
 * call (issue 13: the first visit need not wait for tesseract's core). Strict, since a name's
 * characters are guarded by no check digit: the reading, shaped and repaired as tesseract's would be,
 * must be wholly consistent (every check holds, plausible, a known issuer, no doubtful glyph), repair
 * must have changed nothing but an O where only a digit may stand or a 0 where only a letter may (the
 * pair whose outlines differ least: readForCertain's exception too), and every character must be read
 * for certain (certainty.ts), or be a 0 or O that the document's own print settles
 * (zeroOrOhByOwnPrint.ts). Anything less is discarded and the band is read by tesseract as before.
 */
import type { OcrLine, OpenCv } from '../../engines/types.ts';
import type { MrzReading } from '../types.ts';
import type { GreyImage } from '../image.ts';
import { hasDoubtfulGlyph, readForCertain } from './certainty.ts';
import { glyphShapes, scoreGlyphs } from './classifyGlyphs.ts';
import { TESSERACT_BLIND, type MrzRead, type ReadGlyph } from './evidence.ts';
import { allowedAt, type MrzLayout } from './formats.ts';
import { isConsistentReading } from './plausibility.ts';
import { readCodeByOutlines } from './readCodeByOutlines.ts';
import { repairMrz } from './repairMrz.ts';
import { shapeMrzLines } from './shapeMrzLines.ts';
import { zeroOrOhByOwnPrint } from './zeroOrOhByOwnPrint.ts';

export interface SettledReading {
  readonly lines: readonly OcrLine[];
  readonly layout: MrzLayout;
  readonly read: MrzRead;
  readonly reading: MrzReading;
}

export function settleByOutlines(cv: OpenCv, crop: GreyImage, glyphHeightPx: number): SettledReading | null {
  const lines = readCodeByOutlines(cv, crop, glyphHeightPx);
  if (lines.length === 0) return null;
  const shaped = shapeMrzLines(lines.map((line) => outlineGlyphs(crop, line)));
  if (!shaped) return null;
  const { layout, read } = shaped;
  const reading = repairMrz(layout, read);
  if (!isConsistentReading(layout, reading) || hasDoubtfulGlyph(layout, read)) return null;
  const sure = readForCertain(layout, read, read, reading);
  // 0 or O where both may stand: the outlines differ too little for the pair (zeroOrOhByOwnPrint.ts).
  const byOwnPrint = zeroOrOhByOwnPrint(layout, read);
  const everyCharacterSure = reading.lines.every((line, l) =>
    [...line].every((_, column) => sure(l, column) || byOwnPrint(l, column)),
  );
  const onlyColumnPairs = reading.repairs.every(
    (repair) =>
      TESSERACT_BLIND[repair.from] === repair.to &&
      !allowedAt(layout, repair.line, repair.column).test(repair.from),
  );
  return everyCharacterSure && onlyColumnPairs ? { lines, layout, read, reading } : null;
}

/**
 * The glyphs with their likeness, as readMrz gives tesseract's, our reader's confidence voting as
 * tesseract's would: it is no likeness counted twice, but how clearly the glyph is its character where
 * its near rivals' outlines differ from its own (readCodeByOutlines.ts, tellApart.ts).
 */
function outlineGlyphs(crop: GreyImage, line: OcrLine): ReadGlyph[] {
  const likeness = scoreGlyphs(crop, line.glyphs);
  const shapes = glyphShapes(crop, line.glyphs);
  return line.glyphs.map((glyph, i) => ({
    char: glyph.char,
    confidence: glyph.confidence,
    likeness: likeness[i]!,
    xSpan: [glyph.box.x0, glyph.box.x1],
    shape: shapes[i]!,
  }));
}
