import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto, decodePhotoForCheck } from '../../src/decode/node.ts';
import { loadNodeEngines, startNodeOpenCv } from '../../src/engines/node.ts';
import type { Engines } from '../../src/engines/types.ts';
import { checkDocument } from '../../src/pipeline/check.ts';
import type { MediumMeasures } from '../../src/pipeline/clarity/measureMedium.ts';
import { RULE_TEXTS } from '../../src/pipeline/rules/texts.ts';
import {
  readyPhoto,
  type CheckReport,
  type CheckStep,
  type PendingPhoto,
  type RuleId,
} from '../../src/pipeline/types.ts';
import { allowSimdKernels } from '../../src/pipeline/wasm.ts';
import type { FixtureEntry, Variant } from '../../scripts/fixtures/manifest.ts';
import { printoutOf, screenOf } from '../../scripts/fixtures/media.ts';
import { FACE_SCENES, renderFaceScene } from '../../scripts/rehearsal/faceScenes.ts';
import { fixture, FIXTURES_DIR, loadManifest } from '../support/fixtures.ts';
import { expectedRuleStatuses, expectedVerdict, manifestVerdicts } from '../support/manifestReport.ts';

const manifest = loadManifest();

let engines: Engines;
beforeAll(async () => {
  engines = await loadNodeEngines();
});
afterAll(async () => {
  await engines.ocr.terminate();
});

/** Each fixture is checked once, as the CLI checks it, however many tests look at its report. */
const reports = new Map<string, Promise<CheckReport>>();
function reportOf(entry: FixtureEntry): Promise<CheckReport> {
  let report = reports.get(entry.file);
  if (!report) {
    report = readFile(join(FIXTURES_DIR, entry.file))
      .then(decodePhotoForCheck)
      .then((photo) => checkDocument(photo, engines, { today: manifest.today }));
    reports.set(entry.file, report);
  }
  return report;
}

/**
 * A corner found within this share of the photo's long side counts as the manifest's. Found corners
 * lie 3-10 px from the truth on these 1200-1600 px photos (measured 2026-12-04); a corner on the wrong
 * edge of a card is 100 px or more away.
 */
const OUTLINE_TOLERANCE = 0.01;

/** The report as the manifest describes a photo, with each corner near its true place made exact. */
function asTheManifestSeesIt(report: CheckReport, entry: FixtureEntry) {
  const tolerance = OUTLINE_TOLERANCE * Math.max(report.measures.imageWidth, report.measures.imageHeight);
  return {
    verdict: report.verdict,
    rules: report.rules.map((rule) => [rule.id, rule.status]),
    document: report.document,
    outline:
      report.outline?.map((point, i) => {
        const truth = entry.outline[i]!;
        return Math.hypot(point[0] - truth[0], point[1] - truth[1]) <= tolerance ? truth : point;
      }) ?? null,
    missingCorners: report.missingCorners,
  };
}

/** What the manifest says of a photo; a rule it allows more than one status for may have either. */
function theManifestsTruth(entry: FixtureEntry) {
  return {
    verdict: expectedVerdict(entry),
    rules: expectedRuleStatuses(entry),
    // An MRZ does not say whether a licence is provisional, and a licence whose MRZ is read has its
    // front read only for its flag.
    document: { ...entry.document, provisional: entry.document.mrz ? null : entry.document.provisional },
    outline: entry.outline,
    missingCorners: entry.missingCorners,
  };
}

/**
 * Which photos: the first clean one of each kind of document, and of an ID card's front (read without
 * an MRZ, which is on its back); the first expired one of each kind; a passport with a bad check digit.
 * The failing ones are those whose data the rules can still read, and must refuse. Each of the others
 * (more issuers, the other fronts, every variant) would add a second or more to every run, for paths
 * these and the stages' own tests already take.
 */
