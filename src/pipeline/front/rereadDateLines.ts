/**
 * Lines whose dates came out broken in the whole document's reading are read again on their own:
 * the line's row cut out across the whole document and flattened as the MRZ is (`cropForOcr`: a
 * black-hat of glyph size takes away the guilloche and tint behind the print), glyphs at 32 px.
 *
 * On ../shared/real-photos' Chinese resident cards (shakex/card4.jpg, shakex/v3-card1.jpg) the card's
 * reading gave "2 8.11.07-2038.11" and "2017.01.13~" with "037.01.13" beside it; their rows read alone
 * gave "2018.11.07-2038.11.07" and "2017.01.13-2037.01.13", at glyph heights 24 and 32 and at line
 * heights 0.6 and 1 times the line's box alike.
 */
import type { Engines, OcrLine } from '../../engines/types.ts';
import type { GreyImage } from '../image.ts';
import { cropForOcr } from '../mrz/cropForOcr.ts';
import { datesInLine } from './printedDates.ts';

/**
 * Part of a date written with dots or slashes: "8.11.07", "2038.11", "037.01.13"; or a year whose
 * separator was read as a space before the month and day, "2038 11.07" (shakex/card4.jpg halved read
 * its range as "2018. … 2038 11.07": no date whole, and read again on its own, the range).
 */
const DATE_FRAGMENT = /\d{1,4}[./]\d{2}[./]\d{1,2}|(?:19|20)\d{2}[./]\d{2}|(?:19|20)\d{2} \d{2}[./]\d{2}/u;
/** Rows read again, at most: each costs a read of one line (0.3-0.5 s on the shakex cards). */
const MAX_ROWS = 2;
/** The glyph height the row is read at, as the MRZ's first read (mrz/readMrz.ts). */
const GLYPH_HEIGHT_PX = 32;

/**
 * The text of each row holding a broken date (part of one, or one date of a range whose other end is
 * lost), read again on its own. Rows whose dates read whole, and documents with none, cost nothing.
 */
export async function rereadDateLines(
  engines: Engines,
  document: GreyImage,
  lines: readonly OcrLine[],
): Promise<string[]> {
  const rows: { y0: number; y1: number }[] = [];
  for (const line of lines) {
    if (!DATE_FRAGMENT.test(line.text) || datesInLine(line.text).length >= 2) continue;
    const { y0, y1 } = line.box;
    // Tesseract cut one row into two lines on the shakex card: the row is read once.
    if (rows.some((row) => y0 < row.y1 && row.y0 < y1)) continue;
    rows.push({ y0, y1 });
    if (rows.length === MAX_ROWS) break;
  }
  const texts: string[] = [];
  for (const { y0, y1 } of rows) {
    const height = y1 - y0;
    const top = Math.max(0, Math.floor(y0 - height / 2));
    const bottom = Math.min(document.height, Math.ceil(y1 + height / 2));
    if (bottom - top < 4) continue;
    const band: GreyImage = {
      width: document.width,
      height: bottom - top,
      data: document.data.subarray(top * document.width, bottom * document.width),
    };
    const read = await engines.ocr.readPrintedText(cropForOcr(engines, band, height, GLYPH_HEIGHT_PX));
    texts.push(...read.map((line) => line.text));
  }
  return texts;
}
