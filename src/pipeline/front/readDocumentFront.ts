/**
 * A document with no MRZ on the side photographed: a driving licence's front, or the front of a card
 * whose MRZ is on the back. The printed text is read upright, and upside down only when the upright
 * read shows no print read surely; the first reading that names a licence, a card or a licence's
 * back wins. Where the outline went round something with hardly any print (a portrait, a flag, a
 * logo: a tight crop or a scan leaves the card's own edge unseen), the photo is itself read, shrunk
 * to 1100 px where it is larger. A page of text, known by the shape of its lines, is not read at all;
 * where the outlined object read no sign of an ID, the whole photo may be such a page.
 */
import type { Engines } from '../../engines/types.ts';
import { matToRgba, rgbaToMat, turnQuarters, withMats } from '../cv.ts';
import { MIN_GLYPHS, printLineDirection } from '../clarity/measurePrint.ts';
import { toGreyscale } from '../image.ts';
import { formatFromAspect, RECTIFIED_WIDTH_PX } from '../rectify/rectifyDocument.ts';
import { shrinkRgbaToFit } from '../resizeArea.ts';
import type { FrontReading, RgbaImage } from '../types.ts';
import { hasLicenceLook, LICENCE_BY_LOOK, measureLicenceLook } from './licenceLook.ts';
import { parseNotAnIdText } from './readNotAnId.ts';
import { readWaysUp, turnHalf, wordsIn, type WaysUpReading } from './readWaysUp.ts';
import { readsUpsideDown } from './lineAlignment.ts';
import { isTextPage, measureTextPage } from './measureTextPage.ts';
import { lookInZone, PORTRAIT_THRESHOLDS } from '../portrait/findPortrait.ts';

export { turnHalf };

/**
 * Fewer words than this (3 or more letters or digits, on lines tesseract is at least 50% sure of) is
 * no document's front: a card's front prints a title and a dozen labelled fields. On
 * ../shared/real-photos the outlines round a portrait or a flag read none or one such word.
 */
const MIN_FRONT_WORDS = 4;

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
 * An outline whose long side runs down the photo is rectified from its top-right corner
 * (rectify/rectifyDocument.ts): the document read is the photo turned three quarter turns clockwise.
 */
const TURNS_AS_RECTIFIED = 3;

const NOTHING_READ: WaysUpReading = { front: null, read: [] };

/**
 * Reads the printed text of a rectified document, upright and then upside down; and, where that
 * found no document and hardly any text in a small photo, the photo's, upright. `outlineShare`: the
 * share of the photo the document's outline covers (1 where not known: the outline is trusted);
 * `outlineOnItsSide`: whether that outline's long side runs down the photo (a landscape card or page
 * photographed on its side).
 */
