/**
 * Engines whose tesseract MRZ reads are counted, for the eval and bench: a code our own reader settles
 * (src/pipeline/mrz/settleByOutlines.ts) is read with none.
 */
import type { Engines } from '../src/engines/types.ts';

export function countingMrzReads(engines: Engines): { engines: Engines; count: { reads: number } } {
  const { ocr } = engines;
  const count = { reads: 0 };
  return {
    count,
    engines: {
      ...engines,
      ocr: {
        readMrz: (image, signal) => {
          count.reads++;
          return ocr.readMrz(image, signal);
        },
        readPrintedText: (image, signal) => ocr.readPrintedText(image, signal),
        loaded: (reader) => ocr.loaded(reader),
        terminate: () => ocr.terminate(),
      },
    },
  };
}
