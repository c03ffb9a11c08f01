/**
 * How clearly a glyph is one character and not a near rival, judged only where their outlines differ
 * (readCodeByOutlines.ts). Correlating the whole glyph, as classifyGlyphs does, lets a pair that
 * differs in a small part (R and P: the leg; E and F: the foot; `<` and K) stay close however crisp
 * the print: on the fixtures' clean codes R led P by 0.19-0.20 and E led F by 0.16-0.17. On the cells
 * where one outline has ink and the other none, a crisp glyph is plainly one of the two, and a blurred
 * one is grey there and says neither.
 */
import type { OcrGlyph } from '../../engines/types.ts';
import type { GreyImage } from '../image.ts';
import { glyphInks, type GlyphInk } from './classifyGlyphs.ts';
import { OCRB_GLYPHS } from './ocrbGlyphs.ts';

/**
 * The least difference between two outlines, in cells of full ink on one and none on the other (of the
 * grid's 384), for their difference to tell them apart: a guard, since no two of OCR-B's 37 differ so
 * little (0 and O, the closest, by 42; R and P by 55, E and F by 54).
 */
const MIN_DIFFERING_CELLS = 8;

let outlines: Map<string, Float32Array> | undefined;

/** Each character's outline on the classifier's grid, 0..1 ink. */
function outlineOf(char: string): Float32Array {
  outlines ??= new Map(
    Object.entries(OCRB_GLYPHS).map(([c, glyph]) => [
      c,
      Float32Array.from(atob(glyph.ink), (byte) => byte.charCodeAt(0) / 255),
    ]),
  );
  return outlines.get(char)!;
}

/** A crop's glyphs, each on the classifier's grid with its ink stretched to 0..1 (null: no ink). */
export function glyphGrids(
  crop: GreyImage,
  boxes: readonly OcrGlyph['box'][],
  inks: readonly (GlyphInk | null)[] = glyphInks(crop, boxes),
): (Float32Array | null)[] {
  // A copy: the ink may be shared with the glyph's shape (classifyGlyphs.ts, glyphInks).
  return inks.map((glyph) => glyph && stretchedToFullRange(glyph.ink.slice()));
}

/**
 * The grid's values stretched to 0..1, in place (null where it is flat). Plain loops: per value, the
 * arrays a destructuring made were 2.8 MB of garbage a 12 MP check (issue 13).
 */
function stretchedToFullRange(grid: Float32Array): Float32Array | null {
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < grid.length; i++) {
    low = Math.min(low, grid[i]!);
    high = Math.max(high, grid[i]!);
  }
  if (high - low <= 0) return null;
  for (let i = 0; i < grid.length; i++) grid[i] = (grid[i]! - low) / (high - low);
  return grid;
}

/**
 * From -1 (the glyph is wholly `rival` where the two differ) to 1 (wholly `char`); 0 where the two
 * outlines hardly differ (MIN_DIFFERING_CELLS) or the glyph is grey where they do.
 */
export function tellApart(grid: Float32Array, char: string, rival: string): number {
  const [own, other] = [outlineOf(char), outlineOf(rival)];
  let [agreement, differing] = [0, 0];
  for (let i = 0; i < grid.length; i++) {
    const difference = own[i]! - other[i]!;
    agreement += difference * (grid[i]! - 0.5);
    differing += Math.abs(difference);
  }
  return differing < MIN_DIFFERING_CELLS ? 0 : agreement / (0.5 * differing);
}
