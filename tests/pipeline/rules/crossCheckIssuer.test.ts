import { describe, expect, it } from 'vitest';
import { crossCheckIssuer } from '../../../src/pipeline/rules/crossCheckIssuer.ts';
import { judgeValidDetails } from '../../../src/pipeline/rules/validDetails.ts';
import type { MrzReading } from '../../../src/pipeline/types.ts';

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
      reason: 'sign-mismatch',
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
