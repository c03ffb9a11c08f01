/**
 * A document with no MRZ on the side photographed: a driving licence's front, or the front of a card
 * whose MRZ is on the back. The printed text is read upright, and upside down only when the upright
 * read shows no print read surely; the first reading that names a licence, a card or a licence's
 * back wins. Where the outline went round something with hardly any print (a portrait, a flag, a
 * logo: a tight crop or a scan leaves the card's own edge unseen), the photo is itself read, shrunk
 * to 1100 px where it is larger. A page of text, known by the shape of its lines, is not read at all;
 * where the outlined object read no sign of an ID, the whole photo may be such a page.
 */
import type { Engines, OcrLine } from '../../engines/types.ts';
import { matToRgba, rgbaToMat, withMats } from '../cv.ts';
import { printRunsDown } from '../clarity/measurePrint.ts';
import { toGreyscale } from '../image.ts';
import { formatFromAspect, RECTIFIED_WIDTH_PX } from '../rectify/rectifyDocument.ts';
import { shrinkRgbaToFit } from '../resizeArea.ts';
import type { FrontReading, RgbaImage } from '../types.ts';
import { isDriverNumberReadSurely } from './confirmDriverNumber.ts';
import { hasLicenceLook, LICENCE_BY_LOOK, measureLicenceLook } from './licenceLook.ts';
import { parseCardFrontText } from './readCardFront.ts';
import { parseValidityPeriod } from './readValidityPeriod.ts';
import { rereadDateLines } from './rereadDateLines.ts';
import { readDistinguishingSign } from './readDistinguishingSign.ts';
import { hasLicenceTitle, parseLicenceText } from './readLicence.ts';
import { parseLicenceBackText } from './readLicenceBack.ts';
import { parseNotAnIdText } from './readNotAnId.ts';
import { isTextPage, measureTextPage } from './measureTextPage.ts';

/**
 * Fewer words than this (3 or more letters or digits, on lines tesseract is at least 50% sure of) is
 * no document's front: a card's front prints a title and a dozen labelled fields. On
 * ../shared/real-photos the outlines round a portrait or a flag read none or one such word.
 */
const MIN_FRONT_WORDS = 4;

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

/**
 * A photo no larger than this on its long side (the width an ID-1 card is rectified to) whose outline
 * went round something with hardly any print is taken for a scan or a crop of the document itself,
 * and read whole: it costs no more than reading a rectified card. (Read again enlarged to this width
 * where its own size read next to nothing, a small photo cost 0.5 to 0.9 s more, arg0s' German visa
 * and yushulx's licence back, and changed no verdict on ../shared: not done.)
 */
const MAX_CROP_READ_SIDE_PX = RECTIFIED_WIDTH_PX['id-1'];
/**
 * A larger photo is read whole too where its outline went round a part of the object, under
 * MAX_PART_SHARE of the photo: the outline took the card's portrait for the card (faceplugin's novelty
 * "UNITED STATES DRIVER LICENSE", 1566 px, 0.08 of the photo), a logo for a certificate (doubango's,
 * 1280 px, 0.03), or a tick drawn beside a close crop of a card's fields (signzy's NYC ID, 2550 px,
 * 0.05). A document framed as NHS login asks fills far more (our fixtures' 0.3 to 0.6), and its
 * outline is trusted. Such a photo is read shrunk to MAX_CROP_READ_SIDE_PX: all three read as at their
 * own size or at 1600 px (their titles, "ADDRESS/ ZIP" and "NY 11201"), and a phone's photo of a page
 * whose outline took a part of it (mapo80's glare-313 and glare-988, 3264 and 4752 px) was read in
 * 1.7 and 0.2 s there against 2.6 and 0.6 s at 1600 px (tesseract's time grows with the print it finds).
 */
const MAX_PART_SHARE = 0.2;

/**
 * Reads the printed text of a rectified document, upright and then upside down; and, where that
 * found no document and hardly any text in a small photo, the photo's, upright. `outlineShare`: the
 * share of the photo the document's outline covers (1 where not known: the outline is trusted).
 */
