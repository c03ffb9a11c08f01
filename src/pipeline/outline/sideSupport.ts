/**
 * How much of a line lies on a document's side: on an edge, with the photo changing the same way
 * across it in long runs (sidesNear.ts).
 */
import { distance, intersect, type Line, type Point } from '../geometry.ts';
import type { RgbaImage } from '../types.ts';
import type { EdgeMap } from './edgeMap.ts';
import { FRAME_MARGIN_PX } from './frame.ts';

/**
 * A side's support counts only runs of at least this share of it: a document's border changes the
 * same way across for long stretches, even where the ground beside it changes; across a row of print
 * the change lasts a glyph's stroke (a row of 44 OCR-B glyphs: under 2% each).
 */
const MIN_RUN_SHARE = 0.06;

/**
 * The least change across a side (the largest of its R, G and B differences, 2 px either side of
 * it) that counts: a pale card on a white table changes by ~15, JPEG noise and paper grain by < 6.
 */
const MIN_STEP = 8;

export interface SideMeasure {
  readonly image: RgbaImage;
  /** The edge maps the outline was searched in; an edge in any of them counts. */
  readonly maps: readonly EdgeMap[];
  /** Where set, nearEdges of the maps, made once: a side search samples millions of points. */
  readonly nearEdges?: Uint8Array;
}

/**
 * 1 where any of the maps has an edge at the pixel or at one of its four neighbours, as
 * segmentSupport looks for one, inside the image's frame (FRAME_MARGIN_PX), where sides are sampled;
 * null where the maps are not all of the image's size. A side search over one prediction samples 3.5
 * to 5.3 million points (each of the four sides at every offset and turn of its band, twice round:
 * sidesNear.ts), and each looked in every map (../shared/real-photos' passports, 2026-12-06).
 */
export function nearEdges(image: RgbaImage, maps: readonly EdgeMap[]): Uint8Array | null {
  const { width: cols, height: rows } = image;
  if (maps.length === 0 || maps.some((m) => m.cols !== cols || m.rows !== rows)) return null;
  const near = new Uint8Array(cols * rows);
  for (const { data } of maps) markNearEdges(data, near, cols, rows);
  return near;
}

function markNearEdges(data: Uint8Array, near: Uint8Array, cols: number, rows: number): void {
  for (let y = FRAME_MARGIN_PX + 1; y < rows - 1 - FRAME_MARGIN_PX; y++) {
    const end = y * cols + cols - 1 - FRAME_MARGIN_PX;
    for (let i = y * cols + FRAME_MARGIN_PX + 1; i < end; i++) {
      if (data[i]! > 0 || data[i + 1]! > 0 || data[i - 1]! > 0 || data[i + cols]! > 0 || data[i - cols]! > 0)
        near[i] = 1;
    }
  }
}

/**
 * The share of the way along a segment of each of `steps` + 1 samples, 0.1 + 0.8 i / steps, made once
 * for each count of steps: the same numbers, without a division a sample.
 */
const alongByStepCount = new Map<number, Float64Array>();
function alongShares(steps: number): Float64Array {
  let shares = alongByStepCount.get(steps);
  if (!shares) {
    shares = new Float64Array(steps + 1);
    for (let i = 0; i <= steps; i++) shares[i] = 0.1 + (0.8 * i) / steps;
    alongByStepCount.set(steps, shares);
  }
  return shares;
}

/**
 * Share of the line, between where it meets its two neighbours (10% to 90% of the way: corners are
 * rounded and may be covered), that lies on an edge and across which the photo changes the way it
 * changes across most of the line; of the part inside the photo away from its border (which is drawn
 * into the edge maps). A line with less than half of it there is no side seen: a document's side is
 * seen only against what lies beside it in the photo.
 */
export function sideSupport(
  measure: SideMeasure,
  line: Line,
  before: Line,
  after: Line,
  stride: number,
): number {
  const a = intersect(before, line, 0.2);
  const b = intersect(line, after, 0.2);
  return (a && b && segmentSupport(measure, a, b, stride)) ?? 0;
}

