/**
 * Where to draw the photo and its outline. All in image pixels (the photo as decoded); the frame grows
 * past the photo's edges when a corner of the document lies outside it, so the missing corner can be shown.
 */
import {
  CORNER_NAMES,
  pointIn,
  rectIn,
  type CornerName,
  type ImagePoint,
  type Quad,
  type Rect,
} from '../../pipeline/types.ts';

export interface OverlayFrame {
  /** The SVG viewBox: the photo and every outline corner, with a margin. */
  readonly view: Rect<'image'>;
  /** The photo, inside `view`. */
  readonly photo: Rect<'image'>;
  /** Where to mark each missing corner: its outline point, or the photo's own corner without an outline. */
  readonly missing: readonly { readonly corner: CornerName; readonly at: ImagePoint }[];
  /** Stroke width and marker size that read the same at any photo size. */
  readonly unit: number;
}

export function frameOverlay(
  width: number,
  height: number,
  outline: Quad<ImagePoint> | null,
  missingCorners: readonly CornerName[],
): OverlayFrame {
  const unit = Math.max(width, height) / 200;
  const photo = rectIn('image', 0, 0, width, height);
  const xs = [0, width, ...(outline ?? []).map((p) => p[0])];
  const ys = [0, height, ...(outline ?? []).map((p) => p[1])];
  const outside =
    Math.min(...xs) < 0 || Math.min(...ys) < 0 || Math.max(...xs) > width || Math.max(...ys) > height;
  const margin = outside ? unit * 8 : 0;
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  const view = rectIn('image', x, y, Math.max(...xs) + margin - x, Math.max(...ys) + margin - y);
  const photoCorners: Quad<ImagePoint> = [
    pointIn('image', 0, 0),
    pointIn('image', width, 0),
    pointIn('image', width, height),
    pointIn('image', 0, height),
  ];
  const missing = missingCorners.map((corner) => {
    const index = CORNER_NAMES.indexOf(corner);
    return { corner, at: (outline ?? photoCorners)[index] ?? photoCorners[0] };
  });
  return { view, photo, missing, unit };
}
