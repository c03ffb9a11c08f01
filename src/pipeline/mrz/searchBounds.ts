/**
 * Bounds on the MRZ search (issue 13): which bands are worth an OCR read at all, and which a second.
 */
import type { MrzReading } from '../types.ts';
import type { MrzLayout } from './formats.ts';
import type { MrzBand } from './locateMrz.ts';
import type { MrzImage } from './mrzImage.ts';
import { isPlausibleReading } from './plausibility.ts';

/**
 * The most a band may be long, in line heights, and still be an MRZ. A line of 44 OCR-B characters
 * (ICAO 9303-3: 2.54 mm pitch, about 2.4 mm high) is ~47 glyph heights long, a passport page 125 mm
 * wide ~52; the MRZs read on the fixtures and ../shared measured up to 39 on a photo and 55 across a rectified page. Half as much again
 * leaves room for thin or faint glyphs; longer, the glyphs are too small for the line to be an MRZ
 * (a line of a magazine's text), and its OCR is the slowest of all and can find nothing.
 */
const MAX_LENGTH_IN_LINE_HEIGHTS = 80;

export function isMrzLength(image: MrzImage<'upright'>, band: MrzBand, fullWidth: boolean): boolean {
  const length = fullWidth ? image.width : band.box.width;
  return length <= MAX_LENGTH_IN_LINE_HEIGHTS * band.lineHeight;
}

/**
 * Another scale settles doubtful characters of a code already read, and on a rectified document, where
 * the band spans the document where ICAO puts its code, it can make out a small one (the fixtures'
 * gbr-passport-small: an implausible TD3 at 32 px, the passport's code with 48 and 40). In the whole
 * photo it does not make a code out of text that is none (issue 13: every reread bounded): on
 * ../shared/real-ids and real-photos, no band found there whose first read was implausible
 * (plausibility.ts) ended plausible after the other two; a magazine's lines under glare, a cheque's
 * E-13B line and a selfie's background read as TD2 with 1-3 of 4 checks holding at every scale, and
 * their rereads were the slowest reads of all (up to 7 s a photo).
 */
export function isWorthReadingAgain(
  layout: MrzLayout,
  reading: MrzReading,
  readsSoFar: number,
  onDocument: boolean,
): boolean {
  return readsSoFar > 1 || onDocument || isPlausibleReading(layout, reading);
}
