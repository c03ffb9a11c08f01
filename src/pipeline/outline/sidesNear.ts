/**
 * The document's four sides searched for as lines where its MRZ puts them (ICAO 9303: the zone
 * centred, its foot 4.8 mm above the bottom edge), when no closed contour went round the document:
 * clutter touching its border, or a table's edge running on from it, opens every contour round it.
 * Each side is looked for in its own band, turned a little from the prediction (a page turned in the
 * photo, or its sides drawn together by a slanted view), and never across the zone: the left and
 * right sides lie beyond the zone's ends, the bottom below its foot, the top above it. The top may
 * lie well inside the prediction, which is made from the zone's width: a page seen at a slant is
 * shorter down the page than across it.
 *
 * A side is a line along which the photo changes one way across it (the document lighter than the
 * ground, or darker) in long runs over most of its length. Rows of print inside the page lie on
 * edges as much, but across a row the change flips from glyph to glyph, and between glyphs there is
 * none.
 */
import { distance, intersect, lineThrough, type Line, type Point } from '../geometry.ts';
import type { AnalysisPoint, Quad, RgbaImage } from '../types.ts';
import { refineSide, type EdgeMap } from './edgeMap.ts';
import { nearEdges, sideSupport, type SideMeasure } from './sideSupport.ts';

/** A side is seen where this share of it, between its neighbours, lies on edges and changes one way across. */
const MIN_SIDE_SUPPORT = 0.6;

/**
 * How far each side is looked for, as shares of the predicted page's width (left, right) or height
 * (top, bottom). The prediction's own error is a few per cent (ICAO's ±1 mm on the zone; mock-ups
 * print the zone up to 97% of the page's width, ICAO 89%: 4% a side).
 */
const SEARCH = {
  outwards: 0.15,
  /** The top is looked for down to 60% of the page's predicted height: a view slanted ~55°. */
  topInwards: 0.6,
  /**
   * How far inside the zone's box the left and right sides may lie: the box may take in a mark
   * read past the zone's last character (docsaid-mrz's AZE page: 5.5% of the page's width).
   */
  zoneInset: 0.08,
  /** The top and bottom turn with the page; a slanted view also turns the left and right towards each other. */
  maxTurnDegrees: [10, 20],
} as const;

interface Found {
  readonly line: Line;
  readonly support: number;
  readonly offset: number;
  readonly degrees: number;
}

export interface SidesNear {
  /** Document order: top, right, bottom, left; a side not seen is the prediction's. */
  readonly lines: readonly Line[];
  readonly supports: readonly number[];
  readonly seen: readonly boolean[];
}

/**
 * nearEdges of the maps, made once for them: every prediction's sides are searched over the same
 * ones (outlineNear.ts), each side at every offset and turn of its band (searchSide).
 */
const nearEdgesMade = new WeakMap<readonly EdgeMap[], Uint8Array | undefined>();
function nearEdgesOf(image: RgbaImage, maps: readonly EdgeMap[]): Uint8Array | undefined {
  if (!nearEdgesMade.has(maps)) nearEdgesMade.set(maps, nearEdges(image, maps) ?? undefined);
  return nearEdgesMade.get(maps);
}

