/**
 * Handwriting over the print: NHS login does "not accept photo ID with any handwritten information
 * other than a signature". What can be told from the pixels is ballpoint ink written over printed
 * text (a date written over): strokes of a dark, strongly blue ink, thin as a pen's line, lying on or
 * against the document's dark neutral print. A signature sits in a field of its own, so little of it
 * touches print; a document's own blue (a flag's box, a state's name printed in blue, a portrait's
 * clothes) is either solid, and opened away, or printed clear of the black text. Black ink cannot be
 * told from print by its colour and is not looked for. Thresholds and where they came from: README.md
 * in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import { boxBlurRgba } from '../boxBlur.ts';
import { greyToMat, withMats, type MatScope } from '../cv.ts';
import { opening } from '../morphology.ts';
import { resizeRgbaByArea, shrinkRgbaToFit } from '../resizeArea.ts';
import type { HandwritingMeasure, RgbaImage } from '../types.ts';

export const HANDWRITING_THRESHOLDS = {
  /**
   * Pen strokes in patches of ink mixed with print, per mille of the document's area, at least this
   * for handwriting over the print. Fixtures: a date written over 1.64 and 1.96; signatures alone
   * ≤ 0.46; every other fixture ≤ 0.73 (Irish licences' signatures touching field numbers); real
   * documents in ../shared ≤ 0.61 (35 measured, blue labels, headings and hand signatures among them).
   * Near the geometric middle of 0.73 and 1.64 (README.md in this folder).
   */
  minOverPrintPerMille: 1.1,
} as const;

/**
 * Measured at this many pixels to the millimetre (a pen's 0.4 mm line 3.6 px wide), the document's
 * width taken from its shape: an ID-1 card is 85.6 mm wide, a TD3 page 125 (ICAO 9303 part 3), and a
 * page is the squarer of the two (1.42 against 1.59).
 */
const PX_PER_MM = 9;
/** The photo's own pixels to the document's millimetre, at least: a 0.4 mm line 1.6 px wide. */
const MIN_NATIVE_PX_PER_MM = 4;
function measureWidthPx({ width, height }: RgbaImage): number {
  const widthMm = Math.max(width, height) / Math.min(width, height) < 1.5 ? 125 : 85.6;
  return Math.round(widthMm * PX_PER_MM);
}
/**
 * The rectified document at PX_PER_MM: shrunk, or enlarged where the photo had fewer pixels (the
 * document is rectified at the photo's own resolution). Every width and length below is in pixels at
 * PX_PER_MM; measured at the photo's own 4.9 px/mm instead, a pen's 0.4 mm line (2 px) outlived the
 * 5-px opening that takes strokes apart from solid blue, and a date written over a passport's print,
 * halved, came out at 0.74 per mille, under the threshold (a false pass), while four halved drawn
 * licences' blue print came out at 1.1-1.5, taken for handwriting (npm run eval -- --transform half,
 * 2026-12-05). Enlarging adds no detail: a line the photo blurred into the print stays so.
 */
function atMeasureScale(cv: OpenCv, document: RgbaImage, measureWidth: number): RgbaImage {
  if (document.width >= measureWidth) return shrinkRgbaToFit(cv, document, measureWidth);
  const height = Math.round((document.height * measureWidth) / document.width);
  return resizeRgbaByArea(cv, document, measureWidth, height);
}
/** Ink is pen blue when its blue channel leads the other two by this much (ballpoint blue: 70–110). */
const MIN_BLUENESS = 35;
/**
 * Colour is judged on the document blurred this wide: a JPEG keeps colour at half resolution, so the
 * core of a thin blue stroke can come out grey and its edges blue (a blue heading would read as blue
 * ink against grey print); blurred, a blue stroke is blue throughout and a black one grey.
 */
const CHROMA_BLUR_PX = 5;
/** Ink is this much darker than the mean of the AROUND_PX square round it (a 3.4 mm square at 9 px/mm). */
const INK_CONTRAST = 30;
const AROUND_PX = 31;
/** Pen ink is bluer than its neighbourhood by this much: blue ink on a blue background still shows. */
const MIN_BLUER_THAN_AROUND = 20;
/** Print is neutral: its blue leads by less than this (dark blue print is neither pen nor print). */
const MAX_PRINT_BLUENESS = 15;
/** Strokes are what an opening this wide removes (a pen's line, ≤ 0.5 mm on an ID-1 card at 800 px). */
const STROKE_OPENING_PX = 5;
/**
 * A patch of ink is writing over print when both pen and print make up at least this share of it: a
 * blue heading's grey fringes (a JPEG's colour at half resolution) are a few per cent of its glyphs,
 * a black glyph has no blue, and a date written over joins the pen's strokes to the glyphs they cross.
 */
const MIN_MIXED_SHARE = 0.2;
/**
 * And the pen in it is a stroke of writing, not a printed glyph: this many pixels, a 0.4 mm line
 * 4.5 mm long at 9 px/mm (a blue label's glyph, even bold, is under 100).
 */
const MIN_STROKE_PX = 150;

/**
 * `photoPxPerDocPx`: how many photo pixels each pixel of the rectified document had. Below
 * MIN_NATIVE_PX_PER_MM a pen's line and print's strokes blur into each other: not measured (null).
 */
