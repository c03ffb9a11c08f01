/**
 * Wires the flow's state machine to the worker client: a new photo cancels the check of the previous
 * one, results of a cancelled check are dropped, and a crashed worker becomes a message on the page.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { IsoDate } from '../../pipeline/types.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import { WorkerCrashed, type CheckClient, type WorkerStep } from '../checkClient.ts';
import { CAMERA_PROBLEMS, PHOTO_PROBLEMS } from '../content/text.ts';
import { INITIAL_FLOW, nextFlowState, type FlowState } from './checkFlow.ts';

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
  const [engines, setEngines] = useState<EngineStatus>('loading');
  const current = useRef<AbortController | null>(null);

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

  useEffect(() => () => current.current?.abort(), []);

  // The preview bitmap holds decoded pixels: freed when the result it belongs to goes away.
  const shownPreview = useRef<ImageBitmap | null>(null);
  const forgetPreview = () => {
    shownPreview.current?.close();
    shownPreview.current = null;
  };

  const checkPhoto = useCallback(
    (photo: File) => {
      current.current?.abort();
      forgetPreview();
      const controller = new AbortController();
      current.current = controller;
      dispatch({ type: 'photo-chosen', fileName: photo.name });
      const onStep = (step: WorkerStep) => {
        if (!controller.signal.aborted) dispatch({ type: 'step', step });
      };
      client.check(photo, today, { signal: controller.signal, onStep }).then(
        (outcome) => {
          if (controller.signal.aborted) {
            if (outcome.status === 'checked') outcome.preview.close();
            return;
          }
          if (outcome.status === 'checked') {
            setEngines('ready');
            shownPreview.current = outcome.preview;
            dispatch({ type: 'checked', ...outcome });
          } else if (outcome.status === 'refused') {
            // In the page's words, each ending with what to do; the worker's are the command line's.
            dispatch({
              type: 'refused',
              problem: { code: outcome.code, message: PHOTO_PROBLEMS[outcome.code] },
            });
          }
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message = error instanceof WorkerCrashed ? CRASH_MESSAGE : 'Something went wrong. Try again.';
          dispatch({ type: 'refused', problem: { code: 'check-failed', message } });
        },
      );
    },
    [client, today],
  );

  const checkAnother = useCallback(() => {
    current.current?.abort();
    forgetPreview();
    dispatch({ type: 'check-another' });
  }, []);

  const openCamera = useCallback(() => {
    current.current?.abort();
    forgetPreview();
    dispatch({ type: 'camera-opened' });
  }, []);

  const closeCamera = useCallback((problem?: CameraProblemCode) => {
    dispatch({
      type: 'camera-closed',
      problem: problem ? { code: problem, message: CAMERA_PROBLEMS[problem] } : null,
    });
  }, []);

  return { state, engines, checkPhoto, checkAnother, openCamera, closeCamera };
}
