/**
 * `npm run trace:memory [-- FIRST [COUNT]]`: which heap holds a batch's memory, and when in a check it
 * peaks. Checks the photos that bench:memory checks (../shared/real-photos then real-ids), one after
 * another in this process as the CLI does: with its allocator settings and V8's collector exposed
 * (bin/allocator.js), collecting before a big photo as it does (src/cli/photoGarbage.ts). Prints for
 * each photo, in MB: RSS as it starts, and the ArrayBuffers then alive (JavaScript's own: sharp's
 * buffers count in external); the highest RSS in each step of its check (decode, then the check's
 * progress steps), sampled every 5 ms by a thread of this process; after it, RSS and its peak so far
 * (VmHWM), V8's heap and external memory, OpenCV's WebAssembly heap (its size, which never shrinks)
 * and, from /proc/self/smaps, the resident memory of glibc's main heap (brk), its thread arenas, each
 * WebAssembly memory (OpenCV's, our SIMD kernels', each OCR worker's) and the rest. The sampling
 * thread adds a few MB of its own. Linux only (/proc). Prints figures; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sharedPhotos } from './sharedPhotos.ts';
import { fileURLToPath } from 'node:url';
import { photoGarbage } from '../src/cli/photoGarbage.ts';
import { declaredPixels, decodePhotoForCheck, readPhotoFile } from '../src/decode/node.ts';
import { loadNodeEngines, processCpuMs } from '../src/engines/node.ts';
import { checkDocument } from '../src/pipeline/check.ts';
import { READING_BUDGET_MS } from '../src/pipeline/steps/readingBudget.ts';
import { loadManifest } from '../tests/support/fixtures.ts';

/** bin/allocator.js, plain JavaScript for the CLI's first process, which has no types for tsc to read. */
const ALLOCATOR_MODULE = '../bin/allocator.js';
const { relaunchWithAllocator } = (await import(ALLOCATOR_MODULE)) as {
  relaunchWithAllocator(script: string): void;
};
relaunchWithAllocator(fileURLToPath(import.meta.url));

const MB = 1024 * 1024;

interface Mapping {
  readonly perms: string;
  readonly name: string;
  sizeMb: number;
  rssMb: number;
}

function mappings(): Mapping[] {
  const found: Mapping[] = [];
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/u.exec(line);
    if (head) found.push({ perms: head[1]!, name: head[2]!, sizeMb: 0, rssMb: 0 });
    const field = /^(Size|Rss):\s+(\d+) kB/u.exec(line);
    const last = found.at(-1);
    if (field && last) last[field[1] === 'Size' ? 'sizeMb' : 'rssMb'] = Number(field[2]) / 1024;
  }
  return found;
}

/**
 * V8 reserves 8-10 GB of address space after each WebAssembly memory on 64-bit (guard regions, room
 * to grow in place); other mappings (a photo's buffer among them) can stand before 2 GB of it.
 */
const WASM_RESERVATION_MB = 4096;

/**
 * Resident MB by kind. A WebAssembly memory is a read-write mapping followed by its reservation (GBs
 * of no access; its size the memory's, its resident part the pages touched); a glibc thread arena is
 * one in a 64 MB reservation; brk is glibc's main heap.
 */
function residentByKind(): string {
  const all = mappings();
  const sums: Record<string, number> = { brk: 0, arenas: 0, wasm: 0, files: 0, other: 0 };
  const wasm: string[] = [];
  all.forEach((mapping, i) => {
    const next = all[i + 1];
    const reserved = next?.perms.startsWith('---') && next.name === '' ? next.sizeMb : 0;
    const kind =
      mapping.name === '[heap]'
        ? 'brk'
        : mapping.name !== ''
          ? 'files'
          : reserved > WASM_RESERVATION_MB
            ? 'wasm'
            : reserved > 0 && Math.abs(mapping.sizeMb + reserved - 64) < 1
              ? 'arenas'
              : 'other';
    sums[kind]! += mapping.rssMb;
    if (kind === 'wasm' && mapping.rssMb >= 1)
      wasm.push(`${Math.round(mapping.rssMb)}/${Math.round(mapping.sizeMb)}`);
  });
  const text = Object.entries(sums).map(([kind, mb]) => `${kind} ${Math.round(mb)}`);
  return `${text.join(', ')} (wasm memories, resident/size: ${wasm.join(' ')})`;
}

/**
 * A thread that reads this process's RSS from /proc every 5 ms and keeps the highest it has seen since
 * it was last asked: the main thread is busy inside a check and cannot look itself.
 */
function startRssSampler(): { takePeakMb(): number; stop(): Promise<number> } {
  // [highest kB since last asked, stop flag]
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const shared = new Int32Array(workerData);
    while (Atomics.load(shared, 1) === 0) {
      const kb = Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
      for (let seen = Atomics.load(shared, 0); kb > seen; seen = Atomics.load(shared, 0))
        if (Atomics.compareExchange(shared, 0, seen, kb) === seen) break;
      Atomics.wait(shared, 1, 0, 5);
    }`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    takePeakMb: () => Math.round(Math.max(Atomics.exchange(shared, 0, 0), rssKb()) / 1024),
    stop: () => {
      Atomics.store(shared, 1, 1);
      Atomics.notify(shared, 1);
      return sampler.terminate();
    },
  };
}

const rssKb = () => Math.round(process.memoryUsage().rss / 1024);

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024);
}

const [first = 0, count = Infinity] = process.argv.slice(2).map(Number);
const photos = sharedPhotos().slice(first, first + count);
const engines = await loadNodeEngines();
const openCvHeap = engines.cv as unknown as { readonly HEAP8: Int8Array };
const linux = existsSync('/proc/self/smaps');
const sampler = linux ? startRssSampler() : null;
const garbage = photoGarbage();
for (const [i, file] of photos.entries()) {
  const before = process.memoryUsage();
  sampler?.takePeakMb();
  const peaks: string[] = [];
  let step = 'decode';
  const stepDone = (next: string) => {
    if (sampler) peaks.push(`${step} ${sampler.takePeakMb()}`);
    step = next;
  };
  let outcome: string;
  try {
    const bytes = await readPhotoFile(file);
    const photo = await garbage.collectWhile(decodePhotoForCheck(bytes), declaredPixels(bytes));
    stepDone('start');
    const report = await checkDocument(photo, engines, {
      today: loadManifest().today,
      readingBudgetMs: READING_BUDGET_MS.node,
      readingClock: processCpuMs,
      onProgress: stepDone,
    });
    outcome = report.verdict;
  } catch (error) {
    outcome = `error: ${String(error).slice(0, 60)}`;
  }
  stepDone('');
  garbage.checked();
  const used = process.memoryUsage();
  console.log(
    `${first + i} ${file.split('/').slice(-2).join('/')} ${outcome}: at start rss ${Math.round(before.rss / MB)},` +
      ` ArrayBuffers ${Math.round(before.arrayBuffers / MB)}; highest rss ${peaks.join(', ')};` +
      ` after: rss ${Math.round(used.rss / MB)}${linux ? ` (peak ${peakRssMb()})` : ''},` +
      ` V8 heap ${Math.round(used.heapUsed / MB)}, external ${Math.round(used.external / MB)},` +
      ` OpenCV heap ${openCvHeap.HEAP8.length / MB}${linux ? `; resident: ${residentByKind()}` : ''}`,
  );
}
await sampler?.stop();
await engines.ocr.terminate();
