/**
 * The rehearsal's digit reader inside its Web Worker: tesseract.js in a worker of its own, with the
 * photo check's core and printed-text model from the app's own origin (browserAssets.ts), so a browser
 * that has checked a licence, or keeps the offline copy, has them already. Loaded only when a person
 * chooses to write their numbers; once per worker.
 */
import { detectWasmLevel, TESSERACT_CORES, TESSERACT_WORKER, TEXT_MODEL } from './browserAssets.ts';
import type { DigitReader } from './types.ts';

let loading: Promise<DigitReader> | undefined;

/** `base` is the app's base URL resolved against the worker's location. */
export function loadBrowserDigitReader(base: URL): Promise<DigitReader> {
  const at = (path: string) => new URL(path, base).href;
  // tesseract.js's own code too comes only now, in a chunk of its own: most people say their numbers.
  loading ??= import('./tesseract.ts').then(({ createTesseractDigitReader }) =>
    createTesseractDigitReader({
      workerPath: at(TESSERACT_WORKER.path),
      corePath: at(TESSERACT_CORES[detectWasmLevel()].script.path),
      textLangPath: at(TEXT_MODEL.folder),
    }),
  );
  // A failed load is not kept: the next reading tries again (the network may be back).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
