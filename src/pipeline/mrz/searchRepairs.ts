/**
 * The search behind each repair (README.md, step 5): one substitution if any will do, else two, and
 * the best of them by how many checks hold, then cost, then letters turned into digits.
 */

/** One character changed, and what it costs in evidence against the character it replaces. */
export interface Change {
  readonly line: number;
  readonly column: number;
  readonly to: string;
  readonly cost: number;
}

/** What a set of changes achieves: the checks that hold after it, its cost, the letters made digits. */
export interface Verdict {
  readonly changes: readonly Change[];
  readonly held: number;
  readonly cost: number;
  readonly toDigits: number;
}

/**
 * A repair never takes a character whose evidence trails the one read by more than this, nor costs
 * more than MAX_REPAIR_COST in all. The right repairs on ../shared/real-ids cost 0.03-0.13 (5 for 3,
 * 8 for B); at 0.6, noise on a guilloche was "repaired" until three checks held.
 */
export const MAX_CHANGE_COST = 0.3;
const MAX_REPAIR_COST = 0.45;
/** Repairs whose costs differ by less than this are a tie. */
const COST_TIE = 0.05;

export const totalCost = (changes: readonly Change[]) =>
  changes.reduce((sum, change) => sum + change.cost, 0);

/** Positive when `a` is the better repair, negative when `b` is, 0 for a tie. */
function compareVerdicts(a: Verdict, b: Verdict): number {
  if (a.held !== b.held) return a.held - b.held;
  if (Math.abs(a.cost - b.cost) >= COST_TIE) return b.cost - a.cost;
  return a.toDigits / (a.changes.length + 1) - b.toDigits / (b.changes.length + 1);
}

/** One substitution if any works, else two; the best by compareVerdicts, unless tied. */
export function searchRepairs(
  singles: readonly Change[],
  judge: (changes: readonly Change[]) => Verdict | null,
): readonly Change[] | null {
  const best = (candidates: Change[][]) => {
    const verdicts = candidates
      .filter((changes) => totalCost(changes) <= MAX_REPAIR_COST)
      .map(judge)
      .filter((verdict) => verdict !== null);
    if (verdicts.length === 0) return undefined;
    verdicts.sort((a, b) => compareVerdicts(b, a));
    const [first, second] = verdicts;
    return second && compareVerdicts(first!, second) === 0 ? null : first!.changes;
  };
  const one = best(singles.map((change) => [change]));
  if (one !== undefined) return one;
  const pairs: Change[][] = [];
  for (let i = 0; i < singles.length; i++) {
    for (let j = i + 1; j < singles.length; j++) {
      const a = singles[i]!;
      const b = singles[j]!;
      if (a.line !== b.line || a.column !== b.column) pairs.push([a, b]);
    }
  }
  return best(pairs) ?? null;
}
