/**
 * The five NHS login photo rules, each judged from the stages' measurements into pass, fail or
 * unsure, with a message in plain words and advice for the retake. `unsure` is the honest answer
 * whenever something could not be read: never a guessed pass.
 */
import { CLARITY_THRESHOLDS } from '../clarity/measureClarity.ts';
import type {
  CornerName,
  DocumentSummary,
  IsoDate,
  Measures,
  MrzReading,
  RuleResult,
  Status,
} from '../types.ts';
import type { CardFrontReading } from '../licence/readCardFront.ts';
import type { DistinguishingSign } from '../licence/readDistinguishingSign.ts';
import type { FrontReading } from '../licence/readDocumentFront.ts';
import type { LicenceReading } from '../licence/readLicence.ts';
import { acceptanceOf } from './acceptedDocuments.ts';

const listCorners = (corners: readonly CornerName[]) =>
  corners.length === 1
    ? `the ${corners[0]} corner`
    : `the ${corners.slice(0, -1).join(', ')} and ${corners.at(-1)} corners`;

export interface CornerEvidence {
  readonly found: boolean;
  readonly missingCorners: readonly CornerName[];
  readonly coveredCorners: readonly CornerName[];
  readonly offEdges: readonly string[];
  /**
   * False when clear-photo found blur, glare or a washed-out photo. Cover is seen as a corner whose
   * border is broken, and these break borders too, so on such a photo it is not claimed: the photo
   * must be retaken for its clarity anyway, and the retake is judged afresh. Absent: borders are clear.
   */
  readonly bordersClear?: boolean;
}

export function judgeFourCorners(corners: CornerEvidence): RuleResult {
  const evidence = { ...corners };
  const id = 'four-corners';
  if (!corners.found)
    return {
      id,
      status: 'fail',
      message: 'We could not find the edges of your ID in the photo.',
      advice:
        'Put your ID on a plain, darker surface and take the photo from above, with a little space around all 4 corners.',
      evidence,
    };
  if (corners.missingCorners.length > 0)
    return {
      id,
      status: 'fail',
      message: `${capitalise(listCorners(corners.missingCorners))} of your ID ${corners.missingCorners.length === 1 ? 'is' : 'are'} cut off.`,
      advice: 'Move the camera back a little so that all 4 corners of your ID are in the photo.',
      evidence,
    };
  if (corners.coveredCorners.length > 0 && corners.bordersClear !== false)
    return {
      id,
      status: 'fail',
      message: `${capitalise(listCorners(corners.coveredCorners))} of your ID ${corners.coveredCorners.length === 1 ? 'looks' : 'look'} covered, perhaps by a finger.`,
      advice: 'Put your ID down on a surface and keep your fingers away from its edges.',
      evidence,
    };
  return {
    id,
    status: 'pass',
    message: 'All 4 corners of your ID are in the photo.',
    advice: '',
    evidence,
  };
}

/** What keeps a photo from being clear, in the order the rule checks (and reports) them. */
export type ClarityProblem = 'unmeasured' | 'dark' | 'washed-out' | 'glare' | 'blurred' | 'small';

/**
 * Each problem's test on the measures and its words, in the order they are checked: the first that
 * holds is the one reported. The live camera guidance (framing/) asks the same table, so it tells the
 * person about the problem the result would name. Every row after the first sees all three measures taken.
 */
const CLARITY_PROBLEMS: readonly {
  readonly problem: ClarityProblem;
  readonly holds: (m: Measures, t: typeof CLARITY_THRESHOLDS) => boolean;
  readonly message: string;
  readonly advice: string;
}[] = [
  {
    problem: 'unmeasured',
    holds: (m) => m.sharpness === null || m.glare === null || m.brightness === null,
    message: 'We could not measure how clear the photo is.',
    advice: 'Take the photo again in good light.',
  },
  {
    problem: 'dark',
    holds: (m, t) => m.brightness! < t.minBrightness,
    message: 'The photo is too dark.',
    advice: 'Take the photo in a well-lit room or near a window, without covering the light.',
  },
  {
    problem: 'washed-out',
    holds: (m, t) => m.brightness! > t.maxBrightness && (m.darkestPrint ?? 0) > t.minDarkestPrint,
    message: 'The photo is too bright: the writing is washed out.',
    advice: 'Move away from direct sunlight or bright lamps and try again.',
  },
  {
    problem: 'glare',
    holds: (m, t) => m.glare! > t.maxGlare,
    message: 'There is shine or glare on your ID.',
    advice: 'Tilt your ID or the camera a little, away from lights and windows, and turn off the flash.',
  },
  {
    problem: 'blurred',
    holds: (m, t) => m.sharpness! < t.minSharpness,
    message: 'The photo is blurred.',
    advice: 'Hold the camera still, tap the screen to focus on your ID, and try again.',
  },
  {
    problem: 'small',
    holds: (m, t) => m.textHeightPx !== null && m.textHeightPx < t.minTextHeightPx,
    message: 'Your ID is too small in the photo for its writing to be read.',
    advice: 'Move the camera closer, so that your ID fills most of the photo.',
  },
];

