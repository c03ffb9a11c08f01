import { describe, expect, it } from 'vitest';
import type { FaceChecks } from '../../../src/pipeline/rehearsal/judgeFace.ts';
import { steadyFaceChecks } from '../../../src/pipeline/rehearsal/steadyChecks.ts';
import type { Status } from '../../../src/pipeline/types.ts';

/** One frame's checks: one-face with this status and message, the others passing. */
function frame(status: Status, message: string = status): FaceChecks {
  const check = <Id extends string>(id: Id, s: Status, m: string) => ({
    id,
    status: s,
    message: m,
    advice: '',
    evidence: {},
  });
  return [
    check('one-face', status, message),
    check('face-framed', 'pass', 'framed'),
    check('face-visible', 'pass', 'visible'),
    check('light', 'pass', 'lit'),
  ];
}

describe('steadyFaceChecks', () => {
  it('shows what most of the last 5 frames said, with the newest message of that status', () => {
    const recent = [
      frame('fail'),
      frame('pass', 'a'),
      frame('pass', 'b'),
      frame('fail'),
      frame('pass', 'c'),
      frame('fail'),
    ];
    expect(steadyFaceChecks(recent)?.[0]).toStrictEqual(frame('pass', 'c')[0]);
  });

  it('follows a change that has lasted, breaks a tie for the newest, and has nothing to show before a frame', () => {
    expect(
      steadyFaceChecks([frame('pass'), frame('pass'), frame('fail'), frame('fail'), frame('fail')])?.[0]
        .status,
    ).toBe('fail');
    expect(steadyFaceChecks([frame('pass'), frame('fail')])?.[0].status).toBe('fail');
    expect(steadyFaceChecks([])).toBeNull();
  });
});
