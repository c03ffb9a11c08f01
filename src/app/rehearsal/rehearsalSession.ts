/**
 * The rehearsal's camera and microphone, outside React: opens both facing the person, sends the video's
 * frames to the worker one at a time (a frame that arrives while the worker is busy is skipped, never
 * queued), reads the microphone's loudness for the `voice` check, records up to MAX_RECORDING_MS with
 * MediaRecorder for playback, and when it ends, however it ends, stops every track and discards the
 * recording. Nothing is stored or sent: the recording lives in this tab's memory as a blob: URL.
 */
import { judgeVoice, type LevelReading } from '../../pipeline/rehearsal/judgeVoice.ts';
import type { RehearsalCheck } from '../../pipeline/rehearsal/types.ts';
import levelMeterUrl from '../../../workers/levelMeter.worklet.ts?worker&url';
import { LEVEL_METER_PROCESSOR } from './levelMeterName.ts';
import { REHEARSAL_FRAME_MEASURE, type FaceFrameJudgement, type RehearsalClient } from './rehearsalClient.ts';

/** NHS login's video is short; 20 s is ample for 4 numbers said, signed or written. */
export const MAX_RECORDING_MS = 20_000;
/** How often the voice check is judged while recording. */
const VOICE_EVERY_MS = 250;

export type MediaProblemCode = 'media-denied' | 'media-missing' | 'media-unavailable';

export type HowToGiveNumbers = 'say' | 'sign' | 'write';

export interface RehearsalListener {
  started(): void;
  faceJudged(judgement: FaceFrameJudgement): void;
  voiceJudged(check: RehearsalCheck<'voice'>): void;
  recordingStarted(): void;
  /** Whole seconds recorded so far. */
  recordingTick(seconds: number): void;
  /** The recording, as a blob: URL valid until the session ends or records again. */
  recorded(url: string): void;
  failed(code: MediaProblemCode): void;
}

/**
 * Front camera; the microphone without echo cancellation, noise suppression or gain control, so that
 * the background noise and the voice's level are measured as they are, not as cleaned up.
 */
