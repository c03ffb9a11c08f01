/** The page: layout only. The flow lives in useCheckFlow, the words in content/text.ts. */
import { useEffect } from 'react';
import type { IsoDate } from '../pipeline/types.ts';
import { canUseCamera } from './camera/openCamera.ts';
import type { CheckClient } from './checkClient.ts';
import { CameraView } from './components/CameraView.tsx';
import { CheckProgress } from './components/CheckProgress.tsx';
import { CheckResult } from './components/CheckResult.tsx';
import { CHECKER_DOWNLOAD, EngineDownload, READERS_DOWNLOAD } from './components/EngineDownload.tsx';
import { ErrorSummary } from './components/ErrorSummary.tsx';
import { Guidance, Intro } from './components/Guidance.tsx';
import { KeepsFailing } from './components/KeepsFailing.tsx';
import { LoadFailed } from './components/LoadFailed.tsx';
import { PageFooter, PageHeader } from './components/PageHeader.tsx';
import { PHOTO_INPUT_ID, PhotoPicker } from './components/PhotoPicker.tsx';
import { UseCamera } from './components/UseCamera.tsx';
import { PAGE_TITLES, STEP_LABELS, VERDICTS } from './content/text.ts';
import { announceFlowState, type FlowState } from './flow/checkFlow.ts';
import { useCameraJustClosed } from './flow/useCameraJustClosed.ts';
import { useCameraPhoto } from './flow/useCameraPhoto.ts';
import { useCheckFlow, type EngineStatus } from './flow/useCheckFlow.ts';
import { SETTINGS } from './settings.ts';
import { usePastedPhoto } from './usePastedPhoto.ts';

export function App({ client, today }: { client: CheckClient; today: IsoDate }) {
  const { state, engines, checkPhoto, checkAnother, openCamera, closeCamera } = useCheckFlow(client, today);
  const { cameraPhoto, checkChosenPhoto, checkCameraPhoto } = useCameraPhoto(checkPhoto);
  usePastedPhoto(checkChosenPhoto);
  const loadFailed = engines === 'failed' && (state.phase === 'choosing' || state.phase === 'checking');
  const cameraJustClosed = useCameraJustClosed(state);
  useEffect(() => {
    document.title = pageTitle(state, engines);
  }, [state, engines]);

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
              {state.phase === 'camera' ? (
                <CameraView
                  client={client}
                  onPhoto={checkCameraPhoto}
                  onProblem={closeCamera}
                  onClose={() => closeCamera()}
                />
              ) : state.phase === 'result' ? (
                <CheckResult
                  report={state.report}
                  preview={state.preview}
                  fileName={state.fileName}
                  cameraPhoto={cameraPhoto}
                  onCheckAnother={checkAnother}
                />
              ) : loadFailed ? (
                <>
                  <LoadFailed onRetry={() => location.reload()} />
                  <Guidance />
                </>
              ) : (
                <ChoosePhoto
                  state={state}
                  client={client}
                  onPhoto={checkChosenPhoto}
                  onOpenCamera={openCamera}
                  cameraJustClosed={cameraJustClosed}
                />
              )}
              <KeepsFailing />
              <StepAnnouncer state={state} loadFailed={loadFailed} />
            </div>
          </div>
        </main>
      </div>
      <PageFooter />
    </>
  );
}

/** The page title follows its h1, with the design system's "Error: " prefix while an error shows. */
function pageTitle(state: FlowState, engines: EngineStatus): string {
  const title = (heading: string) => `${heading} – ${SETTINGS.serviceName}`;
  switch (state.phase) {
    case 'camera':
      return title(PAGE_TITLES.camera);
    case 'result':
      return title(VERDICTS[state.report.verdict].heading);
    case 'checking':
      return engines === 'failed' ? `Error: ${title(PAGE_TITLES.loadFailed)}` : title(PAGE_TITLES.checking);
    case 'choosing':
      if (engines === 'failed') return `Error: ${title(PAGE_TITLES.loadFailed)}`;
      return `${state.problem ? 'Error: ' : ''}${title(PAGE_TITLES.intro)}`;
  }
}

interface ChoosePhotoProps {
  readonly state: Extract<FlowState, { phase: 'choosing' | 'checking' }>;
  readonly client: CheckClient;
  readonly onPhoto: (photo: File) => void;
  readonly onOpenCamera: () => void;
  /** Back from the camera: the person lands on "Use camera" again. */
  readonly cameraJustClosed: boolean;
}

/** Choosing a photo, and while it is checked: the picker stays, naming the photo being checked. */
function ChoosePhoto({ state, client, onPhoto, onOpenCamera, cameraJustClosed }: ChoosePhotoProps) {
  const problem = state.phase === 'choosing' ? state.problem : null;
  return (
    <>
      {problem && <ErrorSummary problem={problem} fieldId={PHOTO_INPUT_ID} />}
      {state.phase === 'checking' ? <CheckProgress step={state.step} /> : <Intro />}
      <PhotoPicker
        onPhoto={onPhoto}
        problem={problem}
        chosen={state.phase === 'checking' ? state.fileName : null}
        focusOnMount={state.phase === 'choosing' && state.retake}
      />
      {/* Below the input, so that the download's line never pushes the input off the first screen. */}
      <EngineDownload
        client={client}
        parts={
          state.phase === 'checking' && state.step === 'waiting-for-code-reader'
            ? READERS_DOWNLOAD
            : CHECKER_DOWNLOAD
        }
      />
      {canUseCamera() && <UseCamera onOpen={onOpenCamera} focusOnMount={cameraJustClosed} />}
      <Guidance />
    </>
  );
}

/** Only the checking steps: a result or an error is announced by focus moving to it. */
function StepAnnouncer({ state, loadFailed }: { readonly state: FlowState; readonly loadFailed: boolean }) {
  return (
    <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
      {state.phase === 'checking' && !loadFailed ? announceFlowState(state, (step) => STEP_LABELS[step]) : ''}
    </div>
  );
}
