/**
 * Finds the document's four corners in a (downscaled) photo, says which lie outside the frame, and
 * which look covered. See README.md in this folder for the method and its thresholds.
 */
import type { Mat } from '@techstark/opencv-js';
import type { OpenCv } from '../../engines/types.ts';
import { contourPoints, MatScope, rgbaToMat, withMats } from '../cv.ts';
import {
  distance,
  intersect,
  isConvex,
  lineThrough,
  orderClockwiseFromTopLeft,
  quadSideLengths,
  signedArea,
  type Line,
  type Point,
} from '../geometry.ts';
import { CORNER_NAMES, type CornerName, type EdgeName, type ImagePoint, type Quad, type RgbaImage } from '../types.ts';

export const OUTLINE_THRESHOLDS = {
  /** A candidate covering less of the frame than this is not a document (the "small" fixtures are ~6%). */
  minAreaShare: 0.015,
  /**
   * Long side over short side, measured on the photo. ID-1 cards are 1.585 and passport pages 1.42
   * (ICAO 9303 part 3); perspective and a cut-off edge stretch that, so the range is generous.
   */
  minAspect: 1.15,
  maxAspect: 2.1,
  /** Share of each side's length that must lie on detected edges for the quad to be believed. */
  minEdgeSupport: 0.45,
  /** Near a corner both sides losing their edge (below this share) while the rest of the side holds it means something covers the corner. */
  coveredCornerSupport: 0.25,
  /** How far outside the frame (share of the photo's diagonal) a corner must lie to count as cut off. */
  outsideTolerance: 0.004,
} as const;

export interface DocumentOutline {
  /** Clockwise from the corner nearest the photo's top-left, in the pixels of the image given. */
  readonly quad: Quad<ImagePoint>;
  readonly missingCorners: readonly CornerName[];
  readonly coveredCorners: readonly CornerName[];
  /** The photo's edges that the document runs off. */
  readonly offEdges: readonly EdgeName[];
  /** Visible document area over the photo's area. */
  readonly areaShare: number;
  /** Long side over short side, as seen. */
  readonly aspect: number;
  /** Share of the quad's in-frame perimeter that lies on image edges (0..1). */
  readonly edgeSupport: number;
}

interface Candidate {
  readonly outline: DocumentOutline;
  readonly score: number;
}

