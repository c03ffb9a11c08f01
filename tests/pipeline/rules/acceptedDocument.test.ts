import { describe, expect, it } from 'vitest';
import { judgeAcceptedDocument } from '../../../src/pipeline/rules/acceptedDocument.ts';
import type { DocumentKind, DocumentSummary } from '../../../src/pipeline/types.ts';

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
    // Whether these are accepted turns on the issuer, which was not read.
    ['id-card', null, 'unsure'],
    ['residence-permit', null, 'unsure'],
  ];
  for (const [kind, issuer, status] of cases) {
    it(`says ${status} for a ${kind} from ${issuer ?? 'nowhere read'}`, () => {
      const result = judgeAcceptedDocument(documentOf(kind, issuer));
      expect(result.status).toBe(status);
      expect(result.message.length).toBeGreaterThan(10);
    });
  }

  it('refuses a learner or provisional European licence, with advice', () => {
    expect(
      judgeAcceptedDocument({ ...documentOf('eu-driving-licence', 'IRL'), provisional: true }),
    ).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      message: 'Only full European driving licences are accepted, not learner or provisional ones.',
      advice: 'Use your passport, your national identity card or a full driving licence instead.',
      evidence: {
        kind: 'eu-driving-licence',
        issuer: 'IRL',
        provisional: true,
        source: '[NHS-LOGIN] [EU-LEARNER]',
      },
    });
  });

  it('accepts a UK provisional licence', () => {
    const result = judgeAcceptedDocument({ ...documentOf('uk-driving-licence', 'GBR'), provisional: true });
    expect(result.status).toBe('pass');
  });

  it('refuses another country’s residence permit, and says what to use instead', () => {
    expect(judgeAcceptedDocument(documentOf('residence-permit', 'FRA'))).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      message:
        'Only UK residence cards and biometric residence permits are accepted, not other countries\u2019 residence permits.',
      advice:
        'Use your passport instead, or your national identity card if an EU or EEA country issued it. A residence permit from the UK (a residence card or biometric residence permit) is also accepted.',
      evidence: { kind: 'residence-permit', issuer: 'FRA', provisional: null, source: '[NHS-LOGIN]' },
    });
  });
});