export async function readDocumentFront(
  engines: Engines,
  document: RgbaImage,
  photo: RgbaImage | null = null,
  outlineShare = 1,
): Promise<FrontReading | null> {
  // A page of text is known by its lines' shape (measureTextPage.ts): the LSTM's whole-page read,
  // up to 4 s on ../shared's magazine pages, is spared.
  if (isTextPage(measureTextPage(engines.cv, document)))
    return { kind: 'not-an-id', notAnId: { seen: 'page-of-text' } };
  const forReading = atReadingWidth(engines, document);
  const onDocument = await readWaysUp(engines, forReading, 2);
  if (onDocument.front) return onDocument.front;
  const read = [...onDocument.read];
  const side = photo ? Math.max(photo.width, photo.height) : Infinity;
  const readWhole = side <= MAX_CROP_READ_SIDE_PX || outlineShare < MAX_PART_SHARE;
  // Enlarged, a small card's blur reads as words (yushulx-zadl's dl.png, its outline gone astray: 1
  // word at its own 400 px, 4 at 1100): the count then no longer says the outline held hardly any
  // print, and a photo this small costs no more to read than the card.
  const enlargedInSmallPhoto = forReading !== document && side <= MAX_CROP_READ_SIDE_PX;
  if (photo && readWhole && (wordsIn(read) < MIN_FRONT_WORDS || enlargedInSmallPhoto)) {
    // The reading budget may cut this second look: what the document's own reading said still stands.
    // A photo on its side (its print's lines down it: clarity/measurePrint.ts) is read turned a quarter
    // turn; either way, both ways up, as the document is, since lines do not say which way is up. Read
    // only upright, half of ../shared/real-photos' cards and pages that are no ID (a US licence, a
    // voucher, a NYC ID) went from "not accepted" to "could not tell" under `npm run eval --
    // --transform rot90`, and a Californian licence, a novelty licence and a NYC ID under rot180.
    // Measured for the way its print runs at its own size, read at the size a card is read at.
    const small = shrinkRgbaToFit(engines.cv, photo, MAX_CROP_READ_SIDE_PX);
    const sideways = withMats(engines.cv, (scope) => printRunsDown(scope, toGreyscale(small)));
    const sized = enlargedToRead(engines, small);
    const onPhoto = await unlessCut(readWaysUp(engines, sideways ? turnQuarter(engines, sized) : sized, 2));
    if (onPhoto?.front) return onPhoto.front;
    read.push(...(onPhoto?.read ?? []));
  }
  // Neither way up named a document we read: what the text says it is, if it is not an ID at all.
  const notAnId = parseNotAnIdText(read);
  // Text with no sign of an ID (seen null) on an object with hardly any print: the photo may be a page.
  if (notAnId?.seen === null && wordsIn(read) < MIN_FRONT_WORDS && photo && isPhotoTextPage(engines, photo))
    return { kind: 'not-an-id', notAnId: { seen: 'page-of-text' } };
  // Nothing read said what it is: an EU model licence is still known by its flag on pink (licenceLook.ts).
  if (
    !notAnId?.seen &&
    [document, turnHalf(document)].some((card) => hasLicenceLook(measureLicenceLook(card)))
  )
    return { kind: 'licence', licence: LICENCE_BY_LOOK };
  return notAnId && { kind: 'not-an-id', notAnId };
}

/**
 * The side a whole photo is measured at for a page of text (measureTextPage.ts): a phone's photo of
 * a book's page, 3000 × 4000, prints its text 14 px high here, 107 glyph heights across (glare-447);
 * at 1600 px, exactly 100.
 */
const PAGE_MEASURE_SIDE_PX = 2000;

/**
 * Whether the whole photo is a page of text, where its outline went round an object that held hardly
 * any print (a book's photograph, glare-447, whose outline took the picture above the prose). An ID
 * whose print was read never comes here; one whose print was not reads 4 words or more, or an ID's
 * word, a date or a licence's categories (readNotAnId.ts), and keeps its outline's reading.
 */
function isPhotoTextPage(engines: Engines, photo: RgbaImage): boolean {
  return isTextPage(measureTextPage(engines.cv, shrinkRgbaToFit(engines.cv, photo, PAGE_MEASURE_SIDE_PX)));
}

/**
 * A document rectified narrower than this share of RECTIFIED_WIDTH_PX (the photo had fewer pixels for
 * it: the rectifier never upsamples) prints its fields under about 12 px high; at RECTIFIED_WIDTH_PX
 * our fixture cards' field print stands about 20 px high, the height the LSTM model reads best.
 */
