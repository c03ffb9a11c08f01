/**
 * The checker's own files did not load (offline on a first visit, a failed download): said as such,
 * not blamed on the photo, with a way to try again. The page's h1 in this state.
 */
import { useEffect, useRef } from 'react';
import { LOAD_FAILED } from '../content/text.ts';

export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), []);
  return (
    <div
      className="nhsuk-error-summary app-load-failed"
      ref={summary}
      tabIndex={-1}
      data-error-code="load-failed"
    >
      <h1 className="nhsuk-error-summary__heading">{LOAD_FAILED.heading}</h1>
      <div className="nhsuk-error-summary__body">
        <p>{LOAD_FAILED.body}</p>
        <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="button" onClick={onRetry}>
          {LOAD_FAILED.retry}
        </button>
      </div>
    </div>
  );
}
