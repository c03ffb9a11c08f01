/**
 * The MRZ formats we read, as tables: how many lines, how long, and which characters each check digit
 * guards. Positions are 0-based [start, end) columns, from ICAO 9303 (8th ed.) part 4 §4.2.2 (TD3),
 * part 5 §4.2.2 (TD1), part 6 §4.2.2 (TD2), part 7 §8 (MRV-A and MRV-B visas), and for the one-line
 * French/EU driving licence and the old French identity card (2x36) the field tables of the `mrz`
 * package (src/parse/frenchDrivingLicenceFields.ts, frenchNationalIdFields.ts).
 */
import type { MrzFormat } from '../types.ts';

// The alphabet lives with the pipeline's vocabulary, below the engines that are told it.
export { MRZ_ALPHABET } from '../types.ts';

export interface CheckDigitRule {
  readonly field: string;
  /** Where the check digit is: [line, column]. */
  readonly digit: readonly [number, number];
  /** The characters it guards: [line, start, end) ranges. */
  readonly guards: readonly (readonly [number, number, number])[];
}

export interface MrzLayout {
  readonly format: MrzFormat;
  readonly lines: number;
  readonly length: number;
  /** The document codes' first letter this layout is for (visas share the TD3/TD2 sizes). */
  readonly codes: RegExp;
  readonly checks: readonly CheckDigitRule[];
  /** Columns that hold only digits (dates, check digits): [line, start, end). */
  readonly numeric: readonly (readonly [number, number, number])[];
  /** Columns that hold only letters or `<` (document code, states, names): [line, start, end). */
  readonly alphabetic: readonly (readonly [number, number, number])[];
  /** Where the sex (M, F, X or `<`) is: [line, column], or null. */
  readonly sex: readonly [number, number] | null;
  /** Where the expiry date (YYMMDD) is: [line, start]; null where the code holds none (the old French card). */
  readonly expiry: readonly [number, number] | null;
  /** Where the issuing state is: [line, start]. */
  readonly issuer: readonly [number, number];
  /** Where each three-letter state code is (issuer, nationality): [line, start]. */
  readonly states: readonly (readonly [number, number])[];
  /** The holder's name field, filled out with `<` after the name: [line, start, end), or null. */
  readonly name: readonly [number, number, number] | null;
}

/** The old French card's code and state: only France issued the 2x36 layout. */
const FRENCH_ID_CODE = /^IDFRA/u;

/**
 * TD2, TD3 and both visas put the document number, birth date and expiry, each with its check digit,
 * at the same columns of line 2 (part 4 §4.2.2, part 6 §4.2.2, part 7 §8).
 */
const LINE_2_CHECKS: readonly CheckDigitRule[] = [
  { field: 'documentNumber', digit: [1, 9], guards: [[1, 0, 9]] },
  { field: 'birthDate', digit: [1, 19], guards: [[1, 13, 19]] },
  { field: 'expirationDate', digit: [1, 27], guards: [[1, 21, 27]] },
];
const LINE_2_NUMERIC: MrzLayout['numeric'] = [
  [1, 9, 10],
  [1, 13, 20],
  [1, 21, 28],
];

/** The two-line layouts of a given line length: the common fields above, plus the layout's own. */
function twoLineLayout(
  format: MrzFormat,
  length: number,
  codes: RegExp,
  extraChecks: readonly CheckDigitRule[],
  extraNumeric: MrzLayout['numeric'],
): MrzLayout {
  return {
    format,
    lines: 2,
    length,
    codes,
    checks: [...LINE_2_CHECKS, ...extraChecks],
    numeric: [...LINE_2_NUMERIC, ...extraNumeric],
    alphabetic: [
      [0, 0, length],
      [1, 10, 13],
    ],
    sex: [1, 20],
    expiry: [1, 21],
    issuer: [0, 2],
    states: [
      [0, 2],
      [1, 10],
    ],
    name: [0, 5, length],
  };
}

/**
 * The French national identity card of 1988-2021 (`mrz`'s frenchNationalIdFields.ts): 2x36 like TD2,
 * but its own fields. Line 1: `ID`, `FRA`, the surname, a 6-character administrative code; line 2:
 * the card number (issue year and month, department, serial) and its check digit, the given names,
 * the birth date and its check digit, the sex, and a check digit over both lines. No expiry: the card
 * was valid 10 (later 15) years from its issue.
 */
const FRENCH_NATIONAL_ID: MrzLayout = {
  format: 'FRENCH_NATIONAL_ID',
  lines: 2,
  length: 36,
  codes: FRENCH_ID_CODE,
  checks: [
    { field: 'documentNumber', digit: [1, 12], guards: [[1, 0, 12]] },
    { field: 'birthDate', digit: [1, 33], guards: [[1, 27, 33]] },
    {
      field: 'composite',
      digit: [1, 35],
      guards: [
        [0, 0, 36],
        [1, 0, 35],
      ],
    },
  ],
  numeric: [
    [1, 0, 4],
    [1, 7, 13],
    [1, 27, 34],
    [1, 35, 36],
  ],
  alphabetic: [
    [0, 0, 30],
    [1, 13, 27],
  ],
  sex: [1, 34],
  expiry: null,
  issuer: [0, 2],
  states: [[0, 2]],
  name: [0, 5, 30],
};

