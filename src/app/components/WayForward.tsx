/**
 * What can help where a new photo cannot (the document expired more than 12 months ago, or NHS login
 * does not accept it): proving who you are without photo ID through a GP surgery in England, or NHS
 * login's help centre. Under such a result, and in "If it keeps failing".
 */
import { DEAD_END } from '../content/text.ts';

export function WayForward({ headingLevel }: { readonly headingLevel: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <div className="app-way-forward" data-way-forward>
      <Heading className="nhsuk-heading-s">{DEAD_END.heading}</Heading>
      <p>{DEAD_END.withoutPhotoId}</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {DEAD_END.gpDetails.map((detail) => (
          <li key={detail}>{detail}</li>
        ))}
      </ul>
      <p>{DEAD_END.after}</p>
      <p>
        {DEAD_END.helpCentreBefore}{' '}
        <a href={DEAD_END.helpCentreHref} rel="noreferrer">
          {DEAD_END.helpCentre}
        </a>
        .
      </p>
    </div>
  );
}