/** The first problem that keeps the photo from being clear, or null when it is clear. */
/** Clarity problems that also break a document's borders in the edge map (see CornerEvidence). */
const BORDER_BREAKING: readonly ClarityProblem[] = ['washed-out', 'glare', 'blurred'];

export function areBordersClear(measures: Measures): boolean {
  const problem = clarityProblemOf(measures);
  return problem === null || !BORDER_BREAKING.includes(problem);
}

export function clarityProblemOf(measures: Measures): ClarityProblem | null {
  return CLARITY_PROBLEMS.find((row) => row.holds(measures, CLARITY_THRESHOLDS))?.problem ?? null;
}

export function judgeClearPhoto(measures: Measures): RuleResult {
  const evidence = { ...measures, thresholds: CLARITY_THRESHOLDS };
  const id = 'clear-photo';
  const found = CLARITY_PROBLEMS.find((row) => row.holds(measures, CLARITY_THRESHOLDS));
  if (found)
    return {
      id,
      status: found.problem === 'unmeasured' ? 'unsure' : 'fail',
      message: found.message,
      advice: found.advice,
      evidence,
    };
  return {
    id,
    status: 'pass',
    message: 'The photo is clear: in focus, with no glare.',
    advice: '',
    evidence,
  };
}

export function judgeInDate(document: DocumentSummary, expiryTrusted: boolean, today: IsoDate): RuleResult {
  const id = 'in-date';
  const evidence = { expiry: document.expiry, today, expiryTrusted };
  if (document.expiry === null)
    return {
      id,
      status: 'unsure',
      message: 'We could not read the expiry date of your ID.',
      advice: 'Make sure the whole ID is in focus, with no glare over its writing, and try again.',
      evidence,
    };
  if (!expiryTrusted)
    return {
      id,
      status: 'unsure',
      message: `We read the expiry date as ${document.expiry}, but could not confirm it.`,
      advice: 'Take a sharper photo so the expiry date can be read for certain.',
      evidence,
    };
  if (document.expiry < today)
    return {
      id,
      status: 'fail',
      message: `Your ID expired on ${document.expiry}.`,
      advice: 'Use a photo ID that is in date.',
      evidence,
    };
  return {
    id,
    status: 'pass',
    message: `Your ID is in date: it expires on ${document.expiry}.`,
    advice: '',
    evidence,
  };
}

export function judgeAcceptedDocument(document: DocumentSummary): RuleResult {
  const id = 'accepted-document';
  const row =
    document.kind === 'unknown' ? null : acceptanceOf(document.kind, document.issuer, document.provisional);
  const evidence = {
    kind: document.kind,
    issuer: document.issuer,
    provisional: document.provisional,
    source: row?.source ?? null,
  };
  if (!row)
    return {
      id,
      status: 'unsure',
      message:
        document.kind === 'unknown'
          ? 'We could not tell what kind of document this is.'
          : 'We could not tell which country issued your document.',
      advice:
        'Use a passport, a UK driving licence, a European driving licence or a European national identity card. For an ID card, photograph the side with the code (rows of letters, numbers and <<<) at the bottom.',
      evidence,
    };
  return row.accepted
    ? { id, status: 'pass', message: row.reason, advice: '', evidence }
    : { id, status: 'fail', message: row.reason, advice: row.advice, evidence };
}

export function judgeValidDetails(reading: MrzReading | null, readingIsTrustworthy: boolean): RuleResult {
  const id = 'valid-details';
  if (!reading)
    return {
      id,
      status: 'unsure',
      message: 'We could not read the code on your ID (the rows of letters, numbers and <<<).',
      advice: 'Make sure the bottom of your ID is in the photo, in focus and without glare.',
      evidence: {},
    };
  const failing = reading.checks.filter((check) => !check.valid).map((check) => check.field);
  const evidence = { format: reading.format, checks: reading.checks, repairs: reading.repairs };
  if (failing.length === 0)
    return {
      id,
      status: 'pass',
      message: 'The details in the code on your ID add up.',
      advice: '',
      evidence,
    };
  // A misread looks just like a wrong digit; only a clear photo of the whole document makes the
  // reading trustworthy (a cut-off corner may hide part of the MRZ). A check digit that is not a
  // digit at all was hidden or not read (a thumb over the code's end): that is no evidence either.
  const unread = reading.checks.every((check) => check.valid || !check.readable);
  return readingIsTrustworthy && !unread
    ? {
        id,
        status: 'fail',
        message: `The code on your ID does not add up (${failing.join(', ')}). The document may be damaged, or not genuine.`,
        advice:
          'Check the photo shows your ID flat and undamaged, and try again. If it fails again, use a different photo ID.',
        evidence,
      }
    : {
        id,
        status: 'unsure',
        message: 'We could not read the code on your ID clearly enough to check it.',
        advice: 'Take a sharper photo, with no glare over the code at the bottom of your ID.',
        evidence,
      };
}

