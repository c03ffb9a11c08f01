/**
 * The real photos of ../shared (real-photos, then real-ids), for the benchmarks that run a batch
 * through one process (bench.ts, bench-memory.ts, trace-memory.ts). Empty where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tests/support/fixtures.ts';

const SHARED = join(PROJECT_ROOT, '..', 'shared');

/** The sets of ../shared that hold real photos, each with a manifest of its files. */
export const SHARED_SETS = ['real-photos', 'real-ids'] as const;

/** The files each manifest of ../shared lists, in its order. */
export function sharedPhotos(): string[] {
  return SHARED_SETS.flatMap(sharedPhotosOf);
}

/** The files one set's manifest lists, in its order; none where ../shared or the set is absent. */
export function sharedPhotosOf(set: (typeof SHARED_SETS)[number]): string[] {
  const manifest = join(SHARED, set, 'manifest.json');
  if (!existsSync(manifest)) return [];
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { readonly file: string }[];
  return entries.map((entry) => join(SHARED, set, entry.file));
}
