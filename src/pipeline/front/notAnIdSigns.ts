/**
 * What printed text must show to be each thing that is not an accepted document (front/readNotAnId.ts
 * reads it): a declarative table, each row's source cited beside it.
 */
import { NON_EUROPEAN_STATE_NAMES } from '../countries.ts';
import type { NotAnIdKind } from '../types.ts';
import { contactDetailsIn } from './contactDetails.ts';
import { NORTH_AMERICAN_MARKS } from './readLicence.ts';
import { hasResidentIdNumber } from './residentIdNumber.ts';

/** A US address's last line: the state's (or DC's) two-letter code and a ZIP or ZIP+4 ([USPS-28]). */
export const US_ADDRESS =
  /\b(A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+\d{5}(-\d{4})?(?!\d)/u;

/**
 * [UK-ISSUERS]: the banks and card issuers most of the UK's payment cards carry the name of (UK
 * Finance, Card Spending 2023), and the generic words; an issuer's name is printed on the card's face.
 */
const UK_CARD_ISSUERS =
  /\bBANK\b|BARCLAY|\bHSBC\b|NATWEST|LLOYDS|SANTANDER|HALIFAX|NATIONWIDE|MONZO|REVOLUT|STARLING|\bTSB\b|METRO\s*BANK|CO-?OPERATIVE\s*BANK|VIRGIN\s*MONEY|\bRBS\b|CAPITAL\s*ONE|BARCLAYCARD/u;

/** Words of the titles NHS login accepts, in our languages: with one of them, a card is not refused. */
const ACCEPTED_TITLES =
  /PASSPORT|PASSEPORT|REISEPASS|PERMIT|RESIDEN|AUFENTHALT|LICEN[CS]E|F[UÜ]HRERSCHEIN|PERMIS|RIJBEWIJS|\bVISA\b|CITIZEN\s*CARD|NATIONAL|AUSWEIS|IDENTIT[EÉ]|IDENTIDAD|\bDNI\b/u;

/** [HEALTH-CARD]: the titles of the EHIC, the GHIC and the national health cards that carry one. */
const HEALTH_CARD_TITLES =
  /HEALTH\s*INSURANCE|\bEHIC\b|\bGHIC\b|KRANKENVERSICHERUNG|GESUNDHEITSKARTE|ASSURANCE\s*MALADIE|CARTE\s*VITALE|TARJETA\s*SANITARIA|TESSERA\s*SANITARIA|ASSICURAZIONE\s*MALATTIA|ZIEKTEVERZEKERING|SEGURO\s*DE\s*DOEN/u;

/** [MEMBERS-CARD]: what a library, loyalty or membership card calls itself. */
const MEMBERS_CARD_WORDS =
  /\bLIBRARY\b|BIBLIOTH|LOYALTY|\bREWARDS?\b|MEMBERSHIP|CLUB\s*CARD|KUNDENKARTE|FID[EÉ]LIT[EÉ]/u;

/**
 * What the text must show to be each kind, each pattern on the upper-cased text; `count` of them
 * must be found. Sources:
 * - [CARD-SCHEMES]: the scheme names and the wording printed on payment cards (ISO/IEC 7813 leaves
 *   the face to the issuer; "VALID THRU", "VALID FROM", "EXPIRES END" and the MM/YY dates are on
 *   every scheme's cards), and a 16-digit card number that passes the Luhn check (ISO/IEC 7812-1).
 * - [US-DL]: US licences are titled "DRIVER LICENSE" (AAMVA DL/ID Card Design Standard, 2020, §2.3:
 *   "DRIVER LICENSE", "IDENTIFICATION CARD"); the EU model's English title is "DRIVING LICENCE".
 * - [CA-DL]: Canada's provinces title their licences in English, French or both ("DRIVER'S LICENCE",
 *   "PERMIS DE CONDUIRE"); Québec's names its issuer, the SAAQ (readLicence.ts's NORTH_AMERICAN_MARKS).
 * - [IDNYC]: New York City's municipal card reads "IDNYC" / "NYC IDENTIFICATION CARD".
 * - [US-DL] §2.4 also names the fields a US licence labels: "CLASS", "END" (endorsements), "RSTR"
 *   (restrictions); [REAL-ID]: cards that are not REAL ID compliant must say so on their face (6 CFR
 *   37.71), which states print as "FEDERAL LIMITS APPLY".
 * - [NHS-REFUSED]: NHS login's "You cannot send: ... UK driver qualification cards (DQC or Driver
 *   Card); travel cards; bus passes; NHS ID Cards; university or school ID cards" (rules/
 *   acceptedDocuments.ts's [NHS-LOGIN-2024]), and staff and visitors' badges, which are no one's
 *   official ID: what such a card calls itself or its holder. Not where a title NHS login accepts was
 *   read with it (a UK residence permit prints "STUDENT" among its remarks). The US Social Security
 *   card, titled "SOCIAL SECURITY" by the Social Security Administration, has no photo and is on no
 *   list of NHS login's.
 * - [VOUCHER]: a gift certificate, gift card or voucher names itself so, in its issuer's languages
 *   (Canada's bilingual "Gift Certificate / Certificat-cadeau"), and prints "redeemable" for what it
 *   is worth; no identity document prints these words.
 * - [ZA-DL]: South Africa's licence card (National Road Traffic Regulations, 2000, reg. 108 and
 *   Annexure 8) prints on its back the categories EB, EC1 and EC (the EU model has BE, C1E and CE
 *   instead, Directive 2006/126/EC Art. 4) beside "DRIVER RESTRICTIONS", "VEHICLE RESTRICTIONS" and
 *   "PrDP CATEGORIES" (its Professional Driving Permit); the EU model's back labels its fields by
 *   number only.
 * - [NON-EUROPEAN-STATES]: a card titled in French, Spanish, Portuguese or Dutch under a state's formal
 *   name from outside Europe (countries.ts's NON_EUROPEAN_STATE_NAMES: "ROYAUME DU MAROC", "REPÚBLICA
 *   ARGENTINA" …) is that state's identity card or licence, not France's, Spain's or another's.
 * - [GB-11643]: China's resident identity card prints its holder's citizen identity number, 18
 *   characters checked by ISO 7064 MOD 11-2 (residentIdNumber.ts); no European document prints one.
 * - [CONTACT]: a business card prints contact details (contactDetails.ts), which no identity document
 *   does: two kinds of them (an e-mail, a web address, a phone number), with no ID word and no full
 *   date beside them, are a business card (or a letterhead, a leaflet: no ID either).
 * - [MEMBERS-CARD]: a library, loyalty or membership card names itself so ("LIBRARY CARD", "REWARDS
 *   CARD", "MEMBERSHIP", a shop's "CLUBCARD", a German "KUNDENKARTE", a French "CARTE DE FIDÉLITÉ"):
 *   no one's official ID, and on no list of NHS login's. Not beside a title NHS login accepts.
 * - [HEALTH-CARD]: the European and the UK's Global Health Insurance Card (EHIC: Decision No S2 of the
 *   Administrative Commission, 2010, its title "European Health Insurance Card" in the issuing state's
 *   language: "Europäische Krankenversicherungskarte", "Carte européenne d'assurance maladie",
 *   "Tarjeta sanitaria europea", "Tessera europea di assicurazione malattia", "Europese
 *   ziekteverzekeringskaart", "Cartão europeu de seguro de doença"; GHIC) prints fields 3 to 9 and an
 *   EU flag with the state's sign, as an EU licence does; the national health cards that carry it on
 *   their back (Germany's "Gesundheitskarte", France's "Carte Vitale", Italy's "Tessera sanitaria")
 *   name themselves too. None is photo ID NHS login accepts.
 * - [USPS-28]: a US address ends in the state's two-letter code and a five-digit ZIP code (USPS
 *   Publication 28, §2 and Appendix B); US cards label it "ADDRESS/ZIP" (IDNYC) or print the ZIP
 *   beside it. Both together are a US card; a European ID prints no ZIP.
 */
export const NOT_AN_ID: readonly {
  readonly seen: NotAnIdKind;
  readonly signs: readonly ((text: string) => boolean)[];
  readonly count: number;
  readonly source: string;
}[] = [
  {
    seen: 'bank-card',
    signs: [
      (text) => /MASTER ?CARD|MAESTRO|\bVISA\b|AMERICAN EXPRESS|\bAMEX\b|DISCOVER/u.test(text),
      (text) => /\bDEBIT\b|\bCREDIT\b|CARD ?HOLDER|CARDHOLDER/u.test(text),
      (text) => /VALID\s*(THRU|FROM)|GOOD\s*THRU|EXPIRES\s*END|MEMBER\s*SINCE/u.test(text),
      (text) => /(?<!\d)(0[1-9]|1[0-2])\/\d{2}(?!\d)/u.test(text),
      (text) => hasLuhnCardNumber(text),
      (text) => UK_CARD_ISSUERS.test(text),
    ],
    count: 2,
    source: '[CARD-SCHEMES] [UK-ISSUERS]',
  },
  {
    // The card number as cards print it, four groups of four apart, and right by Luhn: no ID's number.
    seen: 'bank-card',
    signs: [(text) => hasLuhnCardNumber(text, true)],
    count: 1,
    source: '[CARD-SCHEMES]',
  },
  {
    seen: 'non-european-licence',
    signs: [(text) => /DRIVER'?S?\s*LICEN[SC]E/u.test(text)],
    count: 1,
    source: '[US-DL]',
  },
  {
    // A licence titled as a European state's is, but Canadian (Québec's, by its issuer's name) or
    // headed by a state outside Europe.
    seen: 'non-european-licence',
    signs: [
      (text) => /PERMIS\s*DE\s*CONDUIRE|CARTA\s*DE\s*CONDU|RIJBEWIJS|LICEN[CS]E/u.test(text),
      (text) => NORTH_AMERICAN_MARKS.test(text) || NON_EUROPEAN_STATE_NAMES.test(text),
    ],
    count: 2,
    source: '[US-DL] [CA-DL] [NON-EUROPEAN-STATES]',
  },
  {
    // A US licence whose title was not read, by the AAMVA fields beside it and the REAL ID marking.
    seen: 'non-european-licence',
    signs: [
      (text) => /FEDERAL\s*LIMITS|LIMITS\s*APPLY/u.test(text),
      (text) => /\bRSTR/u.test(text),
      (text) => /\bEND\s*NONE\b/u.test(text),
      (text) => /\bCLASS\s*[A-DM]\b/u.test(text),
    ],
    count: 2,
    source: '[US-DL] [REAL-ID]',
  },
  {
    seen: 'health-card',
    signs: [(text) => HEALTH_CARD_TITLES.test(text) && !ACCEPTED_TITLES.test(text)],
    count: 1,
    source: '[HEALTH-CARD]',
  },
  {
    seen: 'refused-card',
    signs: [
      (text) =>
        /\bSTUDENT\b|UNIVERSIT|\bCOLLEGE\b|\bSCHOOL\b|\bPUPIL\b|\bSTAFF\b|\bEMPLOYEE\b|\bVISITOR\b|RAILCARD|OYSTER|BUS\s*PASS|TRAVEL\s*CARD|DRIVER\s*QUALIFICATION|\bDRIVER\s*CARD\b|\bNHS\b|SOCIAL\s*SECURITY/u.test(
          text,
        ) && !ACCEPTED_TITLES.test(text),
    ],
    count: 1,
    source: '[NHS-REFUSED]',
  },
  {
    seen: 'refused-card',
    signs: [(text) => MEMBERS_CARD_WORDS.test(text) && !ACCEPTED_TITLES.test(text)],
    count: 1,
    source: '[MEMBERS-CARD]',
  },
  {
    seen: 'voucher',
    signs: [
      (text) =>
        /GIFT\s*(CERTIFICATE|CARD|VOUCHER)|VOUCHER|CERTIFICAT[-\s]*CADEAU|CH[EÈ]QUE[-\s]*CADEAU|GUTSCHEIN|\bREDEEMABLE\b/u.test(
          text,
        ),
    ],
    count: 1,
    source: '[VOUCHER]',
  },
  { seen: 'business-card', signs: [(text) => contactDetailsIn(text) >= 2], count: 1, source: '[CONTACT]' },
  {
    seen: 'non-european-id-card',
    signs: [(text) => /\bIDNYC\b|NYC\s*IDENTIFICATION|IDENTIFICATION\s*CARD/u.test(text)],
    count: 1,
    source: '[US-DL] [IDNYC]',
  },
  {
    seen: 'non-european-id-card',
    signs: [(text) => hasResidentIdNumber(text)],
    count: 1,
    source: '[GB-11643]',
  },
  {
    // An identity card titled as a European state's is, but headed by a state outside Europe.
    seen: 'non-european-id-card',
    signs: [
      // The card's title, and no passport's (its page may name the holder's identity card too).
      (text) =>
        /CARTE\s*(NATIONALE\s*)?D.?IDENTIT|DOCUMENTO\s*NACIONAL\s*DE\s*IDENTIDAD/u.test(text) &&
        !/PASSEPORT|PASAPORTE|PASSPORT/u.test(text),
      (text) => NON_EUROPEAN_STATE_NAMES.test(text),
    ],
    count: 2,
    source: '[NON-EUROPEAN-STATES]',
  },
  {
    // The back of South Africa's licence card: its own categories beside its restrictions' titles.
    seen: 'non-european-licence',
    signs: [(text) => /\b(EB|EC1?)\b/u.test(text), (text) => /RESTRICTION|\bPR\s?DP\b|\bGVM\b/u.test(text)],
    count: 2,
    source: '[ZA-DL]',
  },
  {
    // A US card whose title was not read (a close crop of its fields), by its address.
    seen: 'non-european-id-card',
    signs: [(text) => US_ADDRESS.test(text), (text) => /\bZIP\b/u.test(text)],
    count: 2,
    source: '[USPS-28]',
  },
];

/**
 * A run of 16 digits (in groups of four, as cards print them) that passes the Luhn check; `grouped`:
 * only where the groups stand apart (tesseract may join two: "41111111 11111111").
 */
export function hasLuhnCardNumber(text: string, grouped = false): boolean {
  const run = /(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/gu;
  for (const match of text.matchAll(run)) {
    if (grouped && !match[0].includes(' ')) continue;
    const digits = match[0].replace(/\D/gu, '');
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let digit = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return true;
  }
  return false;
}
