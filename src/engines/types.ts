/**
 * The heavy engines the pipeline needs, loaded once per process or worker by an environment-specific
 * loader (engines/node.ts for the CLI and tests, engines/browser.ts for the Web Worker) and passed in.
 * The pipeline itself never loads anything.
 */
import type cvModule from '@techstark/opencv-js';
import type { FaceDetector } from '../pipeline/face/types.ts';
import type { GreyImage } from '../pipeline/image.ts';
import type { RgbaImage } from '../pipeline/types.ts';

export type OpenCv = typeof cvModule;

/** One character as the OCR engine found it, in the pixels of the image that was recognised. */
export interface OcrGlyph {
  readonly char: string;
  /** Tesseract's confidence, 0..100. */
  readonly confidence: number;
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

export interface OcrLine {
  readonly text: string;
  /** The line's characters, spaces left out. */
  readonly glyphs: readonly OcrGlyph[];
  /** Tesseract's confidence, 0..100. */
  readonly confidence: number;
  /** In the pixels of the image that was recognised. */
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/**
 * `signal`, when given, cancels a read: it rejects with the signal's reason at once, and the engine
 * ends the read's worker and puts another in its place (tesseract cannot stop inside a page).
 */
export interface OcrEngine {
  /** Reads machine-readable-zone text: the 37 MRZ characters only, one block of lines. */
  readMrz(image: RgbaImage | GreyImage, signal?: AbortSignal): Promise<readonly OcrLine[]>;
  /** Reads printed text (a licence's fields), with the general English model, loaded on first use. */
  readPrintedText(image: RgbaImage | GreyImage, signal?: AbortSignal): Promise<readonly OcrLine[]>;
  /** Settles when the reader's worker is loaded (starting the printed-text model's load if need be). */
  loaded(reader: 'mrz' | 'printed-text'): Promise<void>;
  terminate(): Promise<void>;
}

/**
 * Reads digits written by hand (the rehearsal's `numbers-shown`): the printed-text model, held to the
 * 10 digits, one line. Loaded only when the rehearsal needs it.
 */
export interface DigitReader {
  readDigits(image: GreyImage): Promise<readonly OcrLine[]>;
  terminate(): Promise<void>;
}

export interface Engines {
  readonly cv: OpenCv;
  readonly ocr: OcrEngine;
  /**
   * The face detector, for the portrait on the document (portrait/). Left out, or when its model could
   * not be loaded, the portrait is not looked for and nothing is judged on it.
   */
  readonly faces?: FaceDetector;
}
