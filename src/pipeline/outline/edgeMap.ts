/**
 * The edge map the outline is searched in, and what is measured on it: the share of a segment lying
 * on edges, and a side's line refitted to the edges along it.
 */
import type { Mat, MatVector } from '@techstark/opencv-js';
import { greyToMat, rgbaToMat, type MatScope } from '../cv.ts';
import { distance, lineThrough, type Line, type Point } from '../geometry.ts';
import type { RgbaImage } from '../types.ts';
import { cannyEdgesOf } from './canny.ts';
import { FRAME_MARGIN_PX } from './frame.ts';
import { medianBlur5 } from './medianBlur5.ts';

/**
 * The R, G and B planes (and alpha, unused), median-smoothed over 5 px: print and texture fade first,
 * a card's border stays sharp. A 3-px median leaves print edges that cost outlines: IoU >= 0.9 with
 * the truth on 77% of fixtures, not 97%. OpenCV.js's own median (no SIMD) took 70 of this stage's
 * 100 ms at 900 px, so ours runs where WebAssembly SIMD does, with the same result.
 */
export function smoothedChannels(scope: MatScope, image: RgbaImage): MatVector {
  const { cv } = scope;
  const channels = scope.vector();
  const smooth = medianBlur5(image);
  if (smooth) {
    cv.split(rgbaToMat(scope, smooth), channels);
    return channels;
  }
  const rgb = scope.mat();
  cv.cvtColor(rgbaToMat(scope, image), rgb, cv.COLOR_RGBA2RGB);
  const median = scope.mat();
  cv.medianBlur(rgb, median, 5);
  cv.split(median, channels);
  return channels;
}

/**
 * The edge map of `image` at one sensitivity (findEdges over its smoothed channels), made once for
 * the image: the outline's search and, once a code is read, the search near where the code puts the
 * document (outlineNear.ts) look in the same maps of the same analysis copy, and each made them anew
 * (a median blur and Canny over three channels, 20-30 ms of a passport's check). The first caller
 * gets the map made; the next, a Mat of the same bytes of its own. `channels`: the image's smoothed
 * channels, asked for only where a map is made.
 */
export function edgesOf(
  scope: MatScope,
  image: RgbaImage,
  [low, high]: readonly [number, number],
  channels: () => MatVector,
): Mat {
  let made = edgesMade.get(image);
  if (!made) edgesMade.set(image, (made = new Map()));
  const key = `${low}/${high}`;
  const bytes = made.get(key);
  if (bytes) return greyToMat(scope, { width: image.width, height: image.height, data: bytes });
  const edges = findEdges(scope, channels(), low, high);
  made.set(key, new Uint8Array(edges.data));
  return edges;
}

const edgesMade = new WeakMap<RgbaImage, Map<string, Uint8Array>>();

/** Edge pixels (non-zero) of the analysis image, read from one typed-array view. */
export interface EdgeMap {
  readonly data: Uint8Array;
  readonly cols: number;
  readonly rows: number;
}

/** One view of the pixels: OpenCV.js builds a new one on every `.data` read. */
export function edgeMapOf(edges: Mat): EdgeMap {
  return { data: edges.data, cols: edges.cols, rows: edges.rows };
}

/** A stretch of the document's own edge, in order round the hull. */
export interface Side {
  readonly from: Point;
  readonly to: Point;
}

/** Edges of any colour: Canny on each channel (canny.ts, or OpenCV's where it cannot run), joined, thickened by a pixel. */
export function findEdges(scope: MatScope, channels: MatVector, low: number, high: number): Mat {
  const { cv } = scope;
  // MatVector.get gives a new Mat holding its channel's pixels: not freed, both would outlive the scope.
  const first = scope.track(channels.get(0));
  const edges = scope.track(cv.Mat.zeros(first.rows, first.cols, cv.CV_8UC1));
  // R, G and B (alpha, where split off too, is unused); or the one grey plane.
  const mats = Array.from({ length: Math.min(3, channels.size()) }, (_, c) =>
    c === 0 ? first : scope.track(channels.get(c)),
  );
  // Views of OpenCV's heap, taken once every Mat is made: making one may grow the heap and let go of them.
  const planes = mats.map((mat) => ({ width: mat.cols, height: mat.rows, data: mat.data }));
  const made = cannyEdgesOf(planes, low, high);
  if (made) edges.data.set(made);
  else {
    const channelEdges = scope.mat();
    for (const mat of mats) {
      cv.Canny(mat, channelEdges, low, high);
      cv.bitwise_or(edges, channelEdges, edges);
    }
  }
  const kernel = scope.track(cv.Mat.ones(3, 3, cv.CV_8U));
  cv.dilate(edges, edges, kernel);
  // The photo's own border closes a document that runs off it, so the visible part is still a closed
  // region; its sides along the border are recognised as frame, not document, further on.
  cv.rectangle(
    edges,
    new cv.Point(0, 0),
    new cv.Point(edges.cols - 1, edges.rows - 1),
    new cv.Scalar(255),
    1,
  );
  return edges;
}

