/**
 * The NHS.UK error summary, focused when it appears so that it is read first, and read once: it is
 * not also an alert or a live region (focus alone announces it).
 */
import { useEffect, useRef } from 'react';
import type { PhotoProblem } from '../flow/checkFlow.ts';

export function ErrorSummary({ problem, fieldId }: { problem: PhotoProblem; fieldId: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [problem]);
  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1} data-error-code={problem.code}>
      <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          <li>
            <a href={`#${fieldId}`}>{problem.message}</a>
          </li>
        </ul>
      </div>
    </div>
  );
}
