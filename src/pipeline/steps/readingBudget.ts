/**
 * The time a check may spend reading one photo (issue 13): OCR over text that is no document's (a
 * magazine page, glare, a sideways page) can take tesseract a minute, and such a read cannot change a
 * verdict in time to matter. The budget is a deadline from the check's start, an AbortSignal that the
 * OCR engine obeys mid-read; what was not read by then is reported unread, so the rules that need it
 * say unsure, and every rule is still reported.
 */
import type { Engines } from '../../engines/types.ts';

/**
 * Issue 13's target is at most 2 s per photo in Node, decoding included; finding the outline, the
 * clarity, the face and the rules take up to about 0.4 s of that on this project's 2-core machine.
 * A clean photo's reading is done within about 0.3 s of the check's start; the slowest readings of
 * real documents on ../shared (an MRZ found only on its third scale, a licence read both ways up)
 * within about 1 s. In the browser the same reading takes about 1.6× as long (0.4 s against 0.25 s
 * for a clean 12 MP photo), and a phone is taken to be 4× slower than this machine, as issue 13's
 * throttled first visit has it: the Web Worker's budget is 4 times Node's.
 */
export const READING_BUDGET_MS = { node: 1500, browser: 6000 } as const;

/** The deadline, or none when the check has no budget. */
export function startReadingBudget(budgetMs: number | undefined): AbortSignal | undefined {
  return budgetMs === undefined ? undefined : AbortSignal.timeout(Math.max(0, budgetMs));
}

/** The engines with every OCR read held to the deadline. */
export function budgetedEngines(engines: Engines, deadline: AbortSignal | undefined): Engines {
  if (!deadline) return engines;
  const { ocr } = engines;
  return {
    ...engines,
    ocr: {
      readMrz: (image) => ocr.readMrz(image, deadline),
      readPrintedText: (image) => ocr.readPrintedText(image, deadline),
      terminate: () => ocr.terminate(),
    },
  };
}

/** What `reading` found, or null when the deadline cut it short; any other failure is thrown on. */
export async function readWithin<T>(
  reading: Promise<T>,
  deadline: AbortSignal | undefined,
): Promise<T | null> {
  try {
    return await reading;
  } catch (error) {
    if (deadline?.aborted && error === deadline.reason) return null;
    throw error;
  }
}

/** Whether the deadline has passed. */
export const isBudgetSpent = (deadline: AbortSignal | undefined): boolean => deadline?.aborted === true;
