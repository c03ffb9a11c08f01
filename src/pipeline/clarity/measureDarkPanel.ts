/**
 * A screen that is switched off shows no pixel grid for measureMedium's lattice to find: what the
 * camera sees is a black glass panel, lit only by the reflections on its gloss, inside a bright bezel
 * or phone body. A document is the opposite: ICAO 9303 part 3 has its data printed dark on a light
 * background, so what the outline went round is mostly light. The panel is told by three things
 * together, each far from any document in our sets (README.md in this folder has the figures): what
 * the outline went round is nearly black, a ring just outside it is many times brighter (a bezel, not
 * a dark room: an underexposed photo is dark inside and out), and its brightest tenth is well above
 * its median (reflections on gloss; a card in shadow is evenly dark).
 */
import { convexEdges, isInsideEdges } from '../geometry.ts';
import type { ImagePoint, Quad, RgbaImage } from '../types.ts';
import { measureMedium, type MediumMeasures } from './measureMedium.ts';

export interface DarkPanelMeasures {
  /** Median luma (0..255) inside the outline, its 90th percentile, and the share below DARK_LUMA. */
  readonly insideLuma: number;
  readonly insideHighlightLuma: number;
  readonly darkShare: number;
  /** Median luma of the ring just outside the outline (in the photo). */
  readonly aroundLuma: number;
  readonly isSwitchedOffScreen: boolean;
}

/** measureMedium's lattice, and the dark panel where no lattice was found. */
export interface PhotoMediumMeasures extends MediumMeasures {
  readonly darkPanel: DarkPanelMeasures | null;
}

export const DARK_PANEL_THRESHOLDS = {
  /** Median luma inside at most this: the switched-off screen 17; every document in our sets ≥ 41. */
  maxInsideLuma: 28,
  /** Share of the inside darker than DARK_LUMA at least this: the screen 0.81; documents ≤ 0.49. */
  minDarkShare: 0.65,
  /** The ring around this many times brighter than the inside: the screen 14; documents ≤ 4.9. */
  minAroundOverInside: 8,
  /** Reflections: the inside's 90th percentile this many times its median (the screen 5). */
  minHighlightOverInside: 3,
} as const;

/** Luma below which a pixel is black: no paper or card stock, even in shade, is this dark in a usable photo. */
const DARK_LUMA = 40;
/** The ring outside the outline reaches this far beyond it, as a share of the centre's distance to each corner. */
const RING_GROWTH = 0.25;
/** Pixels sampled on a grid this many steps across the photo's long side. */
const SAMPLES_ACROSS = 400;

export function measurePhotoMedium(image: RgbaImage, quad: Quad<ImagePoint> | null): PhotoMediumMeasures {
  const lattice = measureMedium(image, quad);
  const darkPanel = quad && measureDarkPanel(image, quad);
  const medium = lattice.medium ?? (darkPanel?.isSwitchedOffScreen ? 'screen' : null);
  return { ...lattice, medium, darkPanel };
}

export function measureDarkPanel(image: RgbaImage, quad: Quad<ImagePoint>): DarkPanelMeasures {
  const cx = quad.reduce((sum, p) => sum + p[0], 0) / 4;
  const cy = quad.reduce((sum, p) => sum + p[1], 0) / 4;
  const ring = quad.map(
    ([x, y]) => [cx + (x - cx) * (1 + RING_GROWTH), cy + (y - cy) * (1 + RING_GROWTH)] as const,
  );
  const { inside, around } = sampleLuma(image, convexEdges(quad), convexEdges(ring));
  const insideLuma = quantile(inside, 0.5);
  const insideHighlightLuma = quantile(inside, 0.9);
  const aroundLuma = quantile(around, 0.5);
  const darkShare = inside.length ? countBelow(inside, DARK_LUMA) / inside.length : 0;
  const t = DARK_PANEL_THRESHOLDS;
  const isSwitchedOffScreen =
    inside.length > 0 &&
    around.length > 0 &&
    insideLuma <= t.maxInsideLuma &&
    darkShare >= t.minDarkShare &&
    aroundLuma >= t.minAroundOverInside * Math.max(1, insideLuma) &&
    insideHighlightLuma >= t.minHighlightOverInside * Math.max(1, insideLuma);
  return {
    insideLuma: round(insideLuma),
    insideHighlightLuma: round(insideHighlightLuma),
    darkShare: round(darkShare),
    aroundLuma: round(aroundLuma),
    isSwitchedOffScreen,
  };
}

/** The luma on a grid of the photo, inside the quad and in the ring round it (both as convexEdges). */
function sampleLuma(
  image: RgbaImage,
  inQuad: Float64Array,
  inRing: Float64Array,
): { inside: LumaSamples; around: LumaSamples } {
  const step = Math.max(1, Math.round(Math.max(image.width, image.height) / SAMPLES_ACROSS));
  // Typed arrays sort numerically with no comparator: several times faster than number[] on 10^5 samples.
  const samples = Math.ceil(image.width / step) * Math.ceil(image.height / step);
  const insideAll = new Float32Array(samples);
  const aroundAll = new Float32Array(samples);
  let insideCount = 0;
  let aroundCount = 0;
  const { data, width, height } = image;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const j = (y * width + x) * 4;
      const luma = 0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!;
      if (isInsideEdges(inQuad, x, y)) insideAll[insideCount++] = luma;
      else if (isInsideEdges(inRing, x, y)) aroundAll[aroundCount++] = luma;
    }
  }
  return {
    inside: lumaSamples(insideAll.subarray(0, insideCount)),
    around: lumaSamples(aroundAll.subarray(0, aroundCount)),
  };
}

/**
 * Luma samples, counted by whole luma: a quantile is the value sorting them all would put at share q,
 * found by sorting only the samples of its whole luma (sorting 10^5 samples took 4 ms of the 12 MP
 * check). A plain object and functions, not a class: a class instance made for each photo left the
 * optimised code that used it tied to objects the collector took with the photo, and V8 compiled it
 * again for every photo (`node --trace-deopt`: "weak objects", every 12 MP check).
 */
interface LumaSamples {
  readonly values: Float32Array;
  /** How many samples have each whole luma. */
  readonly counts: Uint32Array;
  readonly length: number;
}

function lumaSamples(values: Float32Array): LumaSamples {
  return { values, counts: wholeLumaCounts(values), length: values.length };
}

function wholeLumaCounts(values: Float32Array): Uint32Array {
  const counts = new Uint32Array(257);
  for (let i = 0; i < values.length; i++) counts[Math.floor(values[i]!)]!++;
  return counts;
}

/** sorted[floor(q · n)] (0 when there are none). */
function quantile({ values, counts }: LumaSamples, q: number): number {
  const n = values.length;
  if (n === 0) return 0;
  const rank = Math.min(n - 1, Math.floor(q * n));
  let before = 0;
  let bin = 0;
  while (before + counts[bin]! <= rank) before += counts[bin++]!;
  return inBinSorted(values, bin, counts[bin]!)[rank - before]!;
}

/** How many are below the whole number `limit`. */
function countBelow({ counts }: LumaSamples, limit: number): number {
  let below = 0;
  for (let bin = 0; bin < limit; bin++) below += counts[bin]!;
  return below;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The `count` values whose whole part is `bin`, sorted (a small function: its loop runs optimised, image.ts). */
function inBinSorted(values: Float32Array, bin: number, count: number): Float32Array {
  const inBin = new Float32Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (Math.floor(values[i]!) === bin) inBin[k++] = values[i]!;
  return inBin.sort();
}
