/**
 * Plane geometry for quads and lines, in whatever pixel space the caller names.
 */
export type Point = readonly [number, number];

/** A line through `point` along the unit vector `direction`. */
export interface Line {
  readonly point: Point;
  readonly direction: Point;
}

export function lineThrough(a: Point, b: Point): Line {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy) || 1;
  return { point: a, direction: [dx / length, dy / length] };
}

/** Where two lines meet, or null when the sine of the angle between them is below `minSine`. */
export function intersect(l1: Line, l2: Line, minSine = 1e-9): Point | null {
  const [x1, y1] = l1.point;
  const [dx1, dy1] = l1.direction;
  const [x2, y2] = l2.point;
  const [dx2, dy2] = l2.direction;
  const det = dx1 * dy2 - dy1 * dx2;
  if (Math.abs(det) < minSine) return null;
  const t = ((x2 - x1) * dy2 - (y2 - y1) * dx2) / det;
  return [x1 + t * dx1, y1 + t * dy1];
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Signed area (shoelace): positive when the points run clockwise in image coordinates (y down). */
export function signedArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Whether `point` lies inside the convex polygon (or on its edge), whichever way round it runs. */
export function isInsideConvex(point: Point, polygon: readonly Point[]): boolean {
  return insideConvexTest(polygon)(point[0], point[1]);
}

/**
 * The same test made once for many points: each edge's line, oriented so that the inside is on its
 * positive side, is worked out here rather than for every point (a photo sampled 10^5 times).
 */
export function insideConvexTest(polygon: readonly Point[]): (x: number, y: number) => boolean {
  const edges = convexEdges(polygon);
  return (x, y) => isInsideEdges(edges, x, y);
}

/**
 * The polygon's edges as isInsideEdges takes them: flat, four numbers an edge, and a plain loop (the
 * array of tuples and `every` took 11 ms of a 12 MP check's 120,000 samples, measureDarkPanel, this
 * under 2).
 */
export function convexEdges(polygon: readonly Point[]): Float64Array {
  const sign = Math.sign(signedArea(polygon));
  const edges = new Float64Array(polygon.length * 4);
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    edges.set([sign * (b[0] - a[0]), sign * (b[1] - a[1]), a[0], a[1]], i * 4);
  });
  return edges;
}

/**
 * Whether the point is inside the convex polygon whose convexEdges these are. A function of its own,
 * not a closure made per polygon: a loop over many points then calls the same function every photo,
 * which V8 inlines.
 */
export function isInsideEdges(edges: Float64Array, x: number, y: number): boolean {
  for (let k = 0; k < edges.length; k += 4) {
    if (edges[k]! * (y - edges[k + 3]!) - edges[k + 1]! * (x - edges[k + 2]!) < 0) return false;
  }
  return true;
}

export function isConvex(points: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % points.length]!;
    const [cx, cy] = points[(i + 2) % points.length]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (Math.abs(cross) < 1e-9) continue;
    const s = Math.sign(cross);
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return sign !== 0;
}

/**
 * Orders four points clockwise (y down), starting at the one nearest the top-left, so that
 * `quad[0]` is what a person calls the photo's top-left corner of the document.
 */
export function orderClockwiseFromTopLeft<P extends Point>(points: readonly P[]): [P, P, P, P] {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  const byAngle = [...points].sort(
    (a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx),
  );
  // atan2 with y down runs clockwise; start at the corner in the top-left quadrant (smallest x + y).
  let start = 0;
  for (let i = 1; i < byAngle.length; i++) {
    if (byAngle[i]![0] + byAngle[i]![1] < byAngle[start]![0] + byAngle[start]![1]) start = i;
  }
  const ordered = [...byAngle.slice(start), ...byAngle.slice(0, start)];
  return [ordered[0]!, ordered[1]!, ordered[2]!, ordered[3]!];
}

/** Mean length of two opposite sides: [top+bottom]/2 and [left+right]/2 of a clockwise quad. */
export function quadSideLengths(quad: readonly Point[]): { horizontal: number; vertical: number } {
  const [a, b, c, d] = quad as [Point, Point, Point, Point];
  return {
    horizontal: (distance(a, b) + distance(d, c)) / 2,
    vertical: (distance(b, c) + distance(a, d)) / 2,
  };
}

/** Area of intersection over union of two convex polygons (Sutherland–Hodgman clipping). */
export function convexIoU(a: readonly Point[], b: readonly Point[]): number {
  const inter = Math.abs(signedArea(clipConvex(a, b)));
  const union = Math.abs(signedArea(a)) + Math.abs(signedArea(b)) - inter;
  return union > 0 ? inter / union : 0;
}

function clipConvex(subject: readonly Point[], clip: readonly Point[]): Point[] {
  const orientation = Math.sign(signedArea(clip));
  let output: Point[] = [...subject];
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const p = clip[i]!;
    const q = clip[(i + 1) % clip.length]!;
    const inside = (r: Point) =>
      orientation * ((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const cur = input[j]!;
      const prev = input[(j + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) output.push(intersect(lineThrough(prev, cur), lineThrough(p, q)) ?? cur);
        output.push(cur);
      } else if (inside(prev)) {
        output.push(intersect(lineThrough(prev, cur), lineThrough(p, q)) ?? prev);
      }
    }
  }
  return output;
}