function wholeReportName(entry: FixtureEntry): string | null {
  const { kind, mrz } = entry.document;
  if (entry.variant === 'clean') return `a clean ${kind}${kind === 'id-card' && !mrz ? '’s front' : ''}`;
  if (entry.variant === 'expired') return `an expired ${kind}`;
  if (entry.variant === 'bad-check-digit' && kind === 'passport') return `a ${kind} with a bad check digit`;
  return null;
}
const wholeReportCases = new Map<string, FixtureEntry>();
for (const entry of manifest.images) {
  const name = wholeReportName(entry);
  if (name && !wholeReportCases.has(name)) wholeReportCases.set(name, entry);
}

describe('checkDocument gives the manifest’s whole report', () => {
  for (const [name, entry] of wholeReportCases) {
    it(`for ${name} (${entry.file})`, async () => {
      const report = await reportOf(entry);
      expect(asTheManifestSeesIt(report, entry)).toStrictEqual(theManifestsTruth(entry));
    });
  }

  it('covers every kind of document in the manifest, and a clean photo that passes', () => {
    const kinds = new Set(manifest.images.map((entry) => entry.document.kind));
    const cases = [...wholeReportCases.values()];
    expect(new Set(cases.map((entry) => entry.document.kind))).toStrictEqual(kinds);
    expect(cases.filter((entry) => manifestVerdicts(entry).join() === 'pass').length).toBeGreaterThan(0);
  });
});

describe('checkDocument on generated fixtures', () => {
  it('reports the same without WebAssembly SIMD, where OpenCV does our kernels’ work', async () => {
    const { timingsMs: _, ...withSimd } = await reportOf(fixture('corner-covered'));
    // As an engine without SIMD runs it: our kernels off, and OpenCV's build without SIMD.
    const plain = { ...engines, cv: await startNodeOpenCv('plain') };
    allowSimdKernels(false);
    try {
      const photo = readyPhoto(await decodePhoto(await readFile(fixture('corner-covered').path)));
      const { timingsMs: __, ...withoutSimd } = await checkDocument(photo, plain, {
        today: manifest.today,
      });
      expect(withoutSimd).toStrictEqual(withSimd);
    } finally {
      allowSimdKernels(true);
    }
  });

  /** Each variant and the rule it exists to trip; the expected status is the manifest's ideal. */
  const CASES: [Variant, RuleId][] = [
    ['blur', 'clear-photo'],
    ['dark', 'clear-photo'],
    ['portrait-glare', 'clear-photo'],
    ['portrait-covered', 'clear-photo'],
  ];
  for (const [variant, rule] of CASES) {
    it(`judges ${rule} on a ${variant} passport as the manifest says`, async () => {
      const entry = fixture(variant);
      const report = await reportOf(entry);
      expect(report.rules.find((r) => r.id === rule)?.status).toBe(entry.expected[rule][0]);
      expect(report.verdict).toBe(expectedVerdict(entry));
    });
  }

  it('finds the face on a passport’s data page, and none on a card’s MRZ side, where none is expected', async () => {
    const face = manifest.images.find((entry) => entry.file === 'gbr-passport-face-clean.jpg')!;
    const withFace = (await reportOf(face)).measures.portrait;
    expect([withFace?.expected, withFace?.judgedOver, (withFace?.face?.score ?? 0) > 0.85]).toStrictEqual([
      true,
      'face',
      true,
    ]);
    const back = fixture('clean', 'id-card');
    expect(back.document.mrz?.length).toBe(3);
    const report = await reportOf(back);
    expect([report.measures.portrait?.expected, report.measures.portrait?.face]).toStrictEqual([false, null]);
    expect(report.rules.find((rule) => rule.id === 'clear-photo')?.status).toBe('pass');
  });

  it('says what is over the portrait in NHS login’s words', async () => {
    const shine = await reportOf(fixture('portrait-glare'));
    expect(shine.rules.find((rule) => rule.id === 'clear-photo')?.message).toBe(
      'There is shine over the photo of your face.',
    );
    const thumb = await reportOf(fixture('portrait-covered'));
    expect(thumb.rules.find((rule) => rule.id === 'clear-photo')?.message).toBe(
      'Something is covering the photo of your face, perhaps a finger.',
    );
  });

  it('is unsure of an ID with a date written over in pen, in NHS login’s words, and passes a signature alone', async () => {
    for (const kind of ['passport', 'uk-driving-licence']) {
      const written = await reportOf(fixture('handwritten-date', kind));
      const accepted = written.rules.find((rule) => rule.id === 'accepted-document');
      expect([kind, accepted?.status, accepted?.reason]).toStrictEqual([kind, 'unsure', 'handwriting']);
      expect(accepted?.message).toContain(
        'NHS login does not accept photo ID with any handwritten information other than a signature.',
      );
      const signed = await reportOf(fixture('pen-signature', kind));
      expect([kind, signed.rules.find((rule) => rule.id === 'accepted-document')?.status]).toStrictEqual([
        kind,
        'pass',
      ]);
      expect(signed.measures.handwriting?.writtenOver).toBe(false);
    }
  });

  it('cross-checks a licence’s MRZ with the sign in its flag: Belgium’s over a French MRZ is unsure', async () => {
    const entry = fixture('issuer-mismatch', 'eu-driving-licence');
    const report = await reportOf(entry);
    const details = report.rules.find((r) => r.id === 'valid-details');
    expect([details?.status, details?.evidence['sign'], details?.evidence['mrzIssuer']]).toStrictEqual([
      entry.expected['valid-details'][0],
      'B',
      'FRA',
    ]);
  });

  it('says the front of an ID card is the photo to upload, and the back only checks the code', async () => {
    const entry = manifest.images.find((e) => e.file === 'fra-id-card-front-clean-1.jpg')!;
    const report = await reportOf(entry);
    const details = report.rules.find((r) => r.id === 'valid-details')!;
    expect([report.side, details.status, details.advice]).toStrictEqual([
      'front',
      'unsure',
      'Upload this photo of the front to NHS login. To have the details in the code checked too, you can also check a photo of the back of your ID card.',
    ]);
  });

  it('checks the code on the back of an ID card, and says the photo to upload is the front', async () => {
    const entry = manifest.images.find((e) => e.file === 'fra-id-card-clean-1.jpg')!;
    const report = await reportOf(entry);
    const details = report.rules.find((r) => r.id === 'valid-details')!;
    expect([report.side, details.status, details.message, details.advice]).toStrictEqual([
      'back',
      'pass',
      'The details in the code on the back of your ID card add up. But NHS login needs a photo of the front, the side with your face: do not upload this photo of the back.',
      'Take a photo of the front of your ID card, the side with your face, and check that one before you upload it.',
    ]);
  });

  it('names no side for a passport, whose face and code share a page', async () => {
    expect((await reportOf(fixture('clean'))).side).toBeNull();
  });
});