export async function readDocumentFront(
  engines: Engines,
  document: RgbaImage,
  photo: RgbaImage | null = null,
  outlineShare = 1,
  outlineOnItsSide = false,
): Promise<FrontReading | null> {
  // Only an outline taken for the document says which way the document lies: one round a part of the
  // photo (a logo, a picture on a page: glare-988's 3%) says nothing of it, and read so, the
  // magazine page under it cost three reads more, 0.37 s, for nothing.
  const onItsSide = outlineOnItsSide && outlineShare >= MAX_PART_SHARE;
  // A page of text is known by its lines' shape (measureTextPage.ts): the LSTM's whole-page read,
  // up to 4 s on ../shared's magazine pages, is spared.
  const onObject = measureTextPage(engines.cv, document);
  if (isTextPage(onObject)) return { kind: 'not-an-id', notAnId: { seen: 'page-of-text' } };
  // An object that stacks any long lines as a paragraph's, which no identity document does, in a
  // photo that is a page of text, is a part of that page (an outline round a column or a block of it):
  // the page is not read either.
  if (onObject.paragraphLines > 0 && photo && isPhotoTextPage(engines, photo))
    return { kind: 'not-an-id', notAnId: { seen: 'page-of-text' } };
  // An object with next to no marks shaped like glyphs holds no document's print, whatever share of
  // the photo its outline covers (clarity is measured on the photo so: steps/seeDocument.ts): the
  // photo is read whole instead (glare-313's recipe page turned a quarter, whose outline went round
  // a quarter of the photo's blank table: read, 0.66 s for nothing).
  const unprinted = onObject.glyphs < MIN_GLYPHS;
  const forReading = atReadingWidth(engines, document, onObject.glyphHeightPx);
  // Rectified from an outline on its side, the document came out upright or upside down as the photo
  // was turned a quarter one way or the other: both ways up are read, however little print the first
  // showed (shakex's card4, a Chinese resident card, turned three quarters: upside down, its dates
  // read as 5 runs of wrong letters, and the right way up, where its validity period reads, was spared).
  const onDocument =
    unprinted && photo
      ? NOTHING_READ
      : await readWaysUp(engines, forReading, onItsSide, () => hasUprightPortrait(engines, document));
  if (onDocument.front) return onDocument.front;
  const read = [...onDocument.read];
  const side = photo ? Math.max(photo.width, photo.height) : Infinity;
  const readWhole = side <= MAX_CROP_READ_SIDE_PX || outlineShare < MAX_PART_SHARE || unprinted;
  // Enlarged, a small card's blur reads as words (yushulx-zadl's dl.png, its outline gone astray: 1
  // word at its own 400 px, 4 at 1100): the count then no longer says the outline held hardly any
  // print, and a photo this small costs no more to read than the card.
  const enlargedInSmallPhoto = forReading !== document && side <= MAX_CROP_READ_SIDE_PX;
  if (photo && readWhole && (wordsIn(read) < MIN_FRONT_WORDS || enlargedInSmallPhoto)) {
    // The reading budget may cut this second look: what the document's own reading said still stands.
    const asDocument = onItsSide ? TURNS_AS_RECTIFIED + (onDocument.uprightTurns ?? 0) : null;
    const onPhoto = await readPhotoWaysUp(engines, photo, asDocument);
    if (onPhoto.front) return onPhoto.front;
    read.push(...onPhoto.read);
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
 * Whether a face the detector is sure of stands in the portrait zone of the document as it lies: the
 * left of an ICAO 9303 data page or card (part 4's zone V, part 5's) and of the EU licence model
 * (Directive 2006/126/EC, Annex I), where findPortrait looks first. BlazeFace finds faces upright, and
 * such a face settles which way up the document is, as it does for the portrait's own measures
 * (portrait/findPortrait.ts): its print is then upright, and read upside down it would read as
 * nothing. Measured on real-photos and the composites (2026-12-05): upside-down reads of documents
 * whose upright reads named nothing took a fifth of the front reader's time (the composites' Swedish
 * ID cards and passports under blur, 0.3 to 1.6 s each) and never named a document.
 */
function hasUprightPortrait(engines: Engines, document: RgbaImage): boolean {
  if (!engines.faces) return false;
  const { face } = lookInZone(engines.faces, document, formatFromAspect(document.width / document.height));
  return (face?.score ?? 0) >= PORTRAIT_THRESHOLDS.minSureFaceScore;
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
function atReadingWidth(engines: Engines, document: RgbaImage, printHeightPx: number): RgbaImage {
  // Cards only: a page of a passport's shape is read for its code, and enlarged to 1600 px the LSTM's
  // read of whatever took that shape (a tilted card, a magazine's corner) cost 0.4-0.9 s more on four
  // of ../shared/real-photos, with no verdict changed, and took their median past 0.5 s.
  if (formatFromAspect(document.width / document.height) !== 'id-1') return document;
  const width = RECTIFIED_WIDTH_PX['id-1'];
  if (document.width < MIN_READ_WIDTH_SHARE * width) return enlargedToRead(engines, document);
  const smallPrint = printHeightPx > 0 && printHeightPx < MIN_READ_PRINT_PX;
  return smallPrint && document.width < width
    ? enlarged(engines, document, width / document.width)
    : document;
}

/**
 * A document rectified narrower than RECTIFIED_WIDTH_PX, but not under MIN_READ_WIDTH_SHARE of it, is
 * read enlarged to RECTIFIED_WIDTH_PX too where its print, measured (measureTextPage.ts: the median
 * height of its glyph-shaped marks), stands under this: the height MIN_READ_WIDTH_SHARE stands for
 * (field print under about 12 px), measured rather than inferred from the width. Photos halved (`npm
 * run eval -- --transform half`) rectify at 660-1100 px what full size rectified at 1100: real-photos'
 * glare-482, a magazine page whose outline took an ID-1 shape, measured 9 px at 821 px and read as
 * "could not tell" there; enlarged, as at full size, it is a page of text. The fixtures halved: the
 * Portuguese licences (clean-1, expired) read their expiry beside field 4a enlarged and none at their
 * own size (in-date 132 -> 134 of 135), and no verdict went the other way. A card whose print stands
 * higher is read as it is (the composites' low-light card, 22 px at 859 px, read its title there and
 * not at 1100). Upright, every ID-1 document of the fixtures, ../shared and the composites rectified
 * between 660 and 1100 px measured 13 to 20 px, so none is read otherwise than before.
 */
const MIN_READ_PRINT_PX = 12;

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
  return enlarged(engines, document, side / long);
}

function enlarged(engines: Engines, document: RgbaImage, scale: number): RgbaImage {
  const width = Math.round(document.width * scale);
  const height = Math.round(document.height * scale);
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

/**
 * The whole photo read both ways up, as the document is, shrunk to the size a card is read at (and
 * measured there for the way its print runs). A photo on its side (its print's lines down it:
 * clarity/measurePrint.ts) is read turned a quarter turn. Read only upright, half of
 * ../shared/real-photos' cards and pages that are no ID (a US licence, a voucher, a NYC ID) went from
 * "not accepted" to "could not tell" under `npm run eval -- --transform rot90`, and a Californian
 * licence, a novelty licence and a NYC ID under rot180. Where the upright reads named nothing, read
 * no line surely and hardly a word, and the photo may still be on its side (its print leaning down it, or the outline's
 * long side down it: an ID-1 card and a passport page are landscape), it is read turned as well, the
 * way the document was turned to be read where the outline says so (`turnsAsDocument`, clockwise):
 * ../shared's UK licence sample turned a quarter, whose small print leans neither way, was otherwise
 * read as "not an ID", and a licence's back and a bank card as "could not tell". One more read at
 * most, and only on a photo whose object read hardly anything.
 */
async function readPhotoWaysUp(
  engines: Engines,
  photo: RgbaImage,
  turnsAsDocument: number | null,
): Promise<WaysUpReading> {
  const small = shrinkRgbaToFit(engines.cv, photo, MAX_CROP_READ_SIDE_PX);
  const direction = withMats(engines.cv, (scope) => printLineDirection(scope, toGreyscale(small)));
  const sized = enlargedToRead(engines, small);
  const across = direction === 'down' ? turnQuarters(engines.cv, sized, 1) : sized;
  // Which way a quarter turn stands a page is a guess: where its lines' alignment says upside down,
  // that way is read first, and where it reads surely the other is spared (readWaysUp).
  const first = await unlessCut(
    readWaysUp(engines, readsUpsideDown(engines.cv, across) ? turnHalf(across) : across),
  );
  if (!first || first.front || first.uprightTurns !== undefined) return first ?? { front: null, read: [] };
  // Words read this way up say it is the way the print runs (arg0s' scan of a Lithuanian card's two
  // sides, upright and portrait-shaped, read its dates and "LTU": turned, nothing, for 1 s more).
  if (wordsIn(first.read) >= MIN_FRONT_WORDS) return first;
  const mayBeOnItsSide = direction === 'leaning-down' || (direction === 'across' && turnsAsDocument !== null);
  if (!mayBeOnItsSide) return first;
  const turns = direction === 'across' && turnsAsDocument !== null ? turnsAsDocument : 1;
  // Both ways up whatever the first read: which way the photo was turned is not known, and a bank
  // card's sparse print upside down reads as too few runs to seem print (evgen's _img_8 turned).
  const turned = await unlessCut(readWaysUp(engines, turnQuarters(engines.cv, sized, turns), true));
  return { front: turned?.front ?? null, read: [...first.read, ...(turned?.read ?? [])] };
}
