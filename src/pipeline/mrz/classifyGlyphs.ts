/**
 * A second opinion on each glyph tesseract read: its ink compared with OCR-B's own outline of every
 * MRZ character (ocrbGlyphs.ts). Tesseract's legacy classifier confuses M with H, B with 8, 3 with 5
 * and O with 0 on small or heavy print (../shared/real-ids); the outlines tell them apart, and OCR-B's
 * digits stand taller than its capitals, which separates 0 from O and 8 from B.
 */
import type { OcrGlyph } from '../../engines/types.ts';
import { invertedBytes, type GreyImage } from '../image.ts';
import { MRZ_ALPHABET, rectIn, type Rect } from '../types.ts';
import { OCRB_GLYPHS } from './ocrbGlyphs.ts';

/** The grid both a template and a glyph are resampled to: enough for OCR-B's strokes at 2-3 cells each. */
export const GLYPH_GRID = { width: 16, height: 24 } as const;

/**
 * Weights of the two shape penalties, in units of normalised cross-correlation (0..1), chosen on the
 * misreads of ../shared/real-ids: a glyph 10% taller than a character's template (relative to the
 * line) costs 0.14, 10% wider for its height 0.05.
 */
const HEIGHT_PENALTY = 1.5;
const ASPECT_PENALTY = 0.5;

/** Area-averaged resampling of `box` of `ink` (255 = ink) to GLYPH_GRID. */
export function resampleInk(ink: GreyImage, box: Rect<'crop'>): Float32Array {
  const { width: gw, height: gh } = GLYPH_GRID;
  const out = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    const ya = box.y + (gy * box.height) / gh;
    const yb = box.y + ((gy + 1) * box.height) / gh;
    for (let gx = 0; gx < gw; gx++) {
      const xa = box.x + (gx * box.width) / gw;
      const xb = box.x + ((gx + 1) * box.width) / gw;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const wx = Math.min(xb, x + 1) - Math.max(xa, x);
          if (wy <= 0 || wx <= 0) continue;
          sum += ink.data[y * ink.width + x]! * wx * wy;
          area += wx * wy;
        }
      }
      out[gy * gw + gx] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

interface Template {
  readonly width: number;
  readonly height: number;
  /** Its ink less its mean, and the sum of squares of that (correlation's terms, worked out once). */
  readonly ink: Centred;
}

let templates: readonly Template[] | undefined;

/** OCRB_GLYPHS decoded, in MRZ_ALPHABET order; once. */
function ocrbTemplates(): readonly Template[] {
  templates ??= [...MRZ_ALPHABET].map((char) => {
    const glyph = OCRB_GLYPHS[char]!;
    const bytes = atob(glyph.ink);
    return {
      width: glyph.width,
      height: glyph.height,
      ink: centred(Float32Array.from(bytes, (c) => c.charCodeAt(0))),
    };
  });
  return templates;
}

/**
 * For each glyph of one line, a score per MRZ character (indexed as MRZ_ALPHABET; higher is more
 * alike, about -1..1), or null where no ink was found in its box. `image` is black print on white.
 */
export function scoreGlyphs(
  image: GreyImage,
  glyphs: readonly OcrGlyph[],
  inks: readonly (GlyphInk | null)[] = glyphInks(
    image,
    glyphs.map((glyph) => glyph.box),
  ),
): (Float32Array | null)[] {
  return likenessOf(
    correlateGlyphs(
      image,
      glyphs.map((glyph) => glyph.box),
      inks,
    ),
    glyphs.map((glyph) => glyph.char),
  );
}

/** A glyph's own ink box in the image, and its ink resampled to GLYPH_GRID inside that box. */
export interface GlyphInk {
  readonly box: Rect<'crop'>;
  readonly ink: Float32Array;
}

/**
 * Each box's ink (GlyphInk), or null where no ink was found in it: what the outlines' likeness, the
 * glyph's shape (glyphShapes) and tellApart's grid each start from. A reader that needs more than one
 * of them works this out once and passes it to each (the same boxes of the same image): our own
 * reader resampled each glyph three times (issue 13).
 */
export function glyphInks(image: GreyImage, boxes: readonly OcrGlyph['box'][]): (GlyphInk | null)[] {
  const ink: GreyImage = { width: image.width, height: image.height, data: invertedBytes(image.data) };
  return boxes.map((glyphBox) => {
    const box = inkBox(image, glyphBox);
    return box && { box, ink: resampleInk(ink, box) };
  });
}

/** A glyph's ink box and its ink's correlation with every outline (MRZ_ALPHABET order). */
export interface GlyphCorrelation {
  readonly box: Rect<'crop'>;
  readonly correlations: Float64Array;
}

/**
 * scoreGlyphs' costly half, which depends on the boxes alone: a reader that refines its characters
 * (readCodeByOutlines.ts) correlates once and rescales (likenessOf) per pass.
 */
