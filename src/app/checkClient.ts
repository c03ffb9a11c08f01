/**
 * The page's side of the worker boundary: one warm worker, every call cancellable, and a worker that
 * crashed, hung or would not stop is terminated and replaced, so the page never waits on a dead one.
 * It leaves User Timing entries (`ENGINES_READY_MARK`, `CHECK_MEASURE`) for anyone measuring the page,
 * as scripts/bench-web.ts does.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type {
  Api,
  CheckOutcome,
  DownloadProgress,
  EngineDownloadPart,
  FrameJudgement,
  WorkerStep,
} from '../../workers/check.worker.ts';
import type { IsoDate } from '../pipeline/types.ts';

export type { CheckOutcome, DownloadProgress, EngineDownloadPart, FrameJudgement, WorkerStep };

/** Marked when the engines are first loaded: its startTime is "navigation to ready". */
export const ENGINES_READY_MARK = 'id-precheck:engines-ready';
/** Measured over each check that completes, with `CheckTimings` as its detail. */
export const CHECK_MEASURE = 'id-precheck:check';

export interface CheckTimings {
  readonly decodeMs: number;
  /** The pipeline's own stages, measured in the worker (CheckReport.timingsMs). */
  readonly stagesMs: Readonly<Record<string, number>>;
}

/** How much of one part of the engines has downloaded. */
export interface PartDownload extends DownloadProgress {
  readonly part: EngineDownloadPart;
}

/** The worker died or stopped answering; a fresh one has been started. */
export class WorkerCrashed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerCrashed';
  }
}

export interface CheckClientOptions {
  /** How long a cancelled check may take to reach its next step before its worker is terminated. */
  readonly cancelGraceMs?: number;
  /** A check that takes longer is taken for a hung worker. A 12 MP photo takes about a second. */
  readonly checkTimeoutMs?: number;
}

interface LiveWorker {
  readonly worker: Worker;
  readonly api: Remote<Api>;
  /** Rejects when the worker errors or is terminated: every call races it. */
  readonly died: Promise<never>;
  readonly kill: (reason: string) => void;
}

