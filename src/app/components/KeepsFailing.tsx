/**
 * NHS login's own route for people whose photo keeps being turned down, and the help links whoever
 * runs the checker chose (src/app/settings.ts). On the page in every state.
 */
import { EXPIRY_ALLOWANCE_MONTHS } from '../../pipeline/rules/inDate.ts';
import { NHS_LOGIN_ACCEPTS_SENTENCE } from '../../pipeline/rules/texts.ts';
import { DEAD_END } from '../content/text.ts';
import { SETTINGS } from '../settings.ts';
import { RehearsalLink } from '../rehearsal/RehearsalLink.tsx';
import { WayForward } from './WayForward.tsx';

/** The help centre is linked from the way forward already. */
const otherHelpLinks = SETTINGS.helpLinks.filter((link) => link.href !== DEAD_END.helpCentreHref);

export function KeepsFailing() {
  return (
    <details className="nhsuk-details app-keeps-failing">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">If it keeps failing</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>
          If the photo was blurred, cut off or had glare on it, take it again, following the guidance on this
          page.
        </p>
        <p>
          A new photo will not help if your ID expired more than {EXPIRY_ALLOWANCE_MONTHS} months ago, or if
          NHS login does not accept it. Use a different photo ID. {NHS_LOGIN_ACCEPTS_SENTENCE}
        </p>
        <WayForward headingLevel="h3" />
        {otherHelpLinks.length > 0 && (
          <ul className="nhsuk-list">
            {otherHelpLinks.map((link) => (
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
