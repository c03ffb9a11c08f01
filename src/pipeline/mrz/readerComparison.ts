/**
 * Diagnostics only (`npm run eval -- --compare-mrz-readers`): with a listener set, a band our own
 * reader settled (settleByOutlines.ts) is read by tesseract as well, as it would have been without
 * it, and both readings are told to the listener; the own reading is still the one used, so verdicts
 * are those of a plain run. No listener is set in the app or the CLI.
 */
export interface ReaderComparison {
  /** The lines as our own reader settled them. */
  readonly own: readonly string[];
  /** What tesseract and repair read on the same crop (null: no MRZ). */
  readonly tesseract: readonly string[] | null;
  /** Whether tesseract's reading was wholly consistent (it would have ended the search there). */
  readonly tesseractConsistent: boolean;
}

let listener: ((comparison: ReaderComparison) => void) | undefined;

export function listenForReaderComparisons(
  listen: ((comparison: ReaderComparison) => void) | undefined,
): void {
  listener = listen;
}

export const readerComparisonListener = () => listener;
