/**
 * The live camera's question about one video frame: would a photo taken now pass the two photo rules
 * (four-corners, clear-photo), and if not, what should the person fix first? The same stages and the
 * same rule judgments as checkDocument (outline, rectify, clarity), on a smaller copy of the frame so
 * that a frame takes tens of milliseconds, and nothing read. See README.md in this folder.
 */
import type { OpenCv } from '../../engines/types.ts';
import { measureClarity } from '../clarity/measureClarity.ts';
import { matToRgba, rgbaToMat, shrinkToFit, withMats } from '../cv.ts';
import { measuresOf } from '../measures.ts';
import { findDocumentOutline, scaleQuad } from '../outline/findDocumentOutline.ts';
import { rectifyDocument } from '../rectify/rectifyDocument.ts';
import {
  clarityProblemOf,
  judgeClearPhoto,
  judgeFourCorners,
  type ClarityProblem,
} from '../rules/judgeRules.ts';
import type { CornerName, ImagePoint, Measures, Quad, RgbaImage, RuleResult } from '../types.ts';

/**
 * The frame is judged at most this size (area-averaged, as the check shrinks its analysis copy).
 * Fixtures' clean, blurred, glare, dark and small photos shrunk to 1280-px frames and judged at 960
 * get every verdict they get at 1280 (the blurred measure at most 125 against clarity's threshold of
 * 200, the clean at least 533) in 42 ms instead of 72 (Node, 2026-11-24). At 800 two blurred photos
 * would pass; a bilinear shrink to 960 aliases one blurred photo up to 197 and loses two outlines.
 */
export const FRAMING_SIDE_PX = 960;

/**
 * The outline is found on a copy this size, half the judged frame (the quick case of OpenCV's area
 * resize). Over the same 67 photos: at 480 px every missing corner is named as at 900 px, and 61
 * outlines match the truth with IoU > 0.9 (64 at 900), in 25 ms instead of 107.
 */
export const FRAMING_OUTLINE_SIDE_PX = 480;

/** What to fix first, most important first: the document, its corners, then clarity in the rule's order. */
export type FramingProblem = 'no-document' | 'corners-missing' | 'corners-covered' | ClarityProblem;

export interface FramingOptions {
  /**
   * Camera pixels per pixel of the frame given, when it was shrunk from the camera's: the photo will be
   * taken at the camera's resolution, so the size check (is the writing big enough?) is judged in its
   * pixels.
   */
  readonly cameraPxPerFramePx?: number;
}

export interface FramingReport {
  /** The size the frame was judged at (at most FRAMING_SIDE_PX a side): the outline is in its pixels. */
  readonly width: number;
  readonly height: number;
  /** Clockwise from the corner nearest the frame's top-left; corners off the frame lie outside it. */
  readonly outline: Quad<ImagePoint> | null;
  /** Off the frame or covered. */
  readonly missingCorners: readonly CornerName[];
  /** The first thing to fix, or null when a photo taken now would pass both photo rules. */
  readonly problem: FramingProblem | null;
  readonly fourCorners: RuleResult;
  /** Judged only once all four corners are in: until then the corners are the thing to fix. */
  readonly clearPhoto: RuleResult | null;
  /** In camera pixels (see `cameraPxPerFramePx`), or null when clarity was not measured. */
  readonly measures: Measures | null;
  readonly timingsMs: { readonly shrink: number; readonly outline: number; readonly clarity: number };
}

export function judgeFraming(cv: OpenCv, frame: RgbaImage, options: FramingOptions = {}): FramingReport {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  return withMats(cv, (scope) => {
    const { mat: judged, scale } = shrinkToFit(scope, rgbaToMat(scope, frame), FRAMING_SIDE_PX);
    const size = { width: judged.cols, height: judged.rows };
    const { mat: small, scale: outlineScale } = shrinkToFit(scope, judged, FRAMING_OUTLINE_SIDE_PX);
    const shrink = lap();
    const found = findDocumentOutline(cv, matToRgba(small));
    const outline = found && { ...found, quad: scaleQuad(found.quad, 1 / outlineScale) };
    const fourCorners = judgeFourCorners({
      found: outline !== null,
      missingCorners: outline?.missingCorners ?? [],
      coveredCorners: outline?.coveredCorners ?? [],
      offEdges: outline?.offEdges ?? [],
    });
    const report = {
      ...size,
      outline: outline?.quad ?? null,
      missingCorners: [...new Set([...(outline?.missingCorners ?? []), ...(outline?.coveredCorners ?? [])])],
      fourCorners,
    };
    const outlined = lap();
    if (!outline || fourCorners.status !== 'pass') {
      const problem: FramingProblem = !outline
        ? 'no-document'
        : outline.missingCorners.length > 0
          ? 'corners-missing'
          : 'corners-covered';
      return {
        ...report,
        problem,
        clearPhoto: null,
        measures: null,
        timingsMs: { shrink, outline: outlined, clarity: 0 },
      };
    }

    // As checkDocument does: the document rectified from the judged frame, measured at its native size.
    const rectified = rectifyDocument(scope, judged, outline.quad);
    const clarity = measureClarity(cv, rectified.image, rectified.image.width * rectified.photoPxPerDocPx);
    const k = (options.cameraPxPerFramePx ?? 1) / scale;
    const measures = measuresOf(
      { width: Math.round(size.width * k), height: Math.round(size.height * k) },
      { ...outline, quad: scaleQuad(outline.quad, k) },
      rectified.format,
      clarity,
      null,
    );
    return {
      ...report,
      problem: clarityProblemOf(measures),
      clearPhoto: judgeClearPhoto(measures),
      measures,
      timingsMs: { shrink, outline: outlined, clarity: lap() },
    };
  });
}
