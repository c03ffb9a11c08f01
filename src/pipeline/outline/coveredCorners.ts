/**
 * Which of an outline's corners look covered (a thumb, an object): see README.md, "Covered corners".
 */
import { distance, quadSideLengths, type Point } from '../geometry.ts';
import { CORNER_NAMES, type CornerName, type AnalysisPoint, type Quad, type RgbaImage } from '../types.ts';
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
  image?: RgbaImage,
): CornerName[] {
  return coverOfCorners(edges, quad, missing, image).covered;
}

/**
 * The corners covered, and whether a corner that would be named so is one whose border is not found
 * within reach (BORDER_GAP_REACH) of it along one of its sides at all (`unseen`). A finger over a corner
 * ends, and the border runs on from there on both sides (fixtures' thumbs: 6-11% of the short side); a
 * side that finds no border near the corner is no side of the document there, and the corner where it
 * meets the other says nothing of the document's: real-photos' shakex/v3-card5 at JPEG quality 60, a
 * quad whose top ran from the card's left side across it to the marble past its top-right corner, said
 * covered (no border within 40% on either side of that corner). The outline is then unseen there.
 */
export function coverOfCorners(
  edges: EdgeMap,
  quad: Quad<AnalysisPoint>,
  missing: readonly CornerName[],
  image?: RgbaImage,
): { readonly covered: CornerName[]; readonly unseen: boolean } {
  const { horizontal, vertical } = quadSideLengths(quad);
  const shortSide = Math.max(1, Math.min(horizontal, vertical));
  const sideGaps = quad.map((corner, i) =>
    [quad[(i + 1) % 4]!, quad[(i + 3) % 4]!].map((other) => ({
      gap: borderGap(edges, corner, other),
      reach: BORDER_GAP_REACH * distance(corner, other),
    })),
  );
  const gaps = sideGaps.map(([a, b]) => Math.min(a!.gap, b!.gap) / shortSide);
  const seen = (i: number) => !missing.includes(CORNER_NAMES[i]!);
  const looksCovered = CORNER_NAMES.filter((_, i) => {
    if (!seen(i)) return false;
    const others = gaps.filter((_, k) => k !== i && seen(k));
    return (
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredBorderGap &&
      gaps[i]! >= OUTLINE_THRESHOLDS.coveredGapOverOthers * Math.max(0, ...others) &&
      !(image && looksUncovered(image, quad, i, shortSide))
    );
  });
  const beyondReach = (name: CornerName) =>
    sideGaps[CORNER_NAMES.indexOf(name)]!.some(({ gap, reach }) => gap >= reach);
  return {
    covered: looksCovered.filter((name) => !beyondReach(name)),
    unseen: looksCovered.some(beyondReach),
  };
}

/**
 * A corner the photo shows uncovered: just inside it the photo shows what it shows inside the
 * document further along its sides, and just beyond it either what lies beside the document (a pale
 * card's faint corner on a pale table) or at least something else than inside it (the document's edge
 * runs between the two; an outline drawn a little inside the card, whose sides then find no border
 * near the corner: real-photos' shakex/v3-card5 halved, midv500-seg/sample2 turned). A finger or an
 * object over the corner shows itself inside it, unlike the document, and beyond it alike (a thumb of
 * the hand that holds the card over the corner and the palm beyond). Patches 3.5% of the short side in
 * from the corner (inside an ID-1 card's rounding, r = 5.9%) and out beyond it, against the same
 * distance in and out a quarter of the way along each side.
 */
function looksUncovered(image: RgbaImage, quad: Quad<AnalysisPoint>, i: number, shortSide: number): boolean {
  const corner = quad[i]!;
  const [a, b] = [quad[(i + 1) % 4]!, quad[(i + 3) % 4]!];
  const unit = (p: Point): Point => {
    const d = distance(corner, p);
    return [(p[0] - corner[0]) / d, (p[1] - corner[1]) / d];
  };
  const [ua, ub] = [unit(a), unit(b)];
  const step = 0.035 * shortSide;
  const at = (alongA: number, alongB: number) =>
    patchMean(
      image,
      corner[0] + ua[0] * alongA + ub[0] * alongB,
      corner[1] + ua[1] * alongA + ub[1] * alongB,
    );
  const inside = at(step, step);
  const outside = at(-step, -step);
  const [quarterA, quarterB] = [0.25 * distance(corner, a), 0.25 * distance(corner, b)];
  const insideRefs = [at(quarterA, step), at(step, quarterB)];
  const outsideRefs = [at(quarterA, -step), at(-step, quarterB)];
  const matches = (patch: number[] | null, refs: (number[] | null)[]) =>
    patch !== null && refs.some((ref) => ref !== null && colourDifference(patch, ref) <= SAME_COLOUR);
  const edgeSeen = inside !== null && outside !== null && colourDifference(inside, outside) > SAME_COLOUR;
  return matches(inside, insideRefs) && (matches(outside, outsideRefs) || edgeSeen);
}

/**
 * Two patches show the same surface when no channel's mean differs by more than this: a card's tint
 * and print vary by ~15 over its margin, a thumb differs from a card or a table by 60 or more.
 */
const SAME_COLOUR = 25;

const colourDifference = (p: number[], q: number[]) => Math.max(...p.map((v, c) => Math.abs(v - q[c]!)));

/** Mean RGB over 5 × 5 px round (x, y); null where that is not all in the photo. */
function patchMean(image: RgbaImage, x: number, y: number): number[] | null {
  const [cx, cy] = [Math.round(x), Math.round(y)];
  if (cx < 2 || cy < 2 || cx > image.width - 3 || cy > image.height - 3) return null;
  const sum = [0, 0, 0];
  for (let dy = -2; dy <= 2; dy++)
    for (let dx = -2; dx <= 2; dx++) {
      const k = ((cy + dy) * image.width + cx + dx) * 4;
      for (let c = 0; c < 3; c++) sum[c]! += image.data[k + c]!;
    }
  return sum.map((v) => v / 25);
}

/** How far along a side from a corner its border is looked for: 40% of the side. */
const BORDER_GAP_REACH = 0.4;

/**
 * Pixels from the corner along its side to where the side's border starts to run unbroken on edges
 * for a tenth of the side (a finger's own outline can run along the side for a few pixels), looking at
 * most BORDER_GAP_REACH of the way (that far, where it does not start so near). Stretches outside the
 * photo count as unbroken.
 */
function borderGap(edges: EdgeMap, corner: Point, other: Point): number {
  const length = distance(corner, other);
  const run = Math.max(4, Math.round(0.1 * length));
  let unbroken = 0;
  for (let s = 0; s < BORDER_GAP_REACH * length; s++) {
    const x = Math.round(corner[0] + ((other[0] - corner[0]) * s) / length);
    const y = Math.round(corner[1] + ((other[1] - corner[1]) * s) / length);
    const inFrame = x >= 0 && y >= 0 && x < edges.cols && y < edges.rows;
    unbroken = !inFrame || isNearEdge(edges, x, y) ? unbroken + 1 : 0;
    if (unbroken >= run) return s - run + 1;
  }
  return BORDER_GAP_REACH * length;
}
