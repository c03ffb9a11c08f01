/** China's citizen identity number (GB 11643-1999), checked by ISO 7064 MOD 11-2. */
import { describe, expect, it } from 'vitest';
import { hasResidentIdNumber, isResidentIdNumber } from '../../../src/pipeline/front/residentIdNumber.ts';

describe('isResidentIdNumber', () => {
  it("takes GB 11643-1999's own examples, their check characters X and 4", () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('440524188001010014')).toBe(true);
  });

  it('refuses a wrong check character, a birth date that is no date, and the wrong length', () => {
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    // 31 February, with its check character computed right (6).
    expect(isResidentIdNumber('110105194902310026')).toBe(false);
    expect(isResidentIdNumber('11010519491231002')).toBe(false);
  });
});

describe('hasResidentIdNumber', () => {
  it('finds the number on its own among what the English model read of a card front', () => {
    expect(hasResidentIdNumber('H&E mn\nrREN SH 11010519491231002x')).toBe(true);
    // Not inside a longer run of digits, nor as a run of 18 digits that fails the check.
    expect(hasResidentIdNumber('911010519491231002X')).toBe(false);
    expect(hasResidentIdNumber('123456789012345678')).toBe(false);
  });
});