export class CheckClient {
  readonly #cancelGraceMs: number;
  readonly #checkTimeoutMs: number;
  #live: LiveWorker | undefined;
  #prepared: Promise<void> | undefined;
  /** Settles once the previous, cancelled check has stopped (or its worker was terminated). */
  #previousStopped: Promise<void> = Promise.resolve();
  #nextJobId = 1;
  /**
   * Each part's download while it loads: null before the worker says, and once it is in (the checker's
   * at ready, the readers' once both are in).
   */
  #downloads: Record<EngineDownloadPart, PartDownload | null> = {
    checker: null,
    'code-reader': null,
    'text-reader': null,
  };
  readonly #downloadListeners = new Set<() => void>();

  constructor(options: CheckClientOptions = {}) {
    this.#cancelGraceMs = options.cancelGraceMs ?? 1500;
    this.#checkTimeoutMs = options.checkTimeoutMs ?? 60_000;
  }

  /** Starts the worker and loads its engines. Resolves when a check would no longer wait for them. */
  prepare(): Promise<void> {
    if (this.#prepared) return this.#prepared;
    const live = this.#worker();
    const onDownload = proxy((part: EngineDownloadPart, progress: DownloadProgress) => {
      if (this.#live === live) this.#setDownload(part, progress);
    });
    this.#prepared = Promise.race([live.api.prepare(onDownload), live.died]).then(() => {
      if (performance.getEntriesByName(ENGINES_READY_MARK).length === 0) performance.mark(ENGINES_READY_MARK);
    });
    // Loaded or failed, the download is over (a retry reports one of its own).
    void this.#prepared.finally(() => this.#setDownload('checker', null)).catch(() => {});
    void this.#prepared
      .then(() => Promise.race([live.api.readersLoaded(), live.died]))
      .finally(() => {
        this.#setDownload('code-reader', null);
        this.#setDownload('text-reader', null);
      })
      .catch(() => {});
    return this.#prepared;
  }

  /**
   * Settles once tesseract's files and its printed-text model are in too (they arrive after ready), or
   * could not be loaded: the service worker's precache, which asks for them again, waits for it
   * (registerOfflineCache.ts).
   */
  async readersLoaded(): Promise<void> {
    await this.prepare();
    const live = this.#worker();
    await Promise.race([live.api.readersLoaded(), live.died]);
  }

  /**
   * The first of `parts` still downloading, and how much of it has (for useSyncExternalStore: the same
   * object until it changes).
   */
  downloading(parts: readonly EngineDownloadPart[]): PartDownload | null {
    for (const part of parts) {
      const progress = this.#downloads[part];
      if (progress && progress.totalBytes > 0 && progress.loadedBytes < progress.totalBytes) return progress;
    }
    return null;
  }

  readonly subscribeToDownload = (listener: () => void): (() => void) => {
    this.#downloadListeners.add(listener);
    return () => this.#downloadListeners.delete(listener);
  };

  #setDownload(part: EngineDownloadPart, progress: DownloadProgress | null): void {
    this.#downloads = { ...this.#downloads, [part]: progress && { ...progress, part } };
    this.#downloadListeners.forEach((listener) => listener());
  }

  async check(
    photo: Blob,
    today: IsoDate,
    options: { readonly signal: AbortSignal; readonly onStep: (step: WorkerStep) => void },
  ): Promise<CheckOutcome> {
    const { signal, onStep } = options;
    await this.#previousStopped;
    signal.throwIfAborted();
    const live = this.#worker();
    const jobId = this.#nextJobId++;
    const started = performance.now();
    const job = live.api.check({ jobId, photo, today }, proxy(onStep));

    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkerCrashed('The check took too long.')), this.#checkTimeoutMs);
    });
    const cancelled = new Promise<never>((_, reject) => {
      signal.addEventListener(
        'abort',
        () => {
          void live.api.cancel(jobId).catch(() => {});
          this.#previousStopped = this.#stopWithin(job, live);
          reject(signal.reason);
        },
        { once: true },
      );
    });
    try {
      const outcome = await Promise.race([job, live.died, timedOut, cancelled]);
      if (outcome.status === 'checked') {
        const detail: CheckTimings = { decodeMs: outcome.decodeMs, stagesMs: outcome.report.timingsMs };
        performance.measure(CHECK_MEASURE, { start: started, detail });
      }
      return outcome;
    } catch (error) {
      if (error instanceof WorkerCrashed) {
        live.kill(error.message);
        void this.prepare().catch(() => {});
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Judges one camera frame for the live guidance. The frame is transferred (the worker closes it).
   * Callers send one frame at a time; a worker that dies mid-frame rejects with WorkerCrashed.
   */
  async judgeFrame(frame: VideoFrame | ImageBitmap): Promise<FrameJudgement> {
    await this.#previousStopped;
    const live = this.#worker();
    return Promise.race([live.api.judgeFrame(transfer(frame, [frame])), live.died]);
  }

  dispose(): void {
    this.#live?.kill('The checker was closed.');
  }

  #worker(): LiveWorker {
    this.#live ??= this.#startWorker();
    return this.#live;
  }

  #startWorker(): LiveWorker {
    const worker = new Worker(new URL('../../workers/check.worker.ts', import.meta.url), {
      type: 'module',
      name: 'id-precheck',
    });
    let die: (error: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => (die = reject));
    died.catch(() => {}); // observed by whoever races it
    const live: LiveWorker = {
      worker,
      api: wrap<Api>(worker),
      died,
      kill: (reason) => {
        worker.terminate();
        die(new WorkerCrashed(reason));
        if (this.#live === live) {
          this.#live = undefined;
          this.#prepared = undefined;
        }
      },
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      live.kill(`The checker stopped: ${event.message || 'the worker failed to start'}.`);
    });
    worker.addEventListener('messageerror', () =>
      live.kill('The checker sent a message that could not be read.'),
    );
    return live;
  }

  /** Waits for a cancelled job to notice; a worker stuck inside one long step is terminated instead. */
  async #stopWithin(job: Promise<unknown>, live: LiveWorker): Promise<void> {
    let stopped = false;
    const settled = job.then(
      () => (stopped = true),
      () => (stopped = true),
    );
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, this.#cancelGraceMs))]);
    if (!stopped) {
      live.kill('A cancelled check did not stop in time.');
      void this.prepare().catch(() => {});
    }
  }
}
