/**
 * `id-precheck check [--json] [--today YYYY-MM-DD] FILE...`: the pipeline over files, one report per
 * file. Exit 0 when every rule passes for every file, 1 when any fails or is unsure, 2 when a file
 * cannot be read or the command is misused.
 */
import { declaredPixels, decodePhotoForCheck, readPhotoFile } from '../decode/node.ts';
import { detailOf, PhotoError } from '../decode/photoError.ts';
import { loadNodeEngines, processCpuMs } from '../engines/node.ts';
import type { Engines } from '../engines/types.ts';
import { checkDocument } from '../pipeline/check.ts';
import { READING_BUDGET_MS } from '../pipeline/steps/readingBudget.ts';
import type { IsoDate } from '../pipeline/types.ts';
import { parseArguments } from './arguments.ts';
import { formatJsonLine, formatReadable, type FileOutcome } from './format.ts';
import { photoGarbage, type PhotoGarbage } from './photoGarbage.ts';

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
  const garbage = photoGarbage();
  for (const file of args.files) {
    const outcome = await checkFile(file, args.today, loadEngines, garbage);
    garbage.checked();
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
  garbage: PhotoGarbage,
): Promise<FileOutcome> {
  try {
    const bytes = await readPhotoFile(file);
    const photo = await garbage.collectWhile(decodePhotoForCheck(bytes), declaredPixels(bytes));
    const report = await checkDocument(photo, await engines(), {
      today,
      readingBudgetMs: READING_BUDGET_MS.node,
      readingClock: processCpuMs,
    });
    return { file, report };
  } catch (error) {
    if (error instanceof PhotoError) return { file, error };
    // Anything else is our fault, not the file's: report it for this file and go on with the batch.
    return {
      file,
      error: new PhotoError(
        'check-failed',
        'The check could not finish: this is a fault in id-precheck.',
        detailOf(error),
      ),
    };
  }
}
