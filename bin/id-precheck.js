#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load (cached), so there is no build step to forget.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

/**
 * glibc's allocator settings for a batch of photos, which it reads only as the process starts (hence
 * the second process). By default every thread that allocates (libvips decoding, the OCR workers, V8's
 * helpers) gets an arena of its own, and a freed block over the mmap threshold raises that threshold
 * (up to 32 MB), so the next photo's multi-megabyte buffers land in arenas whose freed pages glibc keeps.
 * Over real-photos and real-ids in one CLI process, RSS after 30 photos was 820 MB by default and
 * 490-560 MB with these two (scripts/bench-memory.ts; issue 13). Other C libraries ignore them.
 */
const ALLOCATOR = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

const relaunched =
  process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined
    ? spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
        {
          stdio: 'inherit',
          env: { ...ALLOCATOR, ...process.env },
        },
      )
    : null;
// Where the second process could not start, this one checks the photos with the default allocator.
if (relaunched && !relaunched.error) {
  if (relaunched.signal) process.kill(process.pid, relaunched.signal);
  process.exit(relaunched.status ?? 2);
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
