import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/arguments.ts';
import { writeBadFiles, type BadFiles } from '../support/badFiles.ts';
import { FIXTURES_DIR, fixture, loadManifest, PROJECT_ROOT } from '../support/fixtures.ts';
import { expectedRuleStatuses, expectedVerdict } from '../support/manifestReport.ts';

/** Runs the real bin, with every network call sabotaged (the preload reaches worker threads too). */
function runCli(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      join(PROJECT_ROOT, 'tests/support/no-network.cjs'),
      join(PROJECT_ROOT, 'bin/id-precheck.js'),
      ...args,
    ],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('id-precheck check --json', () => {
  let bad: BadFiles;
  const clean = fixture('clean');
  const today = loadManifest().today;

  beforeAll(async () => {
    bad = await writeBadFiles(readFileSync(clean.path));
  });

  it('prints one JSON line per file in order, names each bad file’s error, checks the rest, exits 2, and never touches the network', () => {
    const badNames = Object.keys(bad.expected);
    const blurred = fixture('blur');
    const files = [clean.path, ...badNames.map((name) => join(bad.dir, name)), blurred.path];
    const { status, stdout, stderr } = runCli(['check', '--json', '--today', today, ...files]);

    // Bad files are reported on stdout; stderr would carry a network attempt, or a library's noise.
    expect(stderr).toBe('');
    expect(status).toBe(2);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['file'])).toStrictEqual(files);
    expect(lines.slice(1, -1).map((line) => (line['error'] as { code: string }).code)).toStrictEqual(
      badNames.map((name) => bad.expected[name]),
    );
    // The clean passport passes and the blurred one fails, each on the rules the manifest says.
    expect(
      [lines[0]!, lines.at(-1)!].map((line) => ({
        verdict: line['verdict'],
        rules: (line['rules'] as { id: string; status: string }[]).map((rule) => [rule.id, rule.status]),
      })),
    ).toStrictEqual(
      [clean, blurred].map((entry) => ({
        verdict: expectedVerdict(entry),
        rules: expectedRuleStatuses(entry),
      })),
    );
  });

  it('writes nothing to stderr on a batch of good photos (tesseract and Leptonica kept quiet)', () => {
    // The blurred ones made Leptonica print "Error in boxClipToRectangle: box outside rectangle".
    const files = [
      clean.path,
      fixture('blur').path,
      fixture('clean', 'uk-driving-licence').path,
      fixture('blur', 'uk-driving-licence').path,
    ];
    const { status, stdout, stderr } = runCli(['check', '--json', '--today', today, ...files]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(files.length);
  });

  it('gives each rule’s reason code, and the in-date words, for a passport expired recently and long ago', () => {
    const recently = loadManifest().images.find((entry) =>
      entry.file.startsWith('gbr-passport-expired-recently'),
    )!;
    const files = [clean.path, fixture('expired').path, join(FIXTURES_DIR, recently.file)];
    const { stdout } = runCli(['check', '--json', '--today', today, ...files]);
    const reports = stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { rules: { id: string; status: string; reason: string; message: string }[] },
      );
    expect(reports[0]!.rules.map((rule) => [rule.id, rule.status, rule.reason])).toStrictEqual([
      ['four-corners', 'pass', 'all-in'],
      ['clear-photo', 'pass', 'clear'],
      ['in-date', 'pass', 'in-date'],
      ['accepted-document', 'pass', 'passport'],
      ['valid-details', 'pass', 'checks-hold'],
    ]);
    const inDate = (report: (typeof reports)[number]) => {
      const { id, status, reason, message } = report.rules.find((rule) => rule.id === 'in-date')!;
      return { id, status, reason, message };
    };
    expect([inDate(reports[1]!), inDate(reports[2]!)]).toStrictEqual([
      {
        id: 'in-date',
        status: 'fail',
        reason: 'expired',
        message:
          'Your passport expired on 10 February 2024, more than 12 months ago. NHS login accepts photo ID only up to 12 months after it expires.',
      },
      {
        id: 'in-date',
        status: 'pass',
        reason: 'expired-within-allowance',
        message:
          'Your passport expired on 14 November 2025. NHS login accepts photo ID up to 12 months after it expires, so use it before 14 November 2026.',
      },
    ]);
  });

  it('reads the MRZ of a clean passport and reports its expiry', () => {
    const { stdout } = runCli(['check', '--json', '--today', today, clean.path]);
    const report = JSON.parse(stdout) as { document: { kind: string; expiry: string; mrz: string[] } };
    expect(report.document.kind).toBe(clean.document.kind);
    expect(report.document.expiry).toBe(clean.document.expiry);
    expect(report.document.mrz).toStrictEqual(clean.document.mrz);
  });

  it('judges a UK licence checked alone, in a cold process, on every rule: its reading is not cut by the budget', () => {
    // A licence costs the most reading (an MRZ search that finds none, then its front): a 1.5 s budget
    // once cut it on a cold process, and every rule but the photo's two said unsure.
    const licence = fixture('clean', 'uk-driving-licence');
    const { stdout } = runCli(['check', '--json', '--today', today, licence.path]);
    const report = JSON.parse(stdout) as { verdict: string; rules: { id: string; status: string }[] };
    expect(report.rules.map((rule) => [rule.id, rule.status])).toStrictEqual(expectedRuleStatuses(licence));
  });

  it('refuses bad usage with exit 2 and says how to use it (parseArguments is tested in arguments.test.ts)', () => {
    const { status, stdout, stderr } = runCli(['check', '--bogus', 'x.jpg']);
    expect({ status, stdout, stderr }).toStrictEqual({
      status: 2,
      stdout: '',
      stderr: `unknown option: --bogus\n${USAGE}\n`,
    });
  });

  it('prints a readable report with a mark per rule without --json', () => {
    const { stdout, status } = runCli(['check', '--today', today, fixture('blur').path]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/✗ clear-photo: The photo is blurred\./u);
    expect(stdout.match(/^ {2}[✓✗?] /gmu)).toHaveLength(5);
  });

  it('says a photo blurred past reading was judged without OCR, and a clean one read in full', () => {
    const blurred = join(FIXTURES_DIR, 'fra-driving-licence-blur-8.jpg');
    const { stdout } = runCli(['check', '--json', '--today', today, blurred, clean.path]);
    const reports = stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            notRead?: string;
            readingCut?: boolean;
            rules: { id: string; status: string }[];
          },
      );
    expect(reports.map((report) => [report.notRead, report.readingCut])).toStrictEqual([
      ['too-blurred', undefined],
      [undefined, undefined],
    ]);
    expect(reports[0]!.rules.find((rule) => rule.id === 'clear-photo')!.status).toBe('fail');
  });
});
