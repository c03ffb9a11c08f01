/**
 * Where the check looks for the MRZ: the rectified document first, then the whole photo.
 */
import type { Engines } from '../../engines/types.ts';
import type { CodeSighting } from '../mrz/codeSighting.ts';
import { plainMrzImage, type MrzImage } from '../mrz/mrzImage.ts';
import { readMrz, type MrzResult } from '../mrz/readMrz.ts';
import type { RgbaImage } from '../types.ts';

/**
 * An MRZ found, with its glyphs' height in photo pixels and whether the rectified document held it
 * (its box is then in the document's pixels, else in the photo's).
 */
export type FoundMrz =
  | (MrzResult<'document'> & { readonly inPhotoPx: number; readonly inRectified: true })
  | (MrzResult<'image'> & { readonly inPhotoPx: number; readonly inRectified: false });

/**
 * In the rectified document (either way up) when there is one; else, or when that finds nothing,
 * in the whole photo, all four ways up. Exported for `npm run eval:mrz`, which compares readers
 * through exactly this search. `onCodeSighting` hears of code lines seen in the whole photo, read or
 * not (mrz/codeSighting.ts); `onLeavingDocument`, that the rectified document held none and the whole
 * photo is searched next.
 */
export async function findMrz(
  engines: Engines,
  image: RgbaImage,
  document: { readonly image: MrzImage<'document'>; readonly photoPxPerDocPx: number } | null,
  signal: AbortSignal | undefined,
  onCodeSighting?: (sighting: CodeSighting<'image'>) => void,
  onLeavingDocument?: () => void,
): Promise<FoundMrz | null> {
  if (document) {
    const found = await readMrz(engines, document.image, {
      minLineShare: 0.55,
      turns: [0, 2],
      fullWidth: true,
      signal,
    });
    if (found)
      return { ...found, inPhotoPx: found.glyphHeightPx * document.photoPxPerDocPx, inRectified: true };
  }
  // All four ways up, outline or not: a photo on its side is as likely as upside down, and an outline
  // that held no code may be something on the document or beside it (its portrait, a box), not the
  // document, whose way up it then does not tell. With only [0, 2] here, turning ../shared/real-photos
  // a quarter turn lost 24 of their 25 codes read (the outline went round a portrait; `npm run eval
  // -- --transform rot90`). A licence front, with no code, costs two more locate passes.
  onLeavingDocument?.();
  const photo = plainMrzImage(engines.cv, image);
  const found = await readMrz(engines, photo, {
    minLineShare: 0.25,
    turns: [0, 2, 1, 3],
    fullWidth: false,
    signal,
    ...(onCodeSighting && { onCodeSighting }),
  });
  if (found || !document) return found && { ...found, inPhotoPx: found.glyphHeightPx, inRectified: false };
  // An outline round more than one page (an open booklet: the data page and the page above it) is
  // rectified with its long side across, which stands the data page's code on end; a whole photo
  // turned a few degrees (its lines then no longer lie along the search's rows) did not find it either.
  // Bounded for the cards and licence fronts that come here with no code: only a band of two or three
  // lines across most of the page is read (a booklet's TD3 code spans ~90% of its pages' width; a
  // front on end had two-line bands at 55-70%, four reads for nothing), once unless it is a code.
  const sideways = await readMrz(engines, document.image, {
    minLineShare: 0.8,
    turns: [1, 3],
    fullWidth: false,
    minLines: 2,
    signal,
  });
  return (
    sideways && {
      ...sideways,
      inPhotoPx: sideways.glyphHeightPx * document.photoPxPerDocPx,
      inRectified: true,
    }
  );
}
