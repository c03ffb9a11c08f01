import { describe, expect, it } from 'vitest';
import { allowedAt, checkDigitOf, checkHolds, MRZ_LAYOUTS } from '../../../src/pipeline/mrz/formats.ts';

// ICAO 9303 part 4, Appendix A (specimen TD3 of Utopia) and part 5 Appendix A (TD1).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

describe('check digits', () => {
  it('computes ICAO 9303 part 3 §4.9 check digits', () => {
    expect(checkDigitOf('L898902C3')).toBe(6);
    expect(checkDigitOf('740812')).toBe(2);
    expect(checkDigitOf('120415')).toBe(9);
    expect(checkDigitOf('D23145890')).toBe(7);
  });

  it('holds for every check of the ICAO specimens', () => {
    const td3 = MRZ_LAYOUTS.find((l) => l.format === 'TD3')!;
    const td1 = MRZ_LAYOUTS.find((l) => l.format === 'TD1')!;
    expect(td3.checks.map((rule) => checkHolds(TD3, rule))).toStrictEqual([true, true, true, true, true]);
    expect(td1.checks.map((rule) => checkHolds(TD1, rule))).toStrictEqual([true, true, true, true]);
  });

  it('fails when one digit of the expiry changes', () => {
    const td3 = MRZ_LAYOUTS.find((l) => l.format === 'TD3')!;
    const altered = [TD3[0]!, TD3[1]!.replace('1204159', '1204169')];
    expect(td3.checks.map((rule) => checkHolds(altered, rule))).toStrictEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('allowedAt', () => {
  it("allows only M, F, X or a filler at the sex, and a filler at a TD1's document-number check digit", () => {
    // ICAO 9303 part 4 §4.2.2 (sex); part 5: a number of more than 9 characters has `<` for its check
    // digit and goes on in the optional data.
    const td1 = MRZ_LAYOUTS.find((l) => l.format === 'TD1')!;
    expect([allowedAt(td1, 1, 7), allowedAt(td1, 0, 14), allowedAt(td1, 1, 6)]).toStrictEqual([
      /[MFX<]/u,
      /[0-9<]/u,
      /[0-9]/u,
    ]);
  });

  it("allows a digit or a filler, nothing else, at TD3's personal-number check digit", () => {
    // ICAO 9303 part 4 §4.2.2: `<` there stands for an empty personal number.
    const td3 = MRZ_LAYOUTS.find((l) => l.format === 'TD3')!;
    expect([
      allowedAt(td3, 1, 42),
      allowedAt(td3, 1, 43),
      allowedAt(td3, 1, 30),
      allowedAt(td3, 0, 10),
    ]).toStrictEqual([/[0-9<]/u, /[0-9]/u, /./u, /[A-Z<]/u]);
  });
});