describe('checkDocument, printouts and screens', () => {
  // Made here from a committed fixture (scripts/fixtures/media.ts): halftoned onto paper, or shown on
  // an RGB-stripe screen in a bezel, and photographed again.
  const front = () => readFile(join(FIXTURES_DIR, 'fra-id-card-front-clean-1.jpg')).then(decodePhoto);
  const acceptedOf = (report: CheckReport) => report.rules.find((rule) => rule.id === 'accepted-document')!;

  it('fails a photo of a printout of an ID card, in NHS login\u2019s words', async () => {
    const printout = await printoutOf(await front(), { cellPx: 6, blurPx: 0.6, seed: 'check' });
    const accepted = acceptedOf(
      await checkDocument(await decodePhotoForCheck(printout), engines, { today: manifest.today }),
    );
    expect([
      accepted.status,
      (accepted.evidence['medium'] as MediumMeasures).medium,
      accepted.message,
    ]).toStrictEqual(['fail', 'printout', RULE_TEXTS['accepted-document'].printout.message]);
  });

  it('fails a photo of an ID card on a screen, in NHS login\u2019s words', async () => {
    const screen = await screenOf(await front(), { pitchPx: 5, turnDeg: 2, blurPx: 0.6 });
    const accepted = acceptedOf(
      await checkDocument(await decodePhotoForCheck(screen), engines, { today: manifest.today }),
    );
    expect([
      accepted.status,
      (accepted.evidence['medium'] as MediumMeasures).medium,
      accepted.message,
    ]).toStrictEqual(['fail', 'screen', RULE_TEXTS['accepted-document'].screen.message]);
  });

  it('does not call the ID card itself a printout or a screen', async () => {
    const entry = manifest.images.find((e) => e.file === 'fra-id-card-front-clean-1.jpg')!;
    const accepted = acceptedOf(await reportOf(entry));
    expect([accepted.status, accepted.evidence['medium']]).toStrictEqual(['pass', undefined]);
  });
});

