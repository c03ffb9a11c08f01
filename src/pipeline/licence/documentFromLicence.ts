/**
 * What a licence's printed fields say about the document.
 */
import type { DocumentSummary } from '../types.ts';
import type { LicenceReading } from './readLicence.ts';

export function documentFromLicence(licence: LicenceReading): DocumentSummary {
  return {
    kind: licence.kind,
    issuer: licence.issuer,
    expiry: licence.expiry,
    mrz: null,
    provisional: licence.provisional,
  };
}
