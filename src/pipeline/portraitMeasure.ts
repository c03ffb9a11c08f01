import type { Rect } from './types.ts';

/**
 * The holder's portrait as the check found it on the rectified document: where it looked, the face
 * found there, and how much of the face (or, with no face found, of where it should be) lies under
 * shine or a finger. A face found is also evidence that the object is an identity document.
 */
export interface PortraitMeasure {
  /**
   * Whether this side should carry the portrait: a passport's or visa's data page, a card or licence
   * front. A card's MRZ side and a licence's back have none, and no face there is no fault.
   */
  readonly expected: boolean;
  /** Where the portrait was looked for (ICAO 9303's portrait zone), rectified document pixels. */
  readonly zone: Rect<'document'>;
  /** The face found in the zone, rectified document pixels, and the detector's confidence (0..1). */
  readonly face: { readonly box: Rect<'document'>; readonly score: number } | null;
  /** What the shares below are of: the face found, else where the portrait's face should be, else nothing. */
  readonly judgedOver: 'face' | 'expected-face' | null;
  /** Share (0..1) that is shine: bright, colourless pixels. */
  readonly glare: number;
  /**
   * Share (0..1) under a skin-coloured blob that reaches in from the document's edge: a finger. Not
   * measured (0) over a face the detector is unsure of (score under 0.75): its own skin is not told
   * from a finger's.
   */
  readonly covered: number;
}
