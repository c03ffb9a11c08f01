import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  DISTINGUISHING_SIGNS,
  EU_EEA_STATES,
  europeanRegionOf,
  OTHER_EUROPEAN_STATES,
} from '../../src/pipeline/countries.ts';

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

describe('europeanRegionOf', () => {
  it('places each state as NHS login’s “European national identity card” needs it', () => {
    const codes = ['FRA', 'ISL', 'CHE', 'GBR', 'SRB', 'TUR', 'UKR', 'RKS', 'CHN', 'USA', 'XXA', 'UTO', 'QQQ'];
    expect(codes.map((code) => [code, europeanRegionOf(code)])).toStrictEqual([
      ['FRA', 'eu-eea'],
      ['ISL', 'eu-eea'],
      ['CHE', 'switzerland'],
      ['GBR', 'uk'],
      ['SRB', 'other-european'],
      ['TUR', 'other-european'],
      ['UKR', 'other-european'],
      ['RKS', 'other-european'],
      ['CHN', 'non-european'],
      ['USA', 'non-european'],
      ['XXA', 'non-european'],
      // ICAO's specimen state and a misread name no state.
      ['UTO', null],
      ['QQQ', null],
    ]);
  });

  it('keeps the other European states apart from the EU and EEA', () => {
    expect(
      [...OTHER_EUROPEAN_STATES].filter((code) => EU_EEA_STATES.has(code) || code === 'CHE'),
    ).toStrictEqual([]);
  });
});
