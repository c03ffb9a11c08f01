/**
 * What the photo was taken of: the document itself, or a screen or a printout showing it. Both leave a
 * lattice in the photo that a card or a passport page does not: a screen its pixels (a grid of red,
 * green and blue stripes side by side), a printout its halftone (dots of ink laid over one another at
 * the printer's screen angle). The lattice shows as the same sharp peak in the spectrum of every patch
 * of the document; whether its three colours sit side by side or on top of each other tells a screen
 * from a printout. Where the evidence is weak or mixed the answer is null: a real card called a screen
 * is worse than a screen missed. Thresholds and where they came from: README.md in this folder.
 */
import { quadSideLengths } from '../geometry.ts';
import type { ImagePoint, Quad, RgbaImage } from '../types.ts';
import { fft2, FFT_SIDE } from './fft.ts';
import { loudestBins, offerBin } from './loudestBins.ts';

export type PhotoMedium = 'screen' | 'printout';

export interface MediumMeasures {
  /** What the lattice says the photo is of, or null: the document itself, or we cannot tell. */
  readonly medium: PhotoMedium | null;
  /** Patches measured, and how many of them show the same lattice peak. */
  readonly patches: number;
  readonly latticePatches: number;
  /** The median patch's highest peak over its neighbourhood (0: none reached the threshold), and the lattice's period in photo pixels. */
  readonly peakRatio: number;
  readonly periodPx: number | null;
  /** 0..1: how far the peak's three colours lie on top of each other (1) rather than side by side (0). */
  readonly colourCoherence: number | null;
}

export const MEDIUM_THRESHOLDS = {
  /** A patch shows a lattice when its highest peak stands this many times above its neighbourhood's median. */
  minPeakRatio: 40,
  /**
   * Patches whose peaks agree in frequency, for a lattice over the whole document: at least this many,
   * and this share of the patches. A printout's white is bare paper, with no dots to show a lattice.
   */
  minLatticePatches: 3,
  minLatticeShare: 0.6,
  /**
   * A lattice seen along one direction only (a screen's rows, its columns too fine to resolve) counts
   * when every patch shows it, this many times above its neighbourhood in the median patch: a line of
   * text repeats along one direction too, but not across a whole document or screen. The photo of a
   * spreadsheet on a screen in ../shared/real-photos (glare-266.jpg) measures 644.
   */
  minOneWayRatio: 300,
  /**
   * Colours side by side (a screen's subpixels) at or below this; above it, ink on ink, or a screen
   * seen too far off to resolve its stripes (told then by the lattice's angles).
   */
  maxScreenCoherence: 0.45,
  /** A pixel grid lies square to the camera (within this); a printer's black screen is set at 45°. */
  maxScreenAxisDeg: 8,
} as const;

/** Patch side: a power of two for the FFT; 128 px holds 16 or more periods of any lattice looked for. */
const PATCH = FFT_SIDE;
/**
 * Periods looked for, in photo pixels: from 3 (a camera's Bayer mosaic and noise live at 2, and an
 * image scaled up by a fraction beats at 2.5: ../shared/real-ids's resident_cards_Germany.png) up
 * to 10 (text's stroke and character pitches have their harmonics below that, and a lattice coarser
 * than 10 px is a print or a screen seen so close that the document would not fit).
 */
const MIN_PERIOD_PX = 3;
const MAX_PERIOD_PX = 10;
/** JPEG's 8×8 blocks put peaks at multiples of PATCH/8 on both axes: those bins are not a lattice. */
const JPEG_BLOCK_BINS = PATCH / 8;
/** Peaks in two patches are the same lattice when within this many bins of each other (or mirrored). */
const SAME_PEAK_BINS = 2;
/** Two peaks at least this far apart in direction make a lattice (two-dimensional). */
const MIN_LATTICE_ANGLE_DEG = 20;
/** The document (or the photo) must be this many patches across its short side for the patches to differ. */
const MIN_SIDE_PATCHES = 3;
/** Peaks kept per patch: one for each ink of a printout and the lattice's second axis. */
const PEAKS_PER_PATCH = 10;
/** Bins tested per patch, the loudest of the whitened spectrum's ~3,900 in the band. */
const CANDIDATES_PER_PATCH = 96;

