/**
 * Where the document lies, predicted from its MRZ. ICAO 9303 fixes each format's size and where its
 * machine readable zone sits on it, and the zone's own print is fixed too (a 2.54 mm character pitch,
 * part 3 §4.2): the zone's width in pixels therefore gives the document's scale, and its place gives
 * the document's bottom, left and right edges, hence its outline.
 */
import { pointIn, type MrzFormat, type PixelSpace, type PointIn, type Quad, type Rect } from '../types.ts';

/** ICAO 9303 part 3 §4.2.2: OCR-B size 1 at 10 characters per 25.4 mm. */
const MRZ_PITCH_MM = 2.54;
/** The width of one OCR-B glyph's ink (the last character ends this far after its pitch cell starts). */
const GLYPH_INK_MM = 2.0;
/** ICAO 9303 part 3 §4.2.2: lines 4.23 mm apart (6 lines per 25.4 mm), glyphs ~2.3 mm high. */
const LINE_SPACING_MM = 4.23;
const GLYPH_HEIGHT_MM = 2.3;

interface MrzDocumentLayout {
  /** The document (ICAO 9303 part 4: TD3 125 × 88 mm; part 5: TD1 85.6 × 53.98; part 6: TD2 105 × 74). */
  readonly widthMm: number;
  readonly heightMm: number;
  /** Characters per MRZ line, and lines. */
  readonly columns: number;
  readonly lines: number;
  /** Character pitch: ICAO's 2.54 mm, or a national card's narrower one. */
  readonly pitchMm: number;
  /**
   * From the bottom of the zone's last line to the document's bottom edge. ICAO's print positions put
   * the last line's reference centre line ~6 mm above the edge (parts 4 to 6), ±1 mm; the glyphs
   * are ~2.4 mm high, so their foot is ~4.8 mm above the edge.
   */
  readonly bottomMarginMm: number;
}

/**
 * The formats whose document size ICAO fixes. Visas (MRV-A, MRV-B) are stickers on a passport page
 * and the French licence's one line is national: no prediction for those.
 */
export const MRZ_DOCUMENT_LAYOUTS: Partial<Record<MrzFormat, MrzDocumentLayout>> = {
  TD1: { widthMm: 85.6, heightMm: 53.98, columns: 30, lines: 3, pitchMm: MRZ_PITCH_MM, bottomMarginMm: 4.8 },
  TD2: { widthMm: 105, heightMm: 74, columns: 36, lines: 2, pitchMm: MRZ_PITCH_MM, bottomMarginMm: 4.8 },
  TD3: { widthMm: 125, heightMm: 88, columns: 44, lines: 2, pitchMm: MRZ_PITCH_MM, bottomMarginMm: 4.8 },
};

/**
 * Other documents that carry a format's zone. Some ID-1 cards (Romania's) print two lines of 36 on
 * the card, the pitch narrowed to fit its width less ~3 mm a side.
 */
const OTHER_LAYOUTS: Partial<Record<MrzFormat, readonly MrzDocumentLayout[]>> = {
  TD2: [
    {
      widthMm: 85.6,
      heightMm: 53.98,
      columns: 36,
      lines: 2,
      pitchMm: (85.6 - 6 - GLYPH_INK_MM) / 35,
      bottomMarginMm: 4,
    },
  ],
};

/** The zone's printed width: the pitch between the first and last characters, and the last one's ink. */
export function mrzWidthMm(columns: number, pitchMm = MRZ_PITCH_MM): number {
  return (columns - 1) * pitchMm + GLYPH_INK_MM;
}

export interface PredictedDocument<S extends PixelSpace> {
  /** The document's corners in the document's own order: top-left, top-right, bottom-right, bottom-left. */
  readonly quad: Quad<PointIn<S>>;
  /** Pixels per millimetre on the document, from the zone's width. */
  readonly pxPerMm: number;
  /** The zone's own box, its corners in the document's order, as the prediction was made from it. */
  readonly zone: Quad<PointIn<S>>;
}

/**
 * The document's outline predicted from its MRZ's box (in the pixels of `space`, as found, not
 * turned), the quarter turns clockwise that made it upright, and the character pitch OCR measured. Null for a format whose document
 * size ICAO does not fix.
 */
export function predictDocumentFromMrz<S extends PixelSpace>(
  format: MrzFormat,
  box: Rect<S>,
  quarterTurns: number,
  space: S,
  pitchPx: number | null = null,
): PredictedDocument<S> | null {
  const layout = MRZ_DOCUMENT_LAYOUTS[format];
  if (!layout) return null;
  return predictFromLayout(layout, box, quarterTurns, space, pitchPx);
}

