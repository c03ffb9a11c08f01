/**
 * The rehearsal page's side of its worker (workers/rehearsal.worker.ts): started when the page opens,
 * terminated when it is left, so its face model lives no longer than the page. A worker that
 * dies rejects every call still waiting on it.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { Api, FaceFrameJudgement } from '../../../workers/rehearsal.worker.ts';

export type { FaceFrameJudgement };

/** Measured over each frame judged, from grabbing it to its judgement back on the page's thread. */
export const REHEARSAL_FRAME_MEASURE = 'id-precheck:rehearsal-frame';

export class RehearsalClient {
  readonly #worker: Worker;
  readonly #api: Remote<Api>;
  readonly #died: Promise<never>;
  #terminate: (reason: string) => void = () => {};

  constructor() {
    this.#worker = new Worker(new URL('../../../workers/rehearsal.worker.ts', import.meta.url), {
      type: 'module',
      name: 'id-precheck rehearsal',
    });
    this.#api = wrap<Api>(this.#worker);
    this.#died = new Promise<never>((_, reject) => {
      this.#terminate = (reason) => reject(new Error(reason));
      this.#worker.addEventListener('error', (event) =>
        reject(new Error(event.message || 'The worker failed')),
      );
    });
    this.#died.catch(() => {});
  }

  /** Resolves once the face detector is loaded. */
  prepare(): Promise<void> {
    return Promise.race([this.#api.prepare(), this.#died]);
  }

  /** Resolves once the reader of written digits is loaded (only for a person who writes them). */
  prepareDigitReader(): Promise<void> {
    return Promise.race([this.#api.prepareDigitReader(), this.#died]);
  }

  /** `written`: the numbers shown, when the person writes them, so that `numbers-shown` is judged too. */
  judgeFaceFrame(frame: VideoFrame | ImageBitmap, written?: string): Promise<FaceFrameJudgement> {
    return Promise.race([this.#api.judgeFaceFrame(transfer(frame, [frame]), written), this.#died]);
  }

  terminate(): void {
    this.#worker.terminate();
    this.#terminate('The rehearsal was left');
  }
}