export const REHEARSAL_CONSTRAINTS: MediaStreamConstraints = {
  video: { facingMode: { ideal: 'user' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
};

export class RehearsalSession {
  readonly #video: HTMLVideoElement;
  readonly #client: RehearsalClient;
  readonly #listener: RehearsalListener;
  #stream: MediaStream | null = null;
  #audio: AudioContext | null = null;
  /** Whether the microphone's readings are being kept: while recording, when saying the numbers. */
  #listening = false;
  #recorder: MediaRecorder | null = null;
  #recordingUrl: string | null = null;
  #readings: LevelReading[] = [];
  #timers: number[] = [];
  #ended = false;
  #busy = false;
  /** The numbers shown, while the person chooses to write them: `numbers-shown` is judged then. */
  #written: string | null = null;
  #cancelFrames: () => void = () => {};

  constructor(video: HTMLVideoElement, client: RehearsalClient, listener: RehearsalListener) {
    this.#video = video;
    this.#client = client;
    this.#listener = listener;
  }

  async start(): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(REHEARSAL_CONSTRAINTS);
    } catch (error) {
      if (!this.#ended) this.#listener.failed(problemCodeOf(error));
      return;
    }
    if (this.#ended) return stopTracks(stream);
    this.#stream = stream;
    this.#video.srcObject = stream;
    this.#video.muted = true;
    try {
      await this.#video.play();
    } catch {
      if (this.#ended) return;
      this.end();
      return this.#listener.failed('media-unavailable');
    }
    if (this.#ended) return;
    await this.#listenTo(stream);
    if (this.#ended) return;
    this.#listener.started();
    this.#cancelFrames = onEachVideoFrame(this.#video, () => this.#onFrame());
  }

  /** The numbers to look for on a sheet held up (null: the person says or signs them). */
  lookForWrittenNumbers(digits: string | null): void {
    this.#written = digits;
  }

  /** Records from now, up to MAX_RECORDING_MS; any earlier recording is discarded. */
  startRecording(how: HowToGiveNumbers): void {
    if (this.#ended || !this.#stream || this.#recorder) return;
    this.#discardRecording();
    const recorder = new MediaRecorder(this.#stream, { mimeType: recordingType() });
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    recorder.addEventListener('stop', () => {
      this.#recorder = null;
      this.#listening = false;
      this.#clearTimers();
      if (this.#ended) return;
      if (how === 'say') this.#listener.voiceJudged(judgeVoice(this.#readings, { final: true }));
      this.#recordingUrl = URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType }));
      chunks.length = 0;
      this.#listener.recorded(this.#recordingUrl);
    });
    this.#recorder = recorder;
    this.#readings = [];
    recorder.start();
    const startedAt = performance.now();
    this.#listener.recordingStarted();
    this.#every(1000, () => this.#listener.recordingTick(Math.round((performance.now() - startedAt) / 1000)));
    this.#timers.push(window.setTimeout(() => this.stopRecording(), MAX_RECORDING_MS));
    if (how === 'say') {
      this.#listening = true;
      this.#every(VOICE_EVERY_MS, () =>
        this.#listener.voiceJudged(judgeVoice(this.#readings, { final: false })),
      );
    }
  }

  stopRecording(): void {
    if (this.#recorder?.state === 'recording') this.#recorder.stop();
  }

  /** Stops every track, the frame loop and the recorder, and discards the recording. Safe to call twice. */
  end(): void {
    this.#ended = true;
    this.#cancelFrames();
    this.#clearTimers();
    if (this.#recorder?.state === 'recording') this.#recorder.stop();
    this.#recorder = null;
    this.#discardRecording();
    this.#listening = false;
    void this.#audio?.close();
    this.#audio = null;
    stopTracks(this.#stream);
    this.#stream = null;
    this.#video.srcObject = null;
  }

  #discardRecording(): void {
    if (this.#recordingUrl) URL.revokeObjectURL(this.#recordingUrl);
    this.#recordingUrl = null;
  }

  /**
   * The microphone through the level meter on the audio thread (then silenced: nothing is played).
   * Without AudioWorklet, or if it will not start, the voice check stays "not sure".
   */
  async #listenTo(stream: MediaStream): Promise<void> {
    if (stream.getAudioTracks().length === 0 || typeof AudioWorkletNode !== 'function') return;
    const context = new AudioContext();
    this.#audio = context;
    try {
      await context.audioWorklet.addModule(levelMeterUrl);
    } catch (error) {
      console.warn('The microphone level meter would not start.', error);
      return;
    }
    if (this.#ended) return;
    void context.resume();
    const meter = new AudioWorkletNode(context, LEVEL_METER_PROCESSOR);
    meter.port.onmessage = (event: MessageEvent<LevelReading>) => {
      if (this.#listening) this.#readings.push(event.data);
    };
    const silent = context.createGain();
    silent.gain.value = 0;
    context.createMediaStreamSource(stream).connect(meter).connect(silent).connect(context.destination);
  }

  #every(ms: number, callback: () => void): void {
    this.#timers.push(window.setInterval(callback, ms));
  }

  #clearTimers(): void {
    for (const timer of this.#timers) {
      window.clearInterval(timer);
      window.clearTimeout(timer);
    }
    this.#timers = [];
  }

  #onFrame(): void {
    if (this.#ended || this.#busy) return;
    this.#busy = true;
    void this.#judge().finally(() => {
      this.#busy = false;
    });
  }

  async #judge(): Promise<void> {
    const started = performance.now();
    let judgement: FaceFrameJudgement;
    try {
      const frame = await grabFrame(this.#video);
      if (!frame) return;
      judgement = await this.#client.judgeFaceFrame(frame, this.#written ?? undefined);
    } catch (error) {
      if (!this.#ended) console.warn('A camera frame could not be judged.', error);
      return;
    }
    if (this.#ended) return;
    performance.measure(REHEARSAL_FRAME_MEASURE, { start: started, detail: judgement.timingsMs });
    this.#listener.faceJudged(judgement);
  }
}

/** The first type this browser records: WebM in Chromium and Firefox, MP4 in Safari. */
function recordingType(): string {
  return (
    ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'].find((type) =>
      MediaRecorder.isTypeSupported(type),
    ) ?? ''
  );
}

function problemCodeOf(error: unknown): MediaProblemCode {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'media-denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'media-missing';
  return 'media-unavailable';
}

function stopTracks(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The frame on screen, to transfer to the worker: a VideoFrame where the browser has them. */
async function grabFrame(video: HTMLVideoElement): Promise<VideoFrame | ImageBitmap | null> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
  if (typeof VideoFrame !== 'function') return createImageBitmap(video);
  try {
    return new VideoFrame(video);
  } catch {
    return null;
  }
}

/** Once per new video frame (requestVideoFrameCallback), else per animation frame. Returns a stop. */
function onEachVideoFrame(video: HTMLVideoElement, callback: () => void): () => void {
  let stopped = false;
  if (typeof video.requestVideoFrameCallback === 'function') {
    let handle = 0;
    const next = () => {
      if (stopped) return;
      handle = video.requestVideoFrameCallback(next);
      callback();
    };
    handle = video.requestVideoFrameCallback(next);
    return () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
    };
  }
  let handle = 0;
  const next = () => {
    if (stopped) return;
    handle = requestAnimationFrame(next);
    callback();
  };
  handle = requestAnimationFrame(next);
  return () => {
    stopped = true;
    cancelAnimationFrame(handle);
  };
}
