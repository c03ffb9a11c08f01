/**
 * The OCR engine over tesseract.js, for any environment: the caller says where the worker script,
 * the WASM core and the model files are (paths in Node, same-origin URLs in the browser), so
 * tesseract.js never reaches for its CDN defaults.
 */
import { createWorker, OEM, PSM, type ImageLike, type RecognizeResult, type Worker } from 'tesseract.js';
import { byteHistogram, toGreyscale, type GreyImage } from '../pipeline/image.ts';
import { MRZ_ALPHABET, type RgbaImage } from '../pipeline/types.ts';
import type { DigitReader, OcrEngine, OcrLine } from './types.ts';

export interface TesseractLocations {
  /** tesseract.js's worker script (in Node, ours that wraps it: tesseractNodeWorker.cjs). */
  readonly workerPath?: string;
  /** URL of the tesseract.js-core script to load. undefined in Node. */
  readonly corePath?: string;
  /** Folder (or URL) holding `<mrzLanguage>.traineddata[.gz]`. */
  readonly mrzLangPath: string;
  readonly mrzLanguage: string;
  readonly mrzGzip: boolean;
  /**
   * The engine the MRZ model is for: 'legacy' (oem 0; our model and stock legacy English, the
   * default) or 'lstm' (oem 1; stock LSTM English, which `npm run eval:mrz` compares against).
   */
  readonly mrzEngine?: 'legacy' | 'lstm';
  /** Folder (or URL) holding the printed-text `eng.traineddata.gz` (LSTM). */
  readonly textLangPath: string;
  /** Node: a folder for tesseract's cache; browser: undefined (no cache: the service worker caches). */
  readonly cachePath?: string;
}

/**
 * Tesseract's own messages ("Detected 25 diacritics", "Estimating resolution as 312") go to its debug
 * file, which is stderr unless named: named /dev/null (in the WebAssembly core's own file system), they
 * stop filling the CLI's stderr and the browser's console while a photo is checked normally. Leptonica
 * writes to stderr directly: see tesseractNodeWorker.cjs for Node.
 */
const QUIET = { debug_file: '/dev/null' } as const;

/** Parameters set when a worker starts, as the config file text tesseract reads (its typings name only the dawgs). */
const configFile = (parameters: Readonly<Record<string, string>>) =>
  Object.entries(parameters)
    .map(([name, value]) => `${name} ${value}`)
    .join('\n');

export async function createTesseractEngine(where: TesseractLocations): Promise<OcrEngine> {
  const common = {
    // From its own URL, not tesseract.js's default blob: URL: the core finds its .wasm beside the
    // worker's script (see TESSERACT_CORES in browserAssets.ts), and the page needs no blob: workers.
    ...(where.workerPath === undefined ? {} : { workerPath: where.workerPath, workerBlobURL: false }),
    ...(where.corePath === undefined ? {} : { corePath: where.corePath }),
    ...(where.cachePath === undefined
      ? { cacheMethod: 'none' }
      : { cachePath: where.cachePath, cacheMethod: 'none' }),
  };
  const legacy = where.mrzEngine !== 'lstm';
  const startMrzWorker = async () => {
    const worker = await createWorker(
      where.mrzLanguage,
      legacy ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY,
      { ...common, langPath: where.mrzLangPath, gzip: where.mrzGzip, legacyCore: legacy, legacyLang: legacy },
      // MRZ lines are not words of a language: a dictionary only pulls them towards English.
      configFile({ load_system_dawg: '0', load_freq_dawg: '0', ...QUIET }),
    );
    await worker.setParameters({
      tessedit_char_whitelist: MRZ_ALPHABET,
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    });
    return worker;
  };
  let mrzWorker = startMrzWorker();
  await mrzWorker;

  const startTextWorker = async () => {
    const worker = await createWorker(
      'eng',
      OEM.LSTM_ONLY,
      { ...common, langPath: where.textLangPath, gzip: true },
      configFile(QUIET),
    );
    // The rectified card is about 300 dpi; saying so stops tesseract estimating it (and printing that).
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, user_defined_dpi: '300' });
    return { worker, invert: true };
  };
  // Loaded on first use: a reading budget's clock stops while it loads (steps/readingBudget.ts).
  let textWorker: Promise<TextWorker> | undefined;

  return {
    // A cancelled MRZ read leaves its worker ended: the next starts loading now, while the check goes on.
    readMrz: async (image, signal) =>
      recogniseLines(mrzWorker, image, signal, () => {
        mrzWorker = startMrzWorker();
        mrzWorker.catch(() => {}); // a failure to start is the next read's to report
      }),
    // The text model is loaded on first use, and again only when next needed after a cancelled read.
    readPrintedText: async (image, signal) => {
      signal?.throwIfAborted(); // before the model is loaded for a read that will not be made
      const loading = (textWorker ??= startTextWorker());
      return recogniseText(await loading, image, signal, () => {
        if (textWorker === loading) textWorker = undefined;
      });
    },
    async loaded(reader) {
      await (reader === 'mrz' ? mrzWorker : (textWorker ??= startTextWorker()));
    },
    async terminate() {
      await (await mrzWorker).terminate();
      if (textWorker) await (await textWorker).worker.terminate();
    },
  };
}

/** The printed-text worker, and whether its LSTM now also reads unsure lines inverted. */
interface TextWorker {
  readonly worker: Worker;
  invert: boolean;
}

