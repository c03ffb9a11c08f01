/**
 * What the printed front of a document says about it, in the shape the rules judge.
 */
import type { DocumentSummary, FrontReading } from '../types.ts';

export function documentFromFront(front: FrontReading): DocumentSummary {
  if (front.kind === 'not-an-id') {
    // Text that says what it is is no document NHS login takes; text with no sign of an ID is unknown.
    const kind = front.notAnId.seen ? 'other' : 'unknown';
    return { kind, issuer: null, expiry: front.notAnId.expiry ?? null, mrz: null, provisional: null };
  }
  if (front.kind === 'card-front') {
    const { card } = front;
    return { kind: card.kind, issuer: card.issuer, expiry: card.expiry, mrz: null, provisional: null };
  }
  const { licence } = front;
  return {
    kind: licence.kind,
    issuer: licence.issuer,
    expiry: licence.expiry,
    mrz: null,
    provisional: licence.provisional,
  };
}

/**
 * Whether the expiry read can be trusted without a check digit: a date under its own label (a
 * licence's field 4b, a card's "date of expiry", another state's ID's "EXP"), or on a licence the
 * latest of three or more dates (birth < issue < expiry on every licence).
 */
export function isFrontExpiryTrusted(front: FrontReading): boolean {
  if (front.kind === 'not-an-id') return front.notAnId.expiry !== undefined;
  return front.kind === 'licence' ? front.licence.expiryFrom !== null : front.card.expiry !== null;
}
