import { describe, expect, it } from 'vitest';
import { rehearsalDigits } from '../../../src/app/rehearsal/digits.ts';

describe('rehearsalDigits', () => {
  it('takes ?digits=NNNN as it is, for tests and demos', () => {
    expect(rehearsalDigits('?digits=0385')).toBe('0385');
    expect(rehearsalDigits('?today=2026-06-01&digits=9999')).toBe('9999');
  });

  it('draws 4 random digits otherwise, or when ?digits is not 4 digits', () => {
    for (const search of ['', '?digits=123', '?digits=12345', '?digits=12a4'])
      expect(rehearsalDigits(search)).toMatch(/^\d{4}$/u);
    const drawn = new Set(Array.from({ length: 50 }, () => rehearsalDigits('')));
    expect(drawn.size).toBeGreaterThan(40);
  });
});
