/**
 * Writes the fake camera's video before the camera tests launch their Chromium (which plays it), unless
 * an up-to-date one is already in .tmp/camera/.
 */
import { test as setup } from '@playwright/test';
import { ensureCameraVideo } from '../../scripts/camera-video.ts';

setup('the fake camera video exists', async () => {
  setup.setTimeout(120_000);
  await ensureCameraVideo('id-card-into-frame');
});
