/**
 * What an MRZ says about its document: kind, issuer, expiry.
 */
import type { DocumentSummary, MrzReading } from '../types.ts';
import { expiryFromYymmdd } from './dates.ts';
import { kindFromDocumentCode, normaliseIssuer } from './documentCodes.ts';
import { MRZ_LAYOUTS } from './formats.ts';

export function documentFromMrz(reading: MrzReading | null): DocumentSummary {
  if (!reading) return { kind: 'unknown', issuer: null, expiry: null, mrz: null, provisional: null };
  const layout = MRZ_LAYOUTS.find((l) => l.format === reading.format)!;
  const code = reading.lines[0]!.slice(0, 2);
  const [issuerLine, issuerStart] = layout.issuer;
  const issuer = normaliseIssuer(reading.lines[issuerLine]!.slice(issuerStart, issuerStart + 3));
  const expiry = layout.expiry && expiryFromYymmdd(textAt(reading, layout.expiry, 6));
  return {
    kind: kindFromDocumentCode(code, reading.format),
    issuer: /^[A-Z]{3}$/u.test(issuer) ? issuer : null,
    expiry,
    mrz: reading.lines,
    provisional: null,
  };
}

/**
 * Whether a check digit that holds guards the expiry: its own (passports, cards, visas), or, on the
 * one-line licence, which has none, the composite that covers it.
 */
export function isExpiryConfirmed(reading: MrzReading): boolean {
  const layout = MRZ_LAYOUTS.find((l) => l.format === reading.format)!;
  if (!layout.expiry) return false;
  // Read for certain, the date stands as printed even where its check digit fails (a misprinted code).
  if (reading.expiryReadForCertain === true) return true;
  const [line, start] = layout.expiry;
  return layout.checks.some(
    (rule, i) =>
      reading.checks[i]?.valid === true &&
      rule.guards.some(([l, s, e]) => l === line && s <= start && start + 6 <= e),
  );
}

const textAt = (reading: MrzReading, [line, start]: readonly [number, number], length: number) =>
  reading.lines[line]!.slice(start, start + length);
