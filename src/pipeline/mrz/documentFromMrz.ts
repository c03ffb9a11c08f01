/**
 * What an MRZ says about its document: kind, issuer, expiry.
 */
import { kindFromDocumentCode, normaliseIssuer } from '../rules/acceptedDocuments.ts';
import type { DocumentSummary, IsoDate, MrzReading } from '../types.ts';
import { MRZ_LAYOUTS } from './formats.ts';

export function documentFromMrz(reading: MrzReading | null): DocumentSummary {
  if (!reading) return { kind: 'unknown', issuer: null, expiry: null, mrz: null, provisional: null };
  const layout = MRZ_LAYOUTS.find((l) => l.format === reading.format)!;
  const code = reading.lines[0]!.slice(0, 2);
  const [issuerLine, issuerStart] = layout.issuer;
  const issuer = normaliseIssuer(reading.lines[issuerLine]!.slice(issuerStart, issuerStart + 3));
  const [expiryLine, expiryStart] = layout.expiry;
  const expiry = expiryFromYymmdd(reading.lines[expiryLine]!.slice(expiryStart, expiryStart + 6));
  return {
    kind: kindFromDocumentCode(code, reading.format),
    issuer: /^[A-Z]{3}$/u.test(issuer) ? issuer : null,
    expiry,
    mrz: reading.lines,
    provisional: null,
  };
}

/**
 * MRZ dates have two-digit years. Expiry dates lie within a few decades of now: years up to 60 are
 * taken as 20xx, later ones as 19xx ('12' is 2012, '96' is 1996, the ICAO MRV example).
 */
export function expiryFromYymmdd(yymmdd: string): IsoDate | null {
  const match = /^(\d\d)(\d\d)(\d\d)$/u.exec(yymmdd);
  if (!match) return null;
  const [, yy, mm, dd] = match as unknown as [string, string, string, string];
  const year = Number(yy) <= 60 ? 2000 + Number(yy) : 1900 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${mm}-${dd}`;
}
