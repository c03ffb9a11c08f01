/**
 * What whoever runs the checker sets for their own service: the NHS login team, a GP system
 * supplier, a charity. Edit this file (and nothing else) and rebuild. Without changes the header shows
 * no NHS logo, only the service name, and the page says that it is not part of NHS login.
 */

export interface HelpLink {
  readonly text: string;
  readonly href: string;
}

export interface SiteSettings {
  /** In the header and the page title. */
  readonly serviceName: string;
  /**
   * The NHS logo in the header. Only for a service the NHS runs or has agreed to carry it (the NHS
   * identity guidelines): off by default.
   */
  readonly showNhsLogo: boolean;
  /** Who runs this copy, said beside each result and in the footer ("It is not part of NHS login."). */
  readonly runBy: string | null;
  /** Where to turn when the photo keeps failing: listed in "If it keeps failing", in this order. */
  readonly helpLinks: readonly HelpLink[];
}

export const SETTINGS: SiteSettings = {
  serviceName: 'Check your ID photo',
  showNhsLogo: false,
  runBy: null,
  helpLinks: [{ text: 'NHS login help centre', href: 'https://help.login.nhs.uk/' }],
};
