/**
 * The OCR engine as the web app has it: one that may still be arriving (issue 13). On a first visit on
 * a slow phone, tesseract's files (its core alone is 1 MB on the wire) took longer to download than
 * everything else a check needs; the checker is ready without them, and a read that needs them waits
 * for them then. The engine loads once, as a memoised promise; a failed load is not kept, so the next
 * read that needs it tries again (the network may be back).
 */
import type { OcrEngine } from './types.ts';

export interface ArrivingOcrEngine extends OcrEngine {
  /** Whether the engine is in: a read now starts at once, without waiting for a download. */
  readonly arrived: () => boolean;
  /** Starts loading it, if it is not loading or in already. */
  readonly fetch: () => Promise<OcrEngine>;
}

/** The engine could not be loaded (a failed download): a read that needed it rejects with this. */
export class OcrEngineUnavailable extends Error {
  constructor(cause: unknown) {
    super('The OCR engine could not be loaded.', { cause });
    this.name = 'OcrEngineUnavailable';
  }
}

export function arrivingOcrEngine(load: () => Promise<OcrEngine>): ArrivingOcrEngine {
  let loading: Promise<OcrEngine> | undefined;
  let arrived: OcrEngine | undefined;
  const fetch = () => {
    loading ??= load().then(
      (engine) => (arrived = engine),
      (error: unknown) => {
        loading = undefined;
        throw new OcrEngineUnavailable(error);
      },
    );
    return loading;
  };
  const engine = async (signal?: AbortSignal) => arrived ?? untilAborted(fetch(), signal);
  return {
    arrived: () => arrived !== undefined,
    fetch,
    readMrz: async (image, signal) => (await engine(signal)).readMrz(image, signal),
    readPrintedText: async (image, signal) => (await engine(signal)).readPrintedText(image, signal),
    loaded: async (reader) => (await engine()).loaded(reader),
    async terminate() {
      const ending = loading;
      loading = undefined;
      arrived = undefined;
      await (await ending?.catch(() => undefined))?.terminate();
    },
  };
}

/** How one check hears about a wait for the engine: when it starts, and when the engine is in. */
export interface ReaderWait {
  readonly signal: AbortSignal;
  readonly waiting: () => void;
  readonly arrived: () => void;
}

/**
 * The engine as one check uses it: a read (or `loaded`, which the reading budget awaits with its clock
 * stopped) that would wait for the engine says so first, and the wait ends as soon as the check is
 * cancelled, so a new photo never waits behind a download its old one needed.
 */
export function reportingReaderWait(ocr: ArrivingOcrEngine, wait: ReaderWait): OcrEngine {
  const arrival = async () => {
    if (ocr.arrived()) return;
    wait.waiting();
    await untilAborted(ocr.fetch(), wait.signal);
    wait.arrived();
  };
  return {
    async readMrz(image, signal) {
      await arrival();
      return ocr.readMrz(image, signal);
    },
    async readPrintedText(image, signal) {
      signal?.throwIfAborted(); // a read that will not be made waits for nothing
      await arrival();
      return ocr.readPrintedText(image, signal);
    },
    async loaded(reader) {
      await arrival();
      await untilAborted(ocr.loaded(reader), wait.signal);
    },
    terminate: () => ocr.terminate(),
  };
}

/** `work`'s result, or `signal`'s reason as soon as it aborts (the work itself goes on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
