/**
 * Whether an outline no code vouches for is the document, told by where the photo's print lies. A
 * document holds its own print: its text lines and code rows stand inside its outline, and round a
 * document whole in the photo lies its ground (a table, a hand), with little print. An outline round
 * a small thing printed on the document (a logo, the portrait, a stamp) has the document's print all
 * round it instead: passporteye's 100_pass-isl and 98_pass-nld at half size, 100_pass-lux turned a
 * quarter and 100_pass-hrv as JPEG at quality 60 (`npm run eval -- --only real-ids --transform ...`),
 * where the outline search went round such a thing, no code was read, and "all 4 corners" passed.
 * Such an outline is not taken for the document's edges: four-corners says unsure (edges unseen),
 * never fail on this ground, since the document may well be whole in the photo.
 */
import { glyphsInLines, MIN_GLYPHS, type Glyph } from '../clarity/measurePrint.ts';
import { MatScope } from '../cv.ts';
import { insideConvexTest } from '../geometry.ts';
import { toGreyscale } from '../image.ts';
import type { DocumentOutline } from '../outline/findDocumentOutline.ts';
import { seesRoundedCorner, wholePhotoOutline } from '../outline/roundedCorners.ts';
import type { OpenCv } from '../../engines/types.ts';
import { CORNER_NAMES, type RgbaImage } from '../types.ts';

/**
 * An outline no code vouches for is not taken for the document's edges where the photo's print says it
 * is not the document: one whose corners would all pass, where the print stands round it rather than
 * in it (isPrintRoundOutline); one that says a corner is cut off, where it holds less of the print
 * than lies outside it (holdsLittleOfThePrint). The outline went round a thing printed on
 * the document. Its edges are then unseen, unless the photo's own frame shows the document's four
 * rounded corners (frameShowsDocumentCorners): the frame is then the outline.
 */
export function outlineHeldByPrint(
  cv: OpenCv,
  analysis: RgbaImage,
  image: RgbaImage,
  outline: DocumentOutline,
): DocumentOutline {
  if (outline.edgesUnseen) return outline;
  // A covered corner is judged by the photo at the corner (outline/coveredCorners.ts), and claimed
  // only where clear-photo finds the borders clear, which is not known here; a corner cut off is
  // claimed outright.
  const saysCornersFail = outline.missingCorners.length > 0;
  const scope = new MatScope(cv);
  try {
    const scale = Math.max(analysis.width, analysis.height) / Math.max(image.width, image.height);
    const print = measurePrintAboutOutline(scope, analysis, outline, scale);
    if (saysCornersFail ? holdsLittleOfThePrint(print) : isPrintRoundOutline(print))
      return frameShowsDocumentCorners(analysis)
        ? wholePhotoOutline(image, 'image')
        : { ...outline, missingCorners: [], coveredCorners: [], edgesUnseen: true };
    // An outline inside a document that fills the photo, holding less of its print than lies round it.
    if (holdsLessThanOutside(print) && frameShowsDocumentCorners(analysis))
      return wholePhotoOutline(image, 'image');
    return outline;
  } finally {
    scope.release();
  }
}

/**
 * Where the photo's print lies against the outline: glyphs standing inside text lines (a neighbour
 * of like height before and after them), counted. Glyphs with a neighbour on one side only counted
 * the blobs of a marble table round a card as print (real-photos' shakex/v3-card5: 27 round the card
 * against 22 on it; inside lines, 2 against 5).
 */
export interface PrintAboutOutline {
  readonly inside: number;
  /** Outside the outline but within it grown about its centre (AROUND_GROWTH): print round it. */
  readonly around: number;
  /** Farther out still: the rest of the photo's print. */
  readonly beyond: number;
}

/**
 * How far round the outline print is looked for: the outline grown threefold about its centre. The
 * thing an outline wrongly goes round is a part of the document beside the print it is printed among
 * (a portrait fills about a third of a TD3 page's width and half its height, ICAO 9303 part 4, the
 * portrait zone; a logo or stamp less), so the document's print lies within that reach; a document
 * whole in the photo has its ground there.
 */
const AROUND_GROWTH = 3;

/**
 * The print about the outline, measured on the analysis copy (`scale`: its pixels per photo pixel,
 * the outline being in the photo's pixels).
 */
export function measurePrintAboutOutline(
  scope: MatScope,
  analysis: RgbaImage,
  outline: DocumentOutline,
  scale: number,
): PrintAboutOutline {
  const quad = outline.quad.map(([x, y]) => [x * scale, y * scale] as const);
  const cx = quad.reduce((sum, [x]) => sum + x, 0) / 4;
  const cy = quad.reduce((sum, [, y]) => sum + y, 0) / 4;
  const grown = quad.map(([x, y]) => [cx + (x - cx) * AROUND_GROWTH, cy + (y - cy) * AROUND_GROWTH] as const);
  const isInside = insideConvexTest(quad);
  const isAround = insideConvexTest(grown);
  let inside = 0;
  let around = 0;
  let beyond = 0;
  for (const glyph of glyphsInLines(scope, toGreyscale(analysis))) {
    const [x, y] = centreOf(glyph);
    if (isInside(x, y)) inside++;
    else if (isAround(x, y)) around++;
    else beyond++;
  }
  return { inside, around, beyond };
}

