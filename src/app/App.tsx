/** The page: layout only. The flow lives in useCheckFlow, the words in content/text.ts. */
import { useEffect, useRef } from 'react';
import type { IsoDate } from '../pipeline/types.ts';
import { canUseCamera } from './camera/openCamera.ts';
import type { CheckClient } from './checkClient.ts';
import { CameraView } from './components/CameraView.tsx';
import { CheckProgress } from './components/CheckProgress.tsx';
import { CheckResult } from './components/CheckResult.tsx';
import { EngineDownload } from './components/EngineDownload.tsx';
import { ErrorSummary } from './components/ErrorSummary.tsx';
import { Guidance } from './components/Guidance.tsx';
import { PageFooter, PageHeader } from './components/PageHeader.tsx';
import { PHOTO_INPUT_ID, PhotoPicker } from './components/PhotoPicker.tsx';
import { UseCamera } from './components/UseCamera.tsx';
import { STEP_LABELS } from './content/text.ts';
import { announceFlowState } from './flow/checkFlow.ts';
import { useCheckFlow } from './flow/useCheckFlow.ts';
import { usePastedPhoto } from './usePastedPhoto.ts';

export function App({ client, today }: { client: CheckClient; today: IsoDate }) {
  const { state, engines, checkPhoto, checkAnother, openCamera, closeCamera } = useCheckFlow(client, today);
  usePastedPhoto(checkPhoto);
  const problem = state.phase === 'choosing' ? state.problem : null;
  // Leaving the camera returns focus to the button that opened it.
  const previousPhase = useRef(state.phase);
  const cameraJustClosed = previousPhase.current === 'camera' && state.phase === 'choosing' && !problem;
  useEffect(() => {
    previousPhase.current = state.phase;
  }, [state.phase]);

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
              {state.phase === 'camera' ? (
                <CameraView
                  client={client}
                  onPhoto={checkPhoto}
                  onProblem={closeCamera}
                  onClose={() => closeCamera()}
                />
              ) : state.phase === 'result' ? (
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
                  <EngineDownload client={client} />
                  <PhotoPicker
                    onPhoto={checkPhoto}
                    problem={problem}
                    focusOnMount={state.phase === 'choosing' && state.retake}
                  />
                  {canUseCamera() && <UseCamera onOpen={openCamera} focusOnMount={cameraJustClosed} />}
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
