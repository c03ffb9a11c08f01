/**
 * The measures the rules judge, gathered from the stages' outputs. Shared by the whole check
 * (check.ts) and the live camera's framing (framing/), so both judge the same numbers.
 */
import type { ClarityMeasures } from '../clarity/measureClarity.ts';
import { quadSideLengths } from '../geometry.ts';
import type { DocumentOutline } from '../outline/findDocumentOutline.ts';
import { DOCUMENT_FORMATS, formatFromAspect, type DocumentFormat } from '../rectify/rectifyDocument.ts';
import type { Measures } from '../types.ts';
import type { OutlineCorners } from './evidence.ts';

/** ICAO 9303 part 3 §4.3: OCR-B size 1 characters are about 2.3 mm high (with ascender tolerance). */
const MRZ_GLYPH_HEIGHT_MM = 2.3;

/**
 * `photo` is the size of the photo the outline's quad is in; `rectifiedFormat` the format the
 * rectify stage chose, if it ran; `mrz` the MRZ glyph height in those pixels, if one was read.
 */
export function measuresOf(
  photo: { readonly width: number; readonly height: number },
  outline: DocumentOutline | null,
  rectifiedFormat: DocumentFormat | null,
  clarity: ClarityMeasures,
  mrz: { inPhotoPx: number } | null,
): Measures {
  // A predicted outline (outline/outlineNear.ts) is sized from the MRZ's box: its glyphs say more.
  const sized = outline?.predicted && mrz ? null : outline;
  let textHeightPx = sized ? null : (mrz?.inPhotoPx ?? null);
  if (sized) {
    // How high MRZ-sized print is, from the document's width in the photo: steadier than the MRZ
    // band's measured height, which blur and upsampling inflate (small fixtures: 12–14 px for 7).
    const { horizontal, vertical } = quadSideLengths(sized.quad);
    const format = rectifiedFormat ?? formatFromAspect(sized.aspect);
    textHeightPx = (Math.max(horizontal, vertical) / DOCUMENT_FORMATS[format].widthMm) * MRZ_GLYPH_HEIGHT_MM;
  }
  return {
    imageWidth: photo.width,
    imageHeight: photo.height,
    documentAreaShare: outline ? round(outline.areaShare, 4) : null,
    sharpness: round(clarity.sharpness, 1),
    glare: round(clarity.glare, 4),
    brightness: clarity.brightness,
    darkestPrint: clarity.contrastRange[0],
    textHeightPx: textHeightPx === null ? null : round(textHeightPx, 1),
    printHeightPx:
      clarity.print.glyphHeightPx === null
        ? null
        : round(clarity.print.glyphHeightPx * clarity.photoPxPerMeasuredPx, 1),
    printSharpness: clarity.print.printSharpness === null ? null : round(clarity.print.printSharpness, 1),
    printReblurRatio:
      clarity.print.printReblurRatio === null ? null : round(clarity.print.printReblurRatio, 2),
    printReblurLeastWay: roundOrNull(clarity.print.printReblurLeastWay, 2),
    printReblurBalance: roundOrNull(clarity.print.printReblurBalance, 2),
    documentSeen: outline !== null || mrz !== null,
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? null : round(value, digits);

/** The outline's corners as four-corners judges them: none found when there is no outline. */
export function cornersOf(outline: DocumentOutline | null): OutlineCorners {
  return {
    found: outline !== null,
    missingCorners: outline?.missingCorners ?? [],
    coveredCorners: outline?.coveredCorners ?? [],
    offEdges: outline?.offEdges ?? [],
    ...(outline?.edgesUnseen ? { edgesUnseen: true } : {}),
  };
}