/**
 * The outline is not the document where it holds no print worth the name while print stands round
 * it (both judged by MIN_GLYPHS, clarity's own least evidence of print): the outline is then a part
 * of a larger printed thing. An outline that holds print of its own is a printed thing whatever lies
 * beside it (a magazine page by another, real-photos' mapo80-glare/glare-743: 28 in it, 132 round
 * it). A document on a plain ground, or too small in the photo for print round it to be seen
 * (real-photos' kbyai/fra-id-3, 1.6% of the photo), stands.
 */
export function isPrintRoundOutline(print: PrintAboutOutline): boolean {
  return print.inside < MIN_GLYPHS && print.around >= MIN_GLYPHS;
}

/**
 * An outline that says a corner is cut off is not trusted to say so where it holds less of the
 * photo's print in lines than stands outside it, and that print reaches beyond the outline's
 * neighbourhood (MIN_GLYPHS or more past it grown threefold): the print fills the photo, the document
 * is larger than the outline, and the outline went round a part of it, its corners saying nothing of
 * the document's. Real-photos' kbyai/fra-id-3, a card filling the frame, re-encoded at JPEG quality
 * 60, halved or turned: outlines round its portrait or its flag, "cut off" every time (48 to 79
 * glyphs beyond). Print only beside the outline is another thing next to it: the page above a data
 * page taken for the document, cut off with the booklet (the booklet-cut composites: 82 to 100 glyphs
 * round it, none beyond), still says cut off.
 */
export function holdsLittleOfThePrint(print: PrintAboutOutline): boolean {
  const outside = print.around + print.beyond;
  return print.beyond >= MIN_GLYPHS && print.inside < outside;
}

/**
 * Less of the photo's print in lines stands inside the outline than outside it. Where the photo's own
 * frame shows a document's four rounded corners, such an outline is a part of the document that fills
 * the photo (its portrait with the print beside it), whatever print it holds: real-photos'
 * onfido-python/sample_driving_licence re-encoded at JPEG quality 60, whose outline ran from the
 * portrait's frame to a shadow across the card (6 glyphs in it, 9 round it), and whose glare was then
 * measured on that piece of it. Only with the frame's corners: elsewhere an outline holding some print
 * of its own may be a small document among other print (a card on a magazine page).
 */
export function holdsLessThanOutside(print: PrintAboutOutline): boolean {
  return print.inside < print.around + print.beyond;
}

const centreOf = (glyph: Glyph): readonly [number, number] => [
  glyph.x + glyph.width / 2,
  glyph.y + glyph.height / 2,
];

/**
 * ISO/IEC 7810's sizes (long side, short side, mm): ID-1 (cards, TD1), ID-2 (TD2), ID-3 (a TD3
 * passport page, ICAO 9303 part 4).
 */
const DOCUMENT_SIZES_MM = [
  [85.6, 53.98],
  [105, 74],
  [125, 88],
] as const;

/**
 * How far the photo's frame may depart from a format's aspect and still be taken for its page: the
 * scale range a document's layout is allowed about ICAO's (outline/roundedCorners.ts's FRAME_FIT).
 */
const FRAME_ASPECT_FIT = { min: 0.87, max: 1.15 } as const;

/**
 * Whether the photo's frame is the document, seen by its four rounded corners (ISO/IEC 7810: r =
 * 3.18 mm), where no code gives the scale: the frame taken for an ID-1, ID-2 or ID-3 document whose
 * aspect it has (FRAME_ASPECT_FIT), its corners looked for at that scale. A photo or scan that ends at
 * or just beyond a card's edge (real-photos' kbyai/fra-id-3, onfido-python/sample_driving_licence),
 * where the outline search went round the flag or the portrait on it; a crop inside a document has
 * print or texture in its corners.
 */
export function frameShowsDocumentCorners(analysis: RgbaImage): boolean {
  const long = Math.max(analysis.width, analysis.height);
  const aspect = long / Math.min(analysis.width, analysis.height);
  return DOCUMENT_SIZES_MM.some(([longMm, shortMm]) => {
    const fit = aspect / (longMm / shortMm);
    if (fit < FRAME_ASPECT_FIT.min || fit > FRAME_ASPECT_FIT.max) return false;
    return CORNER_NAMES.every((corner) => seesRoundedCorner(analysis, corner, long / longMm));
  });
}
