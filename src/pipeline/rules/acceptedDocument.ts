/**
 * `accepted-document`: the kind of document (and, where it matters, its issuer) is one NHS login
 * accepts, by the table in acceptedDocuments.ts. Unsure when the kind, or the issuer acceptance turns
 * on, was not read, and where the table is (another European state's identity card, a UK card). A
 * photo of a screen or a printout fails whatever it shows: NHS login needs the original
 * (clarity/measureMedium.ts says which, or nothing when unsure).
 */
import type { MediumMeasures } from '../clarity/measureMedium.ts';
import { isPortraitSized } from '../portrait/findPortrait.ts';
import type { PeopleMeasure } from '../portrait/lookForPeople.ts';
import type { DocumentSummary, HandwritingMeasure, NotAnIdReading, RuleResult } from '../types.ts';
import { acceptanceOf } from './acceptedDocuments.ts';
import type { CheckEvidence, Rule } from './evidence.ts';
import { RULE_TEXTS } from './texts.ts';
import { isReadingTrustworthy } from './validDetails.ts';

const TEXTS = RULE_TEXTS['accepted-document'];

export function judgeAcceptedDocument(
  document: DocumentSummary,
  medium: MediumMeasures | null = null,
): RuleResult {
  const id = 'accepted-document';
  if (medium?.medium) {
    const text = TEXTS[medium.medium];
    const evidence = { kind: document.kind, issuer: document.issuer, medium };
    return {
      id,
      status: 'fail',
      reason: medium.medium,
      message: text.message,
      advice: text.advice,
      evidence,
    };
  }
  const row =
    document.kind === 'unknown' ? null : acceptanceOf(document.kind, document.issuer, document.provisional);
  const evidence = {
    kind: document.kind,
    issuer: document.issuer,
    provisional: document.provisional,
    source: row?.source ?? null,
  };
  if (!row) {
    const reason = document.kind === 'unknown' ? 'unknown-kind' : 'unknown-issuer';
    const text = TEXTS[reason];
    return { id, status: 'unsure', reason, message: text.message, advice: text.advice, evidence };
  }
  const text = TEXTS[row.reason];
  return { id, status: row.status, reason: row.reason, message: text.message, advice: text.advice, evidence };
}

/**
 * A photo whose printed text is not an accepted document's (front/readNotAnId.ts) fails, saying what
 * it looks like: where the text names what it is (a bank card, a US licence), on any photo, since the
 * words were read; where it shows no sign of an ID at all, only on a clear photo with all four corners
 * in, where an ID's title, dates or code would have been read (otherwise, as any unread kind, unsure).
 */
export function judgeNotAnId(notAnId: NotAnIdReading, wholeAndClear: boolean): RuleResult | null {
  const reason = notAnId.seen ?? (wholeAndClear ? 'not-an-id' : null);
  if (!reason) return null;
  const text = TEXTS[reason];
  return {
    id: 'accepted-document',
    status: 'fail',
    reason,
    message: text.message,
    advice: text.advice,
    evidence: { kind: 'other', seen: reason, source: text.source },
  };
}

/** A photo of people, with no document in it (portrait/lookForPeople.ts): not an ID. */
function judgePhotoOfPeople(people: PeopleMeasure): RuleResult {
  const text = TEXTS['photo-of-people'];
  return {
    id: 'accepted-document',
    status: 'fail',
    reason: 'photo-of-people',
    message: text.message,
    advice: text.advice,
    evidence: { kind: 'other', seen: 'photo-of-people', people, source: text.source },
  };
}

export const ACCEPTED_DOCUMENT: Rule<CheckEvidence> = {
  id: 'accepted-document',
  judge: (evidence) => {
    const { document, front, medium } = evidence;
    if (medium?.medium) return judgeAcceptedDocument(document, medium);
    if (evidence.people?.photoOfPeople) return judgePhotoOfPeople(evidence.people);
    // A face where ICAO 9303 puts the portrait is a sign of an ID too, even one the detector is unsure
    // of (a real French ID front and a Thai passport page whose words were not read scored 0.51): such a
    // document is unsure, never "not a photo ID". Not a face narrower than any portrait on the document
    // holds (findPortrait.ts's isPortraitSized): a figure in a magazine's picture.
    const portrait = evidence.measures.portrait;
    const noSignOfAnId = isReadingTrustworthy(evidence) && !(portrait && isPortraitSized(portrait));
    const notAnId = front?.kind === 'not-an-id' && judgeNotAnId(front.notAnId, noSignOfAnId);
    const judged = notAnId || judgeAcceptedDocument(document);
    const handwriting = evidence.measures.handwriting;
    return judged.status === 'pass' && handwriting?.writtenOver
      ? judgeHandwriting(judged, handwriting)
      : judged;
  },
};

/**
 * An accepted kind with pen written over its print (clarity/measureHandwriting.ts): at least unsure,
 * in NHS login's words ("We do not accept photo ID with any handwritten information other than a
 * signature"). Only unsure: ink can be told from print by its colour and where it lies, but not read.
 */
function judgeHandwriting(judged: RuleResult, handwriting: HandwritingMeasure): RuleResult {
  const text = TEXTS.handwriting;
  return {
    ...judged,
    status: 'unsure',
    reason: 'handwriting',
    message: text.message,
    advice: text.advice,
    evidence: { ...judged.evidence, handwriting },
  };
}
