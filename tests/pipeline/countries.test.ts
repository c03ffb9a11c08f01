import { describe, expect, it } from 'vitest';
import { COUNTRIES, DISTINGUISHING_SIGNS, EU_EEA_STATES } from '../../src/pipeline/countries.ts';

describe('COUNTRIES', () => {
  it('has a row per ICAO code, each citing its sources', () => {
    const codes = COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(COUNTRIES.filter((country) => !/^(\[[A-Z0-9-]+\] ?)+$/u.test(country.source))).toStrictEqual([]);
  });

  it('counts the EU’s 27 states and the EEA’s other 3, and not the UK', () => {
    expect(EU_EEA_STATES.size).toBe(30);
    expect(EU_EEA_STATES.has('GBR')).toBe(false);
  });
});

describe('DISTINGUISHING_SIGNS', () => {
  it('names every EU and EEA state once, and the UK', () => {
    const issuers = Object.values(DISTINGUISHING_SIGNS);
    expect(new Set(issuers).size).toBe(issuers.length);
    expect(new Set(issuers)).toStrictEqual(new Set([...EU_EEA_STATES, 'GBR']));
  });
});
