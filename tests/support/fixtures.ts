/**
 * Reads the committed fixture manifest (made by `npm run fixtures`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureEntry, FixtureManifest, Variant } from '../../scripts/fixtures/manifest.ts';

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
