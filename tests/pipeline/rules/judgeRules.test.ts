import { describe, expect, it } from 'vitest';
import {
  judgeAcceptedDocument,
  judgeFourCorners,
  judgeInDate,
  verdictOf,
} from '../../../src/pipeline/rules/judgeRules.ts';
import type { DocumentKind, DocumentSummary, RuleResult } from '../../../src/pipeline/types.ts';

const documentOf = (
  kind: DocumentKind,
  issuer: string | null,
  expiry: string | null = null,
): DocumentSummary => ({
  kind,
  issuer,
  expiry,
  mrz: null,
  provisional: null,
});

describe('judgeAcceptedDocument', () => {
  // NHS login's list, with the exceptions it names (see src/pipeline/rules/acceptedDocuments.ts).
  const cases: [DocumentKind, string | null, string][] = [
    ['passport', 'GBR', 'pass'],
    ['passport', 'USA', 'pass'],
    ['passport', 'SYR', 'fail'],
    ['id-card', 'FRA', 'pass'],
    ['id-card', 'NOR', 'pass'],
    ['id-card', 'GRC', 'fail'],
    ['id-card', 'CHE', 'fail'],
    ['id-card', 'TUR', 'fail'],
    ['residence-permit', 'GBR', 'pass'],
    ['residence-permit', 'FRA', 'fail'],
    ['visa', 'GBR', 'fail'],
    ['eu-driving-licence', 'FRA', 'pass'],
    ['uk-driving-licence', 'GBR', 'pass'],
    ['unknown', null, 'unsure'],
  ];
  for (const [kind, issuer, status] of cases) {
    it(`says ${status} for a ${kind} from ${issuer ?? 'nowhere read'}`, () => {
      const result = judgeAcceptedDocument(documentOf(kind, issuer));
      expect(result.status).toBe(status);
      expect(result.message.length).toBeGreaterThan(10);
    });
  }

  it('refuses a provisional European licence with advice', () => {
    const result = judgeAcceptedDocument({ ...documentOf('eu-driving-licence', 'DEU'), provisional: true });
    expect(result.status).toBe('fail');
    expect(result.advice).toMatch(/passport/u);
  });
});

describe('judgeInDate', () => {
  it('passes on the expiry day itself and fails the day after', () => {
    const document = documentOf('passport', 'GBR', '2026-06-01');
    expect(judgeInDate(document, true, '2026-06-01').status).toBe('pass');
    expect(judgeInDate(document, true, '2026-06-02').status).toBe('fail');
  });

  it('is unsure, never pass, when the expiry is unread or its check digit fails', () => {
    expect(judgeInDate(documentOf('passport', 'GBR'), false, '2026-06-01').status).toBe('unsure');
    expect(judgeInDate(documentOf('passport', 'GBR', '2031-01-01'), false, '2026-06-01').status).toBe(
      'unsure',
    );
  });
});

describe('judgeFourCorners', () => {
  it('names the cut-off corners', () => {
    const result = judgeFourCorners({
      found: true,
      missingCorners: ['top-left', 'bottom-left'],
      coveredCorners: [],
      offEdges: ['left'],
    });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('The top-left and bottom-left corners of your ID are cut off.');
  });
});

describe('verdictOf', () => {
  const rule = (status: RuleResult['status']): RuleResult => ({
    id: 'in-date',
    status,
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
