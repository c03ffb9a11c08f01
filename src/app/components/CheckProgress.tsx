/** While checking: which step the checker is on, in words. The page's h1 in this state. */
import { STEP_LABELS } from '../content/text.ts';
import type { WorkerStep } from '../checkClient.ts';

export function CheckProgress({ step }: { step: WorkerStep }) {
  return (
    <div className="app-progress" data-step={step} aria-busy="true">
      <h1>Checking your photo</h1>
      <p className="app-progress__step">
        <span className="app-spinner" aria-hidden="true" />
        {STEP_LABELS[step]}
      </p>
    </div>
  );
}
