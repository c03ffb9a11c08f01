/**
 * `clear-photo`: in focus, no glare, neither too dark nor washed out, big enough for its writing to be
 * read, and the face on the ID clearly seen (no shine or finger over the portrait: portrait.ts).
 * Unsure only when a measure could not be taken. Thresholds: clarity/README.md, portrait/README.md.
 */
import { CLARITY_THRESHOLDS } from '../clarity/measureClarity.ts';
import type { Measures, RuleResult } from '../types.ts';
import type { PhotoEvidence, Rule } from './evidence.ts';
import { portraitProblemOf, type PortraitProblem } from './portrait.ts';
import { RULE_TEXTS } from './texts.ts';

/** What keeps a photo from being clear, in the order the rule checks (and reports) them. */
export type ClarityProblem =
  'unmeasured' | 'no-document' | 'dark' | 'washed-out' | 'glare' | PortraitProblem | 'blurred' | 'small';

/**
 * Each problem's test on the measures, in the order they are checked: the first that holds is the one
 * reported (its words: texts.ts, keyed by the problem). The live camera guidance (framing/) asks the
 * same table, so it tells the person about the problem the result would name. Every row after the
 * first sees all three measures taken.
 */
const CLARITY_PROBLEMS: readonly {
  readonly problem: ClarityProblem;
  readonly holds: (m: Measures, t: typeof CLARITY_THRESHOLDS) => boolean;
}[] = [
  { problem: 'unmeasured', holds: (m) => m.sharpness === null || m.glare === null || m.brightness === null },
  // Without an outline or a code there is no document to call clear (noise, a face, a blank page).
  { problem: 'no-document', holds: (m) => !m.documentSeen },
  { problem: 'dark', holds: (m, t) => m.brightness! < t.minBrightness },
  {
    problem: 'washed-out',
    holds: (m, t) => m.brightness! > t.maxBrightness && (m.darkestPrint ?? 0) > t.minDarkestPrint,
  },
  // Legibility is judged on the print itself where glyphs were found standing in lines. Where none
  // were on a document that is there, its print is a smear: too small when the document's size says
  // so, else blurred.
  {
    problem: 'blurred',
    holds: (m, t) =>
      m.printSharpness === null
        ? m.printHeightPx !== null || !estimatedTooSmall(m, t)
        : m.printSharpness < t.minPrintSharpness ||
          (m.printReblurRatio !== null && m.printReblurRatio < t.minPrintReblurRatio) ||
          isShaken(m, t),
  },
  // The portrait (NHS login: "you can clearly see your face"), where the check looked at it: named
  // before glare anywhere on the ID, as the more exact of the two.
  // With no face found, shine where the face should be counts only where the document shows glare too:
  // a card whose paper is itself white to the sensor's limit is not shone on (clarity/README.md).
  {
    problem: 'glare-over-portrait',
    holds: (m) =>
      portraitProblemOf(m.portrait) === 'glare-over-portrait' &&
      (m.portrait?.judgedOver === 'face' || m.glare! > 0),
  },
  // After blur: a smear spreads grey over the paper, and what stays white stands above it like a
  // wash (the σ 8 px fixtures); print that is sharp but washed out is glare.
  { problem: 'glare', holds: (m, t) => m.glare! > t.maxGlare },
  { problem: 'portrait-covered', holds: (m) => portraitProblemOf(m.portrait) === 'portrait-covered' },
  {
    problem: 'small',
    holds: (m, t) =>
      m.printHeightPx === null
        ? estimatedTooSmall(m, t)
        : m.printHeightPx <
          (m.brightness! < t.dimBrightness ? t.dimLightMinPrintHeightPx : t.minPrintHeightPx),
  },
];

/**
 * Print smeared one way and sharp the other (a shake along the lines): the Laplacian, both ways at once,
 * still finds the sharp way's edges, so the way it is most blurred is judged on its own.
 */
function isShaken(m: Measures, t: typeof CLARITY_THRESHOLDS): boolean {
  const { printReblurLeastWay: least, printReblurBalance: balance } = m;
  return (
    least !== null &&
    least !== undefined &&
    balance !== null &&
    balance !== undefined &&
    least < t.minPrintReblurRatio &&
    balance <= t.maxShakenPrintBalance
  );
}

/** MRZ-sized print, as its glyph height read or the document's size in the photo gives it, is too small. */
function estimatedTooSmall(m: Measures, t: typeof CLARITY_THRESHOLDS): boolean {
  return m.textHeightPx !== null && m.textHeightPx < t.minTextHeightPx;
}

/** Clarity problems that also break a document's borders in the edge map (see fourCorners.ts). */
const BORDER_BREAKING: readonly ClarityProblem[] = ['washed-out', 'glare', 'blurred'];

export function areBordersClear(measures: Measures): boolean {
  const problem = clarityProblemOf(measures);
  return problem === null || !BORDER_BREAKING.includes(problem);
}

/** The first problem that keeps the photo from being clear, or null when it is clear. */
export function clarityProblemOf(measures: Measures): ClarityProblem | null {
  return CLARITY_PROBLEMS.find((row) => row.holds(measures, CLARITY_THRESHOLDS))?.problem ?? null;
}

export function judgeClearPhoto(measures: Measures): RuleResult {
  const evidence = { ...measures, thresholds: CLARITY_THRESHOLDS };
  const problem = clarityProblemOf(measures);
  const reason = problem ?? 'clear';
  const text = RULE_TEXTS['clear-photo'][reason];
  return {
    id: 'clear-photo',
    status:
      problem === null ? 'pass' : problem === 'unmeasured' || problem === 'no-document' ? 'unsure' : 'fail',
    reason,
    message: text.message,
    advice: text.advice,
    evidence,
  };
}

export const CLEAR_PHOTO: Rule<PhotoEvidence> = {
  id: 'clear-photo',
  judge: ({ measures }) => judgeClearPhoto(measures),
};
