import { describe, expect, it } from 'vitest';
import { PHOTO_RULES, RULES, verdictOf } from '../../../src/pipeline/rules/registry.ts';
import { RULE_IDS, type RuleResult } from '../../../src/pipeline/types.ts';

describe('RULES', () => {
  it('holds every rule once, in the order reports list them, the photo rules first', () => {
    expect(RULES.map((rule) => rule.id)).toStrictEqual(RULE_IDS);
    expect(PHOTO_RULES.map((rule) => rule.id)).toStrictEqual(['four-corners', 'clear-photo']);
  });
});

describe('verdictOf', () => {
  const rule = (status: RuleResult['status']): RuleResult => ({
    id: 'in-date',
    status,
    reason: '',
    message: '',
    advice: '',
    evidence: {},
  });
  it('fails on any fail, is unsure on any unsure, and passes only when all pass', () => {
    expect(verdictOf([rule('pass'), rule('unsure'), rule('fail')])).toBe('fail');
    expect(verdictOf([rule('pass'), rule('unsure')])).toBe('unsure');
    expect(verdictOf([rule('pass'), rule('pass')])).toBe('pass');
  });
});