/** `maps`: the edge maps the outline was searched in; an edge in any of them counts. */
export function findSidesNear(
  image: RgbaImage,
  maps: readonly EdgeMap[],
  predicted: Quad<AnalysisPoint>,
  zone: Quad<AnalysisPoint>,
): SidesNear {
  const frame = pageFrame(predicted);
  const z = zone.map((p) => frame.toPage(p));
  const zoneLeft = Math.min(...z.map((p) => p[0]));
  const zoneRight = Math.max(...z.map((p) => p[0]));
  const zoneTop = Math.min(...z.map((p) => p[1]));
  const zoneFoot = Math.max(...z.map((p) => p[1]));
  const { width: w, height: h } = frame;
  const bands: Band[] = [
    {
      alongU: true,
      from: -SEARCH.outwards * h,
      to: Math.min(SEARCH.topInwards * h, zoneTop - (zoneFoot - zoneTop)),
      predicted: 0,
      firstSupported: true,
    },
    { alongU: false, from: zoneRight - SEARCH.zoneInset * w, to: w * (1 + SEARCH.outwards), predicted: w },
    { alongU: true, from: zoneFoot + 1, to: h * (1 + SEARCH.outwards), predicted: h },
    { alongU: false, from: zoneLeft + SEARCH.zoneInset * w, to: -SEARCH.outwards * w, predicted: 0 },
  ];
  const predictedLines = predicted.map((p, i) => lineThrough(p, predicted[(i + 1) % 4]!));
  const lines = [...predictedLines];
  const supports = [0, 0, 0, 0];
  const measure = { image, maps, nearEdges: nearEdgesOf(image, maps) };
  // Twice round: each side is measured between its neighbours as last found, the second time near
  // where the first found it (5% of the page either way), where it did.
  for (let round = 0; round < 2; round++) {
    for (const i of [2, 0, 1, 3]) {
      const found = searchSide(measure, frame, bands[i]!, lines[(i + 3) % 4]!, lines[(i + 1) % 4]!);
      supports[i] = found?.support ?? 0;
      lines[i] = found && found.support >= MIN_SIDE_SUPPORT ? found.line : predictedLines[i]!;
      if (found && found.support >= MIN_SIDE_SUPPORT) bands[i] = near(bands[i]!, found.offset, frame);
    }
  }
  const seen = supports.map((s) => s >= MIN_SIDE_SUPPORT);
  const strong = maps[0]!;
  return {
    lines: lines.map((line, i) => (seen[i] ? refined(strong, line, lines, i) : line)),
    supports,
    seen,
  };
}

/** The band narrowed to 5% of the page either side of `offset`, its direction kept. */
function near(band: Band, offset: number, frame: PageFrame): Band {
  const reach = 0.05 * (band.alongU ? frame.height : frame.width);
  const direction = Math.sign(band.to - band.from);
  return { ...band, from: offset - direction * reach, to: offset + direction * reach };
}

interface Band {
  /** Whether the side runs along the page's width (top, bottom) or down it (left, right). */
  readonly alongU: boolean;
  /** Its offsets looked at, in page pixels from the predicted top-left (down, or across). */
  readonly from: number;
  readonly to: number;
  /** Where the prediction puts it: of lines supported alike, the nearer to this is taken. */
  readonly predicted: number;
  /**
   * The top: the first supported line met coming in from outside the page is taken, not the best
   * supported. Inside the page lie rows of print and the portrait's frame, and a page seen at a
   * slant has its top well inside the prediction, among them. The other sides lie where the zone
   * pins them, with only the page's margin between.
   */
  readonly firstSupported?: true;
}

/** The predicted page's own axes: u along its top edge, v down its left, from its top-left corner. */
function pageFrame(predicted: Quad<AnalysisPoint>) {
  const [topLeft, topRight, , bottomLeft] = predicted;
  const width = distance(topLeft, topRight);
  const height = distance(topLeft, bottomLeft);
  const right: Point = [(topRight[0] - topLeft[0]) / width, (topRight[1] - topLeft[1]) / width];
  const down: Point = [(bottomLeft[0] - topLeft[0]) / height, (bottomLeft[1] - topLeft[1]) / height];
  return {
    width,
    height,
    toPage: (p: Point): Point => {
      const [dx, dy] = [p[0] - topLeft[0], p[1] - topLeft[1]];
      return [dx * right[0] + dy * right[1], dx * down[0] + dy * down[1]];
    },
    toImage: (u: number, v: number): Point => [
      topLeft[0] + right[0] * u + down[0] * v,
      topLeft[1] + right[1] * u + down[1] * v,
    ],
  };
}

