/** Milliseconds per stage of one check, in the order the stages ran, and the whole check's. */
export interface StageClock {
  /** Records the time since the last mark under `stage`, and marks now. */
  lap(stage: string): void;
  /** Records the time since `started` under `stage` (a stage that overlapped others), and marks now. */
  since(stage: string, started: number): void;
  /** Marks now without recording: the time since the last mark belonged to no stage. */
  mark(): void;
  /** Every stage's time, and `total`. */
  done(): Record<string, number>;
}

export function startStageClock(): StageClock {
  const timings: Record<string, number> = {};
  const started = performance.now();
  let mark = started;
  const since = (stage: string, from: number) => {
    const now = performance.now();
    timings[stage] = Math.round(now - from);
    mark = now;
  };
  return {
    lap: (stage) => since(stage, mark),
    since,
    mark: () => {
      mark = performance.now();
    },
    done: () => {
      timings['total'] = Math.round(performance.now() - started);
      return timings;
    },
  };
}
