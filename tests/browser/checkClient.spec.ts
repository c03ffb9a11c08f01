/**
 * The checker's worker crashing mid-check (src/app/checkClient.ts): the person is told, the worker is
 * replaced, and the next photo is checked. The crash is made from the test, through Playwright's hold
 * on the worker, so the app ships no way to crash itself.
 */
import type { Worker } from '@playwright/test';
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { fixtureManifest, pickFixture } from './support/fixtures.ts';
import { expect, test } from './support/test.ts';

const isChecker = (worker: Worker) => /\/check\.worker-[\w-]+\.js$/u.test(new URL(worker.url()).pathname);

/**
 * Breaks the worker's next check: decoding the photo never finishes, and an error nobody catches is
 * thrown in the worker's global scope, which is how any uncaught failure inside it reaches the page.
 */
async function crashDuringNextCheck(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    self.createImageBitmap = () => {
      setTimeout(() => {
        throw new Error('The test crashed the checker');
      });
      return new Promise<ImageBitmap>(() => {});
    };
  });
}

test('a worker that crashes mid-check is replaced, the person is told, and the next photo is checked', async ({
  checker,
}, testInfo) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(fixtureManifest().today);
  await checker.waitUntilReady();
  const crashing = checker.page.workers().find(isChecker);
  if (!crashing) throw new Error('The checker has no worker');
  await crashDuringNextCheck(crashing);
  const closed = crashing.waitForEvent('close');
  const replacement = checker.page.waitForEvent(
    'worker',
    (worker) => isChecker(worker) && worker !== crashing,
  );
  await checker.choosePhoto(photo.path);
  // Well before the client's 60 s timeout for a hung check: this is the crash being noticed.
  await expect(checker.errorSummary).toBeVisible({ timeout: 10_000 });
  await expect(checker.errorSummary).toBeFocused();
  await expect(checker.errorSummary).toHaveAttribute('data-error-code', 'check-failed');
  await expect(checker.errorSummary).toContainText('The checker stopped working');
  await expect(checker.photoInput).toBeEnabled();
  await checker.screenshot('worker-crashed', testInfo);
  await checker.expectAccessible('worker-crashed', testInfo);
  // Terminated, and replaced at once rather than when the next photo comes.
  await closed;
  await replacement;

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
  await expect(checker.errorSummary).toBeHidden();
});
