import { describe, expect, it } from 'vitest';
import type { HeldSheet } from '../../../src/pipeline/rehearsal/findSheet.ts';
import { judgeNumbersShown } from '../../../src/pipeline/rehearsal/judgeNumbersShown.ts';
import { rectIn } from '../../../src/pipeline/types.ts';

const box = rectIn('image', 368, 160, 244, 180);
const written: HeldSheet = {
  box,
  paperLuma: 242,
  areaShare: 0.143,
  ink: { share: 0.15, box: rectIn('image', 382, 205, 215, 92) },
};
const blank: HeldSheet = { ...written, ink: { share: 0, box: null } };
const evidence = (read: string | null, confidences: number[] | null, inkShare = 0.15) => ({
  sheet: { box, areaShare: 0.143, paperLuma: 242 },
  inkShare,
  read,
  confidences,
});
const reading = (digits: string, confidence = 95) => ({
  digits,
  confidences: [...digits].map(() => confidence),
});

describe('judgeNumbersShown', () => {
  it('fails with no sheet in view, and a sheet with nothing written on it', () => {
    expect(judgeNumbersShown(null, null, '3805')).toStrictEqual({
      id: 'numbers-shown',
      status: 'fail',
      message: 'We cannot see a sheet of paper.',
      advice: 'Hold the paper up beside your face, with all of it in the video.',
      evidence: { sheet: null },
    });
    expect(judgeNumbersShown(blank, null, '3805')).toStrictEqual({
      id: 'numbers-shown',
      status: 'fail',
      message: 'We can see your paper, but nothing written on it.',
      advice:
        'Write the 4 numbers large and dark, with a thick pen or marker, and hold the paper still. Hold the side you wrote on towards the camera.',
      evidence: evidence(null, null, 0),
    });
  });

  it('is unsure while the writing is being read, and passes once all 4 numbers are read as shown', () => {
    expect(judgeNumbersShown(written, null, '3805').status).toBe('unsure');
    expect(judgeNumbersShown(written, reading('3805'), '3805')).toStrictEqual({
      id: 'numbers-shown',
      status: 'pass',
      message: 'We read your 4 numbers: 3 8 0 5.',
      advice: '',
      evidence: evidence('3805', [95, 95, 95, 95]),
    });
  });

  it('fails other numbers read surely, and is unsure of one digit off, an unsure reading, or too few read', () => {
    const judged = (read: string, confidence?: number) => {
      const check = judgeNumbersShown(written, reading(read, confidence), '3805');
      return [check.status, check.message];
    };
    expect([judged('1234'), judged('3705'), judged('1234', 60), judged('385'), judged('')]).toStrictEqual([
      ['fail', 'We read 1 2 3 4, which are not your 4 numbers.'],
      ['unsure', 'We read 3 7 0 5, which may not be your 4 numbers.'],
      ['unsure', 'We read 1 2 3 4, which may not be your 4 numbers.'],
      ['unsure', 'We could not read the numbers on your paper.'],
      ['unsure', 'We could not read the numbers on your paper.'],
    ]);
  });
});
