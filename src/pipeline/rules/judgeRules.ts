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
        'Put your ID on a plain, darker surface and take the photo from above, with a little space around all four corners.',
      evidence,
    };
  if (corners.missingCorners.length > 0)
    return {
      id,
      status: 'fail',
      message: `${capitalise(listCorners(corners.missingCorners))} of your ID ${corners.missingCorners.length === 1 ? 'is' : 'are'} cut off.`,
      advice: 'Move the camera back a little so that all four corners of your ID are in the photo.',
      evidence,
    };
  if (corners.coveredCorners.length > 0)
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
    message: 'All four corners of your ID are in the photo.',
    advice: '',
    evidence,
  };
}

export function judgeClearPhoto(measures: Measures): RuleResult {
  const t = CLARITY_THRESHOLDS;
  const evidence = { ...measures, thresholds: t };
  const id = 'clear-photo';
  const fail = (message: string, advice: string): RuleResult => ({
    id,
    status: 'fail',
    message,
    advice,
    evidence,
  });
  if (measures.sharpness === null || measures.glare === null || measures.brightness === null)
    return {
      id,
      status: 'unsure',
      message: 'We could not measure how clear the photo is.',
      advice: 'Take the photo again in good light.',
      evidence,
    };
  if (measures.brightness < t.minBrightness)
    return fail(
      'The photo is too dark.',
      'Take the photo in a well-lit room or near a window, without covering the light.',
    );
  if (measures.brightness > t.maxBrightness && (measures.darkestPrint ?? 0) > t.minDarkestPrint)
    return fail(
      'The photo is too bright: the writing is washed out.',
      'Move away from direct sunlight or bright lamps and try again.',
    );
  if (measures.glare > t.maxGlare)
    return fail(
      'There is shine or glare on your ID.',
      'Tilt your ID or the camera a little, away from lights and windows, and turn off the flash.',
    );
  if (measures.sharpness < t.minSharpness)
    return fail(
      'The photo is blurred.',
      'Hold the camera still, tap the screen to focus on your ID, and try again.',
    );
  if (measures.textHeightPx !== null && measures.textHeightPx < t.minTextHeightPx)
    return fail(
      'Your ID is too small in the photo for its writing to be read.',
      'Move the camera closer, so that your ID fills most of the photo.',
    );
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
  const row = document.kind === 'unknown' ? null : acceptanceOf(document.kind, document.issuer);
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
      message: 'We could not tell what kind of document this is.',
      advice:
        'Use a passport, a UK driving licence, a European driving licence or a European national identity card. For an ID card, photograph the side with the code (rows of letters, numbers and <<<) at the bottom.',
      evidence,
    };
  if (document.kind === 'eu-driving-licence' && document.provisional === true)
    return {
      id,
      status: 'fail',
      message: 'Only full European driving licences are accepted, not learner or provisional ones.',
      advice: 'Use your passport or national identity card instead.',
      evidence,
    };
  return row.accepted
    ? { id, status: 'pass', message: row.reason, advice: '', evidence }
    : {
        id,
        status: 'fail',
        message: row.reason,
        advice:
          'Use a passport, a UK driving licence, a full European driving licence or a European national identity card.',
        evidence,
      };
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
  // reading trustworthy (a cut-off corner may hide part of the MRZ).
  return readingIsTrustworthy
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
  const evidence = { driverNumber: licence.driverNumber, birthDate: licence.birthDate };
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

/** Fail if any rule fails; else unsure if any is unsure; else pass. */
export function verdictOf(rules: readonly RuleResult[]): Status {
  if (rules.some((rule) => rule.status === 'fail')) return 'fail';
  if (rules.some((rule) => rule.status === 'unsure')) return 'unsure';
  return 'pass';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
