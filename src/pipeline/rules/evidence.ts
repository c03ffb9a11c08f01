/**
 * What the rules judge: one object, gathered by the check from its steps (or by the live framing
 * from a camera frame), so every rule in the registry takes the same thing.
 */
import type { MediumMeasures } from '../clarity/measureMedium.ts';
import type { PeopleMeasure } from '../portrait/lookForPeople.ts';
import type {
  CardSide,
  CornerName,
  DistinguishingSign,
  DocumentSummary,
  FrontReading,
  IsoDate,
  Measures,
  MrzReading,
  RuleId,
  RuleResult,
} from '../types.ts';

/** A rule: its id, and its judgment of the evidence it needs. The registry lists them (registry.ts). */
export interface Rule<E> {
  readonly id: RuleId;
  readonly judge: (evidence: E) => RuleResult;
}

/** The outline's corners as the outline stage found them. */
export interface OutlineCorners {
  readonly found: boolean;
  readonly missingCorners: readonly CornerName[];
  readonly coveredCorners: readonly CornerName[];
  readonly offEdges: readonly string[];
  /** The outline is where the MRZ puts the document, but none of its edges were seen there. */
  readonly edgesUnseen?: boolean;
}

/** What the two photo rules judge: all a live camera frame gives (framing/). */
export interface PhotoEvidence {
  readonly corners: OutlineCorners;
  readonly measures: Measures;
}

/**
 * What four-corners alone can be judged on: a camera frame whose corners are not all in yet is not
 * measured (null), and its corners are the thing to fix.
 */
export interface CornersEvidence {
  readonly corners: OutlineCorners;
  readonly measures: Measures | null;
}

/** What every rule judges: the photo, and what was read from the document. */
export interface CheckEvidence extends PhotoEvidence {
  /** The date `in-date` judges against. */
  readonly today: IsoDate;
  /** The document as read: from its MRZ, else from its printed front. */
  readonly document: DocumentSummary;
  /** Whether the expiry read is guarded (a check digit that holds, or a labelled date on a front). */
  readonly expiryConfirmed: boolean;
  readonly mrz: MrzReading | null;
  /** The printed front, read when no MRZ was found. */
  readonly front: FrontReading | null;
  /** The sign in a licence's flag, read to cross-check its one-line MRZ. */
  readonly sign: DistinguishingSign | null;
  /** Which side of a two-sided card the photo shows, where it tells. */
  readonly side: CardSide | null;
  /** Whether the photo shows a screen or a printout rather than the document (null: not measured). */
  readonly medium: MediumMeasures | null;
  /** Whether the photo is of people rather than a document, looked for when nothing said what it is. */
  readonly people?: PeopleMeasure | null;
}
