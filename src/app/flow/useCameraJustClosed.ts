/** Leaving the camera returns focus to the button that opened it: true on the render just after. */
import { useEffect, useRef } from 'react';
import type { FlowState } from './checkFlow.ts';

export function useCameraJustClosed(state: FlowState): boolean {
  const previousPhase = useRef(state.phase);
  // Not when the camera could not be used: its error summary takes the focus instead.
  const justClosed = previousPhase.current === 'camera' && state.phase === 'choosing' && !state.problem;
  useEffect(() => {
    previousPhase.current = state.phase;
  }, [state.phase]);
  return justClosed;
}
