/**
 * The reading budget (src/pipeline/steps/readingBudget.ts), through the whole check on a fixture: a
 * budget already spent reads nothing and still reports every rule; one that is not reached changes
 * nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhotoForCheck } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { checkDocument } from '../../../src/pipeline/check.ts';
import { RULES } from '../../../src/pipeline/rules/registry.ts';
import { readWithin, startReadingBudget } from '../../../src/pipeline/steps/readingBudget.ts';
import type { CheckReport } from '../../../src/pipeline/types.ts';
import { fixture, loadManifest } from '../../support/fixtures.ts';

const { today } = loadManifest();
let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

async function check(readingBudgetMs: number | undefined): Promise<CheckReport> {
  const photo = await decodePhotoForCheck(await readFile(fixture('clean').path));
  return checkDocument(photo, engines, {
    today,
    ...(readingBudgetMs === undefined ? {} : { readingBudgetMs }),
  });
}

describe('the reading budget', () => {
  it('spent before any reading: nothing is read, the report says so, and every rule is judged', async () => {
    const report = await check(0);
    expect(report.readingCut).toBe(true);
    expect(report.mrzReading).toBeNull();
    expect(report.rules.map((rule) => rule.id)).toStrictEqual(RULES.map((rule) => rule.id));
    const statusOf = (id: string) => report.rules.find((rule) => rule.id === id)?.status;
    expect([statusOf('in-date'), statusOf('valid-details')]).toStrictEqual(['unsure', 'unsure']);
  });

  it('not reached: the report is the one without a budget', async () => {
    const { timingsMs: _, ...unbudgeted } = await check(undefined);
    const { timingsMs: __, ...budgeted } = await check(60_000);
    expect(budgeted).toStrictEqual(unbudgeted);
    expect(unbudgeted.mrzReading).not.toBeNull();
  });
});

describe('the deadline', () => {
  it('stops its clock while a worker loads, and runs on afterwards', async () => {
    const deadline = startReadingBudget(30)!;
    await deadline.paused(new Promise((resolve) => setTimeout(resolve, 100)));
    expect(deadline.signal.aborted).toBe(false);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve));
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('turns its own reason into nothing read, and throws any other failure on', async () => {
    const deadline = startReadingBudget(0)!;
    expect(deadline.signal.aborted).toBe(true); // a budget of nothing is spent at once
    await expect(readWithin(Promise.reject(deadline.signal.reason as Error), deadline)).resolves.toBeNull();
    const fault = new Error('a fault');
    await expect(readWithin(Promise.reject(fault), deadline)).rejects.toBe(fault);
    await expect(readWithin(Promise.resolve(7), deadline)).resolves.toBe(7);
  });
});
