import { describe, expect, it } from 'vitest';
import { judgeInDate } from '../../../src/pipeline/rules/inDate.ts';
import { expiryFromYymmdd } from '../../../src/pipeline/mrz/dates.ts';
import type { DocumentKind, DocumentSummary, IsoDate } from '../../../src/pipeline/types.ts';

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

/**
 * `in-date` (src/pipeline/rules/README.md): an ID is in date up to and including its expiry day, and
 * fails only once the expiry is before the date given (never the clock).
 */
const passportExpiring = (expiry: IsoDate | null): DocumentSummary => ({
  kind: 'passport',
  issuer: 'GBR',
  expiry,
  mrz: null,
  provisional: null,
});

describe('judgeInDate', () => {
  it('passes on the day of expiry itself, with the dates as evidence', () => {
    expect(judgeInDate(passportExpiring('2026-06-01'), true, '2026-06-01')).toStrictEqual({
      id: 'in-date',
      status: 'pass',
      message: 'Your ID is in date: it expires on 2026-06-01.',
      advice: '',
      evidence: { expiry: '2026-06-01', today: '2026-06-01', expiryTrusted: true },
    });
  });

  it('fails the day after', () => {
    expect(judgeInDate(passportExpiring('2026-06-01'), true, '2026-06-02')).toStrictEqual({
      id: 'in-date',
      status: 'fail',
      message: 'Your ID expired on 2026-06-01.',
      advice: 'Use a photo ID that is in date.',
      evidence: { expiry: '2026-06-01', today: '2026-06-02', expiryTrusted: true },
    });
  });

  it('counts across month, year and leap-day ends', () => {
    const cases: [expiry: IsoDate, today: IsoDate, status: string][] = [
      ['2028-02-29', '2028-02-28', 'pass'],
      ['2028-02-29', '2028-02-29', 'pass'],
      ['2028-02-29', '2028-03-01', 'fail'],
      ['2026-12-31', '2026-12-31', 'pass'],
      ['2026-12-31', '2027-01-01', 'fail'],
      ['2027-01-01', '2026-12-31', 'pass'],
      ['2026-09-30', '2026-10-01', 'fail'],
      ['2026-10-01', '2026-09-30', 'pass'],
      // Years apart, either way.
      ['1999-12-31', '2026-06-01', 'fail'],
      ['2060-12-31', '2026-06-01', 'pass'],
    ];
    expect(
      cases.map(([expiry, today]) => [
        expiry,
        today,
        judgeInDate(passportExpiring(expiry), true, today).status,
      ]),
    ).toStrictEqual(cases);
  });

  it('judges an MRZ’s two-digit years by their century window: 60 is 2060, in date; 61 is 1961, expired', () => {
    const statusOf = (yymmdd: string) =>
      judgeInDate(passportExpiring(expiryFromYymmdd(yymmdd)), true, '2026-06-01').status;
    expect(['600101', '610101', '260601', '260531'].map(statusOf)).toStrictEqual([
      'pass',
      'fail',
      'pass',
      'fail',
    ]);
  });

  it('is unsure, never pass or fail, when the expiry is unread or no check digit confirms it', () => {
    expect([
      judgeInDate(passportExpiring(null), true, '2026-06-01'),
      judgeInDate(passportExpiring('2031-01-01'), false, '2026-06-01'),
      judgeInDate(passportExpiring('2020-01-01'), false, '2026-06-01'),
    ]).toStrictEqual([
      {
        id: 'in-date',
        status: 'unsure',
        message: 'We could not read the expiry date of your ID.',
        advice: 'Make sure the whole ID is in focus, with no glare over its writing, and try again.',
        evidence: { expiry: null, today: '2026-06-01', expiryTrusted: true },
      },
      {
        id: 'in-date',
        status: 'unsure',
        message: 'We read the expiry date as 2031-01-01, but could not confirm it.',
        advice: 'Take a sharper photo so the expiry date can be read for certain.',
        evidence: { expiry: '2031-01-01', today: '2026-06-01', expiryTrusted: false },
      },
      {
        id: 'in-date',
        status: 'unsure',
        message: 'We read the expiry date as 2020-01-01, but could not confirm it.',
        advice: 'Take a sharper photo so the expiry date can be read for certain.',
        evidence: { expiry: '2020-01-01', today: '2026-06-01', expiryTrusted: false },
      },
    ]);
  });
});
