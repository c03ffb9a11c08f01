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
  // Runs of samples on an edge with the same change across; a run may bridge one sample's gap.
  const minRun = Math.max(3, Math.round(MIN_RUN_SHARE * steps));
  // The run in plain numbers, no object or closure made per call or per sample: this is called for
  // every side of every candidate the outline's searches judge, 24 ms of a real photo's check
  // (../shared/real-photos, 2026-12-06) while it made a run object a sample.
  let inside = 0;
  let supported = 0;
  let runSign = 0;
  let runLength = 0;
  let runGap = 0;
  for (let i = 0; i <= steps; i++) {
    const t = 0.1 + (0.8 * i) / steps;
    const x = Math.round(a[0] + (b[0] - a[0]) * t);
    const y = Math.round(a[1] + (b[1] - a[1]) * t);
    if (!isInside(image, x, y)) {
      if (runLength >= minRun) supported += runLength;
      runSign = runLength = runGap = 0;
      continue;
    }
    inside++;
    const step = isNearAnEdge(maps, x, y) ? stepAcross(image, x, y, nx, ny) : 0;
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

/** The change across the line at (x, y): the largest channel's, signed, 2 px to either side. */
function stepAcross(image: RgbaImage, x: number, y: number, nx: number, ny: number): number {
  const { data, width } = image;
  const i = (Math.round(y + 2 * ny) * width + Math.round(x + 2 * nx)) * 4;
  const k = (Math.round(y - 2 * ny) * width + Math.round(x - 2 * nx)) * 4;
  let step = 0;
  for (let c = 0; c < 3; c++) {
    const d = data[i + c]! - data[k + c]!;
    if (Math.abs(d) > Math.abs(step)) step = d;
  }
  return step;
}

const isInside = (image: RgbaImage, x: number, y: number) =>
  x > FRAME_MARGIN_PX &&
  y > FRAME_MARGIN_PX &&
  x < image.width - 1 - FRAME_MARGIN_PX &&
  y < image.height - 1 - FRAME_MARGIN_PX;

function nearEdge(edges: EdgeMap, x: number, y: number): boolean {
  const { data, cols } = edges;
  const i = y * cols + x;
  return data[i]! > 0 || data[i + 1]! > 0 || data[i - 1]! > 0 || data[i + cols]! > 0 || data[i - cols]! > 0;
}
