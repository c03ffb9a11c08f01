/** Writes the rehearsal's fake camera videos and microphone sounds before its Chromium launches. */
import { test as setup } from '@playwright/test';
import { ensureRehearsalMedia } from '../../scripts/rehearsal/media.ts';

setup('the rehearsal media exist', async () => {
  setup.setTimeout(120_000);
  await ensureRehearsalMedia();
});
