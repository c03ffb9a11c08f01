/**
 * The time a check may spend reading one photo (issue 13): OCR over text that is no document's (a
 * magazine page, glare, a sideways page) can take tesseract a minute, and such a read cannot change a
 * verdict in time to matter. The budget is a deadline, an AbortSignal that the OCR engine obeys
 * mid-read; what was not read by then is reported unread, so the rules that need it say unsure, and
 * every rule is still reported. The clock stops while a reader's worker loads (the first use of the
 * printed-text model, or a worker put in place of one the deadline ended): loading is no photo's.
 */
import type { Engines, OcrEngine } from '../../engines/types.ts';

/**
 * Issue 13 asks for at most 2 s per photo in Node; the budget must first never cut a document's own
 * reading, which a verdict rests on. In Node the budget is CPU time (see startReadingBudget), which
 * counts the OCR worker's thread and the check's together, so it runs faster than the wall clock. A
 * clean passport's reading is done within about 0.3 s. A UK licence costs most: the MRZ search finds
 * no code (about 1 s on a cold process, the first photo paying for V8's compiling), then its front is
 * read and a disagreeing driver number read again (0.3-0.5 s): 1.4-1.6 s of wall time and more of CPU,
 * which a 1.5 s budget cut, turning a clean licence checked alone by the CLI into unsure on every
 * rule. 5 s of CPU leaves every document on ../shared and the fixtures whole, and still stops the
 * minute-long reads of magazine pages under glare. In the browser (wall time) the same reading takes
 * about 1.6× as long, and a phone is taken to be 4× slower than this machine, as issue 13's throttled
 * first visit has it.
 */
export const READING_BUDGET_MS = { node: 5000, browser: 12000 } as const;

/** A deadline whose clock can be stopped. */
export interface ReadingDeadline {
  /** Aborts, with a TimeoutError, when the budget is spent. */
  readonly signal: AbortSignal;
  /** Stops the clock for as long as `waiting` takes. */
  paused<T>(waiting: Promise<T>): Promise<T>;
  /** Ends the clock (the check is done). */
  stop(): void;
}

/** How often the budget's clock is looked at, in wall ms. */
const LOOK_EVERY_MS = 20;

/**
 * The deadline, or none when the check has no budget. `clock` gives the ms the budget is counted in:
 * wall time by default; in Node the process's CPU time (all its threads: the OCR workers are threads
 * of it), so that a machine busy with other work does not cut a reading this check would finish.
 */
export function startReadingBudget(
  budgetMs: number | undefined,
  clock: () => number = () => performance.now(),
): ReadingDeadline | undefined {
  if (budgetMs === undefined) return undefined;
  const controller = new AbortController();
  let usedMs = 0;
  let since: number | undefined = clock();
  const used = () => usedMs + (since === undefined ? 0 : clock() - since);
  const look = () => {
    if (used() < budgetMs) return;
    stop();
    controller.abort(new DOMException('The reading budget is spent.', 'TimeoutError'));
  };
  const timer = setInterval(look, LOOK_EVERY_MS);
  const stop = () => clearInterval(timer);
  look();
  return {
    signal: controller.signal,
    async paused(waiting) {
      if (since !== undefined) usedMs += clock() - since;
      since = undefined;
      try {
        return await waiting;
      } finally {
        since = clock();
      }
    },
    stop,
  };
}

/** The engines with every OCR read held to the deadline, the clock stopped while a worker loads. */
export function budgetedEngines(engines: Engines, deadline: ReadingDeadline | undefined): Engines {
  if (!deadline) return engines;
  const { ocr } = engines;
  const budgeted: OcrEngine = {
    async readMrz(image) {
      await deadline.paused(ocr.loaded('mrz'));
      return ocr.readMrz(image, deadline.signal);
    },
    async readPrintedText(image) {
      // A read the deadline refuses loads no model for itself.
      deadline.signal.throwIfAborted();
      await deadline.paused(ocr.loaded('printed-text'));
      return ocr.readPrintedText(image, deadline.signal);
    },
    loaded: (reader) => ocr.loaded(reader),
    terminate: () => ocr.terminate(),
  };
  return { ...engines, ocr: budgeted };
}

/** What `reading` found, or null when the deadline cut it short; any other failure is thrown on. */
export async function readWithin<T>(
  reading: Promise<T>,
  deadline: ReadingDeadline | undefined,
): Promise<T | null> {
  try {
    return await reading;
  } catch (error) {
    if (deadline?.signal.aborted && error === deadline.signal.reason) return null;
    throw error;
  }
}

/** Whether the deadline has passed. */
export const isBudgetSpent = (deadline: ReadingDeadline | undefined): boolean =>
  deadline?.signal.aborted === true;
