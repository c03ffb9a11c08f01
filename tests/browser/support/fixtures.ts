/**
 * The generated fixture photos, chosen by variant from their manifest (scripts/fixtures/manifest.ts),
 * never by hard-coded result. ID_PRECHECK_FIXTURES points at another folder of the same shape.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FixtureEntry, FixtureManifest, Variant } from '../../../scripts/fixtures/manifest.ts';
import type { RuleId, Status } from '../../../src/pipeline/types.ts';

export const FIXTURES_DIR = resolve(process.env.ID_PRECHECK_FIXTURES ?? 'fixtures');

let manifest: FixtureManifest | undefined;

export function fixtureManifest(): FixtureManifest {
  manifest ??= JSON.parse(readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8')) as FixtureManifest;
  return manifest;
}

/** The first photo of a variant whose ideal status for `rule` is `status`. */
export function pickFixture(
  variant: Variant,
  rule?: RuleId,
  status?: Status,
): FixtureEntry & { path: string } {
  const entry = fixtureManifest().images.find(
    (image) => image.variant === variant && (rule === undefined || image.expected[rule][0] === status),
  );
  if (!entry)
    throw new Error(`No ${variant} fixture expecting ${rule ?? 'any rule'} to ${status ?? 'be anything'}`);
  return { ...entry, path: join(FIXTURES_DIR, entry.file) };
}
