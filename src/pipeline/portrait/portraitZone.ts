/**
 * The portrait zone cut out of a rectified document, at either end, and parts of it as shares: what
 * findPortrait looks in for the face and measures shine and cover over.
 */
import type { DetectedFace } from '../face/types.ts';
import { rectIn, type Rect, type RgbaImage } from '../types.ts';

/** A part of the upright document, as shares of its width and height. */
export interface Share {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface ZoneCrop {
  /** The zone's pixels, upright (turned half round when the document is upside down). */
  readonly image: RgbaImage;
  readonly zoneInDocument: Rect<'document'>;
  /** A part of the upright crop (shares) in the document's pixels. */
  readonly toDocument: (part: Share) => Rect<'document'>;
}

/**
 * The zone cut out of the document. Turned: the document is upside down, so the upright zone is the
 * opposite corner's, turned half round.
 */
export function cropZone(document: RgbaImage, zone: Share, turned: boolean): ZoneCrop {
  const { width, height, data } = document;
  const shareOf = turned ? { x0: 1 - zone.x1, y0: 1 - zone.y1, x1: 1 - zone.x0, y1: 1 - zone.y0 } : zone;
  const x0 = Math.round(shareOf.x0 * width);
  const y0 = Math.round(shareOf.y0 * height);
  const w = Math.max(1, Math.round(shareOf.x1 * width) - x0);
  const h = Math.max(1, Math.round(shareOf.y1 * height) - y0);
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const sourceRow = turned ? y0 + h - 1 - y : y0 + y;
    if (!turned) {
      out.set(data.subarray((sourceRow * width + x0) * 4, (sourceRow * width + x0 + w) * 4), y * w * 4);
      continue;
    }
    for (let x = 0; x < w; x++) {
      const from = (sourceRow * width + x0 + w - 1 - x) * 4;
      const to = (y * w + x) * 4;
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
      out[to + 3] = 255;
    }
  }
  const toDocument = (part: Share): Rect<'document'> => {
    const [px0, px1] = turned ? [1 - part.x1, 1 - part.x0] : [part.x0, part.x1];
    const [py0, py1] = turned ? [1 - part.y1, 1 - part.y0] : [part.y0, part.y1];
    return rectIn(
      'document',
      Math.round(x0 + px0 * w),
      Math.round(y0 + py0 * h),
      Math.round((px1 - px0) * w),
      Math.round((py1 - py0) * h),
    );
  };
  return {
    image: { width: w, height: h, data: out },
    zoneInDocument: rectIn('document', x0, y0, w, h),
    toDocument,
  };
}

/** `part` (shares of the document) as shares of the zone. */
export function zoneShare(part: Share, zone: Share): Share {
  const across = zone.x1 - zone.x0;
  const down = zone.y1 - zone.y0;
  return {
    x0: (part.x0 - zone.x0) / across,
    y0: (part.y0 - zone.y0) / down,
    x1: (part.x1 - zone.x0) / across,
    y1: (part.y1 - zone.y0) / down,
  };
}

/** A detector's box (normalised to the crop) as shares of the crop, kept inside it. */
export function boxShare(box: DetectedFace['box']): Share {
  return clampShare({ x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height });
}

export function clampShare(part: Share): Share {
  const clamp = (value: number) => Math.max(0, Math.min(1, value));
  return { x0: clamp(part.x0), y0: clamp(part.y0), x1: clamp(part.x1), y1: clamp(part.y1) };
}
