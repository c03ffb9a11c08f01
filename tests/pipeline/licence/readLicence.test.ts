import { describe, expect, it } from 'vitest';
import { parseLicenceText } from '../../../src/pipeline/licence/readLicence.ts';

// Lines as tesseract's printed-text model returns them for our generated UK licence fixture.
const UK_LINES = [
  'DRIVING LICENCE',
  'UNITED KINGDOM',
  'il',
  'OKAFOR',
  'CHLOE',
  '23.11.1996 UNITED KINGDOM',
  '4a',
  '30.09.2020',
  '4c.',
  'DVLA',
  '4b',
  '29.09.2030',
  'OKAF0961236C99LW',
  'C. Okafor',
];

describe('parseLicenceText', () => {
  it('reads a UK licence: expiry from 4b, birth date, and a driver number mended and consistent', () => {
    expect(parseLicenceText(UK_LINES)).toStrictEqual({
      kind: 'uk-driving-licence',
      issuer: 'GBR',
      provisional: false,
      expiry: '2030-09-29',
      expiryFrom: '4b',
      birthDate: '1996-11-23',
      driverNumber: 'OKAFO961236C99LW',
      driverNumberConsistent: true,
    });
  });

  it('finds a driver number that disagrees with the surname', () => {
    const lines = UK_LINES.map((line) => (line === 'OKAF0961236C99LW' ? 'OKEFO961236C99LW' : line));
    expect(parseLicenceText(lines)?.driverNumberConsistent).toBe(false);
  });

  it('finds a driver number that disagrees with the birth date', () => {
    const lines = UK_LINES.map((line) =>
      line.startsWith('23.11.1996') ? '24.11.1996 UNITED KINGDOM' : line,
    );
    expect(parseLicenceText(lines)?.driverNumberConsistent).toBe(false);
  });

  it('marks a UK provisional licence and an EU one by its title', () => {
    expect(parseLicenceText(['PROVISIONAL DRIVING LICENCE', ...UK_LINES.slice(1)])?.provisional).toBe(true);
    const german = parseLicenceText(['FUHRERSCHEIN', 'BUNDESREPUBLIK DEUTSCHLAND', '4b', '01.07.2033']);
    expect(german).toMatchObject({ kind: 'eu-driving-licence', issuer: 'DEU', expiry: '2033-07-01' });
  });

  it('does not take an English title with no UK or EU country for an accepted licence', () => {
    expect(parseLicenceText(['DRIVING LICENCE', 'STATE OF NOWHERE', '4b', '01.07.2033'])).toBeNull();
    expect(parseLicenceText(['PASSPORT', 'P<GBRSMITH'])).toBeNull();
  });
});
