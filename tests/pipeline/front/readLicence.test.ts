import { describe, expect, it } from 'vitest';
import { datesIn, hasLicenceTitle, parseLicenceText } from '../../../src/pipeline/front/readLicence.ts';

// Lines as tesseract's printed-text model returns them for our generated fixtures (the rectified card,
// upright), copied from its output.
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

// bel-provisional-licence-clean-1.jpg
const BELGIAN_PROVISIONAL_LINES = [
  'VOORLOPIG RIJBEWIJS',
  'PERMIS DE CONDUIRE PROVISOIRE - BELGIE / BELGIQUE',
  'BE',
  '1',
  'PEETERS',
  'LOTTE',
  '12.11.2006 GENT',
  '4a',
  '20.01.2026',
  '4c.',
  'Stad Gent',
  '4b',
  '19.07.2027',
  '0612457893',
  '7',
  'L. Peeters',
  '9. AM/A1/B',
];

// irl-learner-permit-clean-1.jpg
const IRISH_LEARNER_LINES = [
  'CEADUNAS FOGHLAIMEORA',
  'li',
  'LEARNER PERMIT : EIRE / IRELAND',
  'JRL',
  '1',
  'BYRNE',
  '2',
  'AOIFE',
  '30.06.2007 GALWAY',
  '4a',
  '01.09.2025',
  '4c.',
  'RSA',
  '4b',
  '31.08.2027',
  '5',
  '251098342',
  '7. A. Byrne',
  '9. AM/A1/B',
  '8',
];

// ita-driving-licence-clean-1.jpg
const ITALIAN_LINES = [
  'PATENTE DI GUIDA',
  'REPUBBLICA ITALIANA',
  'Bre',
  'it',
  'BIANCHI',
  'LUCA',
  '29.01.1986 TORINO',
  '4a',
  '11.02.2020',
  '4c.',
  'MIT-UCO',
  '4b',
  '29.01.2030',
  'TO05218873K',
  '7',
  'L. Bianchi',
  '9. AM/Al/B',
];

