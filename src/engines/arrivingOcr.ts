/**
 * The OCR engine as the web app has it: one that may still be arriving (issue 13). On a first visit on
 * a slow phone, tesseract's files (its core alone is 1 MB on the wire) took longer to download than
 * everything else a check needs; the checker is ready without them, and a read that needs them waits
 * for them then. The printed-text model (3 MB) comes after the engine, before the first read of
 * printed text. Each loads once, as a memoised promise; a failed load is not kept, so the next read
 * that needs it tries again (the network may be back).
 */
import type { OcrEngine } from './types.ts';

export type OcrReader = Parameters<OcrEngine['loaded']>[0];

export interface ArrivingOcrEngine extends OcrEngine {
  /** Whether `reader`'s files are in: a read now starts without waiting for a download. */
  readonly arrived: (reader: OcrReader) => boolean;
  /** Starts loading what `reader` needs, if it is not loading or in already; settles when it is in. */
  readonly fetch: (reader: OcrReader) => Promise<void>;
}

/** The engine could not be loaded (a failed download): a read that needed it rejects with this. */
export class OcrEngineUnavailable extends Error {
  constructor(cause: unknown) {
    super('The OCR engine could not be loaded.', { cause });
    this.name = 'OcrEngineUnavailable';
  }
}

/** A load made once; a failed one is forgotten, so that the next `get` tries again. */
function memoisedLoad<T>(load: () => Promise<T>) {
  let loading: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get: () =>
      (loading ??= load().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error instanceof OcrEngineUnavailable ? error : new OcrEngineUnavailable(error);
        },
      )),
    value: () => value,
    forget: () => {
      const was = loading;
      loading = value = undefined;
      return was;
    },
  };
}

/**
 * `load` brings the engine (its MRZ reader started); `loadTextModel`, called once the engine is in,
 * brings the printed-text model's file near (the engine reads it itself when it starts that reader).
 */
export function arrivingOcrEngine(
  load: () => Promise<OcrEngine>,
  loadTextModel: () => Promise<void> = async () => {},
): ArrivingOcrEngine {
  const engine = memoisedLoad(load);
  const textModel = memoisedLoad(async () => {
    await engine.get();
    await loadTextModel();
    return true;
  });
  const ready = async (reader: OcrReader, signal?: AbortSignal) => {
    if (reader === 'printed-text' && !textModel.value()) await untilAborted(textModel.get(), signal);
    return engine.value() ?? untilAborted(engine.get(), signal);
  };
  return {
    arrived: (reader) => (reader === 'mrz' ? engine.value() : textModel.value()) !== undefined,
    fetch: async (reader) => void (await ready(reader)),
    readMrz: async (image, signal) => (await ready('mrz', signal)).readMrz(image, signal),
    async readPrintedText(image, signal) {
      signal?.throwIfAborted(); // before a download for a read that will not be made
      return (await ready('printed-text', signal)).readPrintedText(image, signal);
    },
    loaded: async (reader) => (await ready(reader)).loaded(reader),
    async terminate() {
      textModel.forget();
      await (await engine.forget()?.catch(() => undefined))?.terminate();
    },
  };
}

/** How one check hears about a wait for the engine: when it starts, and when the files are in. */
export interface ReaderWait {
  readonly signal: AbortSignal;
  readonly waiting: () => void;
  readonly arrived: () => void;
}

/**
 * The engine as one check uses it: a read (or `loaded`, which the reading budget awaits with its clock
 * stopped) that would wait for a download says so first, and the wait ends as soon as the check is
 * cancelled, so a new photo never waits behind a download its old one needed.
 */
export function reportingReaderWait(ocr: ArrivingOcrEngine, wait: ReaderWait): OcrEngine {
  const arrival = async (reader: OcrReader) => {
    if (ocr.arrived(reader)) return;
    wait.waiting();
    await untilAborted(ocr.fetch(reader), wait.signal);
    wait.arrived();
  };
  return {
    async readMrz(image, signal) {
      await arrival('mrz');
      return ocr.readMrz(image, signal);
    },
    async readPrintedText(image, signal) {
      signal?.throwIfAborted(); // a read that will not be made waits for nothing
      await arrival('printed-text');
      return ocr.readPrintedText(image, signal);
    },
    async loaded(reader) {
      await arrival(reader);
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
