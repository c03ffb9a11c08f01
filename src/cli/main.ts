/**
 * `id-precheck check [--json] [--today YYYY-MM-DD] FILE...`: the pipeline over files, one report per
 * file. Exit 0 when every rule passes for every file, 1 when any fails or is unsure, 2 when a file
 * cannot be read or the command is misused.
 */
import { decodePhotoForCheck, readPhotoFile } from '../decode/node.ts';
import { PhotoError } from '../decode/photoError.ts';
import { loadNodeEngines } from '../engines/node.ts';
import type { Engines } from '../engines/types.ts';
import { checkDocument } from '../pipeline/check.ts';
import type { CheckReport, IsoDate } from '../pipeline/types.ts';
import { formatJsonLine, formatReadable } from './format.ts';

const USAGE = 'usage: id-precheck check [--json] [--today YYYY-MM-DD] FILE...';

interface Arguments {
  readonly json: boolean;
  readonly today: IsoDate;
  readonly files: readonly string[];
}

export function parseArguments(argv: readonly string[], now: Date = new Date()): Arguments | string {
  const [command, ...rest] = argv;
  if (command !== 'check') return command === undefined ? USAGE : `unknown command: ${command}\n${USAGE}`;
  let json = false;
  let today = now.toISOString().slice(0, 10);
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--today' || arg.startsWith('--today=')) {
      const value = arg.includes('=') ? arg.slice('--today='.length) : rest[++i];
      if (!value || !isIsoDate(value)) return `--today needs a date as YYYY-MM-DD\n${USAGE}`;
      today = value;
    } else if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) return `unknown option: ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length === 0) return `no files given\n${USAGE}`;
  return { json, today, files };
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export type FileOutcome = { file: string; report: CheckReport } | { file: string; error: PhotoError };

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  // Start loading OpenCV and the OCR worker at once, while the first file is read and decoded.
  let engines: Promise<Engines> | undefined;
  const loadEngines = () => (engines ??= loadNodeEngines());
  loadEngines().catch(() => {});
  let worst = 0;
  for (const file of args.files) {
    const outcome = await checkFile(file, args.today, loadEngines);
    process.stdout.write(args.json ? formatJsonLine(outcome) : formatReadable(outcome));
    worst = Math.max(worst, 'error' in outcome ? 2 : outcome.report.verdict === 'pass' ? 0 : 1);
  }
  if (engines) await (await engines).ocr.terminate();
  return worst;
}

async function checkFile(
  file: string,
  today: IsoDate,
  engines: () => Promise<Engines>,
): Promise<FileOutcome> {
  try {
    const photo = await decodePhotoForCheck(await readPhotoFile(file));
    return { file, report: await checkDocument(photo, await engines(), { today }) };
  } catch (error) {
    if (error instanceof PhotoError) return { file, error };
    // Anything else is our fault, not the file's: report it for this file and go on with the batch.
    const detail = error instanceof Error ? error.message : String(error);
    return { file, error: new PhotoError('check-failed', `The check could not finish: ${detail}`) };
  }
}