export function measureMedium(image: RgbaImage, quad: Quad<ImagePoint> | null): MediumMeasures {
  const none: MediumMeasures = {
    medium: null,
    patches: 0,
    latticePatches: 0,
    peakRatio: 0,
    periodPx: null,
    colourCoherence: null,
  };
  // Patches on a small document overlap and see the same print: their agreement would prove nothing
  // (an MRZ's character pitch on a small passport page, fixtures: 7.3 px, repeats in every one). The
  // lattice of a screen or a page covers the whole photo, so it is then looked for there (a printout's
  // halftone also hides its edges from the outline stage: the quads found on generated printouts are
  // 170-460 px).
  const isBigEnough = (sides: { horizontal: number; vertical: number }) =>
    Math.min(sides.horizontal, sides.vertical) >= MIN_SIDE_PATCHES * PATCH;
  const region = quad && isBigEnough(quadSideLengths(quad)) ? quad : null;
  if (!region && !isBigEnough({ horizontal: image.width, vertical: image.height })) return none;
  const patches = patchCorners(image, region).map((corner) => ({
    corner,
    peaks: topPeaks(lumaPower(image, corner)),
  }));
  const ratios = patches.map(({ peaks }) => peaks[0]?.ratio ?? 0).sort((a, b) => a - b);
  const measured = { ...none, patches: patches.length, peakRatio: round(ratios[ratios.length >> 1] ?? 0) };
  // Peaks that many patches share: a lattice covers the whole screen or page, a pattern on a card does
  // not. A printout has a lattice per ink, strongest where that ink is, so any of a patch's peaks counts.
  const needed = Math.max(
    MEDIUM_THRESHOLDS.minLatticePatches,
    Math.ceil(MEDIUM_THRESHOLDS.minLatticeShare * patches.length),
  );
  const shared: { peak: Peak; patches: number }[] = [];
  for (const candidate of patches.flatMap(({ peaks }) => peaks).sort((a, b) => b.ratio - a.ratio)) {
    if (shared.some(({ peak }) => samePeak(peak, candidate))) continue;
    const sharing = patches.filter(({ peaks }) => peaks.some((peak) => samePeak(candidate, peak))).length;
    if (sharing >= needed) shared.push({ peak: candidate, patches: sharing });
  }
  // A lattice is two-dimensional: a line of text repeats its characters' pitch along one direction only.
  const crossing = shared.flatMap((a) =>
    shared.filter((b) => degreesBetween(a.peak, b.peak) >= MIN_LATTICE_ANGLE_DEG).map((b) => [a, b] as const),
  );
  const oneWay = shared.find(
    ({ peak, patches: showing }) =>
      showing === patches.length && medianRatioOf(peak, patches) >= MEDIUM_THRESHOLDS.minOneWayRatio,
  );
  const [first, across] = crossing[0] ?? (oneWay ? [oneWay, oneWay] : []);
  if (!first || !across) return measured;
  const { u, v } = first.peak;
  // A screen's stripes show their colours a third of a period apart along the row; ink lies in place.
  const coherences = patches
    .map(({ corner }) => Math.min(coherenceAt(image, corner, u, v), coherenceAt(image, corner, -v, u)))
    .sort((a, b) => a - b);
  const coherence = coherences[coherences.length >> 1]!;
  // A pixel grid lies square to the camera: its two strongest peaks on the axes (the beats of moiré and
  // the grid's diagonals are weaker). A printer sets its inks' screens at 15°, 45° and 75° (yellow
  // alone at 0°), so a printout's two strongest are not both on an axis.
  // A lattice on an axis in every patch, and strong, is a screen's rows of pixels (glare-266.jpg).
  const gridLike =
    (isOnAxis(first.peak) && isOnAxis(across.peak)) || (oneWay !== undefined && isOnAxis(oneWay.peak));
  const medium = coherence <= MEDIUM_THRESHOLDS.maxScreenCoherence || gridLike ? 'screen' : 'printout';
  return {
    ...measured,
    medium,
    latticePatches: Math.min(first.patches, across.patches),
    periodPx: round(PATCH / Math.hypot(u, v)),
    colourCoherence: round(coherence),
  };
}

