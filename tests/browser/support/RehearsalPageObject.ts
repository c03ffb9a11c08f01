/** The rehearsal page as a person uses it: open it, start the camera, record, stop, play back. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RehearsalCheckId } from '../../../src/pipeline/rehearsal/types.ts';
import type { Status } from '../../../src/pipeline/types.ts';

export class RehearsalPageObject {
  readonly checks: Locator;

  constructor(readonly page: Page) {
    this.checks = page.locator('[data-verdict]');
  }

  /** `search`: the app's query, e.g. `?digits=3805` to set the 4 numbers shown. */
  async openFromIntro(search = ''): Promise<void> {
    await this.page.goto(`/${search}`);
    await this.page.getByRole('link', { name: 'practise the video step' }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Practise the video step' })).toBeFocused();
  }

  async choose(
    how:
      | 'Say the numbers'
      | 'Sign the numbers in British Sign Language'
      | 'Write the numbers down and hold them up',
  ): Promise<void> {
    await this.page.getByLabel(how).check();
  }

  async startCamera(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start camera and microphone' }).click();
    await expect(this.page.locator('main')).toHaveAttribute('data-rehearsal', 'live');
  }

  check(id: RehearsalCheckId): Locator {
    return this.page.locator(`[data-check="${id}"]`);
  }

  /** Waits until the check says `status` (the live checks settle within a few frames of the worker). */
  async expectCheck(id: RehearsalCheckId, status: Status): Promise<void> {
    await expect(this.check(id)).toHaveAttribute('data-status', status);
  }

  /** Records for `seconds`; resolves with performance.now() in the page just before recording started. */
  async record(seconds: number): Promise<number> {
    const startingAt = await this.page.evaluate(() => performance.now());
    await this.page.getByRole('button', { name: 'Start recording' }).click();
    await expect(this.page.locator('main')).toHaveAttribute('data-rehearsal', 'recording');
    await expect(this.page.locator('[data-seconds]')).toHaveAttribute('data-seconds', String(seconds), {
      timeout: (seconds + 10) * 1000,
    });
    await this.page.getByRole('button', { name: 'Stop recording' }).click();
    await expect(this.page.locator('main')).toHaveAttribute('data-rehearsal', 'recorded');
    return startingAt;
  }

  /** Plays the recording back; resolves with its length in seconds and whether it has a picture. */
  async playBack(): Promise<{ seconds: number; width: number }> {
    const playback = this.page.locator('[data-playback]');
    await expect(playback).toBeVisible();
    return playback.evaluate(async (video: HTMLVideoElement) => {
      video.muted = true;
      await video.play();
      await new Promise((resolve) => setTimeout(resolve, 500));
      // WebM from MediaRecorder has no duration in its header: seeking far reads it.
      if (!Number.isFinite(video.duration)) {
        video.currentTime = 1e6;
        await new Promise((resolve) => video.addEventListener('durationchange', resolve, { once: true }));
      }
      return { seconds: video.duration, width: video.videoWidth };
    });
  }

  async leave(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to checking your ID photo' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Check your ID photo before you upload it' }),
    ).toBeVisible();
  }
}
