/**
 * The rehearsal's state for the page: its worker (started when the page mounts, so the face model loads
 * only then), its session once the camera is started, the latest checks, and the recording. Unmounting
 * ends everything: tracks stopped, recording discarded, worker terminated.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FaceChecks } from '../../pipeline/rehearsal/judgeFace.ts';
import { STEADY_OVER, steadyFaceChecks } from '../../pipeline/rehearsal/steadyChecks.ts';
import type { RehearsalCheck } from '../../pipeline/rehearsal/types.ts';
import { RehearsalClient } from './rehearsalClient.ts';
import { RehearsalSession, type HowToGiveNumbers, type MediaProblemCode } from './rehearsalSession.ts';

/** `paused`: the tab was hidden, so the camera and microphone were stopped and the recording discarded. */
export type RehearsalPhase = 'ready' | 'starting' | 'live' | 'recording' | 'recorded' | 'paused' | 'failed';

export interface RehearsalState {
  readonly phase: RehearsalPhase;
  readonly faceChecks: FaceChecks | null;
  readonly voice: RehearsalCheck<'voice'> | null;
  readonly seconds: number;
  readonly recordingUrl: string | null;
  readonly problem: MediaProblemCode | null;
}

const INITIAL: RehearsalState = {
  phase: 'ready',
  faceChecks: null,
  voice: null,
  seconds: 0,
  recordingUrl: null,
  problem: null,
};

export function useRehearsal(video: RefObject<HTMLVideoElement | null>) {
  const [state, setState] = useState<RehearsalState>(INITIAL);
  const client = useRef<RehearsalClient | null>(null);
  const session = useRef<RehearsalSession | null>(null);
  const recentFaceChecks = useRef<FaceChecks[]>([]);

  useEffect(() => {
    const started = new RehearsalClient();
    client.current = started;
    started.prepare().catch((error: unknown) => console.warn('The face detector did not load.', error));
    return () => {
      session.current?.end();
      session.current = null;
      started.terminate();
      client.current = null;
    };
  }, []);

  // Away from the tab, nobody is rehearsing: stop everything, as the photo's camera does.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState !== 'hidden' || !session.current) return;
      session.current.end();
      session.current = null;
      setState({ ...INITIAL, phase: 'paused' });
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  const startCamera = useCallback(() => {
    if (!video.current || !client.current || session.current) return;
    const update = (change: Partial<RehearsalState>) => setState((previous) => ({ ...previous, ...change }));
    setState({ ...INITIAL, phase: 'starting' });
    recentFaceChecks.current = [];
    const opened = new RehearsalSession(video.current, client.current, {
      started: () => update({ phase: 'live' }),
      faceJudged: (judgement) => {
        recentFaceChecks.current = [...recentFaceChecks.current.slice(1 - STEADY_OVER), judgement.checks];
        update({ faceChecks: steadyFaceChecks(recentFaceChecks.current) });
      },
      voiceJudged: (voice) => update({ voice }),
      recordingStarted: () => update({ phase: 'recording', seconds: 0, recordingUrl: null, voice: null }),
      recordingTick: (seconds) => update({ seconds }),
      recorded: (recordingUrl) => update({ phase: 'recorded', recordingUrl }),
      failed: (problem) => {
        session.current = null;
        update({ phase: 'failed', problem });
      },
    });
    session.current = opened;
    void opened.start();
  }, [video]);

  const startRecording = useCallback((how: HowToGiveNumbers) => session.current?.startRecording(how), []);
  const stopRecording = useCallback(() => session.current?.stopRecording(), []);

  return { state, startCamera, startRecording, stopRecording };
}
