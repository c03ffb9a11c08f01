/**
 * Binds a CameraSession to React: one session while the camera view is on the page, ended when the
 * view goes (so every track stops), and ended when the tab is hidden; the person turns it on again.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { CheckClient, FrameJudgement } from '../checkClient.ts';
import type { CameraGuidance } from '../content/text.ts';
import { CameraSession } from './cameraSession.ts';
import type { CameraProblemCode } from './openCamera.ts';

export type CameraStatus = 'starting' | 'live' | 'capturing' | 'paused';

export interface LiveCamera {
  readonly status: CameraStatus;
  /** The latest frame's judgement: its outline is in its own pixels (`width` × `height`). */
  readonly judgement: FrameJudgement | null;
  readonly guidance: CameraGuidance;
  /** The manual shutter: takes the photo now, whatever the guidance says. */
  readonly shutter: () => void;
  /** After the tab was hidden: turns the camera on again. */
  readonly resume: () => void;
}

export interface CameraHandlers {
  readonly onPhoto: (photo: File) => void;
  readonly onProblem: (code: CameraProblemCode) => void;
}

export function useCameraSession(
  client: CheckClient,
  video: RefObject<HTMLVideoElement | null>,
  handlers: CameraHandlers,
): LiveCamera {
  const [status, setStatus] = useState<CameraStatus>('starting');
  const [judgement, setJudgement] = useState<FrameJudgement | null>(null);
  const [steady, setSteady] = useState(false);
  // Bumped to start a new session after a pause.
  const [generation, setGeneration] = useState(0);
  const session = useRef<CameraSession | null>(null);
  const latestHandlers = useRef(handlers);
  latestHandlers.current = handlers;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const current = new CameraSession(element, client, {
      started: () => setStatus('live'),
      judged: (next, steadiness) => {
        setJudgement(next);
        setSteady(steadiness.steady);
      },
      capturing: () => setStatus('capturing'),
      captured: (photo) => latestHandlers.current.onPhoto(photo),
      failed: (code) => latestHandlers.current.onProblem(code),
    });
    session.current = current;
    setStatus('starting');
    setJudgement(null);
    void current.start();
    const pause = () => {
      if (document.visibilityState !== 'hidden') return;
      current.end();
      setStatus('paused');
    };
    const end = () => current.end();
    document.addEventListener('visibilitychange', pause);
    window.addEventListener('pagehide', end);
    return () => {
      document.removeEventListener('visibilitychange', pause);
      window.removeEventListener('pagehide', end);
      current.end();
      session.current = null;
    };
  }, [client, video, generation]);

  const shutter = useCallback(() => void session.current?.capture(false), []);
  const resume = useCallback(() => setGeneration((n) => n + 1), []);

  return { status, judgement, guidance: guidanceOf(status, judgement, steady), shutter, resume };
}

function guidanceOf(status: CameraStatus, judgement: FrameJudgement | null, steady: boolean): CameraGuidance {
  if (status === 'capturing' || steady) return 'capturing';
  if (!judgement) return 'waiting';
  return judgement.problem ?? 'hold-still';
}
