/**
 * The CLI's arguments, parsed without touching the process: `main` prints what this returns, and the
 * tests call it directly.
 */
import { isIsoDate, type IsoDate } from '../pipeline/types.ts';

export const USAGE = 'usage: id-precheck check [--json] [--today YYYY-MM-DD] FILE...';

export interface Arguments {
  readonly json: boolean;
  readonly today: IsoDate;
  readonly files: readonly string[];
}

/** The arguments after `id-precheck`, or the message (ending with the usage) that says what is wrong. */
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
