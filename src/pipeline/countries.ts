/**
 * The states whose documents we read or judge, one row each: every other country list in the pipeline
 * (EU/EEA membership, licence signs, card and licence titles, printed names) is derived from this one.
 *
 * [ICAO-9303]: the states' 3-letter codes, ICAO 9303 part 3 §5 (Germany's MRZ writes `D`, normalised
 *   to DEU: mrz/documentCodes.ts).
 * [EU-EEA]: the EU's 27 member states (europa.eu, "EU countries") and the EEA's other three
 *   (Iceland, Liechtenstein, Norway; EEA Agreement). Switzerland is in neither.
 * [EU-LICENCE]: the distinguishing signs of the member states, Directive 2006/126/EC, Annex I, side 1
 *   (b); Croatia's (HR) added by Directive 2013/22/EU. The licence's title is "driving licence" in
 *   the state's language (Annex I).
 * [VIENNA-1968]: Iceland, Liechtenstein and Norway issue the EU model through the EEA Agreement with
 *   their own signs (IS, FL, N), from the 1968 Vienna Convention on Road Traffic's list.
 * [DVLA]: the UK kept "UK" in the flag of its photocards, titled "DRIVING LICENCE" (DVLA, INF45).
 * [SWISS]: Switzerland is in neither the EU nor the EEA, but its citizens' cards are European national
 *   identity cards, travel documents throughout Schengen (EU-Swiss agreement on the free movement of
 *   persons, 1999); we take them as NHS login's "European national identity card".
 * [EUROPE]: the other states wholly or partly in Europe: the Council of Europe's members outside the
 *   EU, the EEA and Switzerland (coe.int, "46 member states"), and Belarus, Kazakhstan, Kosovo, Russia
 *   and the Holy See. NHS login does not say which of them count as "European" (issue 14), so their
 *   cards are neither passed nor refused. Kosovo writes RKS in its MRZ (ICAO 9303 part 3 §5 note).
 * [CARDS]: ID-card titles in the issuing state's language, as on the cards (ICAO 9303 part 5 leaves
 *   the wording to the state); residence permits in the EU uniform format are titled in the state's
 *   language (Council Regulation (EC) No 1030/2002, annex, field 1). States' names as their cards print
 *   them.
 */

export interface Country {
  /** ICAO 3-letter code: how the pipeline names an issuer. */
  readonly code: string;
  /** English short name. */
  readonly name: string;
  readonly euEea: boolean;
  /** The distinguishing sign in the flag of its driving licences, or null when we read none. */
  readonly licenceSign: string | null;
  /** Titles on the fronts of its ID cards and residence permits, where we read them. */
  readonly idCardTitle?: RegExp;
  readonly residencePermitTitle?: RegExp;
  /**
   * The licence title in its language, where that language points to it: a language shared by several
   * states (German, French, Dutch) points to its largest, and the sign in the flag corrects it.
   */
  readonly licenceTitle?: RegExp;
  /** Its name as its cards print it, and as its licences print it: they settle a shared or English title. */
  readonly nameOnCards?: RegExp;
  readonly nameOnLicences?: RegExp;
  readonly source: string;
}

import { states } from 'mrz';

/**
 * Where a text matches two rows (a Belgian card prints its title in Dutch, French and German), the
 * first row in this order wins; the card readers' orders are kept here, the licence reader keeps its
 * own (front/readLicence.ts).
 */
