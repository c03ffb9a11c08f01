/**
 * The rehearsal's state for the page: its worker (started when the page mounts, so the face model loads
 * only then), its session once the camera is started, the latest checks, and the recording. Unmounting
 * ends everything: tracks stopped, recording discarded, worker terminated.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FaceChecks } from '../../pipeline/rehearsal/judgeFace.ts';
import { STEADY_OVER, steadyCheck, steadyFaceChecks } from '../../pipeline/rehearsal/steadyChecks.ts';
import type { RehearsalCheck } from '../../pipeline/rehearsal/types.ts';
import { RehearsalClient } from './rehearsalClient.ts';
import { RehearsalSession, type HowToGiveNumbers, type MediaProblemCode } from './rehearsalSession.ts';

/** `paused`: the tab was hidden, so the camera and microphone were stopped and the recording discarded. */
export type RehearsalPhase = 'ready' | 'starting' | 'live' | 'recording' | 'recorded' | 'paused' | 'failed';

export interface RehearsalState {
  readonly phase: RehearsalPhase;
  readonly faceChecks: FaceChecks | null;
  readonly voice: RehearsalCheck<'voice'> | null;
  readonly numbersShown: RehearsalCheck<'numbers-shown'> | null;
  readonly seconds: number;
  readonly recordingUrl: string | null;
  readonly problem: MediaProblemCode | null;
}

const INITIAL: RehearsalState = {
  phase: 'ready',
  faceChecks: null,
  voice: null,
  numbersShown: null,
  seconds: 0,
  recordingUrl: null,
  problem: null,
};

/** `written`: the numbers shown, while the person chooses to write them (null otherwise). */
export function useRehearsal(video: RefObject<HTMLVideoElement | null>, written: string | null) {
  const [state, setState] = useState<RehearsalState>(INITIAL);
  const client = useRef<RehearsalClient | null>(null);
  const session = useRef<RehearsalSession | null>(null);
  const recentFaceChecks = useRef<FaceChecks[]>([]);
  const recentNumbersShown = useRef<RehearsalCheck<'numbers-shown'>[]>([]);
  const writtenNow = useRef(written);

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

  useWrittenNumbers(written, { client, session, recentNumbersShown, writtenNow }, setState);
  useEndedWhenHidden(session, setState);

  const startCamera = useCallback(() => {
    if (!video.current || !client.current || session.current) return;
    const update = (change: Partial<RehearsalState>) => setState((previous) => ({ ...previous, ...change }));
    setState({ ...INITIAL, phase: 'starting' });
    recentFaceChecks.current = [];
    recentNumbersShown.current = [];
    const opened = new RehearsalSession(video.current, client.current, {
      started: () => update({ phase: 'live' }),
      faceJudged: (judgement) => {
        recentFaceChecks.current = keepRecent(recentFaceChecks.current, judgement.checks);
        const shown = judgement.numbersShown;
        if (shown) recentNumbersShown.current = keepRecent(recentNumbersShown.current, shown);
        update({
          faceChecks: steadyFaceChecks(recentFaceChecks.current),
          numbersShown: shown ? steadyCheck(recentNumbersShown.current) : null,
        });
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
    opened.lookForWrittenNumbers(writtenNow.current);
    session.current = opened;
    void opened.start();
  }, [video]);

  const startRecording = useCallback((how: HowToGiveNumbers) => session.current?.startRecording(how), []);
  const stopRecording = useCallback(() => session.current?.stopRecording(), []);

  return { state, startCamera, startRecording, stopRecording };
}

interface WrittenNumbersRefs {
  readonly client: RefObject<RehearsalClient | null>;
  readonly session: RefObject<RehearsalSession | null>;
  readonly recentNumbersShown: RefObject<RehearsalCheck<'numbers-shown'>[]>;
  readonly writtenNow: RefObject<string | null>;
}

/**
 * Tells the session which numbers to look for on paper as the person's choice changes, and loads the
 * reader of written digits only once a person chooses to write them.
 */
function useWrittenNumbers(
  written: string | null,
  { client, session, recentNumbersShown, writtenNow }: WrittenNumbersRefs,
  setState: (change: (previous: RehearsalState) => RehearsalState) => void,
): void {
  useEffect(() => {
    writtenNow.current = written;
    session.current?.lookForWrittenNumbers(written);
    recentNumbersShown.current = [];
    setState((previous) => ({ ...previous, numbersShown: null }));
    if (written)
      client.current
        ?.prepareDigitReader()
        .catch((error: unknown) => console.warn('The reader of written numbers did not load.', error));
  }, [written, client, session, recentNumbersShown, writtenNow, setState]);
}

/** Away from the tab, nobody is rehearsing: stop everything, as the photo's camera does. */
function useEndedWhenHidden(
  session: RefObject<RehearsalSession | null>,
  setState: (state: RehearsalState) => void,
): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState !== 'hidden' || !session.current) return;
      session.current.end();
      session.current = null;
      setState({ ...INITIAL, phase: 'paused' });
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [session, setState]);
}

/** The last STEADY_OVER judgements, with `latest` added. */
function keepRecent<T>(recent: readonly T[], latest: T): T[] {
  return [...recent.slice(1 - STEADY_OVER), latest];
}
