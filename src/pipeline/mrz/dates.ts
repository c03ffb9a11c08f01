/**
 * MRZ dates.
 */
import type { IsoDate } from '../types.ts';

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
