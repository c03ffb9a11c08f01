/**
 * "Practise the video step": NHS login's video step rehearsed on the device. 4 random numbers, a choice
 * of saying, signing or writing them, the camera and microphone with live checks, a recording of up to
 * 20 seconds played back, and nothing stored or sent. Layout only: the session is useRehearsal's.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { PageFooter, PageHeader } from '../components/PageHeader.tsx';
import './rehearsal.css';
import { rehearsalDigits } from './digits.ts';
import { RehearsalChecks } from './RehearsalChecks.tsx';
import { MAX_RECORDING_MS, type HowToGiveNumbers, type MediaProblemCode } from './rehearsalSession.ts';
import { HOW_TO_GIVE, LIMITS, MEDIA_PROBLEMS } from './text.ts';
import { useRehearsal, type RehearsalPhase, type RehearsalState } from './useRehearsal.ts';

export default function RehearsalPage() {
  const [how, setHow] = useState<HowToGiveNumbers>('say');
  // Drawn once, when the page opens, and kept while it stays open.
  const [digits] = useState(() => rehearsalDigits(location.search));
  const video = useRef<HTMLVideoElement>(null);
  const heading = useFocusedOnArrival<HTMLHeadingElement>();
  const { state, startCamera, startRecording, stopRecording } = useRehearsal(
    video,
    how === 'write' ? digits : null,
  );
  const cameraOn = state.phase === 'live' || state.phase === 'recording' || state.phase === 'recorded';

  return (
    <RehearsalLayout phase={state.phase}>
      <h1 ref={heading} tabIndex={-1}>
        Practise the video step
      </h1>
      <RehearsalIntro />
      <YourNumbers digits={digits} />
      <HowToGiveChoice how={how} onChange={setHow} disabled={state.phase === 'recording'} />
      {state.phase === 'paused' && <PausedNotice />}
      {state.problem && <MediaProblem problem={state.problem} />}
      <LiveCamera video={video} state={state} hidden={!cameraOn || state.phase === 'recorded'} />
      {state.phase === 'recorded' && state.recordingUrl && <PracticeVideo url={state.recordingUrl} />}
      <RecordingButtons
        phase={state.phase}
        onStartCamera={startCamera}
        onStartRecording={() => startRecording(how)}
        onStopRecording={stopRecording}
      />
      {cameraOn && (
        <RehearsalChecks
          faceChecks={state.faceChecks}
          voice={state.voice}
          numbersShown={state.numbersShown}
          how={how}
        />
      )}
    </RehearsalLayout>
  );
}

/** Moves focus to the element once, when the page opens, so a screen reader starts at its heading. */
function useFocusedOnArrival<E extends HTMLElement>(): RefObject<E | null> {
  const element = useRef<E>(null);
  useEffect(() => element.current?.focus(), []);
  return element;
}

function RehearsalLayout({ phase, children }: { phase: RehearsalPhase; children: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <PageHeader />
      <div className="nhsuk-width-container">
        <a className="nhsuk-back-link" href="#">
          Back to checking your ID photo
        </a>
        <main className="nhsuk-main-wrapper" id="maincontent" data-rehearsal={phase}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">{children}</div>
          </div>
        </main>
      </div>
      <PageFooter />
    </>
  );
}

function RehearsalIntro() {
  return (
    <>
      <p className="nhsuk-lede-text">
        NHS login may ask you to record a short video. It shows you 4 numbers, and you say them, sign them in
        British Sign Language, or write them down and hold them up. Practise it here first.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Your video stays on this device. It is not uploaded, sent or kept: it is deleted when you leave this
          page.
        </p>
      </div>
    </>
  );
}

function YourNumbers({ digits }: { digits: string }) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Your 4 numbers</h2>
      <p className="app-rehearsal__digits" data-digits={digits} aria-label={[...digits].join(' ')}>
        {digits}
      </p>
    </>
  );
}

interface HowToGiveChoiceProps {
  readonly how: HowToGiveNumbers;
  readonly onChange: (how: HowToGiveNumbers) => void;
  readonly disabled: boolean;
}

/** Say, sign or write: the choice, its hint, and what the rehearsal cannot check for it. */
function HowToGiveChoice({ how, onChange, disabled }: HowToGiveChoiceProps) {
  return (
    <>
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            How will you give the numbers?
          </legend>
          <div className="nhsuk-radios">
            {(Object.keys(HOW_TO_GIVE) as HowToGiveNumbers[]).map((option) => (
              <div className="nhsuk-radios__item" key={option}>
                <input
                  className="nhsuk-radios__input"
                  id={`how-${option}`}
                  name="how"
                  type="radio"
                  value={option}
                  checked={how === option}
                  disabled={disabled}
                  onChange={() => onChange(option)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`how-${option}`}>
                  {HOW_TO_GIVE[option].label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <p>{HOW_TO_GIVE[how].hint}</p>
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>What we cannot check
          </span>
        </h3>
        <p data-limits={how}>{LIMITS[how]}</p>
      </div>
    </>
  );
}

function PausedNotice() {
  return (
    <div className="nhsuk-inset-text" data-paused>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        Your camera and microphone were turned off, and your practice video deleted, while you were away from
        this page.
      </p>
    </div>
  );
}

function MediaProblem({ problem }: { problem: MediaProblemCode }) {
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <p>{MEDIA_PROBLEMS[problem]}</p>
      </div>
    </div>
  );
}

interface LiveCameraProps {
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly state: RehearsalState;
  readonly hidden: boolean;
}

/** The camera's preview, always in the page (useRehearsal attaches the stream to it), hidden when off. */
function LiveCamera({ video, state, hidden }: LiveCameraProps) {
  return (
    <div className="app-rehearsal__frame" hidden={hidden}>
      <video ref={video} className="app-rehearsal__live" autoPlay muted playsInline aria-hidden="true" />
      {state.phase === 'recording' && (
        <p className="app-rehearsal__recording" data-seconds={state.seconds}>
          Recording: {state.seconds} of {MAX_RECORDING_MS / 1000} seconds
        </p>
      )}
    </div>
  );
}

function PracticeVideo({ url }: { url: string }) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Your practice video</h2>
      <video className="app-rehearsal__playback" src={url} controls playsInline data-playback />
    </>
  );
}

interface RecordingButtonsProps {
  readonly phase: RehearsalPhase;
  readonly onStartCamera: () => void;
  readonly onStartRecording: () => void;
  readonly onStopRecording: () => void;
}

/** The one button each phase offers: start the camera, start (or redo) a recording, or stop it. */
function RecordingButtons({
  phase,
  onStartCamera,
  onStartRecording,
  onStopRecording,
}: RecordingButtonsProps) {
  return (
    <div className="nhsuk-button-group">
      {(phase === 'ready' || phase === 'failed' || phase === 'paused') && (
        <button className="nhsuk-button" type="button" onClick={onStartCamera}>
          Start camera and microphone
        </button>
      )}
      {(phase === 'live' || phase === 'recorded') && (
        <button className="nhsuk-button" type="button" onClick={onStartRecording}>
          {phase === 'recorded' ? 'Record again' : 'Start recording'}
        </button>
      )}
      {phase === 'recording' && (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onStopRecording}>
          Stop recording
        </button>
      )}
    </div>
  );
}
