/**
 * The measures that come after the document is read (pen over its print, its portrait), taken while
 * an OCR engine reads on its own thread: this thread would only wait for it, so the time is free.
 * Twice: while the MRZ is looked for on the rectified document (bench's clean 12 MP photo: the OCR
 * read on after clarity and medium were done), and, for what is still to take, while the front reader
 * reads a document with no code. Each depends only on the rectified document's pixels, so where the
 * document judged is the one measured here they are the values the check would measure after reading;
 * where it is not (the photo proved to be of people) they go unused, and the check measures again or
 * not at all. A code found in the photo rather than on the rectified document moves or drops the
 * outline: seeDocument stops taking them once the search leaves the rectified document.
 */
import type { Engines } from '../../engines/types.ts';
import { measureHandwriting } from '../clarity/measureHandwriting.ts';
import type { DocumentOutline } from '../outline/findDocumentOutline.ts';
import { lookInZone, type ZoneLook } from '../portrait/findPortrait.ts';
import type { RectifiedDocument } from '../rectify/rectifyDocument.ts';
import type { HandwritingMeasure } from '../types.ts';

export interface MeasuredAhead {
  /** The document measured: the measures hold for it alone. */
  readonly rectified: RectifiedDocument;
  /** measureHandwriting's value for it, where it was taken. */
  readonly handwriting?: HandwritingMeasure | null;
  /** The portrait zone as the document lies, looked at (findPortrait's first look). */
  readonly portrait?: ZoneLook;
}

/**
 * Each measure is taken only while `reading` has not settled, and the events that came meanwhile are
 * heard before each: a read that finished is not kept waiting for a measure it may not need. `taken`,
 * measures of this document taken during an earlier read, are kept and not taken again.
 */
export async function measureWhileReading(
  reading: Promise<unknown>,
  engines: Engines,
  outline: DocumentOutline | null,
  rectified: RectifiedDocument | null,
  taken: MeasuredAhead | null = null,
): Promise<MeasuredAhead | null> {
  let settled = false;
  const heard = () => {
    settled = true;
  };
  reading.then(heard, heard);
  if (!outline || !rectified) return null;
  let ahead: MeasuredAhead = taken?.rectified === rectified ? taken : { rectified };
  const found = () => (ahead.handwriting === undefined && !ahead.portrait ? null : ahead);
  // check.ts measures pen over print only on a document with all four corners in the photo.
  if (ahead.handwriting === undefined && outline.missingCorners.length === 0) {
    await nextTask(reading);
    if (settled) return found();
    const { image, photoPxPerDocPx } = rectified;
    ahead = { ...ahead, handwriting: measureHandwriting(engines.cv, image, photoPxPerDocPx) };
  }
  if (!ahead.portrait && engines.faces) {
    await nextTask(reading);
    if (settled) return found();
    ahead = { ...ahead, portrait: lookInZone(engines.faces, rectified.image, rectified.format) };
  }
  return found();
}

/**
 * Lets the events already queued (an OCR engine's answer) be handled first, or ends at once where
 * `reading` settles first: a timeout of 0 waits 1 ms in Node (4 ms nested in a browser), which a read
 * already over (our own MRZ reader's, settled before the document is warped) waited on every photo
 * (issue 13). `reading` is heard by the caller first, so its flag is set by then.
 */
function nextTask(reading: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 0);
    const settled = () => {
      clearTimeout(timer);
      resolve();
    };
    reading.then(settled, settled);
  });
}