export const COUNTRIES: readonly Country[] = [
  {
    code: 'GBR',
    name: 'United Kingdom',
    euEea: false,
    licenceSign: 'UK',
    nameOnCards: /UNITED KINGDOM/u,
    nameOnLicences: /UNITED KINGDOM/u,
    source: '[ICAO-9303] [DVLA] [CARDS]',
  },
  {
    code: 'FRA',
    name: 'France',
    euEea: true,
    licenceSign: 'F',
    idCardTitle: /CARTE NATIONALE D.?IDENTIT/u,
    residencePermitTitle: /TITRE DE S[EÉ]JOUR/u,
    licenceTitle: /PERMIS DE CONDUIRE/u,
    nameOnCards: /R[EÉ]PUBLIQUE FRAN[CÇ]AISE/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'DEU',
    name: 'Germany',
    euEea: true,
    licenceSign: 'D',
    idCardTitle: /PERSONALAUSWEIS/u,
    residencePermitTitle: /AUFENTHALTSTITEL/u,
    licenceTitle: /F[UÜ]HRERSCHEIN/u,
    nameOnCards: /BUNDESREPUBLIK DEUTSCHLAND/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'ESP',
    name: 'Spain',
    euEea: true,
    licenceSign: 'E',
    idCardTitle: /DOCUMENTO NACIONAL DE IDENTIDAD/u,
    licenceTitle: /PERMISO DE CONDUCCI[OÓ]N/u,
    nameOnCards: /REINO DE ESPA[NÑ]A/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'ITA',
    name: 'Italy',
    euEea: true,
    licenceSign: 'I',
    idCardTitle: /CARTA D.?IDENTIT/u,
    residencePermitTitle: /PERMESSO DI SOGGIORNO/u,
    licenceTitle: /PATENTE DI GUIDA/u,
    nameOnCards: /REPUBBLICA ITALIANA/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'NLD',
    name: 'Netherlands',
    euEea: true,
    licenceSign: 'NL',
    idCardTitle: /IDENTITEITSKAART/u,
    residencePermitTitle: /VERBLIJFSDOCUMENT|VERBLIJFSVERGUNNING/u,
    licenceTitle: /RIJBEWIJS/u,
    nameOnCards: /KONINKRIJK DER NEDERLANDEN/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'PRT',
    name: 'Portugal',
    euEea: true,
    licenceSign: 'P',
    idCardTitle: /CART[AÃ]O DE CIDAD[AÃ]O/u,
    licenceTitle: /CARTA DE CONDU[CÇ][AÃ]O/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'POL',
    name: 'Poland',
    euEea: true,
    licenceSign: 'PL',
    idCardTitle: /DOW[OÓ]D OSOBISTY/u,
    licenceTitle: /PRAWO JAZDY/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'BEL',
    name: 'Belgium',
    euEea: true,
    licenceSign: 'B',
    nameOnCards: /ROYAUME DE BELGIQUE|KONINKRIJK BELGI[EË]|BELGIQUE|BELGI[EË]/u,
    nameOnLicences: /BELGI[EË]|BELGIQUE|BELGIEN/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'LUX',
    name: 'Luxembourg',
    euEea: true,
    licenceSign: 'L',
    nameOnCards: /LUXEMBOURG/u,
    nameOnLicences: /LUXEMBOURG/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'IRL',
    name: 'Ireland',
    euEea: true,
    licenceSign: 'IRL',
    licenceTitle: /CEAD[UÚ]NAS/u,
    nameOnCards: /IRELAND|[EÉ]IRE/u,
    nameOnLicences: /IRELAND|[EÉ]IRE/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE] [CARDS]',
  },
  {
    code: 'AUT',
    name: 'Austria',
    euEea: true,
    licenceSign: 'A',
    nameOnLicences: /[OÖ]STERREICH/u,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE]',
  },
  {
    code: 'CHE',
    name: 'Switzerland',
    euEea: false,
    licenceSign: null,
    source: '[ICAO-9303] [SWISS]',
  },
  ...(
    [
      ['BGR', 'Bulgaria', 'BG'],
      ['HRV', 'Croatia', 'HR'],
      ['CYP', 'Cyprus', 'CY'],
      ['CZE', 'Czechia', 'CZ'],
      ['DNK', 'Denmark', 'DK'],
      ['EST', 'Estonia', 'EST'],
      ['FIN', 'Finland', 'FIN'],
      ['GRC', 'Greece', 'GR'],
      ['HUN', 'Hungary', 'H'],
      ['LVA', 'Latvia', 'LV'],
      ['LTU', 'Lithuania', 'LT'],
      ['MLT', 'Malta', 'M'],
      ['ROU', 'Romania', 'RO'],
      ['SVK', 'Slovakia', 'SK'],
      ['SVN', 'Slovenia', 'SLO'],
      ['SWE', 'Sweden', 'S'],
    ] as const
  ).map(([code, name, sign]) => ({
    code,
    name,
    euEea: true,
    licenceSign: sign,
    source: '[ICAO-9303] [EU-EEA] [EU-LICENCE]',
  })),
  ...(
    [
      ['ISL', 'Iceland', 'IS'],
      ['LIE', 'Liechtenstein', 'FL'],
      ['NOR', 'Norway', 'N'],
    ] as const
  ).map(([code, name, sign]) => ({
    code,
    name,
    euEea: true,
    licenceSign: sign,
    source: '[ICAO-9303] [EU-EEA] [VIENNA-1968]',
  })),
];

