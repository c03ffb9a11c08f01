import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryFromYymmdd } from '../../../src/pipeline/mrz/dates.ts';

const iso = (date: Date) => date.toISOString().slice(0, 10);
const yymmdd = (date: Date) => iso(date).slice(2).replaceAll('-', '');
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

describe('expiryFromYymmdd', () => {
  it('reads the ICAO examples and the edges of its century window', () => {
    expect(
      ['120415', '960229', '600101', '601231', '610101', '000229', '991231', '000101'].map(expiryFromYymmdd),
    ).toStrictEqual([
      '2012-04-15',
      '1996-02-29',
      '2060-01-01',
      '2060-12-31',
      '1961-01-01',
      '2000-02-29',
      '1999-12-31',
      '2000-01-01',
    ]);
  });

  it('reads every date from 1961 to 2060 back as itself (properties)', () => {
    const day = fc.date({
      min: new Date('1961-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (date) => {
        const midnight = new Date(iso(date));
        expect(expiryFromYymmdd(yymmdd(midnight))).toBe(iso(midnight));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes 29 February only in a leap year of its window, 2000 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), (yy) => {
        const year = yy <= 60 ? 2000 + yy : 1900 + yy;
        const text = `${String(yy).padStart(2, '0')}0229`;
        expect(expiryFromYymmdd(text)).toBe(isLeap(year) ? `${year}-02-29` : null);
      }),
      { numRuns: 200 },
    );
  });

  it('gives null or a real date that prints back as the six digits read, for any text (properties)', () => {
    const sixDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(sixDigits, fc.string({ maxLength: 8 })), (text) => {
        const date = expiryFromYymmdd(text);
        if (date === null) return;
        expect(text).toMatch(/^\d{6}$/u);
        expect(iso(new Date(`${date}T00:00:00Z`))).toBe(date);
        expect(date.slice(2).replaceAll('-', '')).toBe(text);
        expect(date >= '1961-01-01' && date <= '2060-12-31').toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
