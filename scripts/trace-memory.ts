/**
 * `npm run trace:memory [-- FIRST [COUNT]]`: which heap holds a batch's memory. Checks the photos that
 * bench:memory checks (../shared/real-photos then real-ids), one after another in this process as the
 * CLI does, with the CLI's allocator settings (bin/allocator.js), and prints after each photo, in MB:
 * RSS and its peak so far (VmHWM); V8's heap and external memory; OpenCV's WebAssembly heap (its size,
 * which never shrinks); and, from /proc/self/smaps, the resident memory of glibc's main heap (brk), its
 * thread arenas, each WebAssembly memory (OpenCV's, our SIMD kernels', each OCR worker's) and the rest.
 * Linux only for the smaps part. Prints figures; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sharedPhotos } from './sharedPhotos.ts';
import { fileURLToPath } from 'node:url';
import { decodePhotoForCheck, readPhotoFile } from '../src/decode/node.ts';
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
 * Resident MB by kind. A WebAssembly memory is a read-write mapping followed by its reservation (GBs
 * of no access); a glibc thread arena is one in a 64 MB reservation; brk is glibc's main heap.
 */
function residentByKind(): string {
  const all = mappings();
  const sums: Record<string, number> = { brk: 0, arenas: 0, wasm: 0, files: 0, other: 0 };
  const wasm: number[] = [];
  all.forEach((mapping, i) => {
    const next = all[i + 1];
    const reserved = next?.perms.startsWith('---') && next.name === '' ? next.sizeMb : 0;
    const kind =
      mapping.name === '[heap]'
        ? 'brk'
        : mapping.name !== ''
          ? 'files'
          : reserved > 1024
            ? 'wasm'
            : reserved > 0 && Math.abs(mapping.sizeMb + reserved - 64) < 1
              ? 'arenas'
              : 'other';
    sums[kind]! += mapping.rssMb;
    if (kind === 'wasm' && mapping.rssMb >= 1) wasm.push(Math.round(mapping.rssMb));
  });
  const text = Object.entries(sums).map(([kind, mb]) => `${kind} ${Math.round(mb)}`);
  return `${text.join(', ')} (wasm memories ${wasm.join(' ')})`;
}

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024);
}

const [first = 0, count = Infinity] = process.argv.slice(2).map(Number);
const photos = sharedPhotos().slice(first, first + count);
const engines = await loadNodeEngines();
const openCvHeap = engines.cv as unknown as { readonly HEAP8: Int8Array };
const linux = existsSync('/proc/self/smaps');
for (const [i, file] of photos.entries()) {
  let outcome: string;
  try {
    const report = await checkDocument(await decodePhotoForCheck(await readPhotoFile(file)), engines, {
      today: loadManifest().today,
      readingBudgetMs: READING_BUDGET_MS.node,
      readingClock: processCpuMs,
    });
    outcome = report.verdict;
  } catch (error) {
    outcome = `error: ${String(error).slice(0, 60)}`;
  }
  const used = process.memoryUsage();
  console.log(
    `${first + i} ${file.split('/').slice(-2).join('/')} ${outcome}: rss ${Math.round(used.rss / MB)}` +
      `${linux ? ` (peak ${peakRssMb()})` : ''}, V8 heap ${Math.round(used.heapUsed / MB)},` +
      ` external ${Math.round(used.external / MB)}, OpenCV heap ${openCvHeap.HEAP8.length / MB}` +
      (linux ? `; resident: ${residentByKind()}` : ''),
  );
}
await engines.ocr.terminate();
