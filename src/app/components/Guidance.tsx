/** The intro: what gets a photo turned down, and which documents NHS login accepts. */
import { ACCEPTED_DOCUMENTS, PHOTO_DONTS, PHOTO_DOS } from '../content/text.ts';
import { RehearsalLink } from '../rehearsal/RehearsalLink.tsx';
import { CrossIcon, TickIcon } from './Icons.tsx';

export function Guidance() {
  return (
    <>
      <h1>Check your ID photo before you upload it</h1>
      <p className="nhsuk-lede-text">
        NHS login turns down photos of ID that have cut-off corners, blur, glare or shine, or that show a
        document it does not accept or that has expired. Check your photo here first.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>Your photo is checked on this device. It is not uploaded or sent anywhere.</p>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <GuidanceList heading="Do" items={PHOTO_DOS} kind="tick" />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <GuidanceList heading="Don't" items={PHOTO_DONTS} kind="cross" />
        </div>
      </div>
      <h2 className="nhsuk-heading-s">Documents NHS login accepts</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {ACCEPTED_DOCUMENTS.map((document) => (
          <li key={document}>{document}</li>
        ))}
      </ul>
      <RehearsalLink lead="NHS login may also ask for a short video of you saying, signing or writing 4 numbers. You can" />
    </>
  );
}

function GuidanceList({
  heading,
  items,
  kind,
}: {
  heading: string;
  items: readonly string[];
  kind: 'tick' | 'cross';
}) {
  return (
    <div className="nhsuk-card nhsuk-card--feature">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">{heading}</h2>
        <ul className={`nhsuk-list nhsuk-list--${kind}`} role="list">
          {items.map((item) => (
            <li key={item}>
              {kind === 'tick' ? <TickIcon /> : <CrossIcon />}
              {item}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
