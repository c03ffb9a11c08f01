/**
 * The rules' judges over generated measures and evidence (fast-check): more evidence of a defect never
 * turns a fail into a pass. Each property makes a photo's evidence worse in every way at once and asks
 * that a fail stays a fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLARITY_THRESHOLDS } from '../../../src/pipeline/clarity/measureClarity.ts';
import { judgeClearPhoto } from '../../../src/pipeline/rules/clearPhoto.ts';
import { crossCheckIssuer } from '../../../src/pipeline/rules/crossCheckIssuer.ts';
import { judgeFourCorners, type CornerEvidence } from '../../../src/pipeline/rules/fourCorners.ts';
import { judgeInDate } from '../../../src/pipeline/rules/inDate.ts';
import { verdictOf } from '../../../src/pipeline/rules/registry.ts';
import { judgeValidDetails } from '../../../src/pipeline/rules/validDetails.ts';
import type {
  CornerName,
  DocumentSummary,
  Measures,
  MrzReading,
  RuleResult,
  Status,
} from '../../../src/pipeline/types.ts';

const RANK: Readonly<Record<Status, number>> = { pass: 0, unsure: 1, fail: 2 };
const CORNERS: readonly CornerName[] = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];

/** Whether `after`, judged on worse evidence, kept a fail a fail. */
const failStays = (before: RuleResult, after: RuleResult) =>
  before.status !== 'fail' || after.status === 'fail';

const corners = fc.subarray([...CORNERS]);
const cornerEvidence: fc.Arbitrary<CornerEvidence> = fc.record({
  found: fc.boolean(),
  missingCorners: corners,
  coveredCorners: corners,
  offEdges: fc.subarray(['top', 'right', 'bottom', 'left']),
  bordersClear: fc.option(fc.boolean(), { nil: undefined }),
});

