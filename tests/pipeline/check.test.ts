import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeEngines } from '../../src/engines/node.ts';
import type { Engines } from '../../src/engines/types.ts';
import { checkDocument } from '../../src/pipeline/check.ts';
import type { RuleId } from '../../src/pipeline/types.ts';
import type { Variant } from '../../scripts/fixtures/manifest.ts';
import { fixture, loadManifest } from '../support/fixtures.ts';

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** Each variant and the rule it exists to trip; the expected status is the manifest's ideal. */
const CASES: [Variant, RuleId][] = [
  ['blur', 'clear-photo'],
  ['dark', 'clear-photo'],
  ['expired', 'in-date'],
];

describe('checkDocument on generated fixtures', () => {
  for (const [variant, rule] of CASES) {
    it(`judges ${rule} on a ${variant} passport as the manifest says`, async () => {
      const entry = fixture(variant);
      const report = await checkDocument(await decodePhoto(await readFile(entry.path)), engines, {
        today: loadManifest().today,
      });
      expect(report.rules.find((r) => r.id === rule)?.status).toBe(entry.expected[rule][0]);
      expect(report.verdict).toBe('fail');
    });
  }

  it('reads the expired passport’s MRZ exactly and dates it from the MRZ', async () => {
    const entry = fixture('expired');
    const report = await checkDocument(await decodePhoto(await readFile(entry.path)), engines, {
      today: loadManifest().today,
    });
    expect(report.document).toStrictEqual({ ...entry.document, provisional: null });
  });

  it('stops when its signal is aborted', async () => {
    const entry = fixture('clean');
    const image = await decodePhoto(await readFile(entry.path));
    await expect(
      checkDocument(image, engines, { today: '2026-06-01', signal: AbortSignal.abort() }),
    ).rejects.toThrow();
  });
});
