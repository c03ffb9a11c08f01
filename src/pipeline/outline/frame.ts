/**
 * The photo's own border: a document that runs off the photo meets it, and the sides lying along it
 * are frame, not document.
 */
import type { Line, Point } from '../geometry.ts';
import type { EdgeName } from '../types.ts';
import { OUTLINE_THRESHOLDS } from './thresholds.ts';

export const FRAME_MARGIN_PX = 4;

/** The photo borders a point lies on: none, one, or two at a photo corner. */
function bordersOf(p: Point, width: number, height: number, margin = FRAME_MARGIN_PX): EdgeName[] {
  const borders: EdgeName[] = [];
  if (p[1] <= margin) borders.push('top');
  if (p[0] >= width - 1 - margin) borders.push('right');
  if (p[1] >= height - 1 - margin) borders.push('bottom');
  if (p[0] <= margin) borders.push('left');
  return borders;
}

export function borderOf(p: Point, width: number, height: number): EdgeName | null {
  return bordersOf(p, width, height)[0] ?? null;
}

/**
 * The border a segment runs along, if both its ends lie near the same one. Simplification moves a
 * hull's vertices by up to its tolerance, so "near" is 2% of the photo's short side, not a pixel (or
 * `marginPx`, where that is more).
 */
export function sharedBorder(
  a: Point,
  b: Point,
  width: number,
  height: number,
  marginPx = 0,
): EdgeName | null {
  const margin = Math.max(FRAME_MARGIN_PX, 0.02 * Math.min(width, height), marginPx);
  const ofB = bordersOf(b, width, height, margin);
  return bordersOf(a, width, height, margin).find((border) => ofB.includes(border)) ?? null;
}

function frameCornerBetween(a: EdgeName, b: EdgeName, width: number, height: number): Point | null {
  const key = [a, b].sort().join('+');
  const corners: Record<string, Point> = {
    'left+top': [0, 0],
    'right+top': [width - 1, 0],
    'bottom+right': [width - 1, height - 1],
    'bottom+left': [0, height - 1],
  };
  return corners[key] ?? null;
}

/**
 * A document running off the frame leaves no edge along the frame, so its hull closes with a chord
 * across the document. Where the chord joins two different borders, the frame corner between them is
 * part of the visible document: put it back so that the frame-lying edges can be recognised.
 */
export function withFrameCorners(hull: Point[], width: number, height: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    out.push(a);
    const ba = borderOf(a, width, height);
    const bb = borderOf(b, width, height);
    if (ba && bb && ba !== bb) {
      const corner = frameCornerBetween(ba, bb, width, height);
      if (corner) out.push(corner);
    }
  }
  return out;
}

/** The part of a convex polygon inside the photo (Sutherland–Hodgman, one photo border at a time). */
export function clipToFrame(polygon: readonly Point[], width: number, height: number): Point[] {
  // How far inside each border a point lies (negative: outside it).
  const insideBy = [
    (p: Point) => p[0],
    (p: Point) => p[1],
    (p: Point) => width - 1 - p[0],
    (p: Point) => height - 1 - p[1],
  ];
  let out = [...polygon];
  for (const inside of insideBy) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const [da, db] = [inside(a), inside(b)];
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
      }
    }
  }
  return out;
}

/** Pushes a point on the frame a little outside it along the side, so it counts as off the frame. */
export function frameExit(p: Point, line: Line, width: number, height: number): Point {
  const step = OUTLINE_THRESHOLDS.outsideTolerance * Math.hypot(width, height) * 2;
  const towardsCentre = (p[0] - width / 2) * line.direction[0] + (p[1] - height / 2) * line.direction[1] < 0;
  const sign = towardsCentre ? -1 : 1;
  return [p[0] + sign * step * line.direction[0], p[1] + sign * step * line.direction[1]];
}
