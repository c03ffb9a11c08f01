/** The page: layout only. The flow lives in useCheckFlow, the words in content/text.ts. */
import type { IsoDate } from '../pipeline/types.ts';
import type { CheckClient } from './checkClient.ts';
import { CheckProgress } from './components/CheckProgress.tsx';
import { CheckResult } from './components/CheckResult.tsx';
import { ErrorSummary } from './components/ErrorSummary.tsx';
import { Guidance } from './components/Guidance.tsx';
import { PageFooter, PageHeader } from './components/PageHeader.tsx';
import { PHOTO_INPUT_ID, PhotoPicker } from './components/PhotoPicker.tsx';
import { STEP_LABELS } from './content/text.ts';
import { announceFlowState } from './flow/checkFlow.ts';
import { useCheckFlow } from './flow/useCheckFlow.ts';
import { usePastedPhoto } from './usePastedPhoto.ts';

export function App({ client, today }: { client: CheckClient; today: IsoDate }) {
  const { state, engines, checkPhoto, checkAnother } = useCheckFlow(client, today);
  usePastedPhoto(checkPhoto);
  const problem = state.phase === 'choosing' ? state.problem : null;

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <PageHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" data-phase={state.phase} data-engines={engines}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              {problem && <ErrorSummary problem={problem} fieldId={PHOTO_INPUT_ID} />}
              {state.phase === 'result' ? (
                <CheckResult
                  report={state.report}
                  preview={state.preview}
                  fileName={state.fileName}
                  onCheckAnother={checkAnother}
                />
              ) : (
                <>
                  {state.phase === 'checking' ? (
                    <CheckProgress step={state.step} fileName={state.fileName} />
                  ) : (
                    <Guidance />
                  )}
                  <PhotoPicker
                    onPhoto={checkPhoto}
                    problem={problem}
                    focusOnMount={state.phase === 'choosing' && state.retake}
                  />
                </>
              )}
              <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
                {announceFlowState(state, (step) => STEP_LABELS[step])}
              </div>
            </div>
          </div>
        </main>
      </div>
      <PageFooter />
    </>
  );
}
