/**
 * Reads the committed fixture manifest (made by `npm run fixtures`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureEntry, FixtureManifest, Variant } from '../../scripts/fixtures/manifest.ts';
import { expect } from 'vitest';
import { RULE_IDS, type RuleId, type Status } from '../../src/pipeline/types.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');

export function loadManifest(): FixtureManifest {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8')) as FixtureManifest;
}

/** The first fixture of a variant for a kind of document, with its path. */
export function fixture(variant: Variant, kind = 'passport'): FixtureEntry & { path: string } {
  const entry = loadManifest().images.find((e) => e.variant === variant && e.document.kind === kind);
  if (!entry) throw new Error(`no ${variant} ${kind} fixture in the manifest: run npm run fixtures`);
  return { ...entry, path: join(FIXTURES_DIR, entry.file) };
}

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
