/**
 * glibc's allocator settings for a batch of photos in one process, which glibc reads only as a process
 * starts: hence a second process. By default every thread that allocates (libvips decoding, the OCR
 * workers, V8's helpers) gets an arena of its own, and a freed block over the mmap threshold raises
 * that threshold (up to 32 MB), so the next photo's multi-megabyte buffers land in arenas whose freed
 * pages glibc keeps. Over real-photos and real-ids in one CLI process, RSS after 30 photos was 820 MB
 * by default and 490-560 MB with these two (npm run trace:memory; issue 13). Other C libraries
 * ignore them.
 *
 * Plain JavaScript, so that the CLI's first process starts no TypeScript loader before it hands over.
 */
import { spawnSync } from 'node:child_process';

export const ALLOCATOR = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

/**
 * V8's collector exposed (`globalThis.gc`), so that the CLI collects a big photo's leavings while the
 * next photo decodes rather than when V8 next judges best (src/cli/photoGarbage.ts).
 *
 * And its old generation let grow to 64 MB before it is collected for its own sake. A check keeps
 * ~13 MB alive there, and V8 sets the limit at about twice that; it starts marking whenever the room
 * left is less than its young generation (16 MB), which, on every young collection, was two or three
 * full collections a 12 MP check, one with this (issue 13; `--trace-incremental-marking`). Over
 * ../shared's 143 photos in one CLI process: CPU 62.1 s without it, 56.2 s with it; peak RSS 388 MB and
 * 397 MB (npm run bench:memory, one run each, 2026-12-05). The memory outside the heap (the photos'
 * pixels) is collected as before, past 64 MB more than at the last collection.
 */
export const NODE_FLAGS = ['--expose-gc', '--initial-old-space-size=64'];

/**
 * On Linux, runs `script` again in a process started with ALLOCATOR and NODE_FLAGS (unless the
 * environment sets the arena count itself) and ends this one with its outcome. Returns only where there is no second
 * process: elsewhere than Linux, already in it, or where it could not start (this one then goes on
 * with the default allocator). To check in this one process (under a debugger), set MALLOC_ARENA_MAX.
 */
export function relaunchWithAllocator(script) {
  if (process.platform !== 'linux' || process.env.MALLOC_ARENA_MAX !== undefined) return;
  const run = spawnSync(
    process.execPath,
    [...NODE_FLAGS, ...process.execArgv, script, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...ALLOCATOR, ...process.env },
    },
  );
  if (run.error) return;
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 2);
}
