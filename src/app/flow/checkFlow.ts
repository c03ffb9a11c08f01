/**
 * The page's flow as a pure state machine: choose a photo (or take one with the live camera), check
 * it, see the result, choose again.
 * No React and no worker here, so every transition can be read (and tested) on its own.
 */
import type { CheckReport } from '../../pipeline/types.ts';
import type { WorkerStep } from '../checkClient.ts';

/** Why a photo could not be checked, in the words of PhotoError (or of a crashed worker). */
export interface PhotoProblem {
  readonly code: string;
  readonly message: string;
}

export interface CheckedPhoto {
  readonly report: CheckReport;
  /** The photo as the pipeline saw it, shrunk: image pixels × `previewScale`. */
  readonly preview: ImageBitmap;
  readonly previewScale: number;
}

export type FlowState =
  | {
      readonly phase: 'choosing';
      readonly problem: PhotoProblem | null;
      /** After "Check another photo": the person is taken straight to the file input. */
      readonly retake: boolean;
    }
  /** The live camera is open: its own state lives in the camera session (../camera/). */
  | { readonly phase: 'camera' }
  | { readonly phase: 'checking'; readonly fileName: string; readonly step: WorkerStep }
  | ({ readonly phase: 'result'; readonly fileName: string } & CheckedPhoto);

export type FlowEvent =
  | { readonly type: 'photo-chosen'; readonly fileName: string }
  | { readonly type: 'step'; readonly step: WorkerStep }
  | ({ readonly type: 'checked' } & CheckedPhoto)
  | { readonly type: 'refused'; readonly problem: PhotoProblem }
  | { readonly type: 'check-another' }
  | { readonly type: 'camera-opened' }
  /** The person left the camera; `problem` when it could not be used (refused, missing). */
  | { readonly type: 'camera-closed'; readonly problem: PhotoProblem | null };

export const INITIAL_FLOW: FlowState = { phase: 'choosing', problem: null, retake: false };

export function nextFlowState(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'photo-chosen':
      return { phase: 'checking', fileName: event.fileName, step: 'decoding' };
    case 'step':
      return state.phase === 'checking' ? { ...state, step: event.step } : state;
    case 'checked':
      return state.phase === 'checking'
        ? {
            phase: 'result',
            fileName: state.fileName,
            report: event.report,
            preview: event.preview,
            previewScale: event.previewScale,
          }
        : state;
    case 'refused':
      return { phase: 'choosing', problem: event.problem, retake: false };
    case 'check-another':
      return { phase: 'choosing', problem: null, retake: true };
    case 'camera-opened':
      return { phase: 'camera' };
    case 'camera-closed':
      return state.phase === 'camera' ? { phase: 'choosing', problem: event.problem, retake: false } : state;
  }
}

/** One sentence for the live region, so a screen reader hears what changed. */
export function announceFlowState(state: FlowState, stepLabel: (step: WorkerStep) => string): string {
  switch (state.phase) {
    case 'choosing':
      return state.problem ? `There is a problem: ${state.problem.message}` : '';
    case 'camera':
      // The camera view has a live region of its own, for its guidance.
      return '';
    case 'checking':
      return `Checking your photo: ${stepLabel(state.step)}`;
    case 'result': {
      const failed = state.report.rules.filter((rule) => rule.status === 'fail').length;
      const unsure = state.report.rules.filter((rule) => rule.status === 'unsure').length;
      if (failed === 0 && unsure === 0) return 'Check finished: your photo passed all 5 checks.';
      return `Check finished: ${failed} of 5 checks failed${unsure > 0 ? `, ${unsure} we could not be sure of` : ''}.`;
    }
  }
}
