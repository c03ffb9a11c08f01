/**
 * "Practise the video step": NHS login's video step rehearsed on the device. 4 random numbers, a choice
 * of saying, signing or writing them, the camera and microphone with live checks, a recording of up to
 * 20 seconds played back, and nothing stored or sent. Layout only: the session is useRehearsal's.
 */
import { useEffect, useRef, useState } from 'react';
import type { RehearsalCheck } from '../../pipeline/rehearsal/types.ts';
import type { Status } from '../../pipeline/types.ts';
import { PageFooter, PageHeader } from '../components/PageHeader.tsx';
import { STATUS_SIGNS } from '../content/text.ts';
import './rehearsal.css';
import { MAX_RECORDING_MS, type HowToGiveNumbers } from './rehearsalSession.ts';
import { CHECK_TITLES, HOW_TO_GIVE, LIMITS, MEDIA_PROBLEMS, VERDICT_TEXT } from './text.ts';
import { useRehearsal } from './useRehearsal.ts';

/** 4 digits, as NHS login shows, from the browser's cryptographic generator. */
function randomDigits(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => String(byte % 10)).join('');
}

const WAITING_FOR_VOICE: RehearsalCheck<'voice'> = {
  id: 'voice',
  status: 'unsure',
  message: 'We listen while you record.',
  advice: 'Press "Start recording", then say your 4 numbers.',
  evidence: {},
};

export default function RehearsalPage() {
  const [digits] = useState(randomDigits);
  const [how, setHow] = useState<HowToGiveNumbers>('say');
  const video = useRef<HTMLVideoElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { state, startCamera, startRecording, stopRecording } = useRehearsal(video);
  useEffect(() => heading.current?.focus(), []);

  const cameraOn = state.phase === 'live' || state.phase === 'recording' || state.phase === 'recorded';
  const checks: readonly RehearsalCheck[] = [
    ...(state.faceChecks ?? []),
    ...(how === 'say' && state.faceChecks ? [state.voice ?? WAITING_FOR_VOICE] : []),
  ];
  const verdict = verdictOf(checks);

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
        <main className="nhsuk-main-wrapper" id="maincontent" data-rehearsal={state.phase}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h1 ref={heading} tabIndex={-1}>
                Practise the video step
              </h1>
              <p className="nhsuk-lede-text">
                NHS login may ask you to record a short video. It shows you 4 numbers, and you say them, sign
                them in British Sign Language, or write them down and hold them up. Practise it here first.
              </p>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  Your video stays on this device. It is not uploaded, sent or kept: it is deleted when you
                  leave this page.
                </p>
              </div>

              <h2 className="nhsuk-heading-m">Your 4 numbers</h2>
              <p className="app-rehearsal__digits" data-digits={digits} aria-label={[...digits].join(' ')}>
                {digits}
              </p>

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
                          disabled={state.phase === 'recording'}
                          onChange={() => setHow(option)}
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

              {state.phase === 'paused' && (
                <div className="nhsuk-inset-text" data-paused>
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>
                    Your camera and microphone were turned off, and your practice video deleted, while you
                    were away from this page.
                  </p>
                </div>
              )}
              {state.problem && (
                <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
                  <h2 className="nhsuk-error-summary__title">There is a problem</h2>
                  <div className="nhsuk-error-summary__body">
                    <p>{MEDIA_PROBLEMS[state.problem]}</p>
                  </div>
                </div>
              )}

              <div className="app-rehearsal__frame" hidden={!cameraOn || state.phase === 'recorded'}>
                <video
                  ref={video}
                  className="app-rehearsal__live"
                  autoPlay
                  muted
                  playsInline
                  aria-hidden="true"
                />
                {state.phase === 'recording' && (
                  <p className="app-rehearsal__recording" data-seconds={state.seconds}>
                    Recording: {state.seconds} of {MAX_RECORDING_MS / 1000} seconds
                  </p>
                )}
              </div>

              {state.phase === 'recorded' && state.recordingUrl && (
                <>
                  <h2 className="nhsuk-heading-m">Your practice video</h2>
                  <video
                    className="app-rehearsal__playback"
                    src={state.recordingUrl}
                    controls
                    playsInline
                    data-playback
                  />
                </>
              )}

              <div className="nhsuk-button-group">
                {(state.phase === 'ready' || state.phase === 'failed' || state.phase === 'paused') && (
                  <button className="nhsuk-button" type="button" onClick={startCamera}>
                    Start camera and microphone
                  </button>
                )}
                {(state.phase === 'live' || state.phase === 'recorded') && (
                  <button className="nhsuk-button" type="button" onClick={() => startRecording(how)}>
                    {state.phase === 'recorded' ? 'Record again' : 'Start recording'}
                  </button>
                )}
                {state.phase === 'recording' && (
                  <button
                    className="nhsuk-button nhsuk-button--secondary"
                    type="button"
                    onClick={stopRecording}
                  >
                    Stop recording
                  </button>
                )}
              </div>

              {cameraOn && (
                <section
                  className="app-rehearsal__checks"
                  aria-labelledby="rehearsal-checks-heading"
                  data-verdict={verdict}
                >
                  <h2 id="rehearsal-checks-heading" className="nhsuk-heading-m">
                    {checks.length === 0 ? 'Getting ready to check your video' : VERDICT_TEXT[verdict]}
                  </h2>
                  <ul className="nhsuk-list app-rules" role="list">
                    {checks.map((check) => (
                      <CheckItem key={check.id} check={check} />
                    ))}
                  </ul>
                </section>
              )}
            </div>
          </div>
        </main>
      </div>
      <PageFooter />
    </>
  );
}

function CheckItem({ check }: { check: RehearsalCheck }) {
  const sign = STATUS_SIGNS[check.status];
  return (
    <li className={`app-rule app-rule--${check.status}`} data-check={check.id} data-status={check.status}>
      <h3 className="nhsuk-heading-s app-rule__title">
        <span className="app-rule__sign" aria-hidden="true">
          {sign.symbol}
        </span>
        <span className="app-rule__status">{sign.label}:</span> {CHECK_TITLES[check.id]}
      </h3>
      <p className="app-rule__message">{check.message}</p>
      {check.advice && (
        <p className="app-rule__advice">
          <strong>What to do: </strong>
          {check.advice}
        </p>
      )}
    </li>
  );
}

function verdictOf(checks: readonly RehearsalCheck[]): Status {
  if (checks.some((check) => check.status === 'fail')) return 'fail';
  if (checks.length > 0 && checks.every((check) => check.status === 'pass')) return 'pass';
  return 'unsure';
}
