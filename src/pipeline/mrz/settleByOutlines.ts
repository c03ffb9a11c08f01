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
import { hasDoubtfulGlyph, readForCertain, SURE_MARGIN } from './certainty.ts';
import { evidenceOf, TESSERACT_BLIND, type MrzRead, type ReadGlyph } from './evidence.ts';
import { allowedAt, MRZ_ALPHABET, type MrzLayout } from './formats.ts';
import { isConsistentReading } from './plausibility.ts';
import { readCodeGlyphs } from './readCodeByOutlines.ts';
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
  const rows = readCodeGlyphs(cv, crop, glyphHeightPx, mayBeCertain);
  if (rows.length === 0) return null;
  const lines = rows.map((row) => row.line);
  const shaped = shapeMrzLines(rows.map((row) => row.glyphs));
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
 * Whether a glyph may yet be read for certain, whatever column it stands in: a letter (but M, F, X,
 * the sex's, and O, the 0's pair) must lead every other letter by SURE_MARGIN, and a digit (but 0)
 * every other digit, as every column that lets it stand unrepaired allows those rivals. Only a
 * necessary test, made on each row as it is read, so that a code in doubt costs one row, not all.
 */
function mayBeCertain(glyph: ReadGlyph): boolean {
  const rivals = /^[A-EG-LNP-WYZ]$/u.test(glyph.char)
    ? /^[A-Z]$/u
    : /^[1-9]$/u.test(glyph.char)
      ? /^[0-9]$/u
      : null;
  if (!rivals) return true;
  const evidence = evidenceOf(glyph);
  let rival = 0;
  evidence.forEach((value, k) => {
    const char = MRZ_ALPHABET[k]!;
    if (char !== glyph.char && rivals.test(char)) rival = Math.max(rival, value);
  });
  return evidence[MRZ_ALPHABET.indexOf(glyph.char)]! - rival > SURE_MARGIN;
}
