/**
 * `four-corners`: the document's four corners are in the photo and uncovered. Without an outline the
 * guidance's first ask (all four corners seen) is not met. Unsure only where the MRZ shows where the
 * document is but no edge was seen there (outline/outlineNear.ts).
 */
import type { RuleResult } from '../types.ts';
import { areBordersClear } from './clearPhoto.ts';
import type { CornersEvidence, OutlineCorners, Rule } from './evidence.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXTS = RULE_TEXTS['four-corners'];

export interface CornerEvidence extends OutlineCorners {
  /**
   * False when clear-photo found blur, glare or a washed-out photo. Cover is seen as a corner whose
   * border is broken, and these break borders too, so on such a photo it is not claimed: the photo
   * must be retaken for its clarity anyway, and the retake is judged afresh. Absent: borders are clear.
   */
  readonly bordersClear?: boolean;
}

export function judgeFourCorners(corners: CornerEvidence): RuleResult {
  const evidence = { ...corners };
  const id = 'four-corners';
  if (!corners.found)
    return { id, status: 'fail', reason: 'not-found', ...words(TEXTS['not-found']), evidence };
  if (corners.missingCorners.length > 0)
    return {
      id,
      status: 'fail',
      reason: 'cut-off',
      message: TEXTS['cut-off'].message(corners.missingCorners),
      advice: TEXTS['cut-off'].advice,
      evidence,
    };
  // The MRZ says where the document is, but its edges could not be seen there: not a fail (nothing
  // is known to be off or covered), not a pass (the corners were never seen).
  if (corners.edgesUnseen)
    return { id, status: 'unsure', reason: 'edges-unseen', ...words(TEXTS['edges-unseen']), evidence };
  if (corners.coveredCorners.length > 0 && corners.bordersClear !== false)
    return {
      id,
      status: 'fail',
      reason: 'covered',
      message: TEXTS.covered.message(corners.coveredCorners),
      advice: TEXTS.covered.advice,
      evidence,
    };
  return { id, status: 'pass', reason: 'all-in', ...words(TEXTS['all-in']), evidence };
}

/** Borders are judged clear when clarity was not measured (a camera frame with corners missing). */
export const FOUR_CORNERS: Rule<CornersEvidence> = {
  id: 'four-corners',
  judge: ({ corners, measures }) =>
    judgeFourCorners(measures ? { ...corners, bordersClear: areBordersClear(measures) } : corners),
};

const words = (text: { readonly message: string; readonly advice: string }) => ({
  message: text.message,
  advice: text.advice,
});
