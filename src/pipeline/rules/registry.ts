/**
 * The rules in the order they are reported: each an id and a judge from the shared evidence to a
 * result. The check judges all of them; the live camera judges the photo rules, the same way.
 */
import type { RuleResult, Status } from '../types.ts';
import { ACCEPTED_DOCUMENT } from './acceptedDocument.ts';
import { CLEAR_PHOTO } from './clearPhoto.ts';
import type { CheckEvidence, PhotoEvidence, Rule } from './evidence.ts';
import { FOUR_CORNERS } from './fourCorners.ts';
import { IN_DATE } from './inDate.ts';
import { VALID_DETAILS } from './validDetails.ts';

/** The rules a camera frame can be judged by: nothing on it is read. */
export const PHOTO_RULES: readonly Rule<PhotoEvidence>[] = [FOUR_CORNERS, CLEAR_PHOTO];

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule<CheckEvidence>[] = [
  ...PHOTO_RULES,
  IN_DATE,
  ACCEPTED_DOCUMENT,
  VALID_DETAILS,
];

export function judgeRules<E>(rules: readonly Rule<E>[], evidence: E): RuleResult[] {
  return rules.map((rule) => rule.judge(evidence));
}

/** Fail if any rule fails; else unsure if any is unsure; else pass. */
export function verdictOf(rules: readonly RuleResult[]): Status {
  if (rules.some((rule) => rule.status === 'fail')) return 'fail';
  if (rules.some((rule) => rule.status === 'unsure')) return 'unsure';
  return 'pass';
}
