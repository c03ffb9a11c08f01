/**
 * How the CLI prints a file's outcome: one JSON object a line, or a readable report.
 */
import type { PhotoError } from '../decode/photoError.ts';
import type { CheckReport } from '../pipeline/types.ts';

/** What became of one file: its report, or why it could not be checked. */
export type FileOutcome = { file: string; report: CheckReport } | { file: string; error: PhotoError };

const SYMBOL = { pass: '✓', fail: '✗', unsure: '?' } as const;

export function formatJsonLine(outcome: FileOutcome): string {
  if ('error' in outcome) {
    const { code, message, detail } = outcome.error;
    return `${JSON.stringify({ file: outcome.file, error: { code, message, ...(detail === undefined ? {} : { detail }) } })}\n`;
  }
  const { report } = outcome;
  return `${JSON.stringify({
    file: outcome.file,
    verdict: report.verdict,
    rules: report.rules.map(({ id, status, reason, message, advice, evidence }) => ({
      id,
      status,
      reason,
      message,
      advice,
      evidence,
    })),
    document: report.document,
    outline: report.outline?.map(([x, y]) => [Math.round(x), Math.round(y)]) ?? null,
    missingCorners: report.missingCorners,
    measures: report.measures,
    ...(report.readingCut ? { readingCut: true } : {}),
    ...(report.notRead ? { notRead: report.notRead } : {}),
    timings_ms: report.timingsMs,
  })}\n`;
}

export function formatReadable(outcome: FileOutcome): string {
  if ('error' in outcome) {
    const { code, message, detail } = outcome.error;
    return `${outcome.file}\n  error (${code}): ${message}\n${detail === undefined ? '' : `      (${detail})\n`}\n`;
  }
  const { report } = outcome;
  const lines = [`${outcome.file}: ${report.verdict.toUpperCase()}`];
  for (const rule of report.rules) {
    lines.push(`  ${SYMBOL[rule.status]} ${rule.id}: ${rule.message}`);
    if (rule.advice) lines.push(`      ${rule.advice}`);
  }
  const d = report.document;
  lines.push(
    `  document: ${d.kind}${d.issuer ? `, ${d.issuer}` : ''}${d.expiry ? `, expires ${d.expiry}` : ''}`,
  );
  for (const line of d.mrz ?? []) lines.push(`  ${line}`);
  lines.push(`  ${report.timingsMs['total'] ?? '?'} ms`);
  return `${lines.join('\n')}\n\n`;
}
