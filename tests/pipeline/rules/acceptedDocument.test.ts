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

  it('fails a photo of a screen or a printout whatever it shows, in NHS login\u2019s words', () => {
    const medium = {
      medium: 'screen' as const,
      patches: 5,
      latticePatches: 5,
      peakRatio: 644.31,
      periodPx: 5.33,
      colourCoherence: 0.96,
    };
    expect(judgeAcceptedDocument(documentOf('passport', 'GBR'), medium)).toStrictEqual({
      id: 'accepted-document',
      status: 'fail',
      message:
        'This looks like a photo of a screen. NHS login needs a photo of the document itself, not of a printout or a screen.',
      advice: 'Take a photo of your original photo ID itself, not of a picture of it on a screen.',
      evidence: { kind: 'passport', issuer: 'GBR', medium },
    });
    const printout = judgeAcceptedDocument(documentOf('id-card', 'FRA'), { ...medium, medium: 'printout' });
    expect([printout.status, printout.message]).toStrictEqual([
      'fail',
      'This looks like a photo of a printout. NHS login needs a photo of the document itself, not of a printout or a screen.',
    ]);
  });

  it('judges the document as usual when the photo is not known to be a screen or printout', () => {
    const medium = {
      medium: null,
      patches: 5,
      latticePatches: 0,
      peakRatio: 11.4,
      periodPx: null,
      colourCoherence: null,
    };
    expect(judgeAcceptedDocument(documentOf('passport', 'GBR'), medium)).toStrictEqual(
      judgeAcceptedDocument(documentOf('passport', 'GBR')),
    );
  });
});
