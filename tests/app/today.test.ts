import { afterEach, describe, expect, it } from 'vitest';
import { todayFromUrl } from '../../src/app/today.ts';

describe('todayFromUrl', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  const device = new Date(2026, 0, 5, 9, 30); // 5 January 2026, the device's local time

  it('takes a real date from ?today=, wherever it is in the query', () => {
    expect(
      ['?today=2026-06-01', '?lang=en&today=2028-02-29', 'today=1999-12-31'].map((search) =>
        todayFromUrl(search, device),
      ),
    ).toStrictEqual(['2026-06-01', '2028-02-29', '1999-12-31']);
  });

  it('falls back to the device’s date, zero-padded, when ?today= is missing or no date', () => {
    expect(
      [
        '',
        '?',
        '?today=',
        '?today=2026-6-1',
        '?today=01/06/2026',
        '?today=2026-13-01',
        '?today=2026-06-32',
        '?today=2026-02-30',
        '?today=2027-02-29',
      ].map((search) => todayFromUrl(search, device)),
    ).toStrictEqual(Array(9).fill('2026-01-05'));
  });

  it('gives the date where the device is, not in UTC: just after midnight in Auckland is the new day', () => {
    process.env['TZ'] = 'Pacific/Auckland';
    // 00:30 on 1 January 2027 in Auckland is 11:30 on 31 December 2026 in UTC.
    const newYear = new Date(Date.UTC(2026, 11, 31, 11, 30));
    expect([todayFromUrl('', newYear), newYear.toISOString().slice(0, 10)]).toStrictEqual([
      '2027-01-01',
      '2026-12-31',
    ]);
  });
});