export const MRZ_LAYOUTS: readonly MrzLayout[] = [
  // ICAO 9303 part 4 §4.2.2: a passport's document code is P (and the TD3 size is only passports' and
  // MRV-A visas'): a 44-character line starting otherwise is junk, or a code with marks before it.
  twoLineLayout(
    'TD3',
    44,
    /^P/u,
    [
      { field: 'personalNumber', digit: [1, 42], guards: [[1, 28, 42]] },
      {
        field: 'composite',
        digit: [1, 43],
        guards: [
          [1, 0, 10],
          [1, 13, 20],
          [1, 21, 43],
        ],
      },
    ],
    [[1, 43, 44]],
  ),
  // Before TD2, which shares its size: a tie in shape goes to the first layout (shapeMrzLines).
  FRENCH_NATIONAL_ID,
  // ICAO 9303 part 6 §4.2.2: a TD2's document code starts A, C or I (a visa's V is MRV-B's).
  twoLineLayout(
    'TD2',
    36,
    /^[ACI]/u,
    [
      {
        field: 'composite',
        digit: [1, 35],
        guards: [
          [1, 0, 10],
          [1, 13, 20],
          [1, 21, 35],
        ],
      },
    ],
    [[1, 35, 36]],
  ),
  {
    format: 'TD1',
    lines: 3,
    length: 30,
    codes: /^[ACI]/u,
    checks: [
      { field: 'documentNumber', digit: [0, 14], guards: [[0, 5, 14]] },
      { field: 'birthDate', digit: [1, 6], guards: [[1, 0, 6]] },
      { field: 'expirationDate', digit: [1, 14], guards: [[1, 8, 14]] },
      {
        field: 'composite',
        digit: [1, 29],
        guards: [
          [0, 5, 30],
          [1, 0, 7],
          [1, 8, 15],
          [1, 18, 29],
        ],
      },
    ],
    // The document number's check digit (0, 14) is not here: a number longer than 9 characters has `<`
    // there and goes on in the optional data (part 5 §4.2.2, note j); the Austrian specimen prints one.
    numeric: [
      [1, 0, 7],
      [1, 8, 15],
      [1, 29, 30],
    ],
    alphabetic: [
      [0, 0, 5],
      [1, 15, 18],
      [2, 0, 30],
    ],
    sex: [1, 7],
    expiry: [1, 8],
    issuer: [0, 2],
    states: [
      [0, 2],
      [1, 15],
    ],
    name: [2, 0, 30],
  },
  {
    format: 'FRENCH_DRIVING_LICENSE',
    lines: 1,
    length: 30,
    // `D` and a digit (`mrz`'s parseDocumentCode: the second character must be a number; `D1` on the
    // licences we have): a passport's name line `P<D<<MUSTERMANN…`, its `P<` dropped as marks before
    // a code, shaped as this line with an issuer `MUS` (Mauritius) and made a European licence of
    // ../shared/real-photos' MIDV-500 German passport at half size, in a trial of a finer MRZ search.
    codes: /^D[^<]/u,
    checks: [
      // Unlike ICAO's, this check digit guards the document code and state too.
      { field: 'documentNumber', digit: [0, 14], guards: [[0, 0, 14]] },
      { field: 'composite', digit: [0, 29], guards: [[0, 0, 29]] },
    ],
    numeric: [
      [0, 1, 2],
      [0, 14, 21],
      [0, 29, 30],
    ],
    alphabetic: [
      [0, 2, 5],
      [0, 21, 29],
    ],
    sex: null,
    expiry: [0, 15],
    issuer: [0, 2],
    states: [[0, 2]],
    // Eight letters of surname: too short a field to end in a run of fillers worth trusting.
    name: null,
  },
  // Machine-readable visas (part 7 §8): no composite check digit, optional data unguarded.
  twoLineLayout('MRVA', 44, /^V/u, [], []),
  twoLineLayout('MRVB', 36, /^V/u, [], []),
];

/**
 * What the layout allows at a column: digits (dates, check digits), letters or `<` (names, states), a
 * digit or `<` (a check digit that may stand for an empty field: TD3's personal number, part 4
 * §4.2.2; or for a TD1's document number that goes on in the optional data), the sex (M, F, X or `<`,
 * part 4 §4.2.2), or any.
 */
export function allowedAt(layout: MrzLayout, line: number, column: number): RegExp {
  const inRanges = (ranges: MrzLayout['numeric']) =>
    ranges.some(([l, start, end]) => l === line && column >= start && column < end);
  if (inRanges(layout.numeric)) return /[0-9]/u;
  if (inRanges(layout.alphabetic)) return /[A-Z<]/u;
  if (layout.sex && layout.sex[0] === line && layout.sex[1] === column) return /[MFX<]/u;
  const isCheckDigit = layout.checks.some(({ digit }) => digit[0] === line && digit[1] === column);
  return isCheckDigit ? /[0-9<]/u : /./u;
}

const VALUES: Record<string, number> = Object.fromEntries(
  [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, i]).concat([['<', 0]]),
);

/** ICAO 9303 part 3 §4.9: weights 7, 3, 1 repeating, sum modulo 10. */
export function checkDigitOf(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += (VALUES[text[i]!] ?? 0) * [7, 3, 1][i % 3]!;
  return sum % 10;
}

export function guardedText(lines: readonly string[], rule: CheckDigitRule): string {
  return rule.guards.map(([line, start, end]) => (lines[line] ?? '').slice(start, end)).join('');
}

export function checkHolds(lines: readonly string[], rule: CheckDigitRule): boolean {
  const digit = lines[rule.digit[0]]?.[rule.digit[1]];
  if (digit === undefined) return false;
  // A check digit of '<' stands for an empty optional field (part 3 §4.9); it holds only over fillers.
  if (digit === '<') return /^<*$/u.test(guardedText(lines, rule));
  return digit === String(checkDigitOf(guardedText(lines, rule)));
}