export function correlateGlyphs(
  image: GreyImage,
  boxes: readonly OcrGlyph['box'][],
  inks: readonly (GlyphInk | null)[] = glyphInks(image, boxes),
): (GlyphCorrelation | null)[] {
  const all = ocrbTemplates();
  return inks.map((glyph) => {
    if (!glyph) return null;
    const seen = centred(glyph.ink);
    return {
      box: glyph.box,
      correlations: Float64Array.from(all, (template) => correlationOf(seen, template.ink)),
    };
  });
}

/**
 * scoreGlyphs' other half: the correlations less the shape penalties, at the line's scale, which the
 * characters read set (a glyph's ink height over its character's template height, the median).
 */
export function likenessOf(
  correlated: readonly (GlyphCorrelation | null)[],
  chars: readonly string[],
): (Float32Array | null)[] {
  const all = ocrbTemplates();
  const units = correlated
    .map((glyph, i) => {
      const index = MRZ_ALPHABET.indexOf(chars[i]!);
      return index < 0 || !glyph ? 0 : glyph.box.height / all[index]!.height;
    })
    .filter((unit) => unit > 0)
    .sort((a, b) => a - b);
  const unit = units[Math.floor(units.length / 2)];
  if (unit === undefined) return correlated.map(() => null);
  return correlated.map((glyph) => {
    if (!glyph) return null;
    const { box, correlations } = glyph;
    return Float32Array.from(all, (template, k) => {
      const heightMismatch = Math.abs(Math.log(box.height / (unit * template.height)));
      const aspectMismatch = Math.abs(Math.log(box.width / box.height / (template.width / template.height)));
      return correlations[k]! - HEIGHT_PENALTY * heightMismatch - ASPECT_PENALTY * aspectMismatch;
    });
  });
}

/**
 * A glyph's ink as printed: resampled to GLYPH_GRID inside its own ink box, and that box's width over
 * its height. Two glyphs of one document, in one font, compare by these (sameFont.ts) where OCR-B's
 * outlines cannot tell a pair apart in another face.
 */
export interface GlyphShape {
  readonly ink: Float32Array;
  readonly aspect: number;
}

/** Each glyph's shape (GlyphShape), or null where no ink was found in its box. */
export function glyphShapes(
  image: GreyImage,
  glyphs: readonly OcrGlyph[],
  inks: readonly (GlyphInk | null)[] = glyphInks(
    image,
    glyphs.map((glyph) => glyph.box),
  ),
): (GlyphShape | null)[] {
  return inks.map((glyph) => glyph && { ink: glyph.ink, aspect: glyph.box.width / glyph.box.height });
}

/** Normalised cross-correlation of two glyphs' ink, less ASPECT_PENALTY for their widths' mismatch. */
export function shapeLikeness(a: GlyphShape, b: GlyphShape): number {
  return correlation(a.ink, b.ink) - ASPECT_PENALTY * Math.abs(Math.log(a.aspect / b.aspect));
}

/** The ink's own box inside tesseract's: pixels darker than midway between the box's extremes. */
export function inkBox(image: GreyImage, box: OcrGlyph['box']): Rect<'crop'> | null {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  let darkest = 255;
  let lightest = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = image.data[y * image.width + x]!;
      darkest = Math.min(darkest, v);
      lightest = Math.max(lightest, v);
    }
  }
  if (lightest - darkest < 32) return null;
  const threshold = (darkest + lightest) / 2;
  let left = x1;
  let top = y1;
  let right = x0;
  let bottom = y0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (image.data[y * image.width + x]! >= threshold) continue;
      left = Math.min(left, x);
      right = Math.max(right, x + 1);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + 1);
    }
  }
  return right - left >= 1 && bottom - top >= 2
    ? rectIn('crop', left, top, right - left, bottom - top)
    : null;
}

/** Normalised cross-correlation of two equal-length vectors. */
function correlation(a: Float32Array, b: Float32Array): number {
  return correlationOf(centred(a), centred(b));
}

/** A vector less its mean, and its sum of squares then: one side of a correlation. */
interface Centred {
  readonly deviations: Float64Array;
  readonly sumOfSquares: number;
}

/**
 * Each glyph is scored against all 37 templates: its side and theirs are centred once, not once a pair
 * (the same sums in the same order, so the same bits; 2/3 of the classifier's time).
 */
function centred(values: Float32Array): Centred {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  const deviations = new Float64Array(values.length);
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    deviations[i] = d;
    sumOfSquares += d * d;
  }
  return { deviations, sumOfSquares };
}

function correlationOf(a: Centred, b: Centred): number {
  const [da, db] = [a.deviations, b.deviations];
  let ab = 0;
  for (let i = 0; i < da.length; i++) ab += da[i]! * db[i]!;
  const [aa, bb] = [a.sumOfSquares, b.sumOfSquares];
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
