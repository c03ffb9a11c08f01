/**
 * A UK driver number that disagrees with the name or birth date beside it is a forgery only if it was
 * read for certain: a misread character looks just the same (issue 12, item 7). It is taken as read
 * for certain when tesseract was sure of every character of it, and a second read of its line on its
 * own reads the same number.
 */
import type { Engines, OcrLine } from '../../engines/types.ts';
import { cropGrey, type GreyImage } from '../image.ts';
import { rectIn } from '../types.ts';
import { findUkDriverNumber, ukDriverNumberIn } from './readLicence.ts';

/**
 * Tesseract's confidence (0..100) every character of the number must have. On our fixtures the
 * printed numbers read at 89-96 (LSTM, eng); the look-alikes it hesitates on (0/O, 1/I, 5/S) come
 * out below 80.
 */
const SURE_CONFIDENCE = 80;
/**
 * The line is read again with this margin round its box, in line heights: tesseract wants white
 * round a line (at half a line height, the J of a drawn provisional licence's number was lost).
 */
const REREAD_MARGIN = 1;

/** Upper-case letters and digits of a text, in order: how the number sits in a line. */
const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/gu, '');

/** Whether `driverNumber`, read from `lines` (OCR of `image`), was read for certain (see above). */
export async function isDriverNumberReadSurely(
  engines: Engines,
  image: GreyImage,
  lines: readonly OcrLine[],
  driverNumber: string,
): Promise<boolean> {
  // The number's 16 characters in a row of one line's glyphs, mended by what each position must hold
  // (a 0 where a surname letter must be is an O: no other reading is possible there).
  for (const line of lines) {
    const glyphs = line.glyphs.filter((glyph) => compact(glyph.char).length === 1);
    const chars = glyphs.map((glyph) => compact(glyph.char)).join('');
    for (let start = 0; start + driverNumber.length <= chars.length; start++) {
      if (ukDriverNumberIn(chars.slice(start, start + driverNumber.length)) !== driverNumber) continue;
      const own = glyphs.slice(start, start + driverNumber.length);
      if (own.some((glyph) => glyph.confidence < SURE_CONFIDENCE)) return false;
      return findUkDriverNumber(await rereadLine(engines, image, line)) === driverNumber;
    }
  }
  return false;
}

/**
 * The line's box, widened by a margin, read again on its own: a second reading of the same print,
 * laid out afresh (at twice the size, tried first, a sharp drawn 9 read as I or 0: a bigger copy is
 * not a better one).
 */
async function rereadLine(engines: Engines, image: GreyImage, line: OcrLine): Promise<string> {
  const margin = Math.round((line.box.y1 - line.box.y0) * REREAD_MARGIN);
  const x0 = Math.max(0, line.box.x0 - margin);
  const y0 = Math.max(0, line.box.y0 - margin);
  const x1 = Math.min(image.width, line.box.x1 + margin);
  const y1 = Math.min(image.height, line.box.y1 + margin);
  if (x1 <= x0 || y1 <= y0) return '';
  const crop = cropGrey(image, rectIn('crop', x0, y0, x1 - x0, y1 - y0));
  return (await engines.ocr.readPrintedText(crop)).map((l) => l.text.toUpperCase()).join('\n');
}
