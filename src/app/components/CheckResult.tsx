/**
 * The result: the verdict (the page's h1) with what to do next and what it does not promise, the photo
 * with its outline, each rule, what was read, and what next. (The help follows, in App, in every state.)
 * A card's back is said to be the back, with the front offered next, and never offered as the photo to upload.
 */
import { useEffect, useRef } from 'react';
import type { CheckReport } from '../../pipeline/types.ts';
import { isDeadEndReport, nextSteps } from '../content/present.ts';
import {
  BACK_OF_CARD,
  DEAD_END,
  NOT_NHS_LOGIN,
  SAVE_BACK_PHOTO,
  SAVE_PHOTO,
  VERDICTS,
} from '../content/text.ts';
import { DocumentDetails } from './DocumentDetails.tsx';
import { PhotoOverlay } from './PhotoOverlay.tsx';
import { RuleResults } from './RuleResults.tsx';
import { SavePhoto } from './SavePhoto.tsx';
import { WayForward } from './WayForward.tsx';

interface Props {
  readonly report: CheckReport;
  readonly preview: ImageBitmap;
  readonly fileName: string;
  /** The camera's photo, which exists nowhere else: offered for saving. */
  readonly cameraPhoto: Blob | null;
  readonly onCheckAnother: () => void;
}

export function CheckResult({ report, preview, fileName, cameraPhoto, onCheckAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  // The back of a card is never presented as the photo to upload, however its checks went.
  const isBack = report.side === 'back';
  const verdict = isBack && report.verdict === 'pass' ? BACK_OF_CARD : VERDICTS[report.verdict];
  const steps = nextSteps(report.rules);
  // The document itself is refused: say so before any step, and show what can help instead.
  const deadEnd = isDeadEndReport(report.rules);

  return (
    <section className="app-result" data-verdict={report.verdict} aria-labelledby="result-heading">
      <div className={`app-verdict app-verdict--${report.verdict}`}>
        <h1 id="result-heading" ref={heading} tabIndex={-1}>
          {verdict.heading}
        </h1>
        <p data-verdict-body>{deadEnd ? DEAD_END.body : verdict.body}</p>
        {isBack && report.verdict !== 'pass' && <p data-card-back>{BACK_OF_CARD.body}</p>}
        {isBack && (
          <button className="nhsuk-button" type="button" onClick={onCheckAnother}>
            {BACK_OF_CARD.button}
          </button>
        )}
        {steps.length > 0 && (
          <>
            <h2 className="nhsuk-heading-s app-verdict__steps">What to do next</h2>
            {steps.length === 1 ? (
              <p data-next-step>{steps[0]}</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {steps.map((step) => (
                  <li key={step} data-next-step>
                    {step}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {deadEnd && <WayForward headingLevel="h2" />}
        <p className="nhsuk-body-s app-verdict__caveat">{NOT_NHS_LOGIN}</p>
      </div>
      {cameraPhoto && <SavePhoto photo={cameraPhoto} words={isBack ? SAVE_BACK_PHOTO : SAVE_PHOTO} />}
      <p className="nhsuk-body-s">Photo checked: {fileName}</p>
      <PhotoOverlay report={report} preview={preview} />
      <h2>Checks</h2>
      <RuleResults rules={report.rules} />
      <h2>What we read</h2>
      <DocumentDetails report={report} />
      <button className="nhsuk-button" type="button" onClick={onCheckAnother}>
        Check another photo
      </button>
    </section>
  );
}
