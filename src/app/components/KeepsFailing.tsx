import { RehearsalLink } from '../rehearsal/RehearsalLink.tsx';

/** NHS login's own route for people whose photo keeps being turned down. */
export function KeepsFailing() {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">If it keeps failing</span>
      </summary>
      <div className="nhsuk-details__text">
        <ol className="nhsuk-list nhsuk-list--number">
          <li>Take the photo again, following the guidance at the top of this page.</li>
          <li>
            If NHS login still cannot check your ID, contact NHS login support through the NHS login help
            centre.
          </li>
          <li>
            Ask your GP surgery for your Account ID, ODS code and Linkage key. With these 3 details you can
            register for NHS login without photo ID. Ask by phone or email: you do not need to visit.
          </li>
        </ol>
        <RehearsalLink lead="If it is the video step that fails, you can" />
      </div>
    </details>
  );
}