/** ICAO codes of the EU and EEA states [EU-EEA]. */
export const EU_EEA_STATES: ReadonlySet<string> = new Set(
  COUNTRIES.filter((country) => country.euEea).map((country) => country.code),
);

/** Licence sign to ICAO code: 'F' → 'FRA' [EU-LICENCE] [VIENNA-1968] [DVLA]. */
export const DISTINGUISHING_SIGNS: Readonly<Record<string, string>> = Object.fromEntries(
  COUNTRIES.flatMap((country) => (country.licenceSign ? [[country.licenceSign, country.code]] : [])),
);

/** Switzerland: outside the EU and the EEA, but its identity cards are European ones [SWISS]. */
export const SWITZERLAND = 'CHE';

/** States wholly or partly in Europe outside the EU, the EEA, Switzerland and the UK [EUROPE]. */
export const OTHER_EUROPEAN_STATES: ReadonlySet<string> = new Set([
  'ALB', // Albania
  'AND', // Andorra
  'ARM', // Armenia
  'AZE', // Azerbaijan
  'BIH', // Bosnia and Herzegovina
  'BLR', // Belarus
  'GEO', // Georgia
  'KAZ', // Kazakhstan
  'MCO', // Monaco
  'MDA', // Moldova
  'MKD', // North Macedonia
  'MNE', // Montenegro
  'RKS', // Kosovo
  'RUS', // Russia
  'SMR', // San Marino
  'SRB', // Serbia
  'TUR', // Turkey
  'UKR', // Ukraine
  'VAT', // the Holy See
]);

/** Where a state's identity cards stand: Europe as NHS login's list names it, or not [EU-EEA] [SWISS] [EUROPE]. */
export type EuropeanRegion = 'eu-eea' | 'switzerland' | 'uk' | 'other-european' | 'non-european';

/**
 * The region of an ICAO state code, or null for a code that names no state (a misread issuer: the
 * issuer has no check digit, so an unknown code is not evidence of a non-European card).
 */
export function europeanRegionOf(code: string): EuropeanRegion | null {
  if (EU_EEA_STATES.has(code)) return 'eu-eea';
  if (code === SWITZERLAND) return 'switzerland';
  if (code === 'GBR') return 'uk';
  if (OTHER_EUROPEAN_STATES.has(code)) return 'other-european';
  return code in states ? 'non-european' : null;
}

/**
 * States outside Europe whose cards carry a title our European table holds, by the formal name each
 * prints as its card's header: French-speaking Africa's "CARTE NATIONALE D'IDENTITÉ" and "PERMIS DE
 * CONDUIRE" (Morocco's under "ROYAUME DU MAROC", Cameroon's, Côte d'Ivoire's, Algeria's …);
 * Argentina's and Peru's "DOCUMENTO NACIONAL DE IDENTIDAD"; Angola's and Mozambique's "CARTA DE
 * CONDUÇÃO"; Suriname's "RIJBEWIJS". A formal name, not a country's name alone: a French card may print
 * "(MAROC)" as the holder's place of birth. With one of them, a title's language names no European
 * state (front/readCardFront.ts, front/readLicence.ts), and front/readNotAnId.ts says what it is.
 */
export const NON_EUROPEAN_STATE_NAMES =
  /ROYAUME\s+DU\s+MAROC|R[EÉ]PUBLIQUE\s+(ALG[EÉ]RIENNE|TUNISIENNE|TOGOLAISE|GABONAISE|CENTRAFRICAINE|ISLAMIQUE\s+DE\s+MAURITANIE|D[EÉ]MOCRATIQUE\s+DU\s+CONGO|DU\s+(S[EÉ]N[EÉ]GAL|CAMEROUN|MALI|NIGER|B[EÉ]NIN|CONGO|TCHAD|BURUNDI|RWANDA)|DE\s+(C[OÔ]TE\s+D.?IVOIRE|GUIN[EÉ]E|MADAGASCAR|DJIBOUTI)|D.?HA[IÏ]TI)|BURKINA\s+FASO|UNION\s+DES\s+COMORES|REP[UÚ]BLICA\s+(ARGENTINA|DEL\s+PER[UÚ]|DE\s+ANGOLA|DE\s+MO[CÇ]AMBIQUE|DE\s+CABO\s+VERDE|FEDERATIVA\s+DO\s+BRASIL)|REPUBLIEK\s+SURINAME/u;
