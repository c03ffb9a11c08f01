/**
 * Where to draw the outline and the missing-corner marks over the live video, in the judged frame's
 * pixels. Unlike the result's overlay (flow/overlayFrame.ts), the view cannot grow past the video, so a
 * corner off the frame is marked at the nearest point just inside its edge.
 */
import { CORNER_NAMES, pointIn, type CornerName, type ImagePoint } from '../../pipeline/types.ts';
import type { FrameJudgement } from '../checkClient.ts';

export interface LiveOverlay {
  readonly width: number;
  readonly height: number;
  readonly outline: readonly ImagePoint[] | null;
  readonly missing: readonly { readonly corner: CornerName; readonly at: ImagePoint }[];
  /** Stroke width and marker size that read the same at any frame size. */
  readonly unit: number;
}

export function liveOverlay(judgement: FrameJudgement): LiveOverlay {
  const { width, height, outline } = judgement;
  const unit = Math.max(width, height) / 200;
  const inset = unit * 7;
  const clamp = (value: number, size: number) => Math.min(size - inset, Math.max(inset, value));
  const missing = judgement.missingCorners.map((corner) => {
    const point = outline?.[CORNER_NAMES.indexOf(corner)];
    const at = point
      ? pointIn('image', clamp(point[0], width), clamp(point[1], height))
      : pointIn('image', inset, inset);
    return { corner, at };
  });
  return { width, height, outline, missing, unit };
}
