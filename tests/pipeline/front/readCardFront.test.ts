import { describe, expect, it } from 'vitest';
import { parseCardFrontText } from '../../../src/pipeline/front/readCardFront.ts';

// Lines as tesseract's printed-text model returns them for our generated fixtures, copied from its output.
// fra-id-card-front-clean-1.jpg: dates printed DD MM YYYY, as on the CNIe.
const FRENCH_FRONT_LINES = [
  'BS',
  "CARTE NATIONALE D'IDENTITE / IDENTITY CARD",
  '= REPUBLIQUE FRANCAISE',
  'vd',
  'NOM / SURNAME',
  '_',
  'or',
  'DUBOIS',
  'PRENOMS / GIVEN NAMES',
  'CAMILLE, MARIE',
  'SEXE / SEX',
  'NATIONALITE / NATIONALITY',
  'DATE DE NAISS. / DATE OF BIRTH',
  '05 11 1992',
  'LIEU DE NAISSANCE / PLACE OF BIRTH',
  'NANTES',
  'N° DU DOCUMENT / DOCUMENT No',
  "DATE D'EXPIR. / EXPIRY DATE",
  'X4RTBPFW4',
  '18 04 2032',
];

// gbr-residence-permit-front-clean-1.jpg
const BRP_FRONT_LINES = [
  'RESIDENCE PERMIT',
  'UNITED KINGDOM',
  'NWoOSsU ADAEZE',
  'VALID UNTIL',
  'PLACE OF BIRTH',
  '31.12.2024',
  'LAGOS',
  'SEX',
  'TYPE OF PERMIT',
  'F',
  'LEAVE TO REMAIN',
  'REMARKS',
  'WORK PERMITTED',
  '~',
  '~',
];

describe('parseCardFrontText', () => {
  it("takes no card headed by a state outside Europe for France's or Spain's by its title's language", () => {
    const moroccan = ['ROYAUME DU MAROC', "CARTE NATIONALE D'IDENTITE ELECTRONIQUE", 'ALAMI', 'YOUSSEF'];
    expect(parseCardFrontText(moroccan)).toBeNull();
    expect(
      parseCardFrontText(['REPUBLICA ARGENTINA', 'DOCUMENTO NACIONAL DE IDENTIDAD', 'GARCIA']),
    ).toBeNull();
    // A French card whose holder was born in Morocco is still France's.
    const born = ["CARTE NATIONALE D'IDENTITE", 'REPUBLIQUE FRANCAISE', 'LIEU DE NAISSANCE', 'RABAT (MAROC)'];
    expect(parseCardFrontText(born)?.issuer).toBe('FRA');
  });

  it('reads the front of a French ID card: its kind, issuer and labelled expiry, not its birth date', () => {
    expect(parseCardFrontText(FRENCH_FRONT_LINES)).toStrictEqual({
      kind: 'id-card',
      issuer: 'FRA',
      expiry: '2032-04-18',
    });
  });

  it('reads an expiry whose separator the OCR lost (fra-id-card-front-expired.jpg: "0109 2021")', () => {
    const lines = FRENCH_FRONT_LINES.map((line) => (line === '18 04 2032' ? '0109 2021' : line));
    expect(parseCardFrontText(lines)).toStrictEqual({ kind: 'id-card', issuer: 'FRA', expiry: '2021-09-01' });
  });

  it('leaves the expiry unread when no label names it, rather than guess among the dates', () => {
    const lines = FRENCH_FRONT_LINES.filter((line) => !line.startsWith('DATE D'));
    expect(parseCardFrontText(lines)).toStrictEqual({ kind: 'id-card', issuer: 'FRA', expiry: null });
  });

  it('pairs the issue and expiry labels with their dates in order when OCR reads both columns as one line', () => {
    // Cards print the issue and expiry dates side by side; OCR may read both columns as one line.
    const lines = [
      "CARTE NATIONALE D'IDENTITE",
      "DATE DE DELIVRANCE / DATE OF ISSUE DATE D'EXPIRATION / EXPIRY DATE",
      '19.04.2022 18.04.2032',
    ];
    expect(parseCardFrontText(lines)).toStrictEqual({ kind: 'id-card', issuer: 'FRA', expiry: '2032-04-18' });
  });

  it('does not take a lone date below an expiry label beside an issue label: it may be either', () => {
    const lines = [
      "CARTE NATIONALE D'IDENTITE",
      "DATE DE DELIVRANCE / DATE OF ISSUE DATE D'EXPIRATION / EXPIRY DATE",
      '19.04.2022',
    ];
    expect(parseCardFrontText(lines)).toStrictEqual({ kind: 'id-card', issuer: 'FRA', expiry: null });
  });

  it('reads the front of a UK residence permit, its issuer from the country printed on it', () => {
    expect(parseCardFrontText(BRP_FRONT_LINES)).toStrictEqual({
      kind: 'residence-permit',
      issuer: 'GBR',
      expiry: '2024-12-31',
    });
  });

  it('reads a UK application registration card (ARC), which has no MRZ, by its title', () => {
    expect(
      parseCardFrontText(['APPLICATION REGISTRATION CARD', 'HOME OFFICE', 'DATE OF ISSUE 01.02.2025']),
    ).toStrictEqual({ kind: 'residence-permit', issuer: 'GBR', expiry: null });
  });

  it('names no issuer for an English title with no state beside it, and nothing without a title', () => {
    expect(parseCardFrontText(['IDENTITY CARD', 'EXPIRY', '01.02.2030'])).toStrictEqual({
      kind: 'id-card',
      issuer: null,
      expiry: '2030-02-01',
    });
    expect(parseCardFrontText(['BUS PASS', 'VALID UNTIL', '01.02.2030'])).toBeNull();
  });
});