describe('checkDocument, cancelled', () => {
  const entry = fixture('clean');

  it('stops with an AbortError when its signal is aborted before it starts', async () => {
    const photo = readyPhoto(await decodePhoto(await readFile(entry.path)));
    const stopped = await checkDocument(photo, engines, {
      today: manifest.today,
      signal: AbortSignal.abort(),
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(DOMException);
    expect((stopped as DOMException).name).toBe('AbortError');
  });

  /** Checks the photo, aborting as `step` begins; what the check threw and the steps it began. */
  async function abortedAt(photo: PendingPhoto, step: CheckStep) {
    const controller = new AbortController();
    const steps: CheckStep[] = [];
    const stopped = await checkDocument(photo, engines, {
      today: manifest.today,
      signal: controller.signal,
      onProgress: (begun) => {
        steps.push(begun);
        if (begun === step) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(DOMException);
    return { name: (stopped as DOMException).name, steps };
  }

  it('stops with an AbortError when aborted as its MRZ step begins, and the next check is whole', async () => {
    const photo = readyPhoto(await decodePhoto(await readFile(entry.path)));
    expect(await abortedAt(photo, 'mrz')).toStrictEqual({ name: 'AbortError', steps: ['outline', 'mrz'] });

    const next = await checkDocument(photo, engines, { today: manifest.today });
    expect(asTheManifestSeesIt(next, entry)).toStrictEqual(theManifestsTruth(entry));
  });

  it('is not judged when aborted while its front is read: the reader finishes, the check stops', async () => {
    const licence = fixture('clean', 'uk-driving-licence');
    const { name, steps } = await abortedAt(
      readyPhoto(await decodePhoto(await readFile(licence.path))),
      'licence',
    );
    expect([name, steps.at(-1), steps.includes('rules')]).toStrictEqual(['AbortError', 'licence', false]);
  });
});

describe('checkDocument, a photo of people', () => {
  it('fails accepted-document as a photo of a person, finds no ID to judge, and never speaks of its portrait', async () => {
    const person = await renderFaceScene(FACE_SCENES['one-framed-face']);
    const report = await checkDocument(readyPhoto(person), engines, { today: manifest.today });
    expect([report.outline, report.rules.map((rule) => [rule.id, rule.status, rule.reason])]).toStrictEqual([
      null,
      [
        ['four-corners', 'fail', 'not-found'],
        ['clear-photo', 'unsure', 'no-document'],
        ['in-date', 'unsure', 'expiry-unread'],
        ['accepted-document', 'fail', 'photo-of-people'],
        ['valid-details', 'unsure', 'code-unread'],
      ],
    ]);
  });
});

describe('checkDocument, photo after photo in one process', () => {
  /**
   * Where a 4 MB block would go in OpenCV's heap: the same place after every check once nothing the
   * check made is left behind there (a Mat not deleted keeps its pixels, and the heap never shrinks).
   */
  function freeBlockAt(): number {
    const heap = engines.cv as unknown as { _malloc(bytes: number): number; _free(at: number): void };
    const at = heap._malloc(4 * 1024 * 1024);
    heap._free(at);
    return at;
  }

  it('leaves nothing in OpenCV’s heap: a passport and a licence checked again and again', async () => {
    const photos = await Promise.all(
      [fixture('clean'), fixture('clean', 'uk-driving-licence')].map((entry) =>
        readFile(entry.path).then(decodePhoto),
      ),
    );
    const checkAll = async () => {
      for (const photo of photos) await checkDocument(readyPhoto(photo), engines, { today: manifest.today });
    };
    await checkAll(); // the face detector's network and the like allocate on first use
    const after = freeBlockAt();
    await checkAll();
    await checkAll();
    expect(freeBlockAt()).toBe(after);
  });
});
