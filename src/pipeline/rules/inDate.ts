/**
 * `in-date`: the expiry read, guarded (a check digit that holds, or a labelled date on a front), is
 * not before today. Unsure when no expiry was read, or nothing guards it.
 */
import type { DocumentSummary, IsoDate, RuleResult } from '../types.ts';
import type { CheckEvidence, Rule } from './evidence.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXTS = RULE_TEXTS['in-date'];

export function judgeInDate(document: DocumentSummary, expiryTrusted: boolean, today: IsoDate): RuleResult {
  const id = 'in-date';
  const evidence = { expiry: document.expiry, today, expiryTrusted };
  const { expiry } = document;
  if (expiry === null)
    return {
      id,
      status: 'unsure',
      message: TEXTS['expiry-unread'].message,
      advice: TEXTS['expiry-unread'].advice,
      evidence,
    };
  const [status, text] = !expiryTrusted
    ? (['unsure', TEXTS['expiry-unconfirmed']] as const)
    : expiry < today
      ? (['fail', TEXTS.expired] as const)
      : (['pass', TEXTS['in-date']] as const);
  return { id, status, message: text.message(expiry), advice: text.advice, evidence };
}

export const IN_DATE: Rule<CheckEvidence> = {
  id: 'in-date',
  judge: ({ document, expiryConfirmed, today }) => judgeInDate(document, expiryConfirmed, today),
};
