import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_TABLE } from '../../../src/pipeline/rules/acceptedDocuments.ts';
import { NOT_AN_ID_REASONS, RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
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
      [...reasons, ...NOT_AN_ID_REASONS, 'unknown-issuer', 'unknown-kind'].sort(),
    );
  });
});
