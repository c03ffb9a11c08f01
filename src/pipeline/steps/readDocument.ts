/**
 * The check's second step, reading the document: its MRZ (found while seeing it), else its printed
 * front (a driving licence's fields, or a card's front); and on a licence with a one-line MRZ, the
 * sign in its flag, for the rules to cross-check against the MRZ's issuer.
 */
import type { Engines } from '../../engines/types.ts';
import { documentFromFront, isFrontExpiryTrusted } from '../front/documentFromFront.ts';
import { readDistinguishingSign } from '../front/readDistinguishingSign.ts';
import { readDocumentFront, turnHalf } from '../front/readDocumentFront.ts';
import { documentFromMrz, isExpiryConfirmed } from '../mrz/documentFromMrz.ts';
import type { CheckEvidence } from '../rules/evidence.ts';
import type { CardSide, CheckOptions, DistinguishingSign, DocumentKind, FrontReading } from '../types.ts';
import type { SeenDocument } from './seeDocument.ts';
import { readWithin, type ReadingDeadline } from './readingBudget.ts';
import type { StageClock } from './stageClock.ts';

/** What was read, as the rules take it. */
export type DocumentReading = Pick<
  CheckEvidence,
  'document' | 'expiryConfirmed' | 'mrz' | 'front' | 'sign' | 'side'
>;

/** Cards whose code is on the back: ID cards and residence cards in ICAO 9303 part 5's TD1 size. */
const CARDS_WITH_CODE_ON_BACK: ReadonlySet<DocumentKind> = new Set(['id-card', 'residence-permit']);

export async function readDocument(
  seen: SeenDocument,
  engines: Engines,
  options: CheckOptions,
  clock: StageClock,
  deadline?: ReadingDeadline,
): Promise<DocumentReading> {
  const { mrz, rectified } = seen;
  // A document with no MRZ on this side: a driving licence's printed fields, or a card's front; not
  // where seeing it showed nothing could be read (decideReading.ts).
  let front: FrontReading | null = null;
  if (!mrz && rectified && !seen.reading.skip) {
    options.onProgress?.('licence');
    const share = seen.outline?.areaShare ?? 1;
    front = await readWithin(readDocumentFront(engines, rectified.image, seen.image, share), deadline);
    clock.lap('licence');
  }
  // A licence with a one-line MRZ also shows its issuer in its flag: read it to cross-check the MRZ.
  const mrzDocument = documentFromMrz(mrz?.reading ?? null);
  let sign: DistinguishingSign | null = null;
  if (mrz?.inRectified && rectified && mrzDocument.kind === 'eu-driving-licence') {
    const upright = mrz.quarterTurns === 2 ? turnHalf(rectified.image) : rectified.image;
    sign = await readWithin(readDistinguishingSign(engines, upright), deadline);
    clock.lap('licence');
  }
  const side: CardSide | null =
    front?.kind === 'card-front'
      ? 'front'
      : mrz?.reading.format === 'TD1' && CARDS_WITH_CODE_ON_BACK.has(mrzDocument.kind)
        ? 'back'
        : null;
  return {
    side,
    document: front ? documentFromFront(front) : mrzDocument,
    expiryConfirmed: mrz ? isExpiryConfirmed(mrz.reading) : front !== null && isFrontExpiryTrusted(front),
    mrz: mrz?.reading ?? null,
    front,
    sign,
  };
}
