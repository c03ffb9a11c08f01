/**
 * The NHS.UK header ("with service name") and footer, as src/app/settings.ts asks: the NHS logo only
 * where whoever runs the checker may show it, and the caveat that this is not NHS login.
 */
import { SETTINGS } from '../settings.ts';
import { NOT_NHS_LOGIN } from '../content/text.ts';

const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

export function PageHeader() {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          {SETTINGS.showNhsLogo ? (
            // One link for logo and name, named by what it shows (WCAG 2.5.3: the visible text is in the name).
            <a className="nhsuk-header__service-logo" href="./">
              <svg
                className="nhsuk-header__logo"
                viewBox="0 0 200 80"
                height="40"
                width="100"
                focusable="false"
                role="img"
                aria-label="NHS"
              >
                <title>NHS</title>
                <path fill="currentcolor" d={NHS_LOGO_PATH} />
              </svg>
              <span className="nhsuk-header__service-name">{SETTINGS.serviceName}</span>
            </a>
          ) : (
            <a className="nhsuk-header__service-name" href="./">
              {SETTINGS.serviceName}
            </a>
          )}
        </div>
      </div>
    </header>
  );
}

export function PageFooter() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">
            This checker runs on your device. Your photo is not uploaded or stored anywhere. {NOT_NHS_LOGIN}
          </p>
        </div>
      </div>
    </footer>
  );
}
