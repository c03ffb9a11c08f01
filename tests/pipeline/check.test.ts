import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import { loadNodeEngines } from '../../src/engines/node.ts';
import type { Engines } from '../../src/engines/types.ts';
import { checkDocument } from '../../src/pipeline/check.ts';
import { readyPhoto, type CheckReport, type RuleId } from '../../src/pipeline/types.ts';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';
import type { Variant } from '../../scripts/fixtures/manifest.ts';
import { FIXTURES_DIR, fixture, loadManifest } from '../support/fixtures.ts';

const fixturePath = (file: string) => join(FIXTURES_DIR, file);

async function checkFixture(variant: Variant): Promise<CheckReport> {
  const entry = fixture(variant);
  return checkDocument(readyPhoto(await decodePhoto(await readFile(entry.path))), engines, {
    today: loadManifest().today,
  });
}

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
  it('reports the same without WebAssembly SIMD, where OpenCV does our kernels’ work', async () => {
    const { timingsMs: _, ...withSimd } = await checkFixture('corner-covered');
    allowSimdKernels(false);
    try {
      const { timingsMs: __, ...withoutSimd } = await checkFixture('corner-covered');
      expect(withoutSimd).toStrictEqual(withSimd);
    } finally {
      allowSimdKernels(true);
    }
  });

  for (const [variant, rule] of CASES) {
    it(`judges ${rule} on a ${variant} passport as the manifest says`, async () => {
      const entry = fixture(variant);
      const report = await checkDocument(readyPhoto(await decodePhoto(await readFile(entry.path))), engines, {
        today: loadManifest().today,
      });
      expect(report.rules.find((r) => r.id === rule)?.status).toBe(entry.expected[rule][0]);
      expect(report.verdict).toBe('fail');
    });
  }

  it('reads the expired passport’s MRZ exactly and dates it from the MRZ', async () => {
    const entry = fixture('expired');
    const report = await checkDocument(readyPhoto(await decodePhoto(await readFile(entry.path))), engines, {
      today: loadManifest().today,
    });
    expect(report.document).toStrictEqual({ ...entry.document, provisional: null });
  });

  it('cross-checks a licence’s MRZ with the sign in its flag: Belgium’s over a French MRZ is unsure', async () => {
    const entry = fixture('issuer-mismatch', 'eu-driving-licence');
    const report = await checkDocument(readyPhoto(await decodePhoto(await readFile(entry.path))), engines, {
      today: loadManifest().today,
    });
    const details = report.rules.find((r) => r.id === 'valid-details');
    expect([details?.status, details?.evidence['sign'], details?.evidence['mrzIssuer']]).toStrictEqual([
      entry.expected['valid-details'][0],
      'B',
      'FRA',
    ]);
  });

  it('reads the front of an ID card whose MRZ is on the back, and asks for the back', async () => {
    const entry = loadManifest().images.find((e) => e.file === 'fra-id-card-front-clean-1.jpg')!;
    const report = await checkDocument(
      readyPhoto(await decodePhoto(await readFile(fixturePath(entry.file)))),
      engines,
      {
        today: loadManifest().today,
      },
    );
    expect(report.document).toStrictEqual({ ...entry.document, provisional: null });
    expect(report.rules.map((r) => r.status)).toStrictEqual(report.rules.map((r) => entry.expected[r.id][0]));
    expect(report.rules.find((r) => r.id === 'valid-details')?.advice).toBe(
      'Turn your ID card over and take a photo of the back, the side with the code.',
    );
  });

  it('stops when its signal is aborted', async () => {
    const entry = fixture('clean');
    const image = await decodePhoto(await readFile(entry.path));
    await expect(
      checkDocument(readyPhoto(image), engines, { today: '2026-06-01', signal: AbortSignal.abort() }),
    ).rejects.toThrow();
  });
});
