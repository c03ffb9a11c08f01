import { describe, expect, it } from 'vitest';
import { judgeInDate } from '../../../src/pipeline/rules/inDate.ts';
import type { DocumentKind, DocumentSummary } from '../../../src/pipeline/types.ts';

const documentOf = (
  kind: DocumentKind,
  issuer: string | null,
  expiry: string | null = null,
): DocumentSummary => ({
  kind,
  issuer,
  expiry,
  mrz: null,
  provisional: null,
});

describe('judgeInDate', () => {
  it('passes on the expiry day itself and fails the day after', () => {
    const document = documentOf('passport', 'GBR', '2026-06-01');
    expect(judgeInDate(document, true, '2026-06-01').status).toBe('pass');
    expect(judgeInDate(document, true, '2026-06-02').status).toBe('fail');
  });

  it('is unsure, never pass, when the expiry is unread or its check digit fails', () => {
    expect(judgeInDate(documentOf('passport', 'GBR'), false, '2026-06-01').status).toBe('unsure');
    expect(judgeInDate(documentOf('passport', 'GBR', '2031-01-01'), false, '2026-06-01').status).toBe(
      'unsure',
    );
  });
});