/**
 * sideSupport between two points; null where less than half of it lies inside the photo away from
 * its border (a side along the border cannot be told from it).
 */
export function segmentSupport(measure: SideMeasure, a: Point, b: Point, stride: number): number | null {
  const { image, maps } = measure;
  const length = distance(a, b);
  if (length < 1) return null;
  const nx = -(b[1] - a[1]) / length;
  const ny = (b[0] - a[0]) / length;
  const steps = Math.max(8, Math.round((0.8 * length) / stride));
  // The pixels 2 px either side of a sample, as offsets from it: x and y are whole, so rounding
  // x + 2 nx is x plus 2 nx rounded.
  const ahead = (Math.round(2 * ny) * image.width + Math.round(2 * nx)) * 4;
  const behind = (Math.round(-2 * ny) * image.width + Math.round(-2 * nx)) * 4;
  // Runs of samples on an edge with the same change across; a run may bridge one sample's gap.
  const minRun = Math.max(3, Math.round(MIN_RUN_SHARE * steps));
  // The run in plain numbers, no object or closure made per call or per sample: this is called for
  // every side of every candidate the outline's searches judge.
  let inside = 0;
  let supported = 0;
  let runSign = 0;
  let runLength = 0;
  let runGap = 0;
  const near = measure.nearEdges;
  const shares = alongShares(steps);
  const [ax, ay] = a;
  const [dx, dy] = [b[0] - ax, b[1] - ay];
  const { width, height, data } = image;
  for (let i = 0; i <= steps; i++) {
    const t = shares[i]!;
    const x = Math.round(ax + dx * t);
    const y = Math.round(ay + dy * t);
    if (!isInside(width, height, x, y)) {
      if (runLength >= minRun) supported += runLength;
      runSign = runLength = runGap = 0;
      continue;
    }
    inside++;
    const onEdge = near ? near[y * width + x] === 1 : isNearAnEdge(maps, x, y);
    const step = onEdge ? stepAcross(data, (y * width + x) * 4, ahead, behind) : 0;
    const sign = step >= MIN_STEP ? 1 : step <= -MIN_STEP ? -1 : 0;
    if (sign !== 0 && sign === runSign) {
      runLength += 1 + runGap;
      runGap = 0;
    } else if (sign !== 0) {
      if (runLength >= minRun) supported += runLength;
      runSign = sign;
      runLength = 1;
      runGap = 0;
    } else if (runGap === 0 && runLength > 0) runGap = 1;
    else {
      if (runLength >= minRun) supported += runLength;
      runSign = runLength = runGap = 0;
    }
  }
  if (runLength >= minRun) supported += runLength;
  return inside * 2 < steps + 1 ? null : supported / inside;
}

function isNearAnEdge(maps: readonly EdgeMap[], x: number, y: number): boolean {
  for (let m = 0; m < maps.length; m++) if (nearEdge(maps[m]!, x, y)) return true;
  return false;
}

/** The change across the line at pixel `at` (its byte): the largest channel's, signed, `ahead` less `behind`. */
function stepAcross(data: RgbaImage['data'], at: number, ahead: number, behind: number): number {
  const i = at + ahead;
  const k = at + behind;
  let step = 0;
  for (let c = 0; c < 3; c++) {
    const d = data[i + c]! - data[k + c]!;
    if (Math.abs(d) > Math.abs(step)) step = d;
  }
  return step;
}

const isInside = (width: number, height: number, x: number, y: number) =>
  x > FRAME_MARGIN_PX &&
  y > FRAME_MARGIN_PX &&
  x < width - 1 - FRAME_MARGIN_PX &&
  y < height - 1 - FRAME_MARGIN_PX;

function nearEdge(edges: EdgeMap, x: number, y: number): boolean {
  const { data, cols } = edges;
  const i = y * cols + x;
  return data[i]! > 0 || data[i + 1]! > 0 || data[i - 1]! > 0 || data[i + cols]! > 0 || data[i - cols]! > 0;
}