describe('judgeFourCorners (properties)', () => {
  it('keeps a fail when the outline is lost, or more corners are cut off or covered', () => {
    fc.assert(
      fc.property(cornerEvidence, cornerEvidence, (before, more) => {
        const worse: CornerEvidence = {
          ...before,
          found: before.found && more.found,
          missingCorners: CORNERS.filter(
            (c) => before.missingCorners.includes(c) || more.missingCorners.includes(c),
          ),
          coveredCorners: CORNERS.filter(
            (c) => before.coveredCorners.includes(c) || more.coveredCorners.includes(c),
          ),
        };
        expect(failStays(judgeFourCorners(before), judgeFourCorners(worse))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Evenly spread over [min, max]. fc.double spreads over the doubles' bit patterns, so most of its
 * values between 0 and 0.03 are below 1e-100, and the thresholds between would be rarely met.
 */
const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000);

/** A measure around its threshold, or not taken. */
const around = (threshold: number, spread: number) =>
  fc.option(uniform(Math.max(0, threshold - spread), threshold + spread), {
    freq: 8,
  });

const measures: fc.Arbitrary<Measures> = fc.record({
  imageWidth: fc.integer({ min: 100, max: 8000 }),
  imageHeight: fc.integer({ min: 100, max: 8000 }),
  documentAreaShare: fc.option(uniform(0, 1)),
  sharpness: around(CLARITY_THRESHOLDS.minSharpness, 300),
  glare: around(CLARITY_THRESHOLDS.maxGlare, 0.02),
  brightness: fc.option(uniform(0, 255), { freq: 8 }),
  darkestPrint: fc.option(uniform(0, 255)),
  textHeightPx: around(CLARITY_THRESHOLDS.minTextHeightPx, 8),
  printHeightPx: around(CLARITY_THRESHOLDS.minPrintHeightPx, 6),
  printSharpness: around(CLARITY_THRESHOLDS.minPrintSharpness, 500),
  printReblurRatio: around(CLARITY_THRESHOLDS.minPrintReblurRatio, 2),
  documentSeen: fc.boolean(),
});

/** How much worse each measure gets: each step only ever adds evidence of its defect. */
interface Worsening {
  readonly sharpness: number;
  readonly glare: number;
  readonly brightness: number;
  readonly darkestPrint: number;
  readonly textHeight: number;
}
const worsening: fc.Arbitrary<Worsening> = fc.record({
  sharpness: uniform(0, 1),
  glare: uniform(0, 0.05),
  brightness: uniform(0, 100),
  darkestPrint: uniform(0, 100),
  textHeight: uniform(0, 1),
});

/** A photo blurrier, with more glare, further from mid-grey, its print lighter and its text smaller. */
function worse(m: Measures, by: Worsening): Measures {
  const middle = (CLARITY_THRESHOLDS.minBrightness + CLARITY_THRESHOLDS.maxBrightness) / 2;
  const brighter = m.brightness !== null && m.brightness >= middle;
  return {
    ...m,
    sharpness: m.sharpness === null ? null : m.sharpness * by.sharpness,
    glare: m.glare === null ? null : Math.min(1, m.glare + by.glare),
    // Too dark or too bright, whichever it is nearer: both are defects.
    brightness:
      m.brightness === null
        ? null
        : brighter
          ? Math.min(255, m.brightness + by.brightness)
          : Math.max(0, m.brightness - by.brightness),
    // Print that is lighter is the evidence of a washed-out photo; darker print is of none.
    darkestPrint:
      m.darkestPrint === null
        ? null
        : brighter
          ? Math.min(255, m.darkestPrint + by.darkestPrint)
          : m.darkestPrint,
    textHeightPx: m.textHeightPx === null ? null : m.textHeightPx * by.textHeight,
    printHeightPx: m.printHeightPx === null ? null : m.printHeightPx * by.textHeight,
    printSharpness: m.printSharpness === null ? null : m.printSharpness * by.sharpness,
    printReblurRatio: m.printReblurRatio === null ? null : m.printReblurRatio * by.sharpness,
  };
}

describe('judgeClearPhoto (properties)', () => {
  it('keeps a fail when the photo is blurrier, glarier, darker or brighter, or its text smaller', () => {
    fc.assert(
      fc.property(measures, worsening, (m, by) => {
        expect(failStays(judgeClearPhoto(m), judgeClearPhoto(worse(m, by)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never passes a photo with a measure past its threshold', () => {
    fc.assert(
      fc.property(measures, (m) => {
        const t = CLARITY_THRESHOLDS;
        const defect =
          !m.documentSeen ||
          (m.printSharpness === null
            ? true
            : m.printSharpness < t.minPrintSharpness ||
              (m.printReblurRatio !== null && m.printReblurRatio < t.minPrintReblurRatio)) ||
          (m.glare !== null && m.glare > t.maxGlare) ||
          (m.brightness !== null && m.brightness < t.minBrightness) ||
          (m.printHeightPx === null
            ? m.textHeightPx !== null && m.textHeightPx < t.minTextHeightPx
            : m.printHeightPx <
              (m.brightness !== null && m.brightness < t.dimBrightness
                ? t.dimLightMinPrintHeightPx
                : t.minPrintHeightPx));
        if (defect) expect(judgeClearPhoto(m).status).not.toBe('pass');
      }),
      { numRuns: 1000 },
    );
  });
});

const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const passport = (expiry: string | null): DocumentSummary => ({
  kind: 'passport',
  issuer: 'GBR',
  expiry,
  mrz: null,
  provisional: null,
});

describe('judgeInDate (properties)', () => {
  it('passes a trusted expiry on or after today, or under 365 days before it; fails one 366 days or more before', () => {
    // 12 months are 365 or 366 days: in between, either answer keeps to NHS login's rule.
    const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    fc.assert(
      fc.property(day, day, (expiry, today) => {
        const { status } = judgeInDate(passport(expiry), true, today);
        const lapsed = daysBetween(expiry, today);
        if (lapsed < 365) expect(status).toBe('pass');
        if (lapsed >= 366) expect(status).toBe('fail');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a fail when the expiry is earlier or today later', () => {
    fc.assert(
      fc.property(day, day, day, day, (expiry, today, earlier, later) => {
        const before = judgeInDate(passport(expiry), true, today);
        const after = judgeInDate(
          passport(earlier < expiry ? earlier : expiry),
          true,
          later > today ? later : today,
        );
        expect(failStays(before, after)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

const checks = fc.array(
  fc.record({
    field: fc.constantFrom('documentNumber', 'birthDate', 'expirationDate', 'composite'),
    valid: fc.boolean(),
    readable: fc.boolean(),
  }),
  {
    minLength: 1,
    maxLength: 5,
  },
);
const reading = (readingChecks: MrzReading['checks']): MrzReading => ({
  format: 'TD3',
  lines: [],
  suspect: [],
  checks: readingChecks,
  repairs: [],
});

describe('judgeValidDetails (properties)', () => {
  it('keeps a fail when more check digits are wrong', () => {
    fc.assert(
      fc.property(checks, fc.array(fc.boolean()), fc.boolean(), (before, turnsWrong, trustworthy) => {
        const after = before.map((check, i) =>
          turnsWrong[i] && check.valid ? { ...check, valid: false, readable: true } : check,
        );
        expect(
          failStays(
            judgeValidDetails(reading(before), trustworthy),
            judgeValidDetails(reading(after), trustworthy),
          ),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

const status = fc.constantFrom<Status>('pass', 'unsure', 'fail');
const rule = status.map((s): RuleResult => ({
  id: 'valid-details',
  status: s,
  reason: '',
  message: '',
  advice: '',
  evidence: {},
}));

describe('crossCheckIssuer and verdictOf (properties)', () => {
  it('a disagreeing sign never improves valid-details, and a fail stays a fail', () => {
    const sign = fc.option(
      fc.record({
        sign: fc.constantFrom('F', 'D', 'UK', 'E'),
        issuer: fc.constantFrom('FRA', 'DEU', 'GBR', 'ESP'),
      }),
    );
    fc.assert(
      fc.property(
        rule,
        fc.option(fc.constantFrom('FRA', 'DEU', 'GBR', 'ESP')),
        sign,
        (details, mrzIssuer, read) => {
          const checked = crossCheckIssuer(details, mrzIssuer, read);
          expect(RANK[checked.status]).toBeGreaterThanOrEqual(RANK[details.status]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a worse rule never makes a better verdict', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(status, status), { minLength: 1, maxLength: 6 }), (pairs) => {
        const before = pairs.map(([a]) => a);
        const after = pairs.map(([a, b]) => (RANK[b] > RANK[a] ? b : a));
        const verdict = (statuses: Status[]) =>
          verdictOf(
            statuses.map((s) => ({
              id: 'in-date',
              status: s,
              reason: '',
              message: '',
              advice: '',
              evidence: {},
            })),
          );
        expect(RANK[verdict(after)]).toBeGreaterThanOrEqual(RANK[verdict(before)]);
      }),
      { numRuns: 500 },
    );
  });
});
