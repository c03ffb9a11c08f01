import { describe, expect, it } from 'vitest';
import {
  announceFlowState,
  INITIAL_FLOW,
  nextFlowState,
  type CheckedPhoto,
  type FlowEvent,
  type FlowState,
} from '../../../src/app/flow/checkFlow.ts';
import { STEP_LABELS } from '../../../src/app/content/text.ts';
import { RULE_IDS, type CheckReport, type Status } from '../../../src/pipeline/types.ts';

/** A report whose rules have these statuses, in RULE_IDS order. */
function reportWith(statuses: readonly Status[]): CheckReport {
  const rules = RULE_IDS.map((id, i) => ({
    id,
    status: statuses[i]!,
    reason: '',
    message: '',
    advice: '',
    evidence: {},
  }));
  return {
    verdict: statuses.includes('fail') ? 'fail' : statuses.includes('unsure') ? 'unsure' : 'pass',
    rules,
    document: { kind: 'passport', issuer: 'GBR', expiry: '2031-07-22', mrz: null, provisional: null },
    outline: null,
    missingCorners: [],
    mrzReading: null,
    side: null,
    measures: {
      imageWidth: 1600,
      imageHeight: 1200,
      documentAreaShare: null,
      sharpness: null,
      glare: null,
      brightness: null,
      darkestPrint: null,
      textHeightPx: null,
      printHeightPx: null,
      printSharpness: null,
      printReblurRatio: null,
      documentSeen: true,
    },
    timingsMs: {},
  };
}

/** Stands in for the ImageBitmap the worker makes: the flow only passes it on. */
const preview = { width: 800, height: 600, close: () => {} };
const checked = (statuses: readonly Status[], previewScale = 0.5): CheckedPhoto => ({
  report: reportWith(statuses),
  preview,
  previewScale,
});
const photo = checked(['pass', 'pass', 'pass', 'pass', 'pass']);
const problem = { code: 'not-an-image', message: 'This file is not a photo.' };

const CHOOSING: FlowState = INITIAL_FLOW;
const CAMERA: FlowState = { phase: 'camera' };
const CHECKING: FlowState = { phase: 'checking', fileName: 'id.jpg', step: 'outline' };
const RESULT: FlowState = { phase: 'result', fileName: 'id.jpg', ...photo };
const STATES = { CHOOSING, CAMERA, CHECKING, RESULT };

describe('nextFlowState', () => {
  it('starts with the file input, no problem, not a retake', () => {
    expect(INITIAL_FLOW).toStrictEqual({ phase: 'choosing', problem: null, retake: false });
  });

  /** Each event, and the state it leads to from each state (by name, or a new state). */
  const TABLE: [FlowEvent, Record<keyof typeof STATES, FlowState>][] = [
    [
      { type: 'photo-chosen', fileName: 'next.jpg' },
      {
        // A new photo starts a new check from anywhere: from the camera, from a result, during a check.
        CHOOSING: { phase: 'checking', fileName: 'next.jpg', step: 'decoding' },
        CAMERA: { phase: 'checking', fileName: 'next.jpg', step: 'decoding' },
        CHECKING: { phase: 'checking', fileName: 'next.jpg', step: 'decoding' },
        RESULT: { phase: 'checking', fileName: 'next.jpg', step: 'decoding' },
      },
    ],
    [
      // A step reported late, by a check already left, changes nothing.
      { type: 'step', step: 'mrz' },
      { CHOOSING, CAMERA, CHECKING: { ...CHECKING, step: 'mrz' }, RESULT },
    ],
    [
      // A result only ends a check under way: the file name is the check's, the photo the event's.
      { type: 'checked', ...checked(['fail', 'pass', 'pass', 'pass', 'pass']) },
      {
        CHOOSING,
        CAMERA,
        CHECKING: {
          phase: 'result',
          fileName: 'id.jpg',
          ...checked(['fail', 'pass', 'pass', 'pass', 'pass']),
        },
        RESULT,
      },
    ],
    [
      { type: 'refused', problem },
      {
        CHOOSING: { phase: 'choosing', problem, retake: false },
        CAMERA: { phase: 'choosing', problem, retake: false },
        CHECKING: { phase: 'choosing', problem, retake: false },
        RESULT: { phase: 'choosing', problem, retake: false },
      },
    ],
    [
      { type: 'check-another' },
      {
        CHOOSING: { phase: 'choosing', problem: null, retake: true },
        CAMERA: { phase: 'choosing', problem: null, retake: true },
        CHECKING: { phase: 'choosing', problem: null, retake: true },
        RESULT: { phase: 'choosing', problem: null, retake: true },
      },
    ],
    [{ type: 'camera-opened' }, { CHOOSING: CAMERA, CAMERA, CHECKING: CAMERA, RESULT: CAMERA }],
    [
      // Leaving the camera goes back to choosing only from the camera; its problem is shown there.
      { type: 'camera-closed', problem },
      { CHOOSING, CAMERA: { phase: 'choosing', problem, retake: false }, CHECKING, RESULT },
    ],
  ];

  for (const [event, after] of TABLE) {
    it(`on ${event.type}, goes where the table says from every phase`, () => {
      const names = Object.keys(STATES) as (keyof typeof STATES)[];
      expect(
        Object.fromEntries(names.map((name) => [name, nextFlowState(STATES[name], event)])),
      ).toStrictEqual(after);
    });
  }

  it('leaves a state it does not change as the same object, so React does not render again', () => {
    expect(nextFlowState(RESULT, { type: 'step', step: 'mrz' })).toBe(RESULT);
    expect(nextFlowState(CHOOSING, { type: 'camera-closed', problem: null })).toBe(CHOOSING);
  });
});

describe('announceFlowState', () => {
  const announce = (state: FlowState) => announceFlowState(state, (step) => STEP_LABELS[step]);

  it('says what changed, in one sentence, for each phase', () => {
    expect(
      [
        CHOOSING,
        { phase: 'choosing', problem, retake: false },
        CAMERA,
        CHECKING,
        RESULT,
        { ...RESULT, ...checked(['fail', 'pass', 'pass', 'pass', 'pass']) },
        { ...RESULT, ...checked(['pass', 'fail', 'unsure', 'pass', 'fail']) },
        { ...RESULT, ...checked(['pass', 'pass', 'pass', 'pass', 'unsure']) },
      ].map((state) => announce(state as FlowState)),
    ).toStrictEqual([
      '',
      'There is a problem: This file is not a photo.',
      '',
      'Checking your photo: Finding the corners',
      'Check finished: your photo passed all 5 checks.',
      'Check finished: 1 of 5 checks failed.',
      'Check finished: 2 of 5 checks failed, 1 we could not be sure of.',
      'Check finished: 0 of 5 checks failed, 1 we could not be sure of.',
    ]);
  });
});
