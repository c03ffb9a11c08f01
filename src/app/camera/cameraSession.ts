/**
 * The live camera, outside React: opens the camera into a <video>, sends its frames to the worker one
 * at a time (a frame that arrives while the worker is busy is skipped, never queued), keeps the recent
 * judgements, takes the photo once the document has been steady and passing, and stops every track
 * when it ends, however it ends.
 *
 * It leaves User Timing entries for anyone measuring the page (scripts/bench-web.ts does):
 * FRAME_MEASURE over each judged frame, AUTO_CAPTURE_MEASURE from the first frame of the steady run
 * to the shutter.
 */
import {
  judgeSteadiness,
  type FramedMoment,
  type Steadiness,
} from '../../pipeline/framing/judgeSteadiness.ts';
import type { CheckClient, FrameJudgement } from '../checkClient.ts';
import { CameraProblem, openCamera, stopTracks, type CameraProblemCode } from './openCamera.ts';
import { takeStill } from './takeStill.ts';

/** Measured over each frame from grabbing it to its judgement back on this thread; `FrameTimings` as detail. */
export const FRAME_MEASURE = 'id-precheck:camera-frame';
/**
 * Measured from the presentation of the first frame of the steady, passing run to the automatic
 * shutter; `AutoCaptureTimings` as detail.
 */
export const AUTO_CAPTURE_MEASURE = 'id-precheck:auto-capture';

export interface AutoCaptureTimings {
  /** How long the camera then took to hand over the still (takePhoto, or the frame encoded). */
  readonly stillMs: number;
}

export interface FrameTimings {
  readonly pixelsMs: number;
  readonly shrinkMs: number;
  readonly outlineMs: number;
  readonly clarityMs: number;
  readonly problem: FrameJudgement['problem'];
}

/** The file name a photo from the camera is shown under in the result. */
export const CAMERA_PHOTO_NAME = 'photo from your camera';

/** Judgements older than this cannot be part of a steady run that matters now. */
const HISTORY_MS = 3000;

export interface CameraListener {
  /** The video is playing at this size (camera pixels). */
  started(size: { readonly width: number; readonly height: number }): void;
  judged(judgement: FrameJudgement, steadiness: Steadiness): void;
  /** The photo is being taken: automatically, or because the person pressed the shutter. */
  capturing(automatic: boolean): void;
  captured(photo: File): void;
  failed(code: CameraProblemCode): void;
}

export class CameraSession {
  readonly #video: HTMLVideoElement;
  readonly #client: CheckClient;
  readonly #listener: CameraListener;
  #stream: MediaStream | null = null;
  #ended = false;
  #busy = false;
  #capturing = false;
  /** When the newest frame skipped while the worker was busy was presented; null if none was. */
  #skippedAt: number | null = null;
  #moments: FramedMoment[] = [];
  #cancelFrames: () => void = () => {};

  constructor(video: HTMLVideoElement, client: CheckClient, listener: CameraListener) {
    this.#video = video;
    this.#client = client;
    this.#listener = listener;
  }

