/**
 * Playwright's `test`, with the checker page and the network guard: every request any page, worker or
 * service worker makes is same-origin (or a local blob:/data: URL) and none is a POST, so a photo can
 * leave the device by no request the app makes.
 */
import { test as base, expect, type Request } from '@playwright/test';
import { CheckerPage } from './CheckerPage.ts';

export const test = base.extend<{ checker: CheckerPage; networkGuard: void }>({
  networkGuard: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      const offending: string[] = [];
      const watch = (request: Request) => {
        const url = new URL(request.url());
        const local = url.protocol === 'blob:' || url.protocol === 'data:' || url.origin === origin;
        if (!local || request.method() !== 'GET') offending.push(`${request.method()} ${request.url()}`);
      };
      context.on('request', watch);
      await use();
      context.off('request', watch);
      expect(offending, 'requests that are not same-origin GETs').toStrictEqual([]);
    },
    { auto: true },
  ],
  checker: async ({ page }, use) => {
    await use(new CheckerPage(page));
  },
});

export { expect };
