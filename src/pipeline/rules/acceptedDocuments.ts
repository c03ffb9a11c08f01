/**
 * Which documents NHS login accepts, as a table with its sources.
 *
 * [NHS-LOGIN]: NHS login help centre, "Use photo ID to prove who you are" (help.login.nhs.uk), as
 *   relayed word for word in the NHS login team's guidance to GP online-services suppliers
 *   (support.patientpack.co.uk, "Troubleshooting: Problems applying for an NHS login"): accepted are
 *   passports (except Syrian), UK driving licences (full or provisional), European driving licences
 *   (full), European national identity cards (except paper Italian and Greek ID cards), and UK
 *   residence cards or biometric residence permits; not accepted are visa stickers, UK citizen ID
 *   cards, proof of age cards, and others.
 * [EU-EEA]: the EU and EEA states, as the country table (countries.ts) marks them.
 * [EU-LEARNER]: Directive 2006/126/EC harmonises only the full licence; learner's and provisional
 *   permits are each state's own (Ireland's learner permit, Belgium's voorlopig rijbewijs), which is
 *   why NHS login's "(full)" excludes them.
 */
import { EU_EEA_STATES } from '../countries.ts';
import type { DocumentKind } from '../types.ts';
import type { AcceptanceReason } from './texts.ts';

export interface AcceptanceRule {
  readonly kind: DocumentKind;
  /** Issuers this row is limited to; undefined: any. */
  readonly issuers?: ReadonlySet<string>;
  /** Licences only: the row is limited to provisional (true) or full (false) ones; undefined: either. */
  readonly provisional?: boolean;
  readonly accepted: boolean;
  /** Which row decided, as `accepted-document`'s reason: its words are in texts.ts. */
  readonly reason: AcceptanceReason;
  readonly source: string;
}

export const ACCEPTANCE_TABLE: readonly AcceptanceRule[] = [
  {
    kind: 'passport',
    issuers: new Set(['SYR']),
    accepted: false,
    reason: 'syrian-passport',
    source: '[NHS-LOGIN]',
  },
  { kind: 'passport', accepted: true, reason: 'passport', source: '[NHS-LOGIN]' },
  // Greek ID cards are all named as not accepted; Italian ones only when paper, and a paper card has no MRZ to read.
  {
    kind: 'id-card',
    issuers: new Set(['GRC']),
    accepted: false,
    reason: 'greek-id-card',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'id-card',
    issuers: EU_EEA_STATES,
    accepted: true,
    reason: 'european-id-card',
    source: '[NHS-LOGIN] [EU-EEA]',
  },
  {
    kind: 'id-card',
    accepted: false,
    reason: 'other-id-card',
    source: '[NHS-LOGIN] [EU-EEA]',
  },
  {
    kind: 'uk-driving-licence',
    accepted: true,
    reason: 'uk-driving-licence',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'eu-driving-licence',
    provisional: true,
    accepted: false,
    reason: 'eu-provisional-licence',
    source: '[NHS-LOGIN] [EU-LEARNER]',
  },
  {
    kind: 'eu-driving-licence',
    accepted: true,
    reason: 'eu-driving-licence',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'residence-permit',
    issuers: new Set(['GBR']),
    accepted: true,
    reason: 'uk-residence-permit',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'residence-permit',
    accepted: false,
    reason: 'other-residence-permit',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'visa',
    accepted: false,
    reason: 'visa',
    source: '[NHS-LOGIN]',
  },
  {
    kind: 'other',
    accepted: false,
    reason: 'other-document',
    source: '[NHS-LOGIN]',
  },
];

/**
 * The first row that fits, or null when none does or the answer turns on an issuer not read (an ID
 * card from an unknown state may or may not be European). A licence not known to be provisional is
 * taken as full: learner's and provisional permits say so in their title, which is read with the rest.
 */
export function acceptanceOf(
  kind: DocumentKind,
  issuer: string | null,
  provisional: boolean | null = null,
): AcceptanceRule | null {
  const rows = ACCEPTANCE_TABLE.filter((row) => row.kind === kind);
  if (issuer === null && rows.some((row) => row.issuers)) return null;
  return (
    rows.find(
      (row) =>
        (!row.issuers || (issuer !== null && row.issuers.has(issuer))) &&
        (row.provisional === undefined || row.provisional === (provisional ?? false)),
    ) ?? null
  );
}