const MIN_READ_WIDTH_SHARE = 0.6;
/**
 * Enlarged more, print too small to read gains no strokes, only cost: with this bound rather than none,
 * ../shared's real-photos and real-ids halved read every verdict and code alike, and the photos under
 * 367 px read in about half the time (a 150 px scan, 1.75 s of CPU at 1100 px, 0.85 at 450).
 */
const MAX_ENLARGEMENT = 3;

/**
 * The document as it is read: enlarged to RECTIFIED_WIDTH_PX where it was rectified narrower than
 * MIN_READ_WIDTH_SHARE of it. Read at 440 px with a little blur (σ 1.2), the German and UK fixture
 * licences' expiries came out as 2018-07-02 and 2020-09-30 (2033 and 2030 are printed), and at 380 px
 * the UK one read as no licence and a sharp Spanish one's expiry as 2020: enlarged, all read right
 * (tests/pipeline/front/readDocumentFront.test.ts). A drawn card rectified at 859 px (the composites'
 * low-light one), its print 22 px high, read its title there and not at 1100.
 */
function atReadingWidth(engines: Engines, document: RgbaImage): RgbaImage {
  // Cards only: a page of a passport's shape is read for its code, and enlarged to 1600 px the LSTM's
  // read of whatever took that shape (a tilted card, a magazine's corner) cost 0.4-0.9 s more on four
  // of ../shared/real-photos, with no verdict changed, and took their median past 0.5 s.
  if (formatFromAspect(document.width / document.height) !== 'id-1') return document;
  if (document.width >= MIN_READ_WIDTH_SHARE * RECTIFIED_WIDTH_PX['id-1']) return document;
  return enlargedToRead(engines, document);
}

/**
 * An image whose long side is under MIN_READ_WIDTH_SHARE of an ID-1 card's rectified width, enlarged
 * to that width, or MAX_ENLARGEMENT times its own: a rectified card as above, or a small photo read
 * whole, which stands in for the card it shows. Read at its own size, ../shared/real-photos' UK
 * licence halved (320 px, its outline round the portrait) read `DRIVING License` and nothing else, and
 * a Californian licence halved (379 px) no expiry; enlarged, each read as at full size.
 */
function enlargedToRead(engines: Engines, document: RgbaImage): RgbaImage {
  const long = Math.max(document.width, document.height);
  if (long >= MIN_READ_WIDTH_SHARE * RECTIFIED_WIDTH_PX['id-1']) return document;
  const side = Math.min(RECTIFIED_WIDTH_PX['id-1'], MAX_ENLARGEMENT * long);
  const width = Math.round((document.width * side) / long);
  const height = Math.round((document.height * side) / long);
  return withMats(engines.cv, (scope) => {
    const enlarged = scope.mat();
    engines.cv.resize(
      rgbaToMat(scope, document),
      enlarged,
      new engines.cv.Size(width, height),
      0,
      0,
      engines.cv.INTER_CUBIC,
    );
    return matToRgba(enlarged);
  });
}

/** What `reading` found, or null where the reading budget's deadline (a TimeoutError) cut it. */
async function unlessCut<T>(reading: Promise<T>): Promise<T | null> {
  try {
    return await reading;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return null;
    throw error;
  }
}

/** The image read upright, then upside down, until a licence or a card front is found. */
async function readWaysUp(
  engines: Engines,
  document: RgbaImage,
  waysUp: 1 | 2,
): Promise<{ front: FrontReading | null; read: (readonly OcrLine[])[] }> {
  const read: (readonly OcrLine[])[] = [];
  for (const image of waysUp === 2 ? [document, turnHalf(document)] : [document]) {
    // Nothing printed upright is nothing printed upside down: the second reading is spared.
    if (read.length > 0 && (glyphsIn(read) < MIN_PRINTED_GLYPHS || printedRunsIn(read) < MIN_PRINTED_RUNS))
      break;
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
    if (isReadUpright(ocrLines)) break;
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

/** The image turned a quarter turn clockwise. */
function turnQuarter(engines: Engines, image: RgbaImage): RgbaImage {
  const { cv } = engines;
  return withMats(cv, (scope) => {
    const turned = scope.mat();
    cv.rotate(rgbaToMat(scope, image), turned, cv.ROTATE_90_CLOCKWISE);
    return matToRgba(turned);
  });
}
