/**
 * The live checks of the rehearsal: the face checks while the camera runs and, for a person who says
 * their numbers, the voice check, or for one who writes them, the check of the numbers held up, under a
 * heading that gives the overall verdict.
 */
import type { RehearsalCheck } from '../../pipeline/rehearsal/types.ts';
import type { Status } from '../../pipeline/types.ts';
import { STATUS_SIGNS } from '../content/text.ts';
import type { HowToGiveNumbers } from './rehearsalSession.ts';
import { CHECK_TITLES, VERDICT_TEXT } from './text.ts';
import type { RehearsalState } from './useRehearsal.ts';

const WAITING_FOR_VOICE: RehearsalCheck<'voice'> = {
  id: 'voice',
  status: 'unsure',
  message: 'We listen while you record.',
  advice: 'Press "Start recording", then say your 4 numbers.',
  evidence: {},
};

const WAITING_FOR_SHEET: RehearsalCheck<'numbers-shown'> = {
  id: 'numbers-shown',
  status: 'unsure',
  message: 'We look for your numbers on paper held up beside your face.',
  advice: 'Write the 4 numbers large and dark, then hold the paper up beside your face.',
  evidence: {},
};

interface RehearsalChecksProps {
  readonly faceChecks: RehearsalState['faceChecks'];
  readonly voice: RehearsalState['voice'];
  readonly numbersShown: RehearsalState['numbersShown'];
  readonly how: HowToGiveNumbers;
}

export function RehearsalChecks({ faceChecks, voice, numbersShown, how }: RehearsalChecksProps) {
  const checks: readonly RehearsalCheck[] = [
    ...(faceChecks ?? []),
    ...(how === 'say' && faceChecks ? [voice ?? WAITING_FOR_VOICE] : []),
    ...(how === 'write' && faceChecks ? [numbersShown ?? WAITING_FOR_SHEET] : []),
  ];
  const verdict = verdictOf(checks);
  return (
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
