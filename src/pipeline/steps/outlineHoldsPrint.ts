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
import type { MatScope } from '../cv.ts';
import { insideConvexTest } from '../geometry.ts';
import { toGreyscale } from '../image.ts';
import type { DocumentOutline } from '../outline/findDocumentOutline.ts';
import type { RgbaImage } from '../types.ts';

/** Where the photo's print lies against the outline: glyphs in text lines, counted. */
export interface PrintAboutOutline {
  readonly inside: number;
  /** Outside the outline but within it grown about its centre (AROUND_GROWTH): print round it. */
  readonly around: number;
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
  for (const glyph of glyphsInLines(scope, toGreyscale(analysis))) {
    const [x, y] = centreOf(glyph);
    if (isInside(x, y)) inside++;
    else if (isAround(x, y)) around++;
  }
  return { inside, around };
}

/**
 * The outline is not the document where more print stands round it than in it, and enough to be
 * print (MIN_GLYPHS, clarity's own least evidence of print): the outline is then a part of a larger
 * printed thing. A document on a plain ground, or too small in the photo for its print to be seen
 * (real-photos' kbyai/fra-id-3, 1.6% of the photo), has little print round it, and stands.
 */
export function isPrintRoundOutline(print: PrintAboutOutline): boolean {
  return print.around >= MIN_GLYPHS && print.around > print.inside;
}

const centreOf = (glyph: Glyph): readonly [number, number] => [
  glyph.x + glyph.width / 2,
  glyph.y + glyph.height / 2,
];
