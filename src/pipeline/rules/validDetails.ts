/**
 * `valid-details`: the document's own checks hold. From the MRZ, its check digits (cross-checked on a
 * licence against the sign in its flag); without one, what its printed front offers (frontDetails.ts).
 * A failure is claimed only on a photo clear and whole enough for the reading to be trusted.
 */
import type { DocumentKind, MrzReading, RuleResult } from '../types.ts';
import { judgeClearPhoto } from './clearPhoto.ts';
import { documentFromMrz } from '../mrz/documentFromMrz.ts';
import { crossCheckIssuer } from './crossCheckIssuer.ts';
import type { CheckEvidence, PhotoEvidence, Rule } from './evidence.ts';
import { FOUR_CORNERS } from './fourCorners.ts';
import { judgeFrontDetails } from './frontDetails.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXTS = RULE_TEXTS['valid-details'];

export function judgeValidDetails(reading: MrzReading | null, readingIsTrustworthy: boolean): RuleResult {
  const id = 'valid-details';
  if (!reading)
    return {
      id,
      status: 'unsure',
      reason: 'code-unread',
      message: TEXTS['code-unread'].message,
      advice: TEXTS['code-unread'].advice,
      evidence: {},
    };
  // An expiry read for certain that is no date (an edited page's 000000) fails as its check would.
  const undated = reading.expiryReadForCertain === true && documentFromMrz(reading).expiry === null;
  const failing = [
    ...reading.checks.filter((check) => !check.valid).map((check) => check.field),
    ...(undated && reading.checks.every((c) => c.field !== 'expirationDate' || c.valid)
      ? ['expirationDate']
      : []),
  ];
  const evidence = { format: reading.format, checks: reading.checks, repairs: reading.repairs };
  if (failing.length === 0)
    return {
      id,
      status: 'pass',
      reason: 'checks-hold',
      message: TEXTS['checks-hold'].message,
      advice: TEXTS['checks-hold'].advice,
      evidence,
    };
  // A misread looks just like a wrong digit; only a clear photo of the whole document makes the
  // reading trustworthy (a cut-off corner may hide part of the MRZ). A check digit that is not a
  // digit at all was hidden or not read (a thumb over the code's end): that is no evidence either.
  const unread = !undated && reading.checks.every((check) => check.valid || !check.readable);
  // A failing check whose characters were not read for certain may be a misread, not a forgery; one
  // read wholly for certain is a failure, whatever the doubt about another.
  const doubtful = failing.every((field) => reading.doubtfulFields?.includes(field));
  return readingIsTrustworthy && !unread && !doubtful
    ? {
        id,
        status: 'fail',
        reason: 'checks-fail',
        message: TEXTS['checks-fail'].message(failing),
        advice: TEXTS['checks-fail'].advice,
        evidence,
      }
    : {
        id,
        status: 'unsure',
        reason: 'code-unclear',
        message: TEXTS['code-unclear'].message,
        advice: TEXTS['code-unclear'].advice,
        evidence,
      };
}

/**
 * The code on a card's back adds up, but the back is not the photo NHS login needs: the result says
 * so, and that the front, with the face, is the one to check and upload.
 */
function onTheBack(details: RuleResult, kind: DocumentKind): RuleResult {
  const what = kind === 'residence-permit' ? 'residence permit' : 'ID card';
  const text = TEXTS['card-back-checks-hold'];
  return {
    ...details,
    message: text.message(what),
    advice: text.advice(what),
    evidence: { ...details.evidence, side: 'back' },
  };
}

/** The reading is trusted only when both photo rules pass: a clear photo with all four corners in. */
export function isReadingTrustworthy(evidence: PhotoEvidence): boolean {
  return (
    FOUR_CORNERS.judge(evidence).status === 'pass' && judgeClearPhoto(evidence.measures).status === 'pass'
  );
}

/**
 * Four-corners' reasons under which a code's check digits are still claimed on a clear photo: its
 * outline was not found, or found only where the MRZ puts it, or runs off a scan cropped to the page
 * (onfido-sdk-ui/passport-phl.jpg, imagejs-mrz/id_fail.png, onfido-sdk-ui/passport-gbr-edited.jpg in
 * real-photos). Each character of a failing field must still be read for certain (mrz/certainty.ts),
 * which a glyph cut off or never seen is not. A covered corner is not among them: on the composites, a
 * finger over the code's end left a digit read for certain, and wrongly.
 */
const CODE_TRUSTED_DESPITE: ReadonlySet<string> = new Set(['all-in', 'not-found', 'edges-unseen', 'cut-off']);

export function isCodeTrustworthy(evidence: PhotoEvidence): boolean {
  return (
    CODE_TRUSTED_DESPITE.has(FOUR_CORNERS.judge(evidence).reason) &&
    judgeClearPhoto(evidence.measures).status === 'pass'
  );
}

export const VALID_DETAILS: Rule<CheckEvidence> = {
  id: 'valid-details',
  judge: (evidence) => {
    if (evidence.front) return judgeFrontDetails(evidence.front, isReadingTrustworthy(evidence));
    const details = judgeValidDetails(evidence.mrz, isCodeTrustworthy(evidence));
    const { kind, issuer } = evidence.document;
    if (evidence.side === 'back' && details.status === 'pass') return onTheBack(details, kind);
    return kind === 'eu-driving-licence' ? crossCheckIssuer(details, issuer, evidence.sign) : details;
  },
};
