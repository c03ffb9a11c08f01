/**
 * NHS login's own route for people whose photo keeps being turned down, and the help links whoever
 * runs the checker chose (src/app/settings.ts). On the page in every state.
 */
import { SETTINGS } from '../settings.ts';
import { RehearsalLink } from '../rehearsal/RehearsalLink.tsx';

export function KeepsFailing() {
  return (
    <details className="nhsuk-details app-keeps-failing">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">If it keeps failing</span>
      </summary>
      <div className="nhsuk-details__text">
        <ol className="nhsuk-list nhsuk-list--number">
          <li>Take the photo again, following the guidance on this page.</li>
          <li>
            If NHS login still cannot check your ID, contact NHS login support through the NHS login help
            centre.
          </li>
          <li>
            Ask your GP surgery for your Account ID, ODS code and Linkage key. With these 3 details you can
            register for NHS login without photo ID. Ask by phone or email: you do not need to visit.
          </li>
        </ol>
        {SETTINGS.helpLinks.length > 0 && (
          <ul className="nhsuk-list">
            {SETTINGS.helpLinks.map((link) => (
              <li key={link.href}>
                <a href={link.href} rel="noreferrer">
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
        )}
        <RehearsalLink lead="If it is the video step that fails, you can" />
      </div>
    </details>
  );
}
