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
 * Issue 13's target is at most 2 s per photo in Node, decoding included; finding the outline, the
 * clarity, the face and the rules take up to about 0.4 s of that on this project's 2-core machine.
 * In Node the budget is CPU time (see startReadingBudget), which on an idle machine runs about as
 * fast as the wall clock while the OCR worker reads and the check waits for it. A clean photo's
 * reading is done within about 0.3 s of the check's start; the slowest readings of real documents on
 * ../shared (an MRZ found only on its third scale, a licence read both ways up) within about 1 s. In
 * the browser (wall time) the same reading takes about 1.6× as long (0.4 s against 0.25 s for a
 * clean 12 MP photo), and a phone is taken to be 4× slower than this machine, as issue 13's throttled
 * first visit has it: the Web Worker's budget is 4 times Node's.
 */
export const READING_BUDGET_MS = { node: 1500, browser: 6000 } as const;

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
