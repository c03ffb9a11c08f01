/**
 * Issue 12, item 7: a failed check digit is claimed as a failure only when the characters it guards
 * were read for certain (mrz/readMrz.ts marks the others as doubtful).
 */
import { describe, expect, it } from 'vitest';
import { judgeValidDetails } from '../../../src/pipeline/rules/validDetails.ts';
import { RULE_TEXTS } from '../../../src/pipeline/rules/texts.ts';
import type { MrzReading } from '../../../src/pipeline/types.ts';

const TEXTS = RULE_TEXTS['valid-details'];

const reading: MrzReading = {
  format: 'TD3',
  lines: ['P<GBRWHITFIELD<<OLIVIA<GRACE<<<<<<<<<<<<<<<<', '5334013720GBR8803148F3107221<<<<<<<<<<<<<<<2'],
  suspect: [[], []],
  checks: [
    { field: 'documentNumber', valid: true, readable: true },
    { field: 'birthDate', valid: false, readable: true },
    { field: 'expirationDate', valid: true, readable: true },
    { field: 'composite', valid: false, readable: true },
  ],
  repairs: [],
};

describe('judgeValidDetails on a code whose checks fail', () => {
  it('fails when every failing field was read for certain', () => {
    const result = judgeValidDetails(reading, true);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(TEXTS['checks-fail'].message(['birthDate', 'composite']));
  });

  it('is unsure, advising a sharper photo, when every failing field may be a misread', () => {
    expect(judgeValidDetails({ ...reading, doubtfulFields: ['birthDate', 'composite'] }, true)).toStrictEqual(
      {
        id: 'valid-details',
        status: 'unsure',
        reason: 'code-unclear',
        message: TEXTS['code-unclear'].message,
        advice: TEXTS['code-unclear'].advice,
        evidence: { format: 'TD3', checks: reading.checks, repairs: [] },
      },
    );
  });

  it('fails on a field read wholly for certain, whatever the doubt about another', () => {
    const result = judgeValidDetails({ ...reading, doubtfulFields: ['birthDate'] }, true);
    expect([result.status, result.reason]).toStrictEqual(['fail', 'checks-fail']);
  });

  it('fails an expiry read for certain that is no date, though its check digit holds', () => {
    // onfido-sdk-ui/passport-gbr-edited.jpg: an edited page whose code says 000000.
    const lines = [
      'P<<<<<DJONES<<DJON<DJONES<<<<<<<<<<<<<<<<<<<<',
      '0000000000GBR0000000M0000000<<<<<<<<<<<<<<00',
    ];
    const edited: MrzReading = {
      ...reading,
      lines,
      checks: reading.checks.map((check) => ({ ...check, valid: true })),
      expiryReadForCertain: true,
    };
    const result = judgeValidDetails(edited, true);
    expect([result.status, result.reason, result.message]).toStrictEqual([
      'fail',
      'checks-fail',
      TEXTS['checks-fail'].message(['expirationDate']),
    ]);
    expect(judgeValidDetails({ ...edited, expiryReadForCertain: false }, true).status).toBe('pass');
  });

  it('does not let a doubt about a field that holds excuse one that fails', () => {
    expect(judgeValidDetails({ ...reading, doubtfulFields: ['documentNumber'] }, true).status).toBe('fail');
  });
});
