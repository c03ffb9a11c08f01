/**
 * A code seen but not read (issue 12, item 2): rows of marks stacked at one even pitch, each as long
 * as a line of an ICAO format, where OCR made no plausible code of them (glyphs too small, blur). Its
 * format, place and pitch still bound the document it is printed on (documentGeometry.ts): ICAO 9303
 * part 3 §4.2 prints every line of a format with the same number of characters (30, 36 or 44, the `<`
 * fillers as marks too) at 2.54 mm, so the rows' length in pitches names the format and their pitch
 * the document's scale.
 */
import type { MrzFormat, PixelSpace, Rect } from '../types.ts';
import type { CodeRowShape } from './codeLineShape.ts';

export interface CodeSighting<S extends PixelSpace = PixelSpace> {
  /** The ICAO format whose lines the rows match: the one whose document size ICAO fixes. */
  readonly format: Extract<MrzFormat, 'TD1' | 'TD2' | 'TD3'>;
  /** The band the rows were seen in, in the pixels of the image searched (as given, not turned). */
  readonly box: Rect<S>;
  /** Quarter turns clockwise that made the rows run left to right. */
  readonly quarterTurns: number;
  /** The rows' character pitch, in the pixels of the image searched. */
  readonly pitchPx: number;
}

/** Characters a line, for the formats whose document ICAO fixes (parts 4 to 6). */
const LINE_COLUMNS = [
  ['TD1', 30],
  ['TD2', 36],
  ['TD3', 44],
] as const;

/**
 * What the rows must show to be taken for a code seen: at least two rows (every format whose document
 * ICAO fixes has two or three lines; one row alone may be a line of tabulated print, and the French
 * licence's single line of 30 has no ICAO document), each a format's length within a pitch and a
 * half (a faint filler at a line's end lost, or a mark past it), at least three quarters of its
 * characters seen as marks, 90% of its steps even (a code's rows measured 93% or more: codeLineShape.ts),
 * and their pitches within 10% of each other (one zone's lines share one pitch).
 */
const SIGHTING = {
  minRows: 2,
  lengthTolerance: 1.5,
  minMarkShare: 0.75,
  minEvenShare: 0.9,
  pitchTolerance: 0.1,
};

/**
 * Pure: the format whose lines the rows match (SIGHTING), and their median pitch in the rows' own
 * pixels; null where they match none.
 */
export function codeLinesOf(
  rows: readonly CodeRowShape[],
): { readonly format: CodeSighting['format']; readonly pitchPx: number } | null {
  for (const [format, columns] of LINE_COLUMNS) {
    const lines = rows.filter(
      (row) =>
        Math.abs(row.lengthInPitches - columns) <= SIGHTING.lengthTolerance &&
        row.marks >= SIGHTING.minMarkShare * columns &&
        row.evenShare >= SIGHTING.minEvenShare,
    );
    if (lines.length < SIGHTING.minRows) continue;
    const pitches = lines.map((row) => row.pitchPx).sort((a, b) => a - b);
    const pitchPx = pitches[Math.floor(pitches.length / 2)]!;
    const samePitch = pitches.filter((pitch) => Math.abs(pitch / pitchPx - 1) <= SIGHTING.pitchTolerance);
    if (samePitch.length >= SIGHTING.minRows) return { format, pitchPx };
  }
  return null;
}
