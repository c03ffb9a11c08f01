/**
 * `in-date`: the expiry read, guarded (a check digit that holds, or a labelled date on a front), is
 * not before today, or is less than NHS login's allowance before it. Unsure when no expiry was read,
 * or nothing guards it.
 */
import type { DocumentKind, DocumentSummary, IsoDate, RuleResult } from '../types.ts';
import type { CheckEvidence, Rule } from './evidence.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXTS = RULE_TEXTS['in-date'];

/**
 * NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk, list of 23 April
 * 2024): "We can accept an expired photo ID if it expired less than 12 months ago."
 */
export const EXPIRY_ALLOWANCE_MONTHS = 12;

/**
 * The first day an expired ID is no longer accepted: the expiry date `months` later. Where that day
 * does not exist (29 February in a year that is not a leap year; the 31st of a shorter month), it is
 * the last day of that month: the earlier of the two readings, so that we never pass an ID that
 * NHS login may count as expired more than 12 months ago (expired 29 February 2024 → use it before
 * 28 February 2025).
 */
export function acceptedUntil(expiry: IsoDate, months = EXPIRY_ALLOWANCE_MONTHS): IsoDate {
  const [year, month, day] = expiry.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const toYear = Math.floor(monthIndex / 12);
  const toMonth = (monthIndex % 12) + 1;
  const daysInMonth = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(toYear, 4)}-${pad(toMonth)}-${pad(Math.min(day, daysInMonth))}`;
}

/** What the messages call the document: "Your passport expired on …". */
export function expiryNoun(kind: DocumentKind): string {
  switch (kind) {
    case 'passport':
      return 'passport';
    case 'id-card':
      return 'ID card';
    case 'uk-driving-licence':
    case 'eu-driving-licence':
      return 'driving licence';
    case 'visa':
      return 'visa';
    case 'residence-permit':
      return 'residence permit';
    case 'other':
    case 'unknown':
      return 'ID';
  }
}

export function judgeInDate(document: DocumentSummary, expiryTrusted: boolean, today: IsoDate): RuleResult {
  const id = 'in-date';
  const { expiry } = document;
  if (expiry === null) {
    const evidence = { expiry, today, expiryTrusted, acceptedUntil: null };
    const text = TEXTS['expiry-unread'];
    return {
      id,
      status: 'unsure',
      reason: 'expiry-unread',
      message: text.message,
      advice: text.advice,
      evidence,
    };
  }
  const deadline = acceptedUntil(expiry);
  const evidence = { expiry, today, expiryTrusted, acceptedUntil: deadline };
  // ISO dates compare as strings. Expiring today is still in date; the deadline day is already too late.
  const [status, reason] = !expiryTrusted
    ? (['unsure', 'expiry-unconfirmed'] as const)
    : expiry >= today
      ? (['pass', 'in-date'] as const)
      : today < deadline
        ? (['pass', 'expired-within-allowance'] as const)
        : (['fail', 'expired'] as const);
  const text = TEXTS[reason];
  const found = { document: expiryNoun(document.kind), expiry, deadline };
  return { id, status, reason, message: text.message(found), advice: text.advice, evidence };
}

export const IN_DATE: Rule<CheckEvidence> = {
  id: 'in-date',
  judge: ({ document, expiryConfirmed, today }) => judgeInDate(document, expiryConfirmed, today),
};
