/**
 * After the document is seen and read: its portrait, looked for where ICAO 9303 puts it on this side,
 * the way up the MRZ showed when one was read on the document.
 */
import type { Engines } from '../../engines/types.ts';
import { findPortrait, type Uprightness } from '../portrait/findPortrait.ts';
import type { MrzFormat, PortraitMeasure } from '../types.ts';
import type { SeenDocument } from './seeDocument.ts';

/**
 * The MRZ formats whose side carries the portrait: a passport's data page (TD3), a TD2 document, a
 * visa foil, the one-line MRZ on the front of a French licence, and the old French card's front (its
 * code runs under the portrait). A TD1 card's MRZ is on its back.
 */
const PORTRAIT_SIDE: Readonly<Record<MrzFormat, boolean>> = {
  TD1: false,
  TD2: true,
  TD3: true,
  MRVA: true,
  MRVB: true,
  FRENCH_DRIVING_LICENSE: true,
  FRENCH_NATIONAL_ID: true,
};

/** Null without a rectified document or a face detector. */
export function lookForPortrait(seen: SeenDocument, engines: Engines): PortraitMeasure | null {
  const { rectified, mrz, ahead } = seen;
  if (!rectified || !engines.faces) return null;
  const uprightness: Uprightness = !mrz?.inRectified
    ? 'unknown'
    : mrz.quarterTurns === 0
      ? 'upright'
      : mrz.quarterTurns === 2
        ? 'upside-down'
        : 'unknown';
  // Without an MRZ, the side is taken for a front (a licence's or a card's, the side NHS login needs)
  // even when its title was not read: a thumb over the portrait may hide the title too. A licence's
  // back is then judged where a face would be, which only a finger or shine there can fail.
  const expected = mrz ? PORTRAIT_SIDE[mrz.reading.format] : true;
  return findPortrait(
    engines.faces,
    {
      document: rectified.image,
      format: rectified.format,
      uprightness,
      expected,
    },
    ahead?.portrait,
  );
}
