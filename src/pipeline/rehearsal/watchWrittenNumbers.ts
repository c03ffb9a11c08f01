/**
 * `numbers-shown` over a live camera: on every frame the sheet is looked for (a few ms) and judged; its
 * writing is read by the OCR at most once every READ_EVERY_MS (every 2 s while it reads as shown), one
 * reading at a time, on the latest frame's crop of it (writingCrop.ts), so the face checks go on at the camera's pace while the OCR works
 * on its own thread. A reading counts for READING_KEPT_MS; among those, one that matches the numbers
 * shown is kept over later, worse ones (a sheet that tilts for a moment reads worse, not differently).
 */
import type { DigitReader, OcrLine } from '../../engines/types.ts';
import type { DetectedFace } from '../face/types.ts';
import type { RgbaImage } from '../types.ts';
import { findHeldSheet } from './findSheet.ts';
import { judgeNumbersShown, type WrittenReading } from './judgeNumbersShown.ts';
import type { RehearsalCheck } from './types.ts';
import { writingCrop } from './writingCrop.ts';

/** At most one OCR reading a second: each takes some tens of ms of the OCR's own thread. */
export const READ_EVERY_MS = 1000;
/** How long a reading stands for the sheet in view. */
export const READING_KEPT_MS = 3000;

/** The digits, in order, that the OCR found in its lines, with its confidence in each. */
export function readingFromLines(lines: readonly OcrLine[]): WrittenReading {
  const glyphs = lines.flatMap((line) => line.glyphs).filter((glyph) => /^\d$/u.test(glyph.char));
  return { digits: glyphs.map((glyph) => glyph.char).join(''), confidences: glyphs.map((g) => g.confidence) };
}

/** What a reader that would not load reads: nothing. */
const NOTHING_READ: WrittenReading = { digits: '', confidences: [] };

export class WrittenNumbersWatcher {
  readonly #reader: () => Promise<DigitReader>;
  #readings: { readonly reading: WrittenReading; readonly at: number }[] = [];
  #reading = false;
  #lastReadAt = -Infinity;
  #lastReadingMs: number | null = null;

  /** `reader` loads the OCR when first called (memoised by its loader). */
  constructor(reader: () => Promise<DigitReader>) {
    this.#reader = reader;
  }

  /** How long the latest reading took, from its crop sent to its digits back (null before the first). */
  get lastReadingMs(): number | null {
    return this.#lastReadingMs;
  }

  /** Judges `numbers-shown` on this frame, and starts a reading of its sheet if one is due. */
  judge(
    image: RgbaImage,
    faces: readonly DetectedFace[],
    shown: string,
    now: number,
  ): RehearsalCheck<'numbers-shown'> {
    const sheet = findHeldSheet(image, faces);
    this.#readings = this.#readings.filter(({ at }) => now - at <= READING_KEPT_MS);
    const writing = sheet?.ink.box ? sheet : null;
    // While a matching reading stands, the next is due a second before it lapses, not every second:
    // the OCR's thread shares the device's cores with the face detector.
    const matched = this.#readings.filter(({ reading }) => reading.digits === shown).at(-1);
    const due = Math.max(
      this.#lastReadAt + READ_EVERY_MS,
      matched ? matched.at + READING_KEPT_MS - READ_EVERY_MS : 0,
    );
    const crop = writing && !this.#reading && now >= due && writingCrop(image, writing);
    if (crop) {
      this.#reading = true;
      this.#lastReadAt = now;
      void this.#reader()
        .then(async (reader) => {
          const started = performance.now();
          const lines = await reader.readDigits(crop);
          this.#lastReadingMs = performance.now() - started;
          return readingFromLines(lines);
        })
        .catch(() => NOTHING_READ)
        .then((reading) => this.#readings.push({ reading, at: now }))
        .finally(() => {
          this.#reading = false;
        });
    }
    const kept = this.#readings.map(({ reading }) => reading);
    const reading = kept.find(({ digits }) => digits === shown) ?? kept.at(-1) ?? null;
    return judgeNumbersShown(sheet, writing ? reading : null, shown);
  }
}
