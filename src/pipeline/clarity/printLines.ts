/**
 * Which pixels lie in a line of print, lifted above that line's own paper: where measureGlare.ts
 * looks for print lost under a wash. Thresholds: README.md in this folder.
 */
import type { GreyImage } from '../image.ts';

/** A washed pixel is this far above the document's paper (measureGlare.ts); a pixel beside print on one side only, above its line's. */
export const WASH_ABOVE_PAPER = 14;
/**
 * Paper at least this light is the sensor's limit itself (a render, a scan's white): nothing on it can
 * be told from a clipped patch. Between CLIPPED_PAPER (measureGlare.ts) and this, a patch the sensor clipped (255) as
 * wide as a glyph, in a line of print between print, is glare: its line's paper was below the limit.
 * Within JPEG's rounding of the limit, not 1 level under it: re-encoding moves flat white block by
 * block (each 8x8 block's mean is quantised; at quality 60 by about 1.6 levels, with chroma rounding
 * on top), so white paper comes out a mosaic of 252-255 whose blocks at 255 look clipped.
 * Real-photos' onfido-python/sample_driving_licence, white to 255 as its PNG, has its paper's 75th
 * percentile at 252 re-encoded at quality 60, and its 255 blocks measured glare 0.027 (issue 13).
 */
export const PAPER_AT_LIMIT = 252;
/**
 * Lost print is lifted above the paper round its line's print (the least light of the local maxima
 * there, which sensor noise only raises). Between print on both sides, by LIFT_BETWEEN_PRINT: the
 * white band an MRZ stands on is its line's own paper, level with it within noise, while glare
 * clipping over that band lifts it by 7 (fixtures: a band at 248). Beside print on one side only (a
 * wash over a line's start or end), by WASH_ABOVE_PAPER, as a wash over the document: a band's margin
 * beyond its line's ends is lit a little unevenly, not washed.
 */
const LIFT_BETWEEN_PRINT = 5;

/** inLineOfPrint's flags: lifted above its line's paper (isLifted); crisp print along its line on both sides. */
export const LIFTED = 1;
export const BETWEEN_PRINT = 2;

/** Whether `grey` is lifted above the paper of the print before it and after it (0: none within reach). */
function isLifted(grey: number, before: number, after: number): boolean {
  if (before && after) {
    const linePaper = Math.max(before, after);
    // Clipped where its line's paper, between print, was below the sensor's limit: lifted as far as it can be.
    return grey >= linePaper + LIFT_BETWEEN_PRINT || (grey === 255 && linePaper < PAPER_AT_LIMIT);
  }
  const paper = before || after;
  return paper > 0 && grey >= paper + WASH_ABOVE_PAPER;
}

/**
 * Print lost lies in a line of print, lifted above that line's paper: a pixel with crisp print along
 * its line within `reach` on one side at least, and brighter than the paper round the print that line
 * showed on that side (isLifted; the least bright, so that print at a wash's rim, its paper already
 * lifted, does not set the level). A blank white strip between blocks of print, or beyond the
 * last line, has no print along it; the white band a line of print stands on is that line's own paper.
 * The document's edge, `edge` px in from the image's, is not print. Flags each pixel LIFTED so, and
 * BETWEEN_PRINT where its line has crisp print within reach on both sides (where faded print is looked for).
 * Lines run the way crisp print runs longest (across a rectified document; down a photo turned a
 * quarter).
 */
export function inLineOfPrint(
  grey: GreyImage,
  light: GreyImage,
  crisp: Uint8Array,
  reach: number,
  edge: number,
): Uint8Array {
  const { width, height } = grey;
  const across = runsAcross(crisp, width);
  const [lines, length, lineStep, step] = across ? [height, width, width, 1] : [width, height, 1, width];
  const lifted = new Uint8Array(crisp.length);
  // The paper round the print seen before each pixel along its line (within reach), or none (0).
  const before = new Uint8Array(length);
  const line = { grey: grey.data, light: light.data, crisp, lifted, before, length, step, reach, edge };
  for (let at = 0; at < lines; at++) {
    scanLine(line, at * lineStep, 1);
    scanLine(line, at * lineStep, -1);
  }
  return lifted;
}

/** Whether crisp print runs across (changes less often along rows than down columns). */
function runsAcross(crisp: Uint8Array, width: number): boolean {
  let acrossChanges = 0;
  let downChanges = 0;
  for (let i = 0; i + width < crisp.length; i++) {
    if (crisp[i] !== crisp[i + 1]) acrossChanges++;
    if (crisp[i] !== crisp[i + width]) downChanges++;
  }
  return acrossChanges <= downChanges;
}

/**
 * One line of inLineOfPrint, from `start` one way: forwards it notes the paper before each pixel in
 * `before`; backwards it flags `lifted` from that and the paper after.
 */
function scanLine(
  line: {
    readonly grey: Uint8Array;
    readonly light: Uint8Array;
    readonly crisp: Uint8Array;
    readonly lifted: Uint8Array;
    readonly before: Uint8Array;
    readonly length: number;
    readonly step: number;
    readonly reach: number;
    readonly edge: number;
  },
  start: number,
  direction: 1 | -1,
): void {
  const { grey, light, crisp, lifted, before, length, step, reach, edge } = line;
  let since = reach + 1;
  let paper = 255;
  for (let k = 0; k < length; k++) {
    const along = direction === 1 ? k : length - 1 - k;
    const i = start + along * step;
    // The document's own edge against the ground is crisp, but it is no print.
    if (crisp[i] && along >= edge && along < length - edge) {
      since = 0;
      paper = Math.min(paper, light[i]!);
      continue;
    }
    const seen = !crisp[i] && ++since <= reach ? paper : 0;
    if (direction === 1) before[along] = seen;
    else {
      if (isLifted(grey[i]!, before[along]!, seen)) lifted[i] = LIFTED;
      if (before[along] && seen) lifted[i] = lifted[i]! | BETWEEN_PRINT;
    }
  }
}