/**
 * Fits the side's line to the edge pixels near its middle 70%: the corners themselves are rounded
 * (ID-1 corner radius 3.18 mm, ISO/IEC 7810) and may be covered, so they would pull the line off.
 */
export function refineSide(edges: EdgeMap, side: Side): Line {
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
      // The photo's border is drawn into the edge map: it is never the document's side.
      const onFrame =
        x <= FRAME_MARGIN_PX ||
        y <= FRAME_MARGIN_PX ||
        x >= edges.cols - 1 - FRAME_MARGIN_PX ||
        y >= edges.rows - 1 - FRAME_MARGIN_PX;
      if (!onFrame && isEdge(edges, x, y)) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  if (xs.length < 10) return initial;
  return fitLine(xs, ys) ?? initial;
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

function isEdge(edges: EdgeMap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) return false;
  return edges.data[y * edges.cols + x]! > 0;
}

/** On an edge pixel or beside one (four-neighbourhood). */
export function isNearEdge(edges: EdgeMap, x: number, y: number): boolean {
  return (
    isEdge(edges, x, y) ||
    isEdge(edges, x + 1, y) ||
    isEdge(edges, x, y + 1) ||
    isEdge(edges, x - 1, y) ||
    isEdge(edges, x, y - 1)
  );
}

/** Share of the in-frame samples between fractions t0..t1 of a→b that lie on an edge pixel. */
export function edgeSupport(edges: EdgeMap, a: Point, b: Point, t0: number, t1: number): number {
  return supportOf(edges, a, b, t0, t1, 0);
}

/**
 * Whether edgeSupport(edges, a, b, t0, t1) is at least `share`, the samples left unlooked once it
 * cannot be: the search for a side further out (judgeQuad.ts) tries every offset, and most are far
 * from any edge.
 */
export function hasEdgeSupport(
  edges: EdgeMap,
  a: Point,
  b: Point,
  [t0, t1]: readonly [number, number],
  share: number,
): boolean {
  return supportOf(edges, a, b, t0, t1, share) >= share;
}

/**
 * edgeSupport, or, where even every sample left on an edge would leave it under `wanted`, that
 * best share still to be had: under `wanted`, and no less than the share (a quotient rounds no
 * lower for a larger exact value), so the two compare with `wanted` alike.
 */
function supportOf(edges: EdgeMap, a: Point, b: Point, t0: number, t1: number, wanted: number): number {
  const steps = Math.max(8, Math.round(distance(a, b) * (t1 - t0)));
  let inFrame = 0;
  let onEdge = 0;
  for (let i = 0; i <= steps; i++) {
    if (wanted > 0) {
      const left = steps - i + 1;
      const best = (onEdge + left) / (inFrame + left);
      if (best < wanted) return best;
    }
    const t = t0 + ((t1 - t0) * i) / steps;
    const x = Math.round(a[0] + (b[0] - a[0]) * t);
    const y = Math.round(a[1] + (b[1] - a[1]) * t);
    if (x < 0 || y < 0 || x >= edges.cols || y >= edges.rows) continue;
    inFrame++;
    if (isNearEdge(edges, x, y)) onEdge++;
  }
  // A stretch that is entirely off the frame is judged by the frame rule, not here.
  return inFrame === 0 ? 1 : onEdge / inFrame;
}

/**
 * The photo in grey, only lightly smoothed (3-px Gaussian): a document's border drawn as a thin line
 * (a specimen's 2-px grey rounded frame on white) is gone after the 5-px median. One plane, not three:
 * such a line is darker than its ground, and this map is made only where the others found nothing.
 */
export function lightlySmoothedGrey(scope: MatScope, image: RgbaImage): MatVector {
  const { cv } = scope;
  const grey = scope.mat();
  cv.cvtColor(rgbaToMat(scope, image), grey, cv.COLOR_RGBA2GRAY);
  cv.GaussianBlur(grey, grey, new cv.Size(3, 3), 0);
  const planes = scope.vector();
  planes.push_back(grey);
  return planes;
}
