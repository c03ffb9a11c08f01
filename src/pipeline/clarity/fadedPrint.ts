/**
 * Print faded under a wash that need not lift its paper (a white page is already at the sensor's
 * limit, issue 12 item 3): the strokes under the wash keep some contrast, less than crisp print's,
 * and lose their colour with it. The pixels measureGlare.ts counts as that print. Thresholds:
 * README.md in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import type { GreyImage } from '../image.ts';
import { rectFilter } from '../morphology.ts';
import type { RgbaImage } from '../types.ts';
import { brightestOnSimd, darkestOnSimd } from '../rgbaBytesSimd.ts';

/**
 * A local range still at least FAINT_RATIO of the document's print contrast (print is there, where
 * blank paper has none), its paper at least the document's and at least FAINT_PAPER_FLOOR (a wash is
 * bright), and the print colourless (FAINT_CHROMA: a wash mixes ink and the card's tint towards white,
 * where a card's own light print in green or red keeps its colour).
 */
const FAINT_RATIO = 0.15;
const FAINT_PAPER_FLOOR = 230;
const FAINT_CHROMA = 18;
/**
 * A wash fades all the print under it, most at its centre: faded print counts only this many print
 * windows (a square) from any crisp print, where a card's own light labels sit a line from its dark data.
 */
const FAINT_CORE = 3;
/**
 * Print faded is weaker evidence than paper lifted: a card's own light grey print (a guilloche, a
 * ghost portrait) can look the same in a patch. Its share of the print counts at this weight.
 */
export const FAINT_WEIGHT = 0.3;

/** What the document's print looks like in a window round each pixel (measureGlare.ts). */
export interface PrintInWindows {
  /** Lightest in the window: the paper round the print. */
  readonly light: GreyImage;
  /** Lightest less darkest: how much print stands on its paper there. */
  readonly range: GreyImage;
  /** 1 where the range is crisp print's. */
  readonly crisp: Uint8Array;
  /** The window's side, px. */
  readonly window: number;
  /** The document's print contrast (a high percentile of the range). */
  readonly printContrast: number;
}

/** The least paper a wash can have faded print on: the document's, and bright. */
export const fadedPaperLevel = (paper: number) => Math.max(paper, FAINT_PAPER_FLOOR);

/**
 * 1 where the print is faded as under a wash: not crisp, far from crisp print, still print, on
 * bright paper (`paper`: the document's), colourless. Whether it lies in a line of print is the caller's.
 */
export function fadedPrintMask(
  cv: OpenCv,
  image: RgbaImage,
  print: PrintInWindows,
  paper: number,
): Uint8Array {
  const { light, range, crisp, window, printContrast } = print;
  const core = FAINT_CORE * window;
  const nearCrisp = rectFilter(
    cv,
    { width: image.width, height: image.height, data: crisp },
    core,
    core,
    'max',
  );
  const chroma = printChroma(cv, image, window);
  const floor = FAINT_RATIO * printContrast;
  const bright = fadedPaperLevel(paper);
  return fadedWhere(crisp, nearCrisp.data, range.data, light.data, chroma, floor, bright);
}

/** fadedPrintMask's test, pixel by pixel, over plain arrays (a loop V8 optimises: image.ts). */
function fadedWhere(
  crisp: Uint8Array,
  nearCrisp: Uint8Array,
  range: Uint8Array,
  light: Uint8Array,
  chroma: Uint8Array,
  floor: number,
  bright: number,
): Uint8Array {
  const out = new Uint8Array(crisp.length);
  for (let i = 0; i < out.length; i++) {
    if (crisp[i] || nearCrisp[i]) continue;
    if (range[i]! >= floor && light[i]! >= bright && chroma[i]! <= FAINT_CHROMA) out[i] = 1;
  }
  return out;
}

/**
 * How colourful the print round each pixel is: the darkest of its pixels' highest channel less the
 * darkest of their lowest, in the same window. Black or grey print mixed towards white stays
 * colourless; a card's green or red print does not.
 */
function printChroma(cv: OpenCv, image: RgbaImage, window: number): Uint8Array {
  const high = new Uint8Array(image.width * image.height);
  const low = new Uint8Array(high.length);
  const d = image.data;
  if (!brightestOnSimd(d, high, high.length) || !darkestOnSimd(d, low, low.length))
    for (let i = 0, j = 0; i < high.length; i++, j += 4) {
      high[i] = Math.max(d[j]!, d[j + 1]!, d[j + 2]!);
      low[i] = Math.min(d[j]!, d[j + 1]!, d[j + 2]!);
    }
  const size = { width: image.width, height: image.height };
  const darkestHigh = rectFilter(cv, { ...size, data: high }, window, window, 'min').data;
  const darkestLow = rectFilter(cv, { ...size, data: low }, window, window, 'min').data;
  const out = new Uint8Array(high.length);
  for (let i = 0; i < out.length; i++) out[i] = darkestHigh[i]! - darkestLow[i]!;
  return out;
}
