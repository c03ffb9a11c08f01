/**
 * The intro (the h1 and one sentence, so that on a phone the photo input is on the first screen), and,
 * below the input, what gets a photo turned down and which documents NHS login accepts.
 */
import { EXPIRY_ALLOWANCE_MONTHS } from '../../pipeline/rules/inDate.ts';
import { ACCEPTED_DOCUMENTS, PAGE_TITLES, PHOTO_DONTS, PHOTO_DOS } from '../content/text.ts';
import { RehearsalLink } from '../rehearsal/RehearsalLink.tsx';
import { CrossIcon, TickIcon } from './Icons.tsx';

export function Intro() {
  return (
    <>
      <h1>{PAGE_TITLES.intro}</h1>
      <p className="nhsuk-lede-text">
        NHS login turns down photos of ID with cut-off corners, blur, glare, or a document that expired more
        than {EXPIRY_ALLOWANCE_MONTHS} months ago or that it does not accept. Check your photo here first: it
        stays on this device.
      </p>
    </>
  );
}

export function Guidance() {
  return (
    <>
      <h2>How to take a photo that will be accepted</h2>
      {/* Stacked, not side by side, as the design system's Do and Don't list asks. */}
      <GuidanceList heading="Do" items={PHOTO_DOS} kind="tick" />
      <GuidanceList heading="Don't" items={PHOTO_DONTS} kind="cross" />
      <h2 className="nhsuk-heading-s">Documents NHS login accepts</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {ACCEPTED_DOCUMENTS.map((document) => (
          <li key={document}>{document}</li>
        ))}
      </ul>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>Your photo is checked on this device. It is not uploaded or sent anywhere.</p>
      </div>
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
    <div className="nhsuk-card nhsuk-card--feature" data-guidance-list={kind}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">{heading}</h3>
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