/**
 * An image whose median grey is under this (half of full scale) has a dark ground, on which print
 * may stand light. Tesseract's LSTM reads every line it is unsure of a second time inverted
 * (`tessedit_do_invert`, for light print on a dark ground): on a light ground that second read only
 * costs, and on glare, blur or a texture, whose lines are all unsure, it is most of the cost. Over
 * the front reader's 148 reads of ../shared/real-photos and the composites, reading without it took
 * 23% less CPU; over all four sets of `npm run eval` only two verdicts moved, both on dark bank cards
 * (evgen's _img_8 and img_5, medians 53 to 84, whose light print read only inverted), and every light
 * document read (medians 100 to 247) kept its verdicts.
 */
const DARK_GROUND_MEDIAN = 128;

/** Pure: whether the image's ground may be dark, holding light print (its median grey is low). */
export function mayPrintLightOnDark(image: GreyImage): boolean {
  const counts = byteHistogram(image.data);
  let seen = 0;
  for (let level = 0; level < 256; level += 1) {
    seen += counts[level]!;
    if (2 * seen >= image.data.length) return level < DARK_GROUND_MEDIAN;
  }
  return true;
}

/** One printed-text read, light print on a dark ground looked for only where the ground may be dark. */
async function recogniseText(
  text: TextWorker,
  image: RgbaImage | GreyImage,
  signal: AbortSignal | undefined,
  replaced: () => void,
): Promise<readonly OcrLine[]> {
  const grey = toGreyscale(image);
  const invert = mayPrintLightOnDark(grey);
  if (text.invert !== invert) {
    await text.worker.setParameters({ tessedit_do_invert: invert ? '1' : '0' });
    text.invert = invert;
  }
  return recogniseLines(Promise.resolve(text.worker), grey, signal, replaced);
}

/**
 * The digit reader: the printed-text (LSTM) model with only the 10 digits allowed, as one line of text.
 * Measured on drawn handwriting (scripts/rehearsal/measure-written-digits.ts), it reads 4 marker-written
 * digits far better than our OCR-B MRZ model, whose legacy classifier knows only printed OCR-B.
 */
export async function createTesseractDigitReader(
  where: Pick<TesseractLocations, 'workerPath' | 'corePath' | 'textLangPath' | 'cachePath'>,
): Promise<DigitReader> {
  const worker = await createWorker(
    'eng',
    OEM.LSTM_ONLY,
    {
      ...(where.workerPath === undefined ? {} : { workerPath: where.workerPath, workerBlobURL: false }),
      ...(where.corePath === undefined ? {} : { corePath: where.corePath }),
      ...(where.cachePath === undefined ? {} : { cachePath: where.cachePath }),
      cacheMethod: 'none',
      langPath: where.textLangPath,
      gzip: true,
    },
    // Written digits are not words: no dictionary to pull them towards English.
    configFile({ load_system_dawg: '0', load_freq_dawg: '0', ...QUIET }),
  );
  await worker.setParameters({
    tessedit_char_whitelist: '0123456789',
    tessedit_pageseg_mode: DIGITS_PAGE_MODE,
  });
  return {
    readDigits: (image) => recogniseLines(Promise.resolve(worker), image, undefined, () => {}),
    async terminate() {
      await worker.terminate();
    },
  };
}

/**
 * One raw line (no layout analysis): 73 of 80 drawn sheets read exactly, against 70 as a single line
 * or a block (measure-written-digits.ts, 2026-12-04).
 */
const DIGITS_PAGE_MODE = PSM.RAW_LINE;

/**
 * One recognition. Aborted, it stops at once: tesseract cannot be interrupted inside a page, so the
 * worker is ended and `replaced` told to put another in its place.
 */
async function recogniseLines(
  loading: Promise<Worker>,
  image: RgbaImage | GreyImage,
  signal: AbortSignal | undefined,
  replaced: () => void,
): Promise<readonly OcrLine[]> {
  const worker = await loading;
  signal?.throwIfAborted();
  // Both of tesseract.js's image loaders pass raw file bytes through; its typings only name Node's Buffer.
  const bytes = encodePgm(toGreyscale(image)) as ImageLike;
  const recognised = worker.recognize(bytes, {}, { blocks: true, text: false });
  const result = signal
    ? await untilAborted(recognised, signal, () => {
        replaced();
        void worker.terminate();
      })
    : await recognised;
  return linesOf(result);
}

/** `work`'s result, or `signal`'s reason as soon as it aborts (`cancel` then ends the work). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, cancel: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {}); // an ended worker may still reject its job: nobody waits for it now
      cancel();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function linesOf(result: RecognizeResult): readonly OcrLine[] {
  const lines = (result.data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((p) => p.lines));
  return lines.map((line) => ({
    text: line.text.replace(/\s+$/u, ''),
    glyphs: line.words.flatMap((word) =>
      word.symbols.map((symbol) => ({
        char: symbol.text,
        confidence: symbol.confidence,
        box: { x0: symbol.bbox.x0, y0: symbol.bbox.y0, x1: symbol.bbox.x1, y1: symbol.bbox.y1 },
      })),
    ),
    confidence: line.confidence,
    box: { x0: line.bbox.x0, y0: line.bbox.y0, x1: line.bbox.x1, y1: line.bbox.y1 },
  }));
}

/** Binary PGM (P5): the simplest format leptonica reads, so tesseract.js takes it in Node and workers alike. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}