/** The median, over the patches, of the peak's height over its neighbourhood (0 where not shown). */
function medianRatioOf(peak: Peak, patches: readonly { peaks: readonly Peak[] }[]): number {
  const ratios = patches
    .map(({ peaks }) => peaks.find((other) => samePeak(peak, other))?.ratio ?? 0)
    .sort((a, b) => a - b);
  return ratios[ratios.length >> 1] ?? 0;
}

/** The angle between two peaks' directions, 0..90°. */
function degreesBetween(a: Peak, b: Peak): number {
  const degrees = Math.abs(Math.atan2(a.v, a.u) - Math.atan2(b.v, b.u)) * (180 / Math.PI);
  const folded = degrees % 180;
  return Math.min(folded, 180 - folded);
}

/** Within the grid's tolerance of the photo's axes. */
function isOnAxis(peak: Peak): boolean {
  const degrees = Math.abs(Math.atan2(peak.v, peak.u) * (180 / Math.PI)) % 90;
  return Math.min(degrees, 90 - degrees) <= MEDIUM_THRESHOLDS.maxScreenAxisDeg;
}

interface Peak {
  /** Frequency bins (u across, v down), v ≥ 0. */
  readonly u: number;
  readonly v: number;
  /** How many times the peak stands above the median of the ring of bins 3 away. */
  readonly ratio: number;
}

function samePeak(a: Peak, b: Peak): boolean {
  const near = (u: number, v: number) =>
    Math.abs(a.u - u) <= SAME_PEAK_BINS && Math.abs(a.v - v) <= SAME_PEAK_BINS;
  return near(b.u, b.v) || near(-b.u, -b.v);
}

/**
 * Five patches' top-left corners: the document's centre and halfway to each corner (in photo pixels,
 * where the lattice is as the camera saw it); the photo's centre and its quarters without an outline.
 */
export function patchCorners(image: RgbaImage, quad: Quad<ImagePoint> | null): [number, number][] {
  const corners: readonly (readonly [number, number])[] = quad ?? [
    [0, 0],
    [image.width, 0],
    [image.width, image.height],
    [0, image.height],
  ];
  const cx = corners.reduce((sum, p) => sum + p[0], 0) / 4;
  const cy = corners.reduce((sum, p) => sum + p[1], 0) / 4;
  const half = PATCH / 2;
  return [[cx, cy] as const, ...corners.map(([x, y]) => [(cx + x) / 2, (cy + y) / 2] as const)]
    .map(([x, y]): [number, number] => [Math.round(x - half), Math.round(y - half)])
    .filter(([x, y]) => x >= 0 && y >= 0 && x + PATCH <= image.width && y + PATCH <= image.height);
}

const COS = Float64Array.from({ length: PATCH }, (_, i) => Math.cos((2 * Math.PI * i) / PATCH));
const SIN = Float64Array.from({ length: PATCH }, (_, i) => Math.sin((2 * Math.PI * i) / PATCH));
const HANN = Float64Array.from(
  { length: PATCH },
  (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (PATCH - 1)),
);

/** The patch's luma (BT.601), its mean taken out and Hann-windowed, as a power spectrum. */
export function lumaPower(image: RgbaImage, [x0, y0]: [number, number]): Float64Array {
  const re = new Float64Array(PATCH * PATCH);
  const im = new Float64Array(PATCH * PATCH);
  const { data, width } = image;
  let mean = 0;
  for (let y = 0; y < PATCH; y++) {
    let j = ((y0 + y) * width + x0) * 4;
    for (let x = 0; x < PATCH; x++, j += 4) {
      const luma = 0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!;
      re[y * PATCH + x] = luma;
      mean += luma;
    }
  }
  mean /= PATCH * PATCH;
  for (let y = 0; y < PATCH; y++) {
    for (let x = 0; x < PATCH; x++) re[y * PATCH + x] = (re[y * PATCH + x]! - mean) * HANN[x]! * HANN[y]!;
  }
  fft2(re, im);
  for (let i = 0; i < re.length; i++) re[i] = re[i]! * re[i]! + im[i]! * im[i]!;
  return re;
}