/** Every document the zone may be on: the format's own first, then others that carry it. */
export function predictDocumentsFromMrz<S extends PixelSpace>(
  format: MrzFormat,
  box: Rect<S>,
  quarterTurns: number,
  space: S,
  pitchPx: number | null = null,
): PredictedDocument<S>[] {
  const layouts = [MRZ_DOCUMENT_LAYOUTS[format], ...(OTHER_LAYOUTS[format] ?? [])];
  return layouts.flatMap((layout) =>
    layout ? (predictFromLayout(layout, box, quarterTurns, space, pitchPx) ?? []) : [],
  );
}

function predictFromLayout<S extends PixelSpace>(
  layout: MrzDocumentLayout,
  box: Rect<S>,
  quarterTurns: number,
  space: S,
  pitchPx: number | null,
): PredictedDocument<S> | null {
  const { right, down } = uprightAxes(quarterTurns);
  // The box's extent along the document's own axes: across its lines, and down them.
  const along = Math.abs(right[0]) * box.width + Math.abs(right[1]) * box.height;
  const across = Math.abs(down[0]) * box.width + Math.abs(down[1]) * box.height;
  // The pitch OCR measured gives the scale where it agrees roughly with the box (which may take in
  // print beside the zone, or miss faint fillers at a line's end); else the box's width does.
  const boxPxPerMm = along / mrzWidthMm(layout.columns, layout.pitchMm);
  const pitchPxPerMm = pitchPx === null ? null : pitchPx / layout.pitchMm;
  // A box much shorter than its pitch makes the zone was cut short (a corner off the photo, glare
  // over its end): its place along the lines is then unknown, and so is the document's.
  if (pitchPxPerMm !== null && pitchPxPerMm / boxPxPerMm > 1.07) return null;
  const pxPerMm = pitchPxPerMm !== null && pitchPxPerMm / boxPxPerMm >= 0.8 ? pitchPxPerMm : boxPxPerMm;
  // Down the document the scale is the lines' own: a photo taken at a slant shortens the document
  // that way (the width's scale still holds within 10% when it is seen square on).
  const downPxPerMm = along > 0 ? across / ((layout.lines - 1) * LINE_SPACING_MM + GLYPH_HEIGHT_MM) : pxPerMm;
  // Not below 0.75 of the width's scale (a view slanted past ~40°): a band that missed a line (a
  // finger over it) would otherwise shrink the page to a strip.
  const downScale =
    Math.abs(downPxPerMm / pxPerMm - 1) <= 0.1
      ? pxPerMm
      : Math.max(0.75 * pxPerMm, Math.min(pxPerMm, downPxPerMm));
  const centre = [box.x + box.width / 2, box.y + box.height / 2] as const;
  const halfWidth = (layout.widthMm / 2) * pxPerMm;
  // From the zone's centre down to the document's bottom edge, and up to its top edge.
  const toBottom = across / 2 + layout.bottomMarginMm * downScale;
  const toTop = toBottom - layout.heightMm * downScale;
  const at = (sideways: number, downwards: number) =>
    pointIn(
      space,
      centre[0] + right[0] * sideways + down[0] * downwards,
      centre[1] + right[1] * sideways + down[1] * downwards,
    );
  return {
    quad: [at(-halfWidth, toTop), at(halfWidth, toTop), at(halfWidth, toBottom), at(-halfWidth, toBottom)],
    pxPerMm,
    zone: [
      at(-along / 2, -across / 2),
      at(along / 2, -across / 2),
      at(along / 2, across / 2),
      at(-along / 2, across / 2),
    ],
  };
}

/**
 * The document's rightward and downward unit vectors in the unturned image, for an image that
 * `turns` quarter turns clockwise made upright (the inverse of mrzImage.ts's unturnBox).
 */
function uprightAxes(turns: number): { right: readonly [number, number]; down: readonly [number, number] } {
  switch (((turns % 4) + 4) % 4) {
    case 1: // upright (x, y) came from (y, width - x)
      return { right: [0, -1], down: [1, 0] };
    case 2:
      return { right: [-1, 0], down: [0, -1] };
    case 3: // upright (x, y) came from (height - y, x)
      return { right: [0, 1], down: [-1, 0] };
    default:
      return { right: [1, 0], down: [0, 1] };
  }
}
