/** While checking: which step the checker is on, in words. */
import { STEP_LABELS } from '../content/text.ts';
import type { WorkerStep } from '../checkClient.ts';

export function CheckProgress({ step, fileName }: { step: WorkerStep; fileName: string }) {
  return (
    <div className="app-progress" data-step={step} aria-busy="true">
      <h2>Checking your photo</h2>
      <p className="nhsuk-body-s app-progress__file">{fileName}</p>
      <p className="app-progress__step">
        <span className="app-spinner" aria-hidden="true" />
        {STEP_LABELS[step]}
      </p>
    </div>
  );
}
