/**
 * Wires the flow's state machine to the worker client: a new photo cancels the check of the previous
 * one, results of a cancelled check are dropped, and a crashed worker becomes a message on the page.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { IsoDate } from '../../pipeline/types.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import { WorkerCrashed, type CheckClient, type CheckOutcome, type WorkerStep } from '../checkClient.ts';
import { CAMERA_PROBLEMS, PHOTO_PROBLEMS } from '../content/text.ts';
import { INITIAL_FLOW, nextFlowState, type FlowEvent, type FlowState } from './checkFlow.ts';

export type EngineStatus = 'loading' | 'ready' | 'failed';

export interface CheckFlow {
  readonly state: FlowState;
  readonly engines: EngineStatus;
  readonly checkPhoto: (photo: File) => void;
  readonly checkAnother: () => void;
  readonly openCamera: () => void;
  /** Back to choosing a photo; with the reason, when the camera could not be used. */
  readonly closeCamera: (problem?: CameraProblemCode) => void;
}

const CRASH_MESSAGE =
  'The checker stopped working while it was checking your photo. It has been restarted: choose the photo again.';

export function useCheckFlow(client: CheckClient, today: IsoDate): CheckFlow {
  const [state, dispatch] = useReducer(nextFlowState, INITIAL_FLOW);
  const [engines, enginesReady, enginesFailed] = useEngineStatus(client);
  const checks = useCurrentCheck();
  const preview = useShownPreview();

  const checkPhoto = useCallback(
    (photo: File) => {
      const { signal } = checks.start();
      preview.forget();
      dispatch({ type: 'photo-chosen', fileName: photo.name });
      const onStep = (step: WorkerStep) => {
        if (!signal.aborted) dispatch({ type: 'step', step });
      };
      client.check(photo, today, { signal, onStep }).then(
        (outcome) => {
          if (signal.aborted) return dropOutcome(outcome);
          if (outcome.status === 'checked') {
            enginesReady();
            preview.show(outcome.preview);
          }
          if (outcome.status === 'not-loaded') enginesFailed();
          const event = outcomeEvent(outcome);
          if (event) dispatch(event);
        },
        (error: unknown) => {
          if (!signal.aborted) dispatch(failureEvent(error));
        },
      );
    },
    [client, today, checks, preview, enginesReady, enginesFailed],
  );

  const checkAnother = useCallback(() => {
    checks.cancel();
    preview.forget();
    dispatch({ type: 'check-another' });
  }, [checks, preview]);

  const openCamera = useCallback(() => {
    checks.cancel();
    preview.forget();
    dispatch({ type: 'camera-opened' });
  }, [checks, preview]);

  const closeCamera = useCallback((problem?: CameraProblemCode) => {
    dispatch({
      type: 'camera-closed',
      problem: problem ? { code: problem, message: CAMERA_PROBLEMS[problem] } : null,
    });
  }, []);

  return { state, engines, checkPhoto, checkAnother, openCamera, closeCamera };
}

/**
 * The engines load once the page is open; a check that completes also shows they are ready, and one
 * whose reader (arriving after ready) could not be downloaded that they failed.
 */
function useEngineStatus(client: CheckClient): readonly [EngineStatus, () => void, () => void] {
  const [engines, setEngines] = useState<EngineStatus>('loading');
  useEffect(() => {
    let live = true;
    client.prepare().then(
      () => live && setEngines('ready'),
      (error: unknown) => {
        // The page says so, with a retry, rather than blaming the next photo (App's LoadFailed).
        console.warn('The checker could not load:', error);
        if (live) setEngines('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [client]);
  const ready = useCallback(() => setEngines('ready'), []);
  const failed = useCallback(() => setEngines('failed'), []);
  return [engines, ready, failed];
}

/** The check under way: starting one cancels the one before, and leaving the page cancels it. */
function useCurrentCheck() {
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);
  return useMemo(
    () => ({
      start: (): AbortController => {
        current.current?.abort();
        current.current = new AbortController();
        return current.current;
      },
      cancel: () => current.current?.abort(),
    }),
    [],
  );
}

/** The preview bitmap holds decoded pixels: freed when the result it belongs to goes away. */
function useShownPreview() {
  const shown = useRef<ImageBitmap | null>(null);
  return useMemo(
    () => ({
      show: (preview: ImageBitmap) => {
        shown.current = preview;
      },
      forget: () => {
        shown.current?.close();
        shown.current = null;
      },
    }),
    [],
  );
}

/** A cancelled check's outcome is dropped, and its preview's pixels freed. */
export function dropOutcome(outcome: CheckOutcome): void {
  if (outcome.status === 'checked') outcome.preview.close();
}

/** What a check's outcome does to the flow; a cancelled one, nothing. */
export function outcomeEvent(outcome: CheckOutcome): FlowEvent | null {
  switch (outcome.status) {
    case 'checked':
      return { type: 'checked', ...outcome };
    case 'refused':
      // In the page's words, each ending with what to do; the worker's are the command line's.
      return { type: 'refused', problem: { code: outcome.code, message: PHOTO_PROBLEMS[outcome.code] } };
    case 'cancelled':
    case 'not-loaded': // the page says the checker's files failed (engines 'failed'), not the photo
      return null;
  }
}

/** A check that failed outright: the worker crashed (and was restarted), or something unforeseen. */
export function failureEvent(error: unknown): FlowEvent {
  const message = error instanceof WorkerCrashed ? CRASH_MESSAGE : 'Something went wrong. Try again.';
  return { type: 'refused', problem: { code: 'check-failed', message } };
}
