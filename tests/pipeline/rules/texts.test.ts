import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_TABLE } from '../../../src/pipeline/rules/acceptedDocuments.ts';
import {
  insteadOf,
  isDeadEnd,
  NHS_LOGIN_ACCEPTS_SENTENCE,
  NOT_AN_ID_REASONS,
  RULE_TEXTS,
} from '../../../src/pipeline/rules/texts.ts';
import { RULE_IDS } from '../../../src/pipeline/types.ts';

describe('RULE_TEXTS', () => {
  it('has words for every rule, each beside its source', () => {
    expect(Object.keys(RULE_TEXTS)).toStrictEqual(RULE_IDS);
    const uncited = Object.entries(RULE_TEXTS).flatMap(([rule, texts]) =>
      Object.entries(texts)
        .filter(([, text]) => !/^(\[[A-Z0-9-]+\] ?)+$/u.test(text.source))
        .map(([reason]) => `${rule}/${reason}`),
    );
    expect(uncited).toStrictEqual([]);
  });

  it('has the words of every row of the acceptance table, and no words for a row that is not there', () => {
    const reasons = ACCEPTANCE_TABLE.map((row) => row.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(Object.keys(RULE_TEXTS['accepted-document']).sort()).toStrictEqual(
      [
        ...reasons,
        'printout',
        'screen',
        'handwriting',
        ...NOT_AN_ID_REASONS,
        'unknown-issuer',
        'unknown-kind',
      ].sort(),
    );
  });
});

describe('NHS_LOGIN_ACCEPTS_SENTENCE', () => {
  it('lists NHS login’s documents of April 2024 in its words and order', () => {
    expect(NHS_LOGIN_ACCEPTS_SENTENCE).toBe(
      'NHS login accepts: a passport, a UK driving licence (full or provisional), a UK biometric residence permit (BRP), a UK residence card, a UK application registration card (ARC), a CitizenCard, a European driving licence (full), a European national identity card, or a valid UK entry clearance visa sticker.',
    );
  });
});

describe('isDeadEnd and insteadOf', () => {
  it('tells a refusal of the document itself from a photo to retake, and keeps what to use instead', () => {
    const visa = RULE_TEXTS['accepted-document'].visa.advice;
    const expired = RULE_TEXTS['in-date'].expired.advice;
    const blurred = RULE_TEXTS['clear-photo'].blurred.advice;
    expect([
      isDeadEnd({ status: 'fail', advice: visa }),
      isDeadEnd({ status: 'fail', advice: expired }),
      isDeadEnd({ status: 'fail', advice: blurred }),
      isDeadEnd({
        status: 'unsure',
        advice: RULE_TEXTS['accepted-document']['other-european-id-card'].advice,
      }),
    ]).toStrictEqual([true, true, false, false]);
    expect(insteadOf(visa)).toBe(
      `Use the passport the visa is in instead, or another photo ID. ${NHS_LOGIN_ACCEPTS_SENTENCE}`,
    );
    expect(insteadOf(blurred)).toBe(blurred);
  });
});
