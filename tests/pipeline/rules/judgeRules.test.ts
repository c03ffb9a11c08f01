import { describe, expect, it } from 'vitest';
import {
  clarityProblemOf,
  crossCheckIssuer,
  judgeAcceptedDocument,
  judgeClearPhoto,
  judgeCardFrontDetails,
  judgeFourCorners,
  judgeInDate,
  judgeValidDetails,
  verdictOf,
} from '../../../src/pipeline/rules/judgeRules.ts';
import type { MrzReading } from '../../../src/pipeline/types.ts';
import type { DocumentKind, DocumentSummary, Measures, RuleResult } from '../../../src/pipeline/types.ts';

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

describe('judgeCardFrontDetails', () => {
  it('says the code is on the back and asks for a photo of it', () => {
    expect(judgeCardFrontDetails({ kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' })).toStrictEqual({
      id: 'valid-details',
      status: 'unsure',
      message:
        'This is the front of your ID card. The code we check (rows of letters, numbers and <<<) is on the back.',
      advice: 'Turn your ID card over and take a photo of the back, the side with the code.',
      evidence: { side: 'front', kind: 'id-card', issuer: 'FRA' },
    });
  });
});

describe('crossCheckIssuer', () => {
  // The one-line MRZ of fra-driving-licence-clean-1.jpg, all check digits holding.
  const reading: MrzReading = {
    format: 'FRENCH_DRIVING_LICENSE',
    lines: ['D1FRA19AB458716320417LEFEVRE<7'],
    suspect: [[]],
    checks: [
      { field: 'documentNumber', valid: true, readable: true },
      { field: 'composite', valid: true, readable: true },
    ],
    repairs: [],
  };
  const details = judgeValidDetails(reading, true);

  it('leaves a pass standing when the flag agrees with the MRZ, noting the sign', () => {
    expect(crossCheckIssuer(details, 'FRA', { sign: 'F', issuer: 'FRA' })).toStrictEqual({
      ...details,
      evidence: { ...details.evidence, sign: 'F', signIssuer: 'FRA', mrzIssuer: 'FRA' },
    });
  });

  it('turns a pass to unsure, not fail, when the flag names another state', () => {
    expect(crossCheckIssuer(details, 'FRA', { sign: 'B', issuer: 'BEL' })).toStrictEqual({
      id: 'valid-details',
      status: 'unsure',
      message: 'The country sign on your licence (B) does not match the country in its code (FRA).',
      advice:
        'Take the photo again with the whole licence flat and in focus, and no glare over the flag in its top-left corner. If they still do not match, use a different photo ID.',
      evidence: { ...details.evidence, sign: 'B', signIssuer: 'BEL', mrzIssuer: 'FRA' },
    });
  });

  it('is unsure, not fail, when the failing check digit is not a digit at all (hidden by a thumb)', () => {
    const hidden = { ...reading, checks: [{ field: 'composite', valid: false, readable: false }] };
    expect(judgeValidDetails(hidden, true).status).toBe('unsure');
    const wrong = { ...reading, checks: [{ field: 'composite', valid: false, readable: true }] };
    expect(judgeValidDetails(wrong, true).status).toBe('fail');
  });

  it('keeps a failed check digit a fail, and changes nothing when no sign was read', () => {
    const failed = judgeValidDetails(
      { ...reading, checks: [{ field: 'composite', valid: false, readable: true }] },
      true,
    );
    expect(crossCheckIssuer(failed, 'FRA', { sign: 'B', issuer: 'BEL' }).status).toBe('fail');
    expect(crossCheckIssuer(details, 'FRA', null)).toStrictEqual({
      ...details,
      evidence: { ...details.evidence, sign: null },
    });
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
  it('claims a covered corner only where blur and glare have not broken the borders', () => {
    const covered = { found: true, missingCorners: [], coveredCorners: ['top-right'], offEdges: [] } as const;
    expect(judgeFourCorners(covered).message).toBe(
      'The top-right corner of your ID looks covered, perhaps by a finger.',
    );
    expect(judgeFourCorners({ ...covered, bordersClear: true }).status).toBe('fail');
    expect(judgeFourCorners({ ...covered, bordersClear: false }).status).toBe('pass');
  });
});

describe('clarityProblemOf and judgeClearPhoto', () => {
  const clear: Measures = {
    imageWidth: 1600,
    imageHeight: 1200,
    documentAreaShare: 0.4,
    sharpness: 900,
    glare: 0,
    brightness: 200,
    darkestPrint: 20,
    textHeightPx: 20,
  };
  it('name the first problem in the rule’s order: dark, washed out, glare, blurred, too small', () => {
    const cases: [Partial<Measures>, ReturnType<typeof clarityProblemOf>, string][] = [
      [{}, null, 'pass'],
      [{ sharpness: null }, 'unmeasured', 'unsure'],
      [{ brightness: 40, sharpness: 50 }, 'dark', 'fail'],
      [{ brightness: 245, darkestPrint: 150 }, 'washed-out', 'fail'],
      [{ glare: 0.1, sharpness: 50 }, 'glare', 'fail'],
      [{ sharpness: 50, textHeightPx: 5 }, 'blurred', 'fail'],
      [{ textHeightPx: 5 }, 'small', 'fail'],
    ];
    for (const [change, problem, status] of cases) {
      const measures = { ...clear, ...change };
      expect({ problem: clarityProblemOf(measures), status: judgeClearPhoto(measures).status }).toStrictEqual(
        {
          problem,
          status,
        },
      );
    }
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
