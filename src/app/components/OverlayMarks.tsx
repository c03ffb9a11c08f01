/**
 * The marks drawn over a photo, shared by the result's photo and the live camera: the outline's
 * points, and a crossed circle at each missing corner. Sizes are in `unit`s, so that they read the
 * same at any photo size.
 */
import type { CornerName, ImagePoint } from '../../pipeline/types.ts';

export interface MissingCornerMark {
  readonly corner: CornerName;
  readonly at: ImagePoint;
}

/** An outline as an SVG polygon's `points`. */
export function svgPoints(outline: readonly ImagePoint[]): string {
  return outline.map((p) => p.join(',')).join(' ');
}

export function MissingCornerMarks({
  missing,
  unit,
}: {
  readonly missing: readonly MissingCornerMark[];
  readonly unit: number;
}) {
  return missing.map(({ corner, at }) => (
    <g key={corner} className="app-photo__missing" data-corner={corner}>
      <circle cx={at[0]} cy={at[1]} r={unit * 6} strokeWidth={unit} />
      <path d={crossPath(at, unit)} strokeWidth={unit * 1.5} />
    </g>
  ));
}

/** The cross through a missing corner's circle: two diagonals, 6 units long, centred on it. */
function crossPath(at: ImagePoint, unit: number): string {
  return `M${at[0] - unit * 3},${at[1] - unit * 3}l${unit * 6},${unit * 6}m0,${-unit * 6}l${-unit * 6},${unit * 6}`;
}
