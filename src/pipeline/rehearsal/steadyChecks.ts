/**
 * The face checks as shown: each check's status is the one most of its recent judgements gave, so that
 * one odd frame (a blink, a detection missed) does not flicker the page between pass and fail. The
 * message and advice shown are the latest judgement's with that status.
 */
import type { FaceChecks } from './judgeFace.ts';
import type { RehearsalCheck } from './types.ts';

/** At 10 or more judgements a second, the last half-second or so. */
export const STEADY_OVER = 5;

/** `recent` oldest first; the result is the newest judgement's when there is a tie. */
export function steadyFaceChecks(recent: readonly FaceChecks[]): FaceChecks | null {
  if (recent.length === 0) return null;
  const window = recent.slice(-STEADY_OVER);
  const steady = <C extends RehearsalCheck>(index: number): C =>
    steadyCheck(window.map((checks) => checks[index] as C));
  return [steady(0), steady(1), steady(2), steady(3)];
}

/**
 * One check as shown, from its recent judgements (oldest first, at least one): the status most of the
 * last STEADY_OVER gave, the newest's on a tie, with the newest judgement that gave it.
 */
export function steadyCheck<C extends RehearsalCheck>(recent: readonly C[]): C {
  const history = recent.slice(-STEADY_OVER);
  const counts = new Map<string, number>();
  for (const check of history) counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
  const newest = history.at(-1)!;
  let best = newest.status;
  for (const [status, count] of counts) if (count > (counts.get(best) ?? 0)) best = status as C['status'];
  return [...history].reverse().find((check) => check.status === best)!;
}
