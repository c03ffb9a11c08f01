/**
 * `accepted-document`: the kind of document (and, where it matters, its issuer) is one NHS login
 * accepts, by the table in acceptedDocuments.ts. Unsure when the kind, or the issuer acceptance turns
 * on, was not read, and where the table is (another European state's identity card, a UK card). A
 * photo of a screen or a printout fails whatever it shows: NHS login needs the original
 * (clarity/measureMedium.ts says which, or nothing when unsure).
 */
import type { MediumMeasures } from '../clarity/measureMedium.ts';
import type { DocumentSummary, RuleResult } from '../types.ts';
import { acceptanceOf } from './acceptedDocuments.ts';
import type { CheckEvidence, Rule } from './evidence.ts';
import { RULE_TEXTS } from './texts.ts';

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

export const ACCEPTED_DOCUMENT: Rule<CheckEvidence> = {
  id: 'accepted-document',
  judge: ({ document, medium }) => judgeAcceptedDocument(document, medium),
};
