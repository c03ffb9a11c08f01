/**
 * The whole check of one photo, in three steps: see the document (outline, rectify, clarity, MRZ),
 * read it (its MRZ or its printed front), and judge it by every rule in the registry. Pure over
 * pixels and the engines passed in, so the Web Worker, the CLI and the tests run exactly this.
 */
import type { Engines } from '../engines/types.ts';
import { measureHandwriting } from './clarity/measureHandwriting.ts';
import type { DocumentOutline } from './outline/findDocumentOutline.ts';
import { areBordersClear } from './rules/clearPhoto.ts';
import { cornersOf, measuresOf } from './rules/measures.ts';
import { judgeRules, RULES, verdictOf } from './rules/registry.ts';
import { lookForPeopleInstead } from './steps/lookForPeople.ts';
import { lookForPortrait } from './steps/lookForPortrait.ts';
import { measureWhileReading } from './steps/measureAhead.ts';
import { readDocument, readsFront } from './steps/readDocument.ts';
import { budgetedEngines, isBudgetSpent, startReadingBudget } from './steps/readingBudget.ts';
import { seeDocument, type SeenDocument } from './steps/seeDocument.ts';
import { startStageClock } from './steps/stageClock.ts';
import type { CheckOptions, CheckReport, CornerName, Measures, PendingPhoto } from './types.ts';

export async function checkDocument(
  photo: PendingPhoto,
  engines: Engines,
  options: CheckOptions,
): Promise<CheckReport> {
  const clock = startStageClock();
  const deadline = startReadingBudget(options.readingBudgetMs, options.readingClock);
  const budgeted = budgetedEngines(engines, deadline);
  let seen, reading;
  try {
    seen = await seeDocument(photo, budgeted, options, clock, deadline);
    const read = readDocument(seen, budgeted, options, clock, deadline);
    // The front reader's OCR is the longest wait of all: the measures not taken yet are taken meanwhile.
    if (readsFront(seen))
      seen = {
        ...seen,
        ahead: await measureWhileReading(read, engines, seen.outline, seen.rectified, seen.ahead),
      };
    reading = await read;
  } finally {
    deadline?.stop();
  }
  const readingCut = isBudgetSpent(deadline);
  // The front reader is the longest step: a photo replaced while it ran is not judged.
  options.signal?.throwIfAborted();

  const people = lookForPeopleInstead(seen, reading, engines);
  // A photo of people shows no document: what its outline went round is not one.
  const document = people?.photoOfPeople ? { ...seen, outline: null, rectified: null } : seen;
  const portrait = lookForPortrait(document, engines);
  clock.lap('portrait');
  const handwriting = lookForHandwriting(document, engines);
  clock.lap('handwriting');

  options.onProgress?.('rules');
  const { image, outline, rectified, clarity, mrz } = document;
  const measures = {
    ...measuresOf(image, outline, rectified?.format ?? null, clarity, mrz),
    ...(portrait ? { portrait } : {}),
    ...(handwriting ? { handwriting } : {}),
  };
  const rules = judgeRules(RULES, {
    corners: cornersOf(outline),
    measures,
    today: options.today,
    medium: seen.medium,
    people,
    ...reading,
  });
  clock.lap('rules');
  return {
    verdict: verdictOf(rules),
    rules,
    document: reading.document,
    outline: outline?.quad ?? null,
    missingCorners: missingCornersOf(outline, measures),
    mrzReading: reading.mrz,
    side: reading.side,
    measures,
    timingsMs: clock.done(),
    ...(readingCut ? { readingCut } : {}),
    ...(seen.reading.skip ? { notRead: seen.reading.skip } : {}),
  };
}

/** Corners off the photo, and covered ones where four-corners claims cover (borders clear). */
function missingCornersOf(outline: DocumentOutline | null, measures: Measures): CornerName[] {
  const covered = areBordersClear(measures) ? (outline?.coveredCorners ?? []) : [];
  return [...new Set([...(outline?.missingCorners ?? []), ...covered])];
}

/**
 * Pen written over the print, on a rectified document with all four corners in the photo (a corner
 * cut off leaves the photo's edge, not the document, in the rectified image).
 */
function lookForHandwriting({ outline, rectified, ahead }: SeenDocument, engines: Engines) {
  if (!outline || outline.missingCorners.length > 0 || !rectified) return null;
  // Taken while the MRZ was read, of this same document (steps/measureAhead.ts).
  if (ahead?.rectified === rectified && ahead.handwriting !== undefined) return ahead.handwriting;
  return measureHandwriting(engines.cv, rectified.image, rectified.photoPxPerDocPx);
}
