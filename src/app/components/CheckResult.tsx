/** The result: verdict, the photo with its outline, each rule, what was read, and what next. */
import { useEffect, useRef } from 'react';
import type { CheckReport } from '../../pipeline/types.ts';
import { VERDICTS } from '../content/text.ts';
import { DocumentDetails } from './DocumentDetails.tsx';
import { KeepsFailing } from './KeepsFailing.tsx';
import { PhotoOverlay } from './PhotoOverlay.tsx';
import { RuleResults } from './RuleResults.tsx';

interface Props {
  readonly report: CheckReport;
  readonly preview: ImageBitmap;
  readonly fileName: string;
  readonly onCheckAnother: () => void;
}

export function CheckResult({ report, preview, fileName, onCheckAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const verdict = VERDICTS[report.verdict];

  return (
    <section className="app-result" data-verdict={report.verdict} aria-labelledby="result-heading">
      <div className={`app-verdict app-verdict--${report.verdict}`}>
        <h2 id="result-heading" ref={heading} tabIndex={-1}>
          {verdict.heading}
        </h2>
        <p>{verdict.body}</p>
      </div>
      <p className="nhsuk-body-s">Photo checked: {fileName}</p>
      <PhotoOverlay report={report} preview={preview} />
      <h2>Checks</h2>
      <RuleResults rules={report.rules} />
      <h2>What we read</h2>
      <DocumentDetails report={report} />
      <button className="nhsuk-button" type="button" onClick={onCheckAnother}>
        Check another photo
      </button>
      <KeepsFailing />
    </section>
  );
}
