import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/app/security.ts';

/** A policy as directive → its sources. */
function parse(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name!, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets nothing leave the page, nothing load from elsewhere, and no JavaScript be evaluated', () => {
    expect(parse(contentSecurityPolicy())).toStrictEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'worker-src': ["'self'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'blob:', 'data:'],
      'media-src': ["'self'", 'blob:'],
      'style-src': ["'self'"],
      'font-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('drops frame-ancestors for a <meta>, where browsers ignore it, and keeps the rest', () => {
    const { 'frame-ancestors': _, ...rest } = parse(contentSecurityPolicy());
    expect(parse(contentSecurityPolicy({ forMeta: true }))).toStrictEqual(rest);
  });
});