  async start(): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await openCamera();
    } catch (error) {
      if (!this.#ended)
        this.#listener.failed(error instanceof CameraProblem ? error.code : 'camera-unavailable');
      return;
    }
    // Ended while the person was still answering the permission prompt.
    if (this.#ended) return stopTracks(stream);
    this.#stream = stream;
    this.#video.srcObject = stream;
    try {
      await this.#video.play();
    } catch (error) {
      if (this.#ended) return;
      console.warn('The camera video would not play.', error);
      this.end();
      return this.#listener.failed('camera-unavailable');
    }
    if (this.#ended) return;
    this.#listener.started({ width: this.#video.videoWidth, height: this.#video.videoHeight });
    this.#cancelFrames = onEachVideoFrame(this.#video, (presentedAt) => this.#onFrame(presentedAt));
  }

  /** Stops every track and the frame loop. Safe to call more than once, and before start settles. */
  end(): void {
    this.#ended = true;
    this.#cancelFrames();
    stopTracks(this.#stream);
    this.#stream = null;
    this.#video.srcObject = null;
  }

  /** Takes the photo, ends the session, and hands the photo over. Ignored once a capture has begun. */
  async capture(automatic: boolean, steadySinceMs: number | null = null): Promise<void> {
    const track = this.#stream?.getVideoTracks()[0];
    if (this.#ended || this.#capturing || !track) return;
    this.#capturing = true;
    this.#listener.capturing(automatic);
    const shutterAt = performance.now();
    let photo: Blob;
    try {
      photo = await takeStill(track, this.#video);
    } catch (error) {
      // Ended meanwhile (the tab was hidden): whoever ended it says what happens next.
      if (this.#ended) return;
      console.warn('No photo could be taken.', error);
      this.end();
      return this.#listener.failed('camera-unavailable');
    }
    if (this.#ended) return;
    if (automatic && steadySinceMs !== null) {
      const detail: AutoCaptureTimings = { stillMs: Math.round(performance.now() - shutterAt) };
      performance.measure(AUTO_CAPTURE_MEASURE, { start: steadySinceMs, end: shutterAt, detail });
    }
    this.end();
    this.#listener.captured(new File([photo], CAMERA_PHOTO_NAME, { type: photo.type }));
  }

  #onFrame(presentedAt: number): void {
    if (this.#ended || this.#capturing) return;
    // Skipped, not queued: the worker answers the frame it has before it is given another. The
    // latest skipped one is remembered, so the worker is given the newest frame as soon as it is free
    // rather than idling until the camera's next. It then waits under 1 ms between frames (bench:web,
    // 2026-11-24): a second frame sent ahead would only wait in its queue, and be older when judged.
    if (this.#busy) {
      this.#skippedAt = presentedAt;
      return;
    }
    this.#busy = true;
    void this.#judge(presentedAt).finally(() => {
      this.#busy = false;
      const skippedAt = this.#skippedAt;
      this.#skippedAt = null;
      if (skippedAt !== null) this.#onFrame(skippedAt);
    });
  }

  async #judge(presentedAt: number): Promise<void> {
    const started = performance.now();
    let judgement: FrameJudgement;
    try {
      const frame = await grabFrame(this.#video);
      if (!frame) return;
      judgement = await this.#client.judgeFrame(frame);
    } catch (error) {
      // A crashed worker has been replaced by the client: the next frame goes to the new one.
      console.warn('A camera frame could not be judged.', error);
      return;
    }
    if (this.#ended || this.#capturing) return;
    const timings: FrameTimings = {
      pixelsMs: judgement.pixelsMs,
      shrinkMs: judgement.timingsMs.shrink,
      outlineMs: judgement.timingsMs.outline,
      clarityMs: judgement.timingsMs.clarity,
      problem: judgement.problem,
    };
    performance.measure(FRAME_MEASURE, { start: started, detail: timings });
    const steadiness = this.#remember(presentedAt, judgement);
    this.#listener.judged(judgement, steadiness);
    if (steadiness.steady) await this.capture(true, steadiness.sinceMs);
  }

  #remember(atMs: number, judgement: FrameJudgement): Steadiness {
    this.#moments = this.#moments.filter((moment) => moment.atMs > atMs - HISTORY_MS);
    this.#moments.push({
      atMs,
      outline: judgement.outline,
      passes: judgement.problem === null,
      width: judgement.width,
      height: judgement.height,
    });
    return judgeSteadiness(this.#moments);
  }
}

/**
 * The frame on screen, to transfer to the worker: a VideoFrame where the browser has them (no pixels
 * are copied on this thread), else an ImageBitmap. Null when the video has no frame yet.
 */
async function grabFrame(video: HTMLVideoElement): Promise<VideoFrame | ImageBitmap | null> {
  if (typeof VideoFrame !== 'function') return createImageBitmap(video);
  try {
    return new VideoFrame(video);
  } catch {
    return null;
  }
}

/**
 * Calls back once per new video frame with when it was presented (requestVideoFrameCallback), or once
 * per animation frame where the browser lacks that. Returns a function that stops the calls.
 */
function onEachVideoFrame(video: HTMLVideoElement, callback: (presentedAt: number) => void): () => void {
  let stopped = false;
  if (typeof video.requestVideoFrameCallback === 'function') {
    let handle = 0;
    const next = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (stopped) return;
      handle = video.requestVideoFrameCallback(next);
      callback(metadata.presentationTime);
    };
    handle = video.requestVideoFrameCallback(next);
    return () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
    };
  }
  let handle = 0;
  const next = (now: number) => {
    if (stopped) return;
    handle = requestAnimationFrame(next);
    callback(now);
  };
  handle = requestAnimationFrame(next);
  return () => {
    stopped = true;
    cancelAnimationFrame(handle);
  };
}
