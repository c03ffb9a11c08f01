/**
 * `valid-details` for a document read from its printed front, with no MRZ on the side photographed.
 */
import type { CardFrontReading, FrontReading, LicenceReading, RuleResult } from '../types.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXTS = RULE_TEXTS['valid-details'];

/** Whatever the printed front was: a licence's fields, or a card's front. */
export function judgeFrontDetails(front: FrontReading, readingIsTrustworthy: boolean): RuleResult {
  if (front.kind === 'not-an-id') {
    // No document's code to check: what it is, accepted-document says.
    const text = TEXTS['code-unread'];
    return {
      id: 'valid-details',
      status: 'unsure',
      reason: 'code-unread',
      message: text.message,
      advice: text.advice,
      evidence: {},
    };
  }
  return front.kind === 'licence'
    ? judgeLicenceDetails(front.licence, readingIsTrustworthy)
    : judgeCardFrontDetails(front.card);
}

/**
 * A licence without an MRZ: a UK driver number must agree with the surname and birth date printed
 * beside it (DVLA's format); an EU licence carries nothing to check, so the answer is unsure. A
 * number that disagrees fails only when it was read for certain on a clear photo of the whole card:
 * a misread character is not a forgery, and the advice is then a clearer photo.
 */
export function judgeLicenceDetails(licence: LicenceReading, readingIsTrustworthy: boolean): RuleResult {
  const id = 'valid-details';
  const evidence = {
    driverNumber: licence.driverNumber,
    birthDate: licence.birthDate,
    sign: licence.sign,
    issuerFrom: licence.issuerFrom,
  };
  const [status, reason] =
    licence.kind !== 'uk-driving-licence'
      ? (['unsure', 'no-code'] as const)
      : licence.driverNumberConsistent === true
        ? (['pass', 'driver-number-agrees'] as const)
        : licence.driverNumberConsistent === false && readingIsTrustworthy && licence.driverNumberReadSurely
          ? (['fail', 'driver-number-disagrees'] as const)
          : (['unsure', 'driver-number-unclear'] as const);
  const text = TEXTS[reason];
  return { id, status, reason, message: text.message, advice: text.advice, evidence };
}

/**
 * The front of a card whose MRZ is on the back: nothing on this side can be checked, so the answer is
 * unsure, and the advice is to photograph the other side.
 */
export function judgeCardFrontDetails(card: CardFrontReading): RuleResult {
  const what = card.kind === 'residence-permit' ? 'residence permit' : 'ID card';
  return {
    id: 'valid-details',
    status: 'unsure',
    reason: 'card-front',
    message: TEXTS['card-front'].message(what),
    advice: TEXTS['card-front'].advice(what),
    evidence: { side: 'front', kind: card.kind, issuer: card.issuer },
  };
}