/**
 * A licence without an MRZ: a UK driver number must agree with the surname and birth date printed
 * beside it (DVLA's format); an EU licence carries nothing to check, so the answer is unsure.
 */
export function judgeLicenceDetails(licence: LicenceReading, readingIsTrustworthy: boolean): RuleResult {
  const id = 'valid-details';
  const evidence = {
    driverNumber: licence.driverNumber,
    birthDate: licence.birthDate,
    sign: licence.sign,
    issuerFrom: licence.issuerFrom,
  };
  if (licence.kind !== 'uk-driving-licence')
    return { id, status: 'unsure', message: 'This licence has no code we can check.', advice: '', evidence };
  if (licence.driverNumberConsistent === true)
    return {
      id,
      status: 'pass',
      message: 'The driver number agrees with the name and date of birth.',
      advice: '',
      evidence,
    };
  if (licence.driverNumberConsistent === false && readingIsTrustworthy)
    return {
      id,
      status: 'fail',
      message: 'The driver number does not agree with the name or date of birth on the licence.',
      advice:
        'Check the photo shows your licence flat and undamaged. If it fails again, use a different photo ID.',
      evidence,
    };
  return {
    id,
    status: 'unsure',
    message: 'We could not read the driver number and date of birth clearly enough to check them.',
    advice: 'Take a sharper photo of the whole licence, with no glare over its writing.',
    evidence,
  };
}

/** `valid-details` for whatever the printed front was: a licence's fields, or a card's front. */
export function judgeFrontDetails(front: FrontReading, readingIsTrustworthy: boolean): RuleResult {
  return front.kind === 'licence'
    ? judgeLicenceDetails(front.licence, readingIsTrustworthy)
    : judgeCardFrontDetails(front.card);
}

/**
 * The front of a card whose MRZ is on the back: nothing on this side can be checked, so the answer is
 * unsure, and the advice is to photograph the other side.
 */
export function judgeCardFrontDetails(card: CardFrontReading): RuleResult {
  const what = card.kind === 'residence-permit' ? 'residence permit' : 'ID card';
  return {
    id: 'valid-details',
    status: 'unsure',
    message: `This is the front of your ${what}. The code we check (rows of letters, numbers and <<<) is on the back.`,
    advice: `Turn your ${what} over and take a photo of the back, the side with the code.`,
    evidence: { side: 'front', kind: card.kind, issuer: card.issuer },
  };
}

/**
 * A licence whose MRZ names its issuer and whose flag shows a distinguishing sign: the two must name
 * the same state. A disagreement makes `valid-details` unsure, not failed: the sign is one to three
 * letters read with no check digit, and a misread (E for F, O for D) looks just like a doctored card,
 * whereas a failed check digit is arithmetic. It never leaves a pass standing; a fail stays a fail.
 */
export function crossCheckIssuer(
  details: RuleResult,
  mrzIssuer: string | null,
  sign: DistinguishingSign | null,
): RuleResult {
  if (!sign || !mrzIssuer) return { ...details, evidence: { ...details.evidence, sign: sign?.sign ?? null } };
  const evidence = { ...details.evidence, sign: sign.sign, signIssuer: sign.issuer, mrzIssuer };
  if (sign.issuer === mrzIssuer || details.status === 'fail') return { ...details, evidence };
  return {
    id: details.id,
    status: 'unsure',
    message: `The country sign on your licence (${sign.sign}) does not match the country in its code (${mrzIssuer}).`,
    advice:
      'Take the photo again with the whole licence flat and in focus, and no glare over the flag in its top-left corner. If they still do not match, use a different photo ID.',
    evidence,
  };
}

/** Fail if any rule fails; else unsure if any is unsure; else pass. */
export function verdictOf(rules: readonly RuleResult[]): Status {
  if (rules.some((rule) => rule.status === 'fail')) return 'fail';
  if (rules.some((rule) => rule.status === 'unsure')) return 'unsure';
  return 'pass';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
