/**
 * Which of an outline's corners look covered (a thumb, an object): see README.md, "Covered corners".
 */
import { distance, quadSideLengths, type Point } from '../geometry.ts';
import { CORNER_NAMES, type CornerName, type AnalysisPoint, type Quad } from '../types.ts';
import { isNearEdge, type EdgeMap } from './edgeMap.ts';
import { OUTLINE_THRESHOLDS } from './thresholds.ts';

/**
 * Corners hidden by a finger or an object. A visible corner's border runs on edges to within its
 * rounding (ID-1: r = 3.18 mm, 6% of the short side; the sides' lines leave the arc at about half
 * that), so on the fixtures' clean photos both sides' borders start within 4.5% of the short side. A
 * covered corner's border starts where the finger ends, on both sides. The corner must also stand out
 * from the others: blur and print can break every corner's border a little.
 */
export function coveredByBorderGaps(
  edges: EdgeMap,
  quad: Quad<AnalysisPoint>,
  missing: readonly CornerName[],
): CornerName[] {
  const { horizontal, vertical } = quadSideLengths(quad);
  const shortSide = Math.max(1, Math.min(horizontal, vertical));
  const gaps = quad.map(
    (corner, i) =>
      Math.min(borderGap(edges, corner, quad[(i + 1) % 4]!), borderGap(edges, corner, quad[(i + 3) % 4]!)) /
      shortSide,
  );
  const seen = (i: number) => !missing.includes(CORNER_NAMES[i]!);
  return CORNER_NAMES.filter((_, i) => {
    if (!seen(i)) return false;
    const others = gaps.filter((_, k) => k !== i && seen(k));
    return (
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredBorderGap &&
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredGapOverOthers * Math.max(0, ...others)
    );
  });
}

/**
 * Pixels from the corner along its side to where the side's border starts to run unbroken on edges
 * for a tenth of the side (a finger's own outline can run along the side for a few pixels), looking at
 * most 40% of the way. Stretches outside the photo count as unbroken.
 */
function borderGap(edges: EdgeMap, corner: Point, other: Point): number {
  const length = distance(corner, other);
  const run = Math.max(4, Math.round(0.1 * length));
  let unbroken = 0;
  for (let s = 0; s < 0.4 * length; s++) {
    const x = Math.round(corner[0] + ((other[0] - corner[0]) * s) / length);
    const y = Math.round(corner[1] + ((other[1] - corner[1]) * s) / length);
    const inFrame = x >= 0 && y >= 0 && x < edges.cols && y < edges.rows;
    unbroken = !inFrame || isNearEdge(edges, x, y) ? unbroken + 1 : 0;
    if (unbroken >= run) return s - run + 1;
  }
  return 0.4 * length;
}