/** Returns the best plausible outline, or null when nothing in the photo looks like a document. */
export function findDocumentOutline(cv: OpenCv, image: RgbaImage): DocumentOutline | null {
  return withMats(cv, (scope) => {
    const edges = edgeMap(scope, rgbaToMat(scope, image));
    const contours = scope.vector();
    cv.findContours(edges, contours, scope.mat(), cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    const frameArea = image.width * image.height;
    const hulls: Point[][] = [];
    for (let i = 0; i < contours.size(); i++) {
      const hull = scope.mat();
      cv.convexHull(contours.get(i), hull, false, true);
      const points = contourPoints(hull);
      if (Math.abs(signedArea(points)) >= OUTLINE_THRESHOLDS.minAreaShare * frameArea) hulls.push(points);
    }
    hulls.sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
    let best: Candidate | null = null;
    for (const hull of hulls.slice(0, 6)) {
      const candidate = outlineFromHull(scope, edges, hull, image.width, image.height);
      if (candidate && (!best || candidate.score > best.score)) best = candidate;
    }
    return best?.outline ?? null;
  });
}

/** Edges of any colour: Canny on each channel of a median-smoothed copy, so print and texture fade first. */
function edgeMap(scope: MatScope, rgba: Mat): Mat {
  const { cv } = scope;
  const rgb = scope.mat();
  cv.cvtColor(rgba, rgb, cv.COLOR_RGBA2RGB);
  const smooth = scope.mat();
  cv.medianBlur(rgb, smooth, 7);
  const channels = scope.vector();
  cv.split(smooth, channels);
  const edges = scope.track(cv.Mat.zeros(rgba.rows, rgba.cols, cv.CV_8UC1));
  const channelEdges = scope.mat();
  for (let c = 0; c < 3; c++) {
    cv.Canny(channels.get(c), channelEdges, 40, 110);
    cv.bitwise_or(edges, channelEdges, edges);
  }
  const kernel = scope.track(cv.Mat.ones(3, 3, cv.CV_8U));
  cv.dilate(edges, edges, kernel);
  return edges;
}

function outlineFromHull(scope: MatScope, edges: Mat, hull: Point[], width: number, height: number): Candidate | null {
  const polygon = withFrameCorners(hull, width, height);
  const perimeter = polygon.reduce((sum, p, i) => sum + distance(p, polygon[(i + 1) % polygon.length]!), 0);
  let threeSided: { sides: Side[]; polygon: Point[] } | null = null;
  for (const share of [0.01, 0.02, 0.035, 0.05, 0.08]) {
    const approx = approximate(scope, polygon, share * perimeter);
    const sides = documentSides(approx, width, height);
    if (sides.length === 4) return judgeQuad(edges, sides, approx, width, height);
    if (sides.length === 3) threeSided ??= { sides, polygon: approx };
    if (sides.length < 3) break;
  }
  return threeSided ? judgeQuad(edges, threeSided.sides, threeSided.polygon, width, height) : null;
}

/**
 * A document running off the frame leaves no edge along the frame, so its hull closes with a chord
 * across the document. Where the chord joins two different borders, the frame corner between them is
 * part of the visible document: put it back so that the frame-lying edges can be recognised.
 */
function withFrameCorners(hull: Point[], width: number, height: number): Point[] {
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

const FRAME_MARGIN_PX = 3;

function borderOf(p: Point, width: number, height: number): EdgeName | null {
  if (p[1] <= FRAME_MARGIN_PX) return 'top';
  if (p[0] >= width - 1 - FRAME_MARGIN_PX) return 'right';
  if (p[1] >= height - 1 - FRAME_MARGIN_PX) return 'bottom';
  if (p[0] <= FRAME_MARGIN_PX) return 'left';
  return null;
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

function approximate(scope: MatScope, polygon: Point[], epsilon: number): Point[] {
  const curve = scope.track(scope.cv.matFromArray(polygon.length, 1, scope.cv.CV_32SC2, polygon.flat()));
  const approx = scope.mat();
  scope.cv.approxPolyDP(curve, approx, epsilon, true);
  return contourPoints(approx);
}

interface Side {
  readonly from: Point;
  readonly to: Point;
  /** Index in the polygon's edge list: consecutive document sides may have frame edges between. */
  readonly index: number;
}

/** The polygon's edges that are not lying along the frame, in order. */
function documentSides(polygon: Point[], width: number, height: number): Side[] {
  const sides: Side[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const from = polygon[i]!;
    const to = polygon[(i + 1) % polygon.length]!;
    const border = borderOf(from, width, height);
    const alongFrame = border !== null && border === borderOf(to, width, height);
    if (!alongFrame && distance(from, to) > 4) sides.push({ from, to, index: i });
  }
  return sides;
}

function judgeQuad(edges: Mat, sides: Side[], polygon: Point[], width: number, height: number): Candidate | null {
  const lines = sides.map((side) => refineSide(edges, side));
  const corners: Point[] = [];
  for (let i = 0; i < sides.length; i++) {
    if (sides.length === 3 && i === 0) continue; // no fourth side: its ends are placed below
    // Nearly parallel neighbours (within ~11.5°) do not make a corner.
    const corner = intersect(lines[(i + sides.length - 1) % sides.length]!, lines[i]!, 0.2);
    if (!corner) return null;
    corners.push(corner);
  }
  if (sides.length === 3) {
    // A whole side is off the frame: where it lies is unknown, so the quad ends where the two sides
    // leave the photo, and both of those corners are marked missing below.
    corners.unshift(frameExit(sides[0]!.from, lines[0]!, width, height));
    corners.push(frameExit(sides[2]!.to, lines[2]!, width, height));
  }
  if (!isConvex(corners)) return null;
  const quad = orderClockwiseFromTopLeft(corners as ImagePoint[]);
  const { horizontal, vertical } = quadSideLengths(quad);
  const aspect = Math.max(horizontal, vertical) / Math.max(1, Math.min(horizontal, vertical));
  if (aspect < OUTLINE_THRESHOLDS.minAspect || aspect > OUTLINE_THRESHOLDS.maxAspect) return null;

  const diagonal = Math.hypot(width, height);
  const tolerance = OUTLINE_THRESHOLDS.outsideTolerance * diagonal;
  const outside = (p: Point) =>
    p[0] < -tolerance || p[1] < -tolerance || p[0] > width - 1 + tolerance || p[1] > height - 1 + tolerance;
  const onFrame = (p: Point) => borderOf(p, width, height) !== null;
  const missingCorners = CORNER_NAMES.filter((_, i) => outside(quad[i]!) || (sides.length === 3 && onFrame(quad[i]!)));

  const sideSupports = quad.map((p, i) => edgeSupport(edges, p, quad[(i + 1) % 4]!, 0.1, 0.9));
  const support = sideSupports.reduce((s, v) => s + v, 0) / 4;
  if (support < OUTLINE_THRESHOLDS.minEdgeSupport) return null;

  const coveredCorners = CORNER_NAMES.filter((name, i) => {
    if (missingCorners.includes(name)) return false;
    const corner = quad[i]!;
    const next = quad[(i + 1) % 4]!;
    const previous = quad[(i + 3) % 4]!;
    const nearA = edgeSupport(edges, corner, next, 0.03, 0.16);
    const nearB = edgeSupport(edges, corner, previous, 0.03, 0.16);
    return Math.max(nearA, nearB) < OUTLINE_THRESHOLDS.coveredCornerSupport;
  });

  const visibleArea = Math.abs(signedArea(polygon));
  const offEdges = [...new Set(polygon.flatMap((p) => borderOf(p, width, height) ?? []))].filter((border) =>
    polygon.some((p, i) => {
      const q = polygon[(i + 1) % polygon.length]!;
      return borderOf(p, width, height) === border && borderOf(q, width, height) === border && distance(p, q) > 4;
    }),
  );
  const outline: DocumentOutline = {
    quad,
    missingCorners,
    coveredCorners,
    offEdges,
    areaShare: visibleArea / (width * height),
    aspect,
    edgeSupport: support,
  };
  return { outline, score: support * Math.sqrt(visibleArea) };
}

/**
 * Fits the side's line to the edge pixels near its middle 70%: the corners themselves are rounded
 * (ID-1 corner radius 3.18 mm, ISO/IEC 7810) and may be covered, so they would pull the line off.
 */
function refineSide(edges: Mat, side: Side): Line {
  const initial = lineThrough(side.from, side.to);
  const length = distance(side.from, side.to);
  const [nx, ny] = [-initial.direction[1], initial.direction[0]];
  const xs: number[] = [];
  const ys: number[] = [];
  const band = Math.max(3, Math.round(length * 0.015));
  for (let t = 0.15; t <= 0.85; t += 1 / Math.max(40, length)) {
    const bx = side.from[0] + (side.to[0] - side.from[0]) * t;
    const by = side.from[1] + (side.to[1] - side.from[1]) * t;
    // The outermost edge pixel across the side: the document's border, not print just inside it.
    for (let d = band; d >= -band; d--) {
      const x = Math.round(bx + nx * d);
      const y = Math.round(by + ny * d);
      if (isEdge(edges, x, y)) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  if (xs.length < 10) return initial;
  return fitLine(xs, ys) ?? initial;
}

/** Pushes a point on the frame a little outside it along the side, so it counts as off the frame. */
function frameExit(p: Point, line: Line, width: number, height: number): Point {
  const step = OUTLINE_THRESHOLDS.outsideTolerance * Math.hypot(width, height) * 2;
  const towardsCentre = (p[0] - width / 2) * line.direction[0] + (p[1] - height / 2) * line.direction[1] < 0;
  const sign = towardsCentre ? -1 : 1;
  return [p[0] + sign * step * line.direction[0], p[1] + sign * step * line.direction[1]];
}

/** Total least squares line through the points. */
function fitLine(xs: number[], ys: number[]): Line | null {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  if (!Number.isFinite(angle)) return null;
  return { point: [mx, my], direction: [Math.cos(angle), Math.sin(angle)] };
}

function isEdge(edges: Mat, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) return false;
  return edges.data[y * edges.cols + x]! > 0;
}

/** Share of the in-frame samples between fractions t0..t1 of a→b that lie on an edge pixel. */
function edgeSupport(edges: Mat, a: Point, b: Point, t0: number, t1: number): number {
  const steps = Math.max(8, Math.round(distance(a, b) * (t1 - t0)));
  let inFrame = 0;
  let onEdge = 0;
  for (let i = 0; i <= steps; i++) {
    const t = t0 + ((t1 - t0) * i) / steps;
    const x = Math.round(a[0] + (b[0] - a[0]) * t);
    const y = Math.round(a[1] + (b[1] - a[1]) * t);
    if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) continue;
    inFrame++;
    if (isEdge(edges, x, y) || isEdge(edges, x + 1, y) || isEdge(edges, x, y + 1) || isEdge(edges, x - 1, y) || isEdge(edges, x, y - 1))
      onEdge++;
  }
  // A stretch that is entirely off the frame is judged by the frame rule, not here.
  return inFrame === 0 ? 1 : onEdge / inFrame;
}

/** The quad scaled from one pixel space to another (analysis copy to full photo). */
export function scaleQuad(quad: Quad<ImagePoint>, factor: number): Quad<ImagePoint> {
  return quad.map(([x, y]) => [x * factor, y * factor] as ImagePoint) as unknown as Quad<ImagePoint>;
}

