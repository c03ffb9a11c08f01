/**
 * Whether a quad holds the MRZ as ICAO 9303 lays a zone on its document, judged through the quad's
 * own perspective: the quad taken flat onto the predicted page, the zone must lie whole on it,
 * centred, its foot near the bottom edge, as wide as the prediction made it (or up to 15% wider:
 * mock-ups and national models print the zone up to 97% of the page's width, ICAO 89%). A quad of
 * lines found inside the page (a tint's edge, a row of print) where the document runs off the photo
 * puts the zone too wide for it, or too near an edge.
 */
import type { Point } from '../geometry.ts';

/** How far a quad's layout may depart from the prediction's and still be the document (ZONE_FIT in outlineNear.ts). */
const LAYOUT = {
  minWidthOverPredicted: 0.87,
  maxWidthOverPredicted: 1.15,
  maxOffCentreShare: 0.1,
  maxBottomMarginShare: 0.15,
  /** The zone may reach this share of the width past the sides (a box taking in a mark past the last character). */
  sideSlack: 0.03,
} as const;

/**
 * `quad` and `predicted` in document order (top-left, top-right, bottom-right, bottom-left, as the
 * zone reads), `zone` the zone's box, all in the same pixels.
 */
export function holdsZoneAsIcao(
  quad: readonly Point[],
  predicted: readonly Point[],
  zone: readonly Point[],
): boolean {
  const [topLeft, topRight, , bottomLeft] = predicted as [Point, Point, Point, Point];
  const width = Math.hypot(topRight[0] - topLeft[0], topRight[1] - topLeft[1]);
  const height = Math.hypot(bottomLeft[0] - topLeft[0], bottomLeft[1] - topLeft[1]);
  const page: Point[] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  const flat = perspective(quad, page);
  const onPredicted = perspective(predicted, page);
  if (!flat || !onPredicted) return false;
  const extent = (points: Point[]) => ({
    left: Math.min(...points.map((p) => p[0])),
    right: Math.max(...points.map((p) => p[0])),
    top: Math.min(...points.map((p) => p[1])),
    foot: Math.max(...points.map((p) => p[1])),
  });
  const onQuad = extent(zone.map(flat));
  const predictedZone = extent(zone.map(onPredicted));
  const widthRatio = (onQuad.right - onQuad.left) / (predictedZone.right - predictedZone.left);
  const slack = LAYOUT.sideSlack * width;
  return (
    onQuad.left >= -slack &&
    onQuad.right <= width + slack &&
    onQuad.top >= 0 &&
    onQuad.foot <= height &&
    widthRatio >= LAYOUT.minWidthOverPredicted &&
    widthRatio <= LAYOUT.maxWidthOverPredicted &&
    Math.abs((onQuad.left + onQuad.right) / 2 - width / 2) <= LAYOUT.maxOffCentreShare * width &&
    height - onQuad.foot <= LAYOUT.maxBottomMarginShare * height
  );
}

/**
 * The perspective transform taking four points onto four others, as a function (the 8 unknowns of
 * the homography solved by Gaussian elimination); null when the points are degenerate.
 */
export function perspective(from: readonly Point[], to: readonly Point[]): ((p: Point) => Point) | null {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    if (Math.abs(rows[pivot]![col]!) < 1e-12) return null;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const lead = rows[col]!;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const factor = rows[r]![col]! / lead[col]!;
      for (let c = col; c < 9; c++) rows[r]![c]! -= factor * lead[c]!;
    }
  }
  const h = rows.map((row, i) => row[8]! / row[i]!);
  return ([x, y]) => {
    const w = h[6]! * x + h[7]! * y + 1;
    return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
  };
}
