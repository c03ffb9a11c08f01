/**
 * `numbers-shown`, for a person who writes their 4 numbers down and holds them up (NHS login's help:
 * "write the numbers down"): a sheet held up in view (findSheet.ts), writing on it, and the digits read
 * from it by the OCR where they can be. Only a reading of all 4 that matches passes; a clear reading of
 * other numbers fails; anything less sure is `unsure`, since handwriting defeats the OCR more often than
 * people write the wrong numbers (a written 1 reads as 7: README.md).
 */
import type { HeldSheet } from './findSheet.ts';
import { SHEET_THRESHOLDS } from './sheetThresholds.ts';
import type { RehearsalCheck } from './types.ts';

/** The digits the OCR read on the sheet, in order, with its confidence in each (0..100). */
export interface WrittenReading {
  readonly digits: string;
  readonly confidences: readonly number[];
}

export const READING_THRESHOLDS = {
  /** A reading of other numbers fails only when every digit is this sure, and ... */
  sureConfidence: 80,
  /** ... at least this many of the 4 differ (one digit is the OCR's likeliest slip). */
  sureDifferences: 2,
} as const;

const READ_ADVICE =
  'Write the 4 numbers large and dark, with a thick pen or marker, and hold the paper still.';

/** `reading` is null while the sheet's writing has not been read yet. */
export function judgeNumbersShown(
  sheet: HeldSheet | null,
  reading: WrittenReading | null,
  shown: string,
): RehearsalCheck<'numbers-shown'> {
  const id = 'numbers-shown';
  if (!sheet)
    return {
      id,
      status: 'fail',
      message: 'We cannot see a sheet of paper.',
      advice: 'Hold the paper up beside your face, with all of it in the video.',
      evidence: { sheet: null },
    };
  const evidence = {
    sheet: { box: sheet.box, areaShare: round(sheet.areaShare), paperLuma: sheet.paperLuma },
    inkShare: round(sheet.ink.share),
    read: reading?.digits ?? null,
    confidences: reading?.confidences.map(Math.round) ?? null,
  };
  if (sheet.ink.share < SHEET_THRESHOLDS.minInkShare)
    return {
      id,
      status: 'fail',
      message: 'We can see your paper, but nothing written on it.',
      advice: `${READ_ADVICE} Hold the side you wrote on towards the camera.`,
      evidence,
    };
  if (!reading)
    return {
      id,
      status: 'unsure',
      message: 'We can see writing on your paper, and are reading it.',
      advice: 'Hold the paper still for a moment.',
      evidence,
    };
  return judgeReading(reading, shown, evidence);
}

function judgeReading(
  reading: WrittenReading,
  shown: string,
  evidence: Readonly<Record<string, unknown>>,
): RehearsalCheck<'numbers-shown'> {
  const id = 'numbers-shown';
  const spaced = (digits: string) => [...digits].join(' ');
  if (reading.digits === shown)
    return { id, status: 'pass', message: `We read your 4 numbers: ${spaced(shown)}.`, advice: '', evidence };
  const differences = [...shown].filter((digit, i) => reading.digits[i] !== digit).length;
  const sure = reading.confidences.every((c) => c >= READING_THRESHOLDS.sureConfidence);
  if (reading.digits.length === shown.length && sure && differences >= READING_THRESHOLDS.sureDifferences)
    return {
      id,
      status: 'fail',
      message: `We read ${spaced(reading.digits)}, which are not your 4 numbers.`,
      advice: `Write the 4 numbers shown on this page: ${spaced(shown)}.`,
      evidence,
    };
  if (reading.digits.length === shown.length)
    return {
      id,
      status: 'unsure',
      message: `We read ${spaced(reading.digits)}, which may not be your 4 numbers.`,
      advice: `Check you wrote ${spaced(shown)}. ${READ_ADVICE}`,
      evidence,
    };
  return {
    id,
    status: 'unsure',
    message: 'We could not read the numbers on your paper.',
    advice: `${READ_ADVICE} Make sure they are large and dark.`,
    evidence,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