type PageFrame = ReturnType<typeof pageFrame>;

/**
 * The side in its band: the best supported line (of lines supported alike, the nearer the
 * prediction), or for the top the first supported line met coming in, and the best within 3% of the
 * page from there (the peak, not the first line to touch the edge). Offsets are tried every 2 px and
 * turns every 2°, the chosen one refined to 1 px and 0.5°.
 */
function searchSide(
  measure: SideMeasure,
  frame: PageFrame,
  band: Band,
  before: Line,
  after: Line,
): Found | null {
  const maxTurn = SEARCH.maxTurnDegrees[band.alongU ? 0 : 1];
  const mid = band.alongU ? frame.width / 2 : frame.height / 2;
  const at = (offset: number, degrees: number, stride: number): Found => {
    const t = Math.tan((degrees * Math.PI) / 180);
    const a = band.alongU ? frame.toImage(mid, offset) : frame.toImage(offset, mid);
    const b = band.alongU
      ? frame.toImage(mid + 100, offset + 100 * t)
      : frame.toImage(offset + 100 * t, mid + 100);
    const line = lineThrough(a, b);
    return { line, support: sideSupport(measure, line, before, after, stride), offset, degrees };
  };
  const bestTurn = (offset: number, stride: number, turns: readonly number[]) =>
    turns
      .map((degrees) => at(offset, degrees, stride))
      .reduce((p, q) =>
        q.support > p.support + 0.02 ||
        (q.support > p.support - 0.02 && Math.abs(q.degrees) < Math.abs(p.degrees))
          ? q
          : p,
      );
  const turns: number[] = [];
  for (let degrees = -maxTurn; degrees <= maxTurn; degrees += 2) turns.push(degrees);
  const direction = Math.sign(band.to - band.from);
  const count = Math.floor(Math.abs(band.to - band.from) / 2);
  const window = Math.round((0.03 * (band.alongU ? frame.height : frame.width)) / 2);
  const away = (found: Found) => Math.abs(found.offset - band.predicted) + 2 * Math.abs(found.degrees);
  const better = (next: Found, best: Found | null) =>
    !best ||
    next.support > best.support + 0.02 ||
    (next.support > best.support - 0.02 && away(next) < away(best));
  let best: Found | null = null;
  let supportedAt = -1;
  for (let k = 0; k <= count; k++) {
    if (supportedAt >= 0 && k > supportedAt + window) break;
    const next = bestTurn(band.from + direction * 2 * k, 2, turns);
    if (better(next, best)) best = next;
    if (band.firstSupported && supportedAt < 0 && next.support >= MIN_SIDE_SUPPORT) {
      supportedAt = k;
      best = next;
    }
  }
  if (!best || best.support < MIN_SIDE_SUPPORT / 2) return best;
  const coarse = best;
  const fine = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5].map((d) => coarse.degrees + d);
  for (let offset = coarse.offset - 2; offset <= coarse.offset + 2; offset++) {
    const next = bestTurn(offset, 1, fine);
    if (next.support > best.support) best = next;
  }
  return best;
}

/**
 * The side's line refitted to the outermost edge pixels along it, between its neighbours; kept only
 * where its ends stay within 3 px of the line found (the refit can reach past a faint border onto
 * the ground's texture).
 */
function refined(edges: EdgeMap, line: Line, lines: readonly Line[], i: number): Line {
  const from = intersect(lines[(i + 3) % 4]!, line, 0.2);
  const to = intersect(line, lines[(i + 1) % 4]!, 0.2);
  if (!from || !to) return line;
  const refit = refineSide(edges, { from, to });
  const off = (p: Point) =>
    Math.abs((p[0] - refit.point[0]) * refit.direction[1] - (p[1] - refit.point[1]) * refit.direction[0]);
  return off(from) <= 3 && off(to) <= 3 ? refit : line;
}
