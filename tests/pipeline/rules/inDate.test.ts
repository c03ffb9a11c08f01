import { describe, expect, it } from 'vitest';
import { acceptedUntil, EXPIRY_ALLOWANCE_MONTHS, judgeInDate } from '../../../src/pipeline/rules/inDate.ts';
import { expiryFromYymmdd } from '../../../src/pipeline/mrz/dates.ts';
import type { DocumentKind, DocumentSummary, IsoDate } from '../../../src/pipeline/types.ts';

/**
 * `in-date` (src/pipeline/rules/README.md): an ID is in date up to and including its expiry day; after
 * it, NHS login still accepts it for 12 months ("if it expired less than 12 months ago"), and the rule
 * fails only once the expiry is 12 months or more before the date given (never the clock).
 */
const documentOf = (kind: DocumentKind, expiry: IsoDate | null): DocumentSummary => ({
  kind,
  issuer: 'GBR',
  expiry,
  mrz: null,
  provisional: null,
});
const passportExpiring = (expiry: IsoDate | null) => documentOf('passport', expiry);

const WAY_FORWARD_ADVICE =
  'A new photo will not fix this. Use a different photo ID that is in date, or that expired less than 12 months ago. NHS login accepts: a passport, a UK driving licence (full or provisional), a UK biometric residence permit (BRP), a UK residence card, a UK application registration card (ARC), a CitizenCard, a European driving licence (full), a European national identity card, or a valid UK entry clearance visa sticker. If you do not have other photo ID and your GP surgery is in England, you can prove who you are without photo ID: ask the surgery for your Linkage Key (it could be called Passphrase), ODS Code (Organisation Code or Practice ID) and Account ID. They will ask you to fill in a form. Each set of details can be used once. Or get help from the NHS login help centre: https://help.login.nhs.uk/';

describe('EXPIRY_ALLOWANCE_MONTHS', () => {
  it('is NHS login’s 12 months', () => {
    expect(EXPIRY_ALLOWANCE_MONTHS).toBe(12);
  });
});

describe('acceptedUntil', () => {
  it('is the expiry date a year on, or the last day of that month where the day does not exist', () => {
    const cases: [expiry: IsoDate, deadline: IsoDate][] = [
      ['2024-05-25', '2025-05-25'],
      ['2024-12-31', '2025-12-31'],
      ['2024-01-31', '2025-01-31'],
      // A leap day: 28 February, the earlier reading, so that nothing over 12 months is passed.
      ['2024-02-29', '2025-02-28'],
      ['2027-02-28', '2028-02-28'],
      ['1999-12-31', '2000-12-31'],
    ];
    expect(cases.map(([expiry]) => [expiry, acceptedUntil(expiry)])).toStrictEqual(cases);
  });

  it('counts other spans of months across year ends and short months', () => {
    expect([acceptedUntil('2024-11-30', 3), acceptedUntil('2025-01-31', 1)]).toStrictEqual([
      '2025-02-28',
      '2025-02-28',
    ]);
  });
});

