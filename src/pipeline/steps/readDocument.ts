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
import { printRunsDown } from '../clarity/measurePrint.ts';
import { turnQuarters, withMats } from '../cv.ts';
import { quadSideLengths } from '../geometry.ts';
import { toGreyscale } from '../image.ts';
import { RECTIFIED_WIDTH_PX } from '../rectify/rectifyDocument.ts';
import { shrinkRgbaToFit } from '../resizeArea.ts';
import type {
  CardSide,
  CheckOptions,
  DistinguishingSign,
  DocumentKind,
  FrontReading,
  ImagePoint,
  Quad,
  RgbaImage,
} from '../types.ts';
import type { SeenDocument } from './seeDocument.ts';
import { readWithin, type ReadingDeadline } from './readingBudget.ts';
import type { StageClock } from './stageClock.ts';

/** What was read, as the rules take it. */
export type DocumentReading = Pick<
  CheckEvidence,
  'document' | 'expiryConfirmed' | 'mrz' | 'front' | 'sign' | 'side'
>;

/**
 * Whether the front reader will read the document: no MRZ on this side, and not where seeing it
 * showed nothing could be read (decideReading.ts). Where an outline was found but not rectified (the
 * code seen in the photo put the document's corners off it, or its edges unseen), a code's side was
 * photographed: no front to read.
 */
export function readsFront(seen: SeenDocument): boolean {
  return !seen.mrz && !seen.reading.skip && (seen.rectified !== null || !seen.outline);
}

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
  // A document with no MRZ on this side: a driving licence's printed fields, or a card's front.
  let front: FrontReading | null = null;
  if (readsFront(seen)) {
    options.onProgress?.('licence');
    const share = seen.outline?.areaShare ?? 1;
    const { document, photo } = rectified
      ? { document: rectified.image, photo: seen.image }
      : photoAsDocument(engines, seen.image);
    const onItsSide = seen.outline !== null && isQuadOnItsSide(seen.outline.quad);
    front = await readWithin(readDocumentFront(engines, document, photo, share, onItsSide), deadline);
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

/**
 * Whether a quad's long side runs down the photo by at least SIDEWAYS_ASPECT: an ID-1 card (1.59 to 1)
 * and a passport's data page (1.42 to 1) are landscape, so an outline so shaped went round one on its
 * side (or round a part of one: only a hint, for one more read where the upright ones named nothing).
 */
function isQuadOnItsSide(quad: Quad<ImagePoint>): boolean {
  const { horizontal, vertical } = quadSideLengths(quad);
  return vertical >= SIDEWAYS_ASPECT * horizontal;
}

/** Under a passport page's 1.42, over a square's 1: a tilted card's outline stays clear of it. */
const SIDEWAYS_ASPECT = 1.25;

/**
 * Where no outline was found, the photo stands in for the document, as it does for clarity (a tight
 * crop, a scan, a page filling the frame): read at most as wide as a passport page is rectified. Read
 * only where an outline was found, a magazine page under glare whose outline the search found upright
 * (mapo80's glare-313) was read as a page of text, and turned a quarter, a half, three quarters, halved
 * or re-encoded, found none, read nothing and was "could not tell" (`npm run eval -- --transform`).
 * A photo whose print runs down it (clarity/measurePrint.ts) is read turned a quarter, as a rectified
 * document is read with its long side across. The whole photo is given for a second look only where
 * it is larger than what was read.
 */
function photoAsDocument(
  engines: Engines,
  image: RgbaImage,
): { readonly document: RgbaImage; readonly photo: RgbaImage | null } {
  const { cv } = engines;
  const shrunk = shrinkRgbaToFit(cv, image, RECTIFIED_WIDTH_PX['passport-page']);
  const sideways = withMats(cv, (scope) => printRunsDown(scope, toGreyscale(shrunk)));
  return {
    document: sideways ? turnQuarters(cv, shrunk, 1) : shrunk,
    photo: shrunk === image ? null : image,
  };
}
