/**
 * After the document is read, when nothing on it said what it is (no MRZ, no title): whether the photo
 * is of people instead (portrait/lookForPeople.ts). Such a photo has no document to judge: its outline
 * went round something in the scene.
 */
import type { Engines } from '../../engines/types.ts';
import { lookForPeople, type PeopleMeasure } from '../portrait/lookForPeople.ts';
import type { DocumentReading } from './readDocument.ts';
import type { SeenDocument } from './seeDocument.ts';

/** Null where the document was read (an MRZ, a kind) or no face detector was loaded. */
export function lookForPeopleInstead(
  seen: SeenDocument,
  reading: DocumentReading,
  engines: Engines,
): PeopleMeasure | null {
  if (reading.mrz || reading.document.kind !== 'unknown' || !engines.faces) return null;
  // Taken already, on the same photo and outline, where seeing it decided whether to read it.
  return (
    seen.reading.people ?? lookForPeople(engines.cv, engines.faces, seen.image, seen.outline?.quad ?? null)
  );
}
