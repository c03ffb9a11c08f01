/**
 * Characters OCR takes for one another, in one table for every reader that mends them: the MRZ's
 * repair (mrz/evidence.ts, mrz/repairMrz.ts) and the UK driver number on a licence's front
 * (licence/readLicence.ts). The readers do not act on the same pairs, and each keeps what it was
 * calibrated with: the `uses` column says which reader acts on a pair, and how.
 */

/**
 * - `mrz-alike`: in MRZ text read without glyph outlines, each character of the pair is evidence for
 *   the other, at a cost (mrz/evidence.ts).
 * - `mrz-digit`: where an MRZ column holds only digits and no evidence favours one, the pair's letter
 *   is read as its digit; `mrz-letter`: where it holds only letters, the digit as its letter
 *   (mrz/repairMrz.ts).
 * - `licence-digit`, `licence-letter`: the same, for the positions of a UK driver number.
 */
export type LookAlikeUse = 'mrz-alike' | 'mrz-digit' | 'mrz-letter' | 'licence-digit' | 'licence-letter';

interface LookAlike {
  /** For a digit and a letter, the digit first. `<` is the MRZ's filler. */
  readonly pair: readonly [string, string];
  readonly uses: readonly LookAlikeUse[];
}

const EVERY_USE: readonly LookAlikeUse[] = [
  'mrz-alike',
  'mrz-digit',
  'mrz-letter',
  'licence-digit',
  'licence-letter',
];
/** Mended to the digit in both readers' digit positions; a letter position makes 0 an O and 1 an I. */
const DIGIT_ONLY: readonly LookAlikeUse[] = ['mrz-alike', 'mrz-digit', 'licence-digit'];

/**
 * The MRZ's confusions in OCR-B, seen on our fixtures and ../shared/real-ids: 0/O/D/Q, 1/I/L, 8/B,
 * 5/S, 2/Z, 6/G, 7/T, 4/A, and the `<` filler read as K, C, L or E. The licence reader mends fewer:
 * not 3, 4 or A, nor 7 in a letter's place. Each reader keeps its own pairs until an eval shows that
 * sharing them changes nothing.
 */
export const LOOK_ALIKES: readonly LookAlike[] = [
  { pair: ['0', 'O'], uses: EVERY_USE },
  { pair: ['0', 'D'], uses: DIGIT_ONLY },
  { pair: ['0', 'Q'], uses: DIGIT_ONLY },
  { pair: ['O', 'D'], uses: ['mrz-alike'] },
  { pair: ['O', 'Q'], uses: ['mrz-alike'] },
  { pair: ['1', 'I'], uses: EVERY_USE },
  { pair: ['1', 'L'], uses: DIGIT_ONLY },
  { pair: ['I', 'L'], uses: ['mrz-alike'] },
  { pair: ['2', 'Z'], uses: EVERY_USE },
  // Only where a letters-only column holds a 3 and no evidence favours a letter: no look-alike otherwise.
  { pair: ['3', 'B'], uses: ['mrz-letter'] },
  { pair: ['4', 'A'], uses: ['mrz-alike', 'mrz-digit', 'mrz-letter'] },
  { pair: ['5', 'S'], uses: EVERY_USE },
  { pair: ['6', 'G'], uses: EVERY_USE },
  { pair: ['7', 'T'], uses: ['mrz-alike', 'mrz-digit', 'mrz-letter', 'licence-digit'] },
  { pair: ['8', 'B'], uses: EVERY_USE },
  { pair: ['L', '<'], uses: ['mrz-alike'] },
  { pair: ['K', '<'], uses: ['mrz-alike'] },
  { pair: ['C', '<'], uses: ['mrz-alike'] },
  { pair: ['E', '<'], uses: ['mrz-alike'] },
];

/**
 * One reader's view of the table. For `mrz-alike`, each character's look-alikes (both ways); for a
 * `-digit` use, the digit each letter becomes; for a `-letter` use, the letter each digit becomes.
 */
export function lookAlikesFor(use: LookAlikeUse): Readonly<Record<string, string>> {
  const view: Record<string, string> = {};
  const add = (from: string, to: string) => {
    if (use !== 'mrz-alike' && from in view) throw new Error(`look-alike table: ${from} twice for ${use}`);
    view[from] = (view[from] ?? '') + to;
  };
  for (const { pair, uses } of LOOK_ALIKES) {
    if (!uses.includes(use)) continue;
    const [digit, letter] = pair;
    if (use === 'mrz-alike') {
      add(digit, letter);
      add(letter, digit);
    } else if (use.endsWith('-digit')) add(letter, digit);
    else add(digit, letter);
  }
  return view;
}