export function measureHandwriting(
  cv: OpenCv,
  document: RgbaImage,
  photoPxPerDocPx: number,
): HandwritingMeasure | null {
  const measureWidth = measureWidthPx(document);
  if ((document.width * photoPxPerDocPx * PX_PER_MM) / measureWidth < MIN_NATIVE_PX_PER_MM) return null;
  return withMats(cv, (scope) => {
    const image = atMeasureScale(cv, document, measureWidth);
    const smooth = boxBlurRgba(cv, image, CHROMA_BLUR_PX).data;
    const around = boxBlurRgba(cv, image, AROUND_PX).data;
    const { pen, print, ink, width, height } = inkMasks(image, smooth, around);
    const strokes = thinParts(cv, pen, width, height);
    const { penPixels, overPrint } = penInMixedInk(scope, cv, { pen: strokes, print, ink }, width, height);
    const area = width * height;
    const overPrintPerMille = round((1000 * overPrint) / area);
    return {
      penPerMille: round((1000 * penPixels) / area),
      overPrintPerMille,
      writtenOver: overPrintPerMille >= HANDWRITING_THRESHOLDS.minOverPrintPerMille,
    };
  });
}

/**
 * Pen strokes in all, and those in patches of ink (pen and print joined, 8-connected) where both make
 * up MIN_MIXED_SHARE or more: pen written over print, not beside it.
 */
function penInMixedInk(
  scope: MatScope,
  cv: OpenCv,
  { pen, print, ink }: { pen: Uint8Array; print: Uint8Array; ink: Uint8Array },
  width: number,
  height: number,
): { penPixels: number; overPrint: number } {
  // Too few strokes for any patch to hold MIN_STROKE_PX of them: none is over print, and every
  // stroke is in some patch (pen is ink), so their count is all there is to say; no labelling.
  const strokes = sumOf(pen);
  if (strokes < MIN_STROKE_PX) return { penPixels: strokes, overPrint: 0 };
  const labels = scope.mat();
  const count = cv.connectedComponents(greyToMat(scope, { width, height, data: ink }), labels, 8, cv.CV_32S);
  // Read in place: nothing is allocated in OpenCV's heap (which would move it) before the count.
  const { penOf, printOf } = inkPerPatch(labels.data32S, count, pen, print);
  let penPixels = 0;
  let overPrint = 0;
  for (let k = 1; k < count; k++) {
    const [p, q] = [penOf[k]!, printOf[k]!];
    penPixels += p;
    if (p >= MIN_STROKE_PX && p >= MIN_MIXED_SHARE * (p + q) && q >= MIN_MIXED_SHARE * (p + q))
      overPrint += p;
  }
  return { penPixels, overPrint };
}

function sumOf(values: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

/** Pen and print pixels in each labelled patch of ink. */
function inkPerPatch(
  label: Int32Array,
  count: number,
  pen: Uint8Array,
  print: Uint8Array,
): { penOf: Uint32Array; printOf: Uint32Array } {
  const penOf = new Uint32Array(count);
  const printOf = new Uint32Array(count);
  for (let i = 0; i < pen.length; i++) {
    if (pen[i]) penOf[label[i]!]!++;
    else if (print[i]) printOf[label[i]!]!++;
  }
  return { penOf, printOf };
}

/**
 * Ink, pen and print, as 0/255 masks. Ink is what is darker than its neighbourhood (`around`, the
 * document blurred over AROUND_PX) by INK_CONTRAST, whatever its colour: where the pen crosses print
 * the two mix. Pen is ink that is strongly blue (`smoothed`) and bluer than its neighbourhood (a black
 * glyph on a blue background is not); print is the rest of the ink that is neutral or no bluer than
 * its neighbourhood.
 */
export function inkMasks(
  image: RgbaImage,
  smoothed: RgbaImage['data'],
  around: RgbaImage['data'],
): { pen: Uint8Array; print: Uint8Array; ink: Uint8Array; width: number; height: number } {
  const { width, height, data } = image;
  const size = width * height;
  const pen = new Uint8Array(size);
  const print = new Uint8Array(size);
  const ink = new Uint8Array(size);
  markInk(data, smoothed, around, pen, print, ink);
  return { pen, print, ink, width, height };
}

/**
 * inkMasks' loop, over typed arrays alone and returning nothing (see image.ts: loops that run once a
 * photo keep their optimised code only so).
 */
function markInk(
  data: RgbaImage['data'],
  smoothed: RgbaImage['data'],
  around: RgbaImage['data'],
  pen: Uint8Array,
  print: Uint8Array,
  ink: Uint8Array,
): void {
  // Written out, not as arrow functions made each call: the loop then runs optimised (image.ts).
  for (let i = 0, j = 0; i < ink.length; i++, j += 4) {
    const luma = 0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!;
    const aroundLuma = 0.299 * around[j]! + 0.587 * around[j + 1]! + 0.114 * around[j + 2]!;
    if (luma > aroundLuma - INK_CONTRAST) continue;
    ink[i] = 255;
    const blue = smoothed[j + 2]! - Math.max(smoothed[j]!, smoothed[j + 1]!);
    const aroundBlue = around[j + 2]! - Math.max(around[j]!, around[j + 1]!);
    if (blue >= MIN_BLUENESS && blue - aroundBlue >= MIN_BLUER_THAN_AROUND) pen[i] = 255;
    else if (blue < MAX_PRINT_BLUENESS || blue <= aroundBlue) print[i] = 255;
  }
}

/** The mask's thin parts: what an opening removes (strokes), leaving solid areas out. */
function thinParts(cv: OpenCv, mask: Uint8Array, width: number, height: number): Uint8Array {
  const solid = opening(cv, { width, height, data: mask }, STROKE_OPENING_PX, STROKE_OPENING_PX).data;
  const thin = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) thin[i] = mask[i]! && !solid[i] ? 1 : 0;
  return thin;
}

const round = (value: number) => Math.round(value * 100) / 100;
