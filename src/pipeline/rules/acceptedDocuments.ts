/**
 * Which documents NHS login accepts, as a table with its sources.
 *
 * [NHS-LOGIN-2024]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk),
 *   whose list changed on 23 April 2024: "You can send: passport; UK driving licence (full or
 *   provisional); UK biometric residence permit (BRP); UK residence card; UK application registration
 *   card (ARC); CitizenCard; European driving licence (full); European national identity card; a valid
 *   UK entry clearance visa sticker." "You cannot send: paper ID cards; UK driver qualification cards
 *   (DQC or Driver Card); travel cards; bus passes; NHS ID Cards; university or school ID cards; ...
 *   any other document". The 2024 list dropped the exceptions for Syrian passports and paper Italian
 *   and Greek ID cards (paper cards are all refused now, and have no MRZ for us to read).
 * [EUROPE]: "European national identity card" without a list of states: EU, EEA and Swiss cards pass;
 *   other European states' cards are unsure, with a passport as the safe choice; cards of states
 *   outside Europe are refused (the regions: ../countries.ts).
 * [EU-LEARNER]: Directive 2006/126/EC harmonises only the full licence; learner's and provisional
 *   permits are each state's own (Ireland's learner permit, Belgium's voorlopig rijbewijs), which is
 *   why NHS login's "(full)" excludes them.
 * [ICAO-9303]: a UK entry clearance visa is a visa sticker (MRV, document code V, ICAO 9303 part 7)
 *   issued by GBR; the UK BRP, residence card and ARC, where they carry an MRZ, write a residence
 *   permit's code (I or A with R second, part 5) and GBR.
 *
 * Kinds that no MRZ names and no front reader recognises yet (a CitizenCard; an ARC is read by its
 * title, front/readCardFront.ts) are read as `unknown`: `accepted-document` is then unsure, never a fail, and its advice lists every
 * accepted document (NHS_LOGIN_ACCEPTS in texts.ts).
 */
import { europeanRegionOf, type EuropeanRegion } from '../countries.ts';
import type { DocumentKind, Status } from '../types.ts';
import type { AcceptanceReason } from './texts.ts';

export interface AcceptanceRule {
  readonly kind: DocumentKind;
  /** Issuers this row is limited to; undefined: any. */
  readonly issuers?: ReadonlySet<string>;
  /** Regions of Europe (countries.ts) this row's issuer must be in; undefined: any. */
  readonly regions?: readonly EuropeanRegion[];
  /** Licences only: the row is limited to provisional (true) or full (false) ones; undefined: either. */
  readonly provisional?: boolean;
  /** `accepted-document`'s status for this row: unsure where NHS login's list does not settle it. */
  readonly status: Status;
  /** Which row decided, as `accepted-document`'s reason: its words are in texts.ts. */
  readonly reason: AcceptanceReason;
  readonly source: string;
}

const UK = new Set(['GBR']);

export const ACCEPTANCE_TABLE: readonly AcceptanceRule[] = [
  // "passport", any state's: Syrian ones too since 23 April 2024.
  { kind: 'passport', status: 'pass', reason: 'passport', source: '[NHS-LOGIN-2024]' },
  // "European national identity card".
  {
    kind: 'id-card',
    regions: ['eu-eea', 'switzerland'],
    status: 'pass',
    reason: 'european-id-card',
    source: '[NHS-LOGIN-2024] [EUROPE]',
  },
  {
    kind: 'id-card',
    regions: ['other-european'],
    status: 'unsure',
    reason: 'other-european-id-card',
    source: '[NHS-LOGIN-2024] [EUROPE]',
  },
  // A card with an ID card's code issued by the UK: the UK issues no national identity card now, but
  // its residence card and ARC are accepted, and we cannot tell them from the code alone.
  {
    kind: 'id-card',
    regions: ['uk'],
    status: 'unsure',
    reason: 'uk-card',
    source: '[NHS-LOGIN-2024] [ICAO-9303]',
  },
  {
    kind: 'id-card',
    regions: ['non-european'],
    status: 'fail',
    reason: 'other-id-card',
    source: '[NHS-LOGIN-2024] [EUROPE]',
  },
  // "UK driving licence (full or provisional)".
  { kind: 'uk-driving-licence', status: 'pass', reason: 'uk-driving-licence', source: '[NHS-LOGIN-2024]' },
  // "European driving licence (full)".
  {
    kind: 'eu-driving-licence',
    provisional: true,
    status: 'fail',
    reason: 'eu-provisional-licence',
    source: '[NHS-LOGIN-2024] [EU-LEARNER]',
  },
  { kind: 'eu-driving-licence', status: 'pass', reason: 'eu-driving-licence', source: '[NHS-LOGIN-2024]' },
  // "UK biometric residence permit (BRP); UK residence card; UK application registration card (ARC)".
  {
    kind: 'residence-permit',
    issuers: UK,
    status: 'pass',
    reason: 'uk-residence-permit',
    source: '[NHS-LOGIN-2024] [ICAO-9303]',
  },
  {
    kind: 'residence-permit',
    status: 'fail',
    reason: 'other-residence-permit',
    source: '[NHS-LOGIN-2024]',
  },
  // "a valid UK entry clearance visa sticker": validity is in-date's to judge.
  {
    kind: 'visa',
    issuers: UK,
    status: 'pass',
    reason: 'uk-entry-clearance-visa',
    source: '[NHS-LOGIN-2024] [ICAO-9303]',
  },
  { kind: 'visa', status: 'fail', reason: 'visa', source: '[NHS-LOGIN-2024]' },
  // "You cannot send ... any other document".
  { kind: 'other', status: 'fail', reason: 'other-document', source: '[NHS-LOGIN-2024]' },
];

/**
 * The first row that fits, or null when none does or the answer turns on an issuer not read (an ID
 * card from an unknown state may or may not be European), or read as a code that names no state. A
 * licence not known to be provisional is taken as full: learner's and provisional permits say so in
 * their title, which is read with the rest.
 */
export function acceptanceOf(
  kind: DocumentKind,
  issuer: string | null,
  provisional: boolean | null = null,
): AcceptanceRule | null {
  const rows = ACCEPTANCE_TABLE.filter((row) => row.kind === kind);
  if (issuer === null && rows.some((row) => row.issuers || row.regions)) return null;
  const region = issuer === null ? null : europeanRegionOf(issuer);
  return (
    rows.find(
      (row) =>
        (!row.issuers || (issuer !== null && row.issuers.has(issuer))) &&
        (!row.regions || (region !== null && row.regions.includes(region))) &&
        (row.provisional === undefined || row.provisional === (provisional ?? false)),
    ) ?? null
  );
}
