/**
 * What the fixture manifest says a check's report holds, as values (and matchers, where the manifest
 * allows a rule two statuses) to compare whole reports with.
 */
import { expect } from 'vitest';
import type { FixtureEntry } from '../../scripts/fixtures/manifest.ts';
import { RULE_IDS, type RuleId, type Status } from '../../src/pipeline/types.ts';

const WORSE: Readonly<Record<Status, number>> = { pass: 0, unsure: 1, fail: 2 };

/**
 * The verdicts the manifest's statuses allow: the verdict is the worst rule's status, and a rule the
 * manifest allows two statuses for may have either. One verdict for most photos.
 */
export function manifestVerdicts(entry: FixtureEntry): Status[] {
  let verdicts: Status[] = ['pass'];
  for (const allowed of Object.values(entry.expected)) {
    const next = verdicts.flatMap((verdict) =>
      allowed.map((status) => (WORSE[status] > WORSE[verdict] ? status : verdict)),
    );
    verdicts = [...new Set(next)];
  }
  return verdicts;
}

/** The verdict the manifest allows a photo: exactly, or any of those it allows (a matcher). */
export function expectedVerdict(entry: FixtureEntry): Status {
  const verdicts = manifestVerdicts(entry);
  return verdicts.length === 1 ? verdicts[0]! : (expect.toBeOneOf(verdicts) as Status);
}

/** Each rule's status as the manifest has it, in RULE_IDS order: `[id, status]`, or any it allows. */
export function expectedRuleStatuses(entry: FixtureEntry): [RuleId, Status][] {
  return RULE_IDS.map((id) => {
    const allowed = entry.expected[id];
    return [id, allowed.length === 1 ? allowed[0]! : (expect.toBeOneOf([...allowed]) as Status)];
  });
}
