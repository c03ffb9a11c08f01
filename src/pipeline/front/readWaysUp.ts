/**
 * An image's printed text read with tesseract's English model, upright and then upside down (a
 * rectified card comes out either way up), until a licence, a card front, a licence's back or a card's
 * validity period is found; what each way up read is kept for what the text says it is otherwise.
 */
import type { Engines, OcrLine } from '../../engines/types.ts';
import type { FrontReading, RgbaImage } from '../types.ts';
import { isDriverNumberReadSurely } from './confirmDriverNumber.ts';
import { parseCardFrontText } from './readCardFront.ts';
import { readDistinguishingSign } from './readDistinguishingSign.ts';
import { hasLicenceTitle, parseLicenceText } from './readLicence.ts';
import { parseLicenceBackText } from './readLicenceBack.ts';
import { parseValidityPeriod } from './readValidityPeriod.ts';
import { rereadDateLines } from './rereadDateLines.ts';
import { toGreyscale } from '../image.ts';

/** Fewer characters than this read upright is no print at all: upside down there is none either. */
const MIN_PRINTED_GLYPHS = 12;

/**
 * Fewer runs of 4 or more letters or digits than this, at any confidence, read upright is no Latin
 * print either way up. Print upside down still reads as runs of wrong letters: the fixtures' licence,
 * ID card and residence permit fronts turned half a turn read upright as 13 to 30 such runs (a card
 * prints a title, names and labels). Glare, a texture, a portrait or print in Hanzi read as fragments
 * of one to three marks: 0 to 4 runs on ../shared's pages under glare (mapo80's glare-743, -447,
 * -1001, whose upside-down reads took 0.3 to 1 s each) and Chinese ID cards (shakex's).
 */
const MIN_PRINTED_RUNS = 6;

export interface WaysUpReading {
  readonly front: FrontReading | null;
  readonly read: (readonly OcrLine[])[];
  /** Where print was read surely (isReadUpright), the half turns (0 or 2 quarters) that read it. */
  readonly uprightTurns?: 0 | 2;
}

/**
 * The image read upright, then upside down, until a licence or a card front is found; upside down
 * only where the upright read found print, unless `bothWays`, and never where `isUpright` (asked only
 * then) says the image is upright.
 */
export async function readWaysUp(
  engines: Engines,
  document: RgbaImage,
  bothWays = false,
  isUpright: () => boolean = () => false,
): Promise<WaysUpReading> {
  const read: (readonly OcrLine[])[] = [];
  for (const image of [document, turnHalf(document)]) {
    // Nothing printed upright is nothing printed upside down: the second reading is spared.
    const unprinted = glyphsIn(read) < MIN_PRINTED_GLYPHS || printedRunsIn(read) < MIN_PRINTED_RUNS;
    if (read.length > 0 && !bothWays && unprinted) break;
    // Known upright otherwise (its portrait's face), it holds nothing upside down either.
    if (read.length > 0 && isUpright()) break;
    const grey = toGreyscale(image);
    const ocrLines = await engines.ocr.readPrintedText(grey);
    const lines = ocrLines.map((line) => line.text);
    read.push(ocrLines);
    if (hasLicenceTitle(lines)) {
      // A licence, and this way up: its flag is top left, so its sign can now be read.
      const sign = await readDistinguishingSign(engines, image);
      const licence = parseLicenceText(ocrLines, sign);
      if (licence?.driverNumberConsistent === false && licence.driverNumber) {
        // A disagreeing number is evidence only if it was read for certain (confirmDriverNumber.ts).
        const surely = await isDriverNumberReadSurely(engines, grey, ocrLines, licence.driverNumber);
        return { front: { kind: 'licence', licence: { ...licence, driverNumberReadSurely: surely } }, read };
      }
      if (licence) return { front: { kind: 'licence', licence }, read };
    }
    const card = parseCardFrontText(ocrLines);
    if (card) return { front: { kind: 'card-front', card }, read };
    const back = parseLicenceBackText(ocrLines);
    if (back) return { front: { kind: 'licence', licence: back }, read };
    // Dates broken in this reading are read again line by line (rereadDateLines.ts).
    const dateLines = await rereadDateLines(engines, grey, ocrLines);
    const withDates = [...ocrLines, ...dateLines];
    const mended = dateLines.length > 0 ? parseCardFrontText(withDates) : null;
    if (mended) return { front: { kind: 'card-front', card: mended }, read };
    const validity = parseValidityPeriod(withDates);
    if (validity) return { front: { kind: 'not-an-id', notAnId: validity }, read };
    // Print read surely this way up is upright: turned, it would read as nothing (issue 13's budget).
    if (isReadUpright(ocrLines)) return { front: null, read, uprightTurns: read.length === 1 ? 0 : 2 };
  }
  return { front: null, read };
}

/**
 * Lines that tesseract's English model read with confidence: three lines of four or more characters
 * at 75 or more. Upside-down print reads as short runs of symbols at 20 to 45 on ../shared's card
 * fronts (the NYC ID, the shakex cards); upright print of a card's fields at 80 to 95.
 */
const SURE_LINES = 3;
const SURE_CONFIDENCE = 75;

function isReadUpright(lines: readonly OcrLine[]): boolean {
  return (
    lines.filter((l) => l.confidence >= SURE_CONFIDENCE && l.text.trim().length >= 4).length >= SURE_LINES
  );
}

/** Pure: the words of three or more letters or digits on the lines the OCR was fairly sure of. */
export function wordsIn(read: readonly (readonly OcrLine[])[]): number {
  return read
    .flat()
    .filter((line) => line.confidence >= 50)
    .reduce((words, line) => words + (line.text.match(/[\p{L}\d]{3,}/gu)?.length ?? 0), 0);
}

function printedRunsIn(read: readonly (readonly OcrLine[])[]): number {
  return read.flat().reduce((runs, line) => runs + (line.text.match(/[\p{L}\d]{4,}/gu)?.length ?? 0), 0);
}

function glyphsIn(read: readonly (readonly OcrLine[])[]): number {
  return read.flat().reduce((glyphs, line) => glyphs + line.glyphs.length, 0);
}

/** Pure: the image turned half a turn (a rectified card comes out either way up). */
export function turnHalf(image: RgbaImage): RgbaImage {
  // Reversing the order of whole 4-byte pixels is the half turn.
  const data = Uint8Array.from(image.data);
  new Uint32Array(data.buffer).reverse();
  return { width: image.width, height: image.height, data };
}
