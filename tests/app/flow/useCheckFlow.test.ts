/** The pure parts of useCheckFlow: what a check's outcome, or its failure, does to the flow. */
import { describe, expect, it } from 'vitest';
import { WorkerCrashed, type CheckOutcome } from '../../../src/app/checkClient.ts';
import { dropOutcome, failureEvent, outcomeEvent } from '../../../src/app/flow/useCheckFlow.ts';
import { RULE_IDS, type CheckReport } from '../../../src/pipeline/types.ts';

const report: CheckReport = {
  verdict: 'pass',
  rules: RULE_IDS.map((id) => ({
    id,
    status: 'pass',
    reason: 'all-in',
    message: '',
    advice: '',
    evidence: {},
  })),
  document: { kind: 'passport', issuer: 'GBR', expiry: '2031-07-22', mrz: null, provisional: null },
  outline: null,
  missingCorners: [],
  mrzReading: null,
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
    documentSeen: false,
  },
  side: null,
  timingsMs: {},
};

/** Stands in for the worker's ImageBitmap, counting how often its pixels are freed. */
function previewBitmap() {
  const bitmap = { width: 800, height: 600, closed: 0, close: () => void bitmap.closed++ };
  return bitmap;
}

describe('outcomeEvent', () => {
  it('hands a checked photo to the flow whole', () => {
    const preview = previewBitmap();
    const outcome: CheckOutcome = { status: 'checked', report, preview, previewScale: 0.5, decodeMs: 12 };
    expect(outcomeEvent(outcome)).toStrictEqual({ type: 'checked', ...outcome });
    expect(preview.closed).toBe(0);
  });

  it("words a refused photo in the page's words, not the worker's", () => {
    const outcome: CheckOutcome = { status: 'refused', code: 'pdf-not-supported', message: 'input is a PDF' };
    expect(outcomeEvent(outcome)).toStrictEqual({
      type: 'refused',
      problem: {
        code: 'pdf-not-supported',
        message:
          'The selected file must be a JPG, PNG or WEBP, not a PDF. Take a photo of your ID and choose that.',
      },
    });
  });

  it('does nothing for a cancelled check', () => {
    expect(outcomeEvent({ status: 'cancelled' })).toBeNull();
  });

  it("blames no photo when the reader's files did not download (the page shows that the checker failed)", () => {
    expect(outcomeEvent({ status: 'not-loaded' })).toBeNull();
  });
});

describe('failureEvent', () => {
  it('says a crashed worker was restarted', () => {
    expect(failureEvent(new WorkerCrashed('terminated'))).toStrictEqual({
      type: 'refused',
      problem: {
        code: 'check-failed',
        message:
          'The checker stopped working while it was checking your photo. It has been restarted: choose the photo again.',
      },
    });
  });

  it('says anything else went wrong', () => {
    expect(failureEvent(new Error('boom'))).toStrictEqual({
      type: 'refused',
      problem: { code: 'check-failed', message: 'Something went wrong. Try again.' },
    });
  });
});

describe('dropOutcome', () => {
  it("frees a cancelled check's preview", () => {
    const preview = previewBitmap();
    dropOutcome({ status: 'checked', report, preview, previewScale: 0.5, decodeMs: 12 });
    expect(preview.closed).toBe(1);
  });
});
