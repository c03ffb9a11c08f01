/**
 * How the pipeline's plain data is put into the page's words, the NHS.UK way: dates as "25 May 2024",
 * countries by name, and one next step where several rules give the same advice. The pipeline keeps
 * ISO dates and ICAO codes, which the command line prints as they are.
 */
import { states } from 'mrz';
import { insteadOf, isDeadEnd } from '../../pipeline/rules/texts.ts';
import type { RuleResult } from '../../pipeline/types.ts';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2024-05-25" → "25 May 2024" (the NHS.UK style guide's dates); anything else unchanged. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/u.test(iso) && !Number.isNaN(date.getTime()) ? longDate.format(date) : iso;
}

/** Every ISO date inside a sentence, as formatDate writes it. */
export function formatDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/gu, formatDate);
}

/**
 * The names people use, where ISO 3166's (as the mrz package lists them) are formal or carry "(the)".
 * `D` is Germany's code in its own documents' MRZ; UTO is ICAO 9303's specimen state.
 */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  D: 'Germany',
  GBR: 'United Kingdom',
  GBD: 'United Kingdom (British Overseas Territories)',
  GBN: 'United Kingdom (British National (Overseas))',
  USA: 'United States',
  RUS: 'Russia',
  KOR: 'South Korea',
  PRK: 'North Korea',
  IRN: 'Iran',
  BOL: 'Bolivia',
  VEN: 'Venezuela',
  TZA: 'Tanzania',
  SYR: 'Syria',
  MDA: 'Moldova',
  LAO: 'Laos',
  TWN: 'Taiwan',
  VAT: 'Vatican City',
  FSM: 'Micronesia',
  COD: 'Democratic Republic of the Congo',
  COG: 'Republic of the Congo',
  PSE: 'Palestine',
  EUE: 'European Union',
  UTO: 'Utopia (a specimen document)',
};

/** "CAN" → "Canada"; a code we do not know is shown as it was read. */
export function countryName(code: string): string {
  const known = COUNTRY_NAMES[code] ?? states[code];
  return known ? known.replace(/ \(the\)$/u, '') : code;
}

/** The rule's message as shown: its dates written out. */
export function ruleMessage(rule: RuleResult): string {
  return formatDatesIn(rule.message);
}

/**
 * What to do next, once: each rule that failed or was unsure gives its advice, and the same advice
 * from several rules is said once, in the rules' order. Where the document itself is refused, only
 * what to use instead: the page says once that a new photo will not help, and shows the other ways
 * with a link (deadEnd, components/WayForward.tsx).
 */
export function nextSteps(rules: readonly RuleResult[]): string[] {
  const steps = rules
    .filter((rule) => rule.status !== 'pass' && rule.advice)
    .map((rule) => formatDatesIn(isDeadEnd(rule) ? insteadOf(rule.advice) : rule.advice));
  return [...new Set(steps)];
}

/** Whether a new photo cannot help: a rule refuses the document itself (too long expired, not accepted). */
export function isDeadEndReport(rules: readonly RuleResult[]): boolean {
  return rules.some(isDeadEnd);
}