describe('judgeInDate', () => {
  it('passes on the day of expiry itself, with the dates as evidence and written out', () => {
    expect(judgeInDate(passportExpiring('2026-06-01'), true, '2026-06-01')).toStrictEqual({
      id: 'in-date',
      status: 'pass',
      reason: 'in-date',
      message: 'Your passport is in date: it expires on 1 June 2026.',
      advice: '',
      evidence: {
        expiry: '2026-06-01',
        today: '2026-06-01',
        expiryTrusted: true,
        acceptedUntil: '2027-06-01',
      },
    });
  });

  it('passes an ID that expired less than 12 months ago, and says until when', () => {
    expect(judgeInDate(passportExpiring('2024-05-25'), true, '2024-05-26')).toStrictEqual({
      id: 'in-date',
      status: 'pass',
      reason: 'expired-within-allowance',
      message:
        'Your passport expired on 25 May 2024. NHS login accepts photo ID up to 12 months after it expires, so use it before 25 May 2025.',
      advice: '',
      evidence: {
        expiry: '2024-05-25',
        today: '2024-05-26',
        expiryTrusted: true,
        acceptedUntil: '2025-05-25',
      },
    });
  });

  it('fails from the day 12 months after expiry, saying that a new photo will not help and what will', () => {
    expect(judgeInDate(documentOf('uk-driving-licence', '2024-05-25'), true, '2025-05-25')).toStrictEqual({
      id: 'in-date',
      status: 'fail',
      reason: 'expired',
      message:
        'Your driving licence expired on 25 May 2024, more than 12 months ago. NHS login accepts photo ID only up to 12 months after it expires.',
      advice: WAY_FORWARD_ADVICE,
      evidence: {
        expiry: '2024-05-25',
        today: '2025-05-25',
        expiryTrusted: true,
        acceptedUntil: '2025-05-25',
      },
    });
  });

  it('counts across month, year and leap-day ends', () => {
    const cases: [expiry: IsoDate, today: IsoDate, reason: string][] = [
      ['2028-02-29', '2028-02-29', 'in-date'],
      ['2028-02-29', '2028-03-01', 'expired-within-allowance'],
      ['2028-02-29', '2029-02-27', 'expired-within-allowance'],
      ['2028-02-29', '2029-02-28', 'expired'],
      ['2026-12-31', '2026-12-31', 'in-date'],
      ['2026-12-31', '2027-01-01', 'expired-within-allowance'],
      ['2026-12-31', '2027-12-30', 'expired-within-allowance'],
      ['2026-12-31', '2027-12-31', 'expired'],
      ['2027-01-01', '2026-12-31', 'in-date'],
      ['2025-09-30', '2026-09-29', 'expired-within-allowance'],
      ['2025-09-30', '2026-09-30', 'expired'],
      // Years apart, either way.
      ['1999-12-31', '2026-06-01', 'expired'],
      ['2060-12-31', '2026-06-01', 'in-date'],
    ];
    expect(
      cases.map(([expiry, today]) => [
        expiry,
        today,
        judgeInDate(passportExpiring(expiry), true, today).reason,
      ]),
    ).toStrictEqual(cases);
  });

  it('names the document it judged', () => {
    const kinds: DocumentKind[] = [
      'passport',
      'id-card',
      'eu-driving-licence',
      'visa',
      'residence-permit',
      'unknown',
    ];
    expect(
      kinds.map((kind) => judgeInDate(documentOf(kind, '2031-01-01'), true, '2026-06-01').message),
    ).toStrictEqual([
      'Your passport is in date: it expires on 1 January 2031.',
      'Your ID card is in date: it expires on 1 January 2031.',
      'Your driving licence is in date: it expires on 1 January 2031.',
      'Your visa is in date: it expires on 1 January 2031.',
      'Your residence permit is in date: it expires on 1 January 2031.',
      'Your ID is in date: it expires on 1 January 2031.',
    ]);
  });

  it('judges an MRZ’s two-digit years by their century window: 60 is 2060, in date; 61 is 1961, expired long ago', () => {
    const statusOf = (yymmdd: string) =>
      judgeInDate(passportExpiring(expiryFromYymmdd(yymmdd)), true, '2026-06-01').status;
    expect(['600101', '610101', '260601', '260531', '250602', '250601'].map(statusOf)).toStrictEqual([
      'pass',
      'fail',
      'pass',
      'pass',
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
        reason: 'expiry-unread',
        message: 'We could not read the expiry date of your ID.',
        advice: 'Make sure the whole ID is in focus, with no glare over its writing, and try again.',
        evidence: { expiry: null, today: '2026-06-01', expiryTrusted: true, acceptedUntil: null },
      },
      {
        id: 'in-date',
        status: 'unsure',
        reason: 'expiry-unconfirmed',
        message: 'We read the expiry date as 1 January 2031, but could not confirm it.',
        advice: 'Take a sharper photo so the expiry date can be read for certain.',
        evidence: {
          expiry: '2031-01-01',
          today: '2026-06-01',
          expiryTrusted: false,
          acceptedUntil: '2032-01-01',
        },
      },
      {
        id: 'in-date',
        status: 'unsure',
        reason: 'expiry-unconfirmed',
        message: 'We read the expiry date as 1 January 2020, but could not confirm it.',
        advice: 'Take a sharper photo so the expiry date can be read for certain.',
        evidence: {
          expiry: '2020-01-01',
          today: '2026-06-01',
          expiryTrusted: false,
          acceptedUntil: '2021-01-01',
        },
      },
    ]);
  });
});