/**
 * The patch's highest isolated peaks in the lattice band, highest first. Only the bins loudest once
 * the spectrum is whitened (a photo's power falls as 1/f²) are tested: a lattice's peak is among them.
 */
export function topPeaks(power: Float64Array): Peak[] {
  const at = (u: number, v: number) => power[((v + PATCH) % PATCH) * PATCH + ((u + PATCH) % PATCH)]!;
  const minRadius = PATCH / MAX_PERIOD_PX;
  const maxBin = Math.floor(PATCH / MIN_PERIOD_PX);
  const loudest = loudestBins(CANDIDATES_PER_PATCH);
  for (let v = 0; v <= maxBin; v++) {
    for (let u = -maxBin; u <= maxBin; u++) {
      const radiusSquared = u * u + v * v;
      if (radiusSquared < minRadius * minRadius || radiusSquared > maxBin * maxBin || (v === 0 && u < 0))
        continue;
      if (isJpegBlockBin(u) && isJpegBlockBin(v)) continue;
      offerBin(loudest, u, v, at(u, v) * radiusSquared);
    }
  }
  const peaks: Peak[] = [];
  const ring: number[] = [];
  for (const { u, v } of loudest.bins) {
    const p = at(u, v);
    let isMax = true;
    for (let dv = -1; dv <= 1 && isMax; dv++) {
      for (let du = -1; du <= 1; du++) if ((du || dv) && at(u + du, v + dv) > p) isMax = false;
    }
    if (!isMax) continue;
    ring.length = 0;
    for (let d = -3; d <= 3; d++) ring.push(at(u + d, v - 3), at(u + d, v + 3));
    for (let d = -2; d <= 2; d++) ring.push(at(u - 3, v + d), at(u + 3, v + d));
    ring.sort((a, c) => a - c);
    const ratio = p / Math.max(1e-9, ring[ring.length >> 1]!);
    if (ratio >= MEDIUM_THRESHOLDS.minPeakRatio) peaks.push({ u, v, ratio });
  }
  return peaks.sort((a, b) => b.ratio - a.ratio).slice(0, PEAKS_PER_PATCH);
}

function isJpegBlockBin(bin: number): boolean {
  const off = Math.abs(bin) % JPEG_BLOCK_BINS;
  return off <= 1 || off >= JPEG_BLOCK_BINS - 1;
}

/**
 * |R + G + B| / (|R| + |G| + |B|) of the windowed patch at one frequency: 1 when the channels move
 * together (ink over ink, or a grey pattern), near 0 when they are a third of a period apart (a
 * screen's red, green and blue stripes side by side). One bin of a DFT, summed directly.
 */
function coherenceAt(image: RgbaImage, [x0, y0]: [number, number], u: number, v: number): number {
  const re = [0, 0, 0];
  const im = [0, 0, 0];
  const { data, width } = image;
  for (let y = 0; y < PATCH; y++) {
    let j = ((y0 + y) * width + x0) * 4;
    for (let x = 0; x < PATCH; x++, j += 4) {
      const w = HANN[x]! * HANN[y]!;
      // e^(-2πi(ux + vy)/PATCH), from the table: the phase comes round every PATCH steps.
      const step = (((u * x + v * y) % PATCH) + PATCH) % PATCH;
      const c = COS[step]! * w;
      const s = -SIN[step]! * w;
      for (let ch = 0; ch < 3; ch++) {
        re[ch]! += data[j + ch]! * c;
        im[ch]! += data[j + ch]! * s;
      }
    }
  }
  const sum = [0, 1, 2].reduce((total, ch) => total + Math.hypot(re[ch]!, im[ch]!), 0);
  return sum > 0 ? Math.hypot(re[0]! + re[1]! + re[2]!, im[0]! + im[1]! + im[2]!) / sum : 1;
}

const round = (value: number) => Math.round(value * 100) / 100;
