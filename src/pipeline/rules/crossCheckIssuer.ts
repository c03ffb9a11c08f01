/**
 * A licence whose MRZ names its issuer and whose flag shows a distinguishing sign: the two must name
 * the same state. A disagreement makes `valid-details` unsure, not failed: the sign is one to three
 * letters read with no check digit, and a misread (E for F, O for D) looks just like a doctored card,
 * whereas a failed check digit is arithmetic. It never leaves a pass standing; a fail stays a fail.
 */
import type { DistinguishingSign, RuleResult } from '../types.ts';
import { RULE_TEXTS } from './texts.ts';

const TEXT = RULE_TEXTS['valid-details']['sign-mismatch'];

export function crossCheckIssuer(
  details: RuleResult,
  mrzIssuer: string | null,
  sign: DistinguishingSign | null,
): RuleResult {
  if (!sign || !mrzIssuer) return { ...details, evidence: { ...details.evidence, sign: sign?.sign ?? null } };
  const evidence = { ...details.evidence, sign: sign.sign, signIssuer: sign.issuer, mrzIssuer };
  if (sign.issuer === mrzIssuer || details.status === 'fail') return { ...details, evidence };
  return {
    id: details.id,
    status: 'unsure',
    reason: 'sign-mismatch',
    message: TEXT.message({ sign: sign.sign, mrzIssuer }),
    advice: TEXT.advice,
    evidence,
  };
}