describe('parseLicenceText', () => {
  it("takes no North American card for a European licence, whatever its title's language", () => {
    const ontario = ['ONTARIO', "DRIVER'S LICENCE / PERMIS DE CONDUIRE", 'SMITH, JOHN', '2027/05/12'];
    expect(parseLicenceText(ontario)).toBeNull();
    const quebec = ['PERMIS DE CONDUIRE', "SOCIÉTÉ DE L'ASSURANCE AUTOMOBILE DU QUÉBEC", 'TREMBLAY'];
    expect(parseLicenceText(quebec)).toBeNull();
    // Nor one headed by a state outside Europe: Morocco's, Angola's.
    expect(parseLicenceText(['ROYAUME DU MAROC', 'PERMIS DE CONDUIRE', 'ALAMI'])).toBeNull();
    expect(parseLicenceText(['REPÚBLICA DE ANGOLA', 'CARTA DE CONDUÇÃO', 'SANTOS'])).toBeNull();
    // A French licence whose holder was born in Québec is still France's.
    const french = ['PERMIS DE CONDUIRE', 'MARTIN', '3. 01.02.1980 MONTREAL (QUEBEC, CANADA)'];
    expect(parseLicenceText(french)?.issuer).toBe('FRA');
  });

  it('reads a UK licence: expiry from 4b, birth date, and a driver number mended and consistent', () => {
    expect(parseLicenceText(UK_LINES)).toStrictEqual({
      kind: 'uk-driving-licence',
      issuer: 'GBR',
      issuerFrom: 'country',
      sign: null,
      provisional: false,
      expiry: '2030-09-29',
      expiryFrom: '4b',
      birthDate: '1996-11-23',
      driverNumber: 'OKAFO961236C99LW',
      driverNumberConsistent: true,
    });
  });

  it('takes the issuer from the sign in the flag over the country printed on the card', () => {
    expect(parseLicenceText(UK_LINES, { sign: 'UK', issuer: 'GBR' })).toStrictEqual({
      kind: 'uk-driving-licence',
      issuer: 'GBR',
      issuerFrom: 'sign',
      sign: 'UK',
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

  it('finds a driver number that disagrees with the birth date (field 3)', () => {
    const lines = UK_LINES.map((line) =>
      line.startsWith('23.11.1996') ? '24.11.1996 UNITED KINGDOM' : line,
    );
    expect(parseLicenceText(lines)?.driverNumberConsistent).toBe(false);
  });

  // Issue 12, item 5: the UK card as issued since 2019 has the Union flag (no sign in it) and prints
  // no country name; its DVLA marks (field 4c, the field 5 number's format) name the UK.
  it('knows a UK licence with no sign and no country printed by the DVLA in 4c and its driver number', () => {
    const unionFlagCard = UK_LINES.filter((line) => line !== 'UNITED KINGDOM').map((line) =>
      line.replace(' UNITED KINGDOM', ' LONDON'),
    );
    expect(parseLicenceText(unionFlagCard)).toMatchObject({
      kind: 'uk-driving-licence',
      issuer: 'GBR',
      issuerFrom: 'dvla',
      expiry: '2030-09-29',
      driverNumber: 'OKAFO961236C99LW',
    });
    // Either mark alone is enough; neither, and an English title could be any country's.
    const numberOnly = unionFlagCard.filter((line) => line !== 'DVLA');
    expect(parseLicenceText(numberOnly)?.issuerFrom).toBe('dvla');
    expect(parseLicenceText(numberOnly.filter((line) => line !== 'OKAF0961236C99LW'))).toBeNull();
  });

  it('marks a UK provisional licence by its title', () => {
    expect(parseLicenceText(['PROVISIONAL DRIVING LICENCE', ...UK_LINES.slice(1)])?.provisional).toBe(true);
  });

  it('reads a Belgian provisional licence: the sign B corrects the Dutch title to Belgium', () => {
    expect(parseLicenceText(BELGIAN_PROVISIONAL_LINES, { sign: 'B', issuer: 'BEL' })).toStrictEqual({
      kind: 'eu-driving-licence',
      issuer: 'BEL',
      issuerFrom: 'sign',
      sign: 'B',
      provisional: true,
      expiry: '2027-07-19',
      expiryFrom: '4b',
      birthDate: '2006-11-12',
      driverNumber: null,
      driverNumberConsistent: null,
    });
  });

  it('falls back to the country printed on the card when the sign was not read', () => {
    expect(parseLicenceText(BELGIAN_PROVISIONAL_LINES)).toMatchObject({
      issuer: 'BEL',
      issuerFrom: 'country',
    });
  });

  it('reads an Irish learner permit as provisional, its sign misread as JRL left out', () => {
    expect(parseLicenceText(IRISH_LEARNER_LINES, null)).toStrictEqual({
      kind: 'eu-driving-licence',
      issuer: 'IRL',
      issuerFrom: 'country',
      sign: null,
      provisional: true,
      expiry: '2027-08-31',
      expiryFrom: '4b',
      birthDate: '2007-06-30',
      driverNumber: null,
      driverNumberConsistent: null,
    });
  });

  it('reads an Italian licence, its issuer from the title when nothing else names it', () => {
    expect(parseLicenceText(ITALIAN_LINES.filter((line) => line !== 'REPUBBLICA ITALIANA'))).toStrictEqual({
      kind: 'eu-driving-licence',
      issuer: 'ITA',
      issuerFrom: 'title',
      sign: null,
      provisional: false,
      expiry: '2030-01-29',
      expiryFrom: '4b',
      birthDate: '1986-01-29',
      driverNumber: null,
      driverNumberConsistent: null,
    });
  });

  it('does not read a 10-digit licence number as a date, and takes the latest date without a 4b label', () => {
    const unlabelled = BELGIAN_PROVISIONAL_LINES.filter((line) => line !== '4b');
    expect(parseLicenceText(unlabelled)).toMatchObject({ expiry: '2027-07-19', expiryFrom: 'latest-date' });
  });

  it('leaves the expiry unread where 4b names a date before 4a, rather than take the latest date', () => {
    // A misread 4b ("19.07.2021" for 2027): the latest date would be 4a's, the issue date.
    const misread = BELGIAN_PROVISIONAL_LINES.map((line) => (line === '19.07.2027' ? '19.07.2021' : line));
    expect(parseLicenceText(misread)).toMatchObject({
      expiry: null,
      expiryFrom: null,
      birthDate: '2006-11-12',
    });
  });

  it('does not take an English title with no UK or EU country for an accepted licence', () => {
    expect(parseLicenceText(['DRIVING LICENCE', 'STATE OF NOWHERE', '4b', '01.07.2033'])).toBeNull();
    expect(parseLicenceText(['PASSPORT', 'P<GBRSMITH'])).toBeNull();
  });
});

describe('hasLicenceTitle', () => {
  it('sees a title in any known language, even with no country beside it', () => {
    expect(
      [UK_LINES, ['DRIVING LICENCE', 'STATE OF NOWHERE'], ['PASSPORT']].map(hasLicenceTitle),
    ).toStrictEqual([true, true, false]);
  });
});

describe('datesIn', () => {
  it('reads the DD.MM.YYYY of fields 3, 4a and 4b, with any of its separators, and only real days', () => {
    expect(
      datesIn([
        '3. 29.02.2028 LONDON', // a leap day
        '4a. 29.02.2027', // no such day
        '4b. 31.04.2030 4c. DVLA', // nor this
        '30/04/2030 01 06 2026 01062026',
        '31.12.1999 01.01.2000',
        '1.6.2026 01.01.2100 001.01.2026', // not two-digit days, not 19xx or 20xx, inside a longer number
      ]),
    ).toStrictEqual(['2028-02-29', '2030-04-30', '2026-06-01', '2026-06-01', '1999-12-31', '2000-01-01']);
  });
});
