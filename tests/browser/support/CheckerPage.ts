/** The checker page, in a person's steps (excalidraw's helpers/ui.ts is the model). */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { RuleId, Status } from '../../../src/pipeline/types.ts';
import { SETTINGS } from '../../../src/app/settings.ts';

export class CheckerPage {
  readonly photoInput: Locator;
  readonly result: Locator;
  readonly errorSummary: Locator;
  readonly main: Locator;
  readonly camera: Locator;
  /** While the engines download: how much has arrived (`data-download-percent`). */
  readonly download: Locator;

  /** The file input itself, which the design system's button stands in for. */
  readonly fileInput: Locator;

  constructor(readonly page: Page) {
    // The NHS.UK File upload component's button: what a person (and a screen reader) finds.
    this.photoInput = page.getByRole('button', { name: /^Choose a photo of your ID/u });
    this.fileInput = page.locator('input[type="file"]');
    this.result = page.locator('[data-verdict]');
    this.errorSummary = page.locator('.nhsuk-error-summary');
    this.main = page.locator('main');
    this.camera = page.locator('[data-camera]');
    this.download = page.locator('[data-download-percent]');
  }

  async open(today: string): Promise<void> {
    await this.page.goto(`/?today=${today}`);
    await expect(this.photoInput).toBeVisible();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.main).toHaveAttribute('data-engines', 'ready', { timeout: 120_000 });
  }

  async downloadPercent(): Promise<number> {
    return Number(await this.download.getAttribute('data-download-percent'));
  }

  /** As a person does: press "Choose file", and pick the photo in the browser's file chooser. */
  async choosePhoto(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.photoInput.click();
    await (await chooser).setFiles(file);
  }

  async waitForResult(): Promise<void> {
    await expect(this.result).toBeVisible({ timeout: 120_000 });
  }

  ruleStatus(rule: RuleId): Promise<string | null> {
    return this.page.locator(`[data-rule="${rule}"]`).getAttribute('data-status');
  }

  async expectRule(rule: RuleId, statuses: readonly Status[]): Promise<void> {
    expect(statuses).toContain(await this.ruleStatus(rule));
  }

  /** The outline drawn on the photo, in the photo's pixels, and the size of the photo drawn under it. */
  async drawnOutline(): Promise<{ points: [number, number][]; photo: { width: number; height: number } }> {
    const points = await this.page.locator('.app-photo__outline').getAttribute('points');
    const canvas = this.page.locator('.app-photo__image');
    return {
      points: (points ?? '').split(' ').map((pair) => pair.split(',').map(Number) as [number, number]),
      photo: {
        width: Number(await canvas.getAttribute('width')),
        height: Number(await canvas.getAttribute('height')),
      },
    };
  }

  /** The size of the photo as the checker read it (its pixels, after EXIF orientation). */
  async photoSize(): Promise<{ width: number; height: number }> {
    const size = (await this.page.locator('.app-photo').getAttribute('data-image-size')) ?? '';
    const [width = NaN, height = NaN] = size.split('x').map(Number);
    return { width, height };
  }

  missingCornerMark(corner: string): Locator {
    return this.page.locator(`.app-photo__missing[data-corner="${corner}"]`);
  }

  async useCamera(): Promise<void> {
    await this.page.getByRole('button', { name: 'Use camera' }).click();
  }

  /** The camera is on and its frames are being judged. */
  async waitForCameraGuidance(): Promise<void> {
    await expect(this.camera).toHaveAttribute('data-camera', 'live');
    await expect(this.camera).not.toHaveAttribute('data-guidance', 'waiting', { timeout: 120_000 });
  }

  async stopCamera(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop the camera' }).click();
  }

  /** What happens when the person switches to another tab or app. */
  async hideTab(): Promise<void> {
    await this.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
  }

  async showTab(): Promise<void> {
    await this.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
  }

  async checkAnother(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check another photo' }).click();
  }

  /**
   * No WCAG 2.2 A or AA violation of any impact in the page as it stands; and the NHS.UK page basics:
   * one h1, and a title that is the h1 and the service name ("Error: " first while an error shows).
   */
  async expectAccessible(state: string, testInfo: TestInfo): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const bad = results.violations;
    if (bad.length > 0) await testInfo.attach(`axe-${state}.json`, { body: JSON.stringify(bad, null, 2) });
    expect(
      bad.map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help}`),
      `axe in state "${state}"`,
    ).toStrictEqual([]);
    await this.expectHeadingAndTitle(state);
  }

  async expectHeadingAndTitle(state: string): Promise<void> {
    const h1 = this.page.locator('h1');
    await expect(h1, `one h1 in state "${state}"`).toHaveCount(1);
    const heading = (await h1.innerText()).trim();
    const error = await this.page.locator('.nhsuk-error-summary').isVisible();
    await expect(this.page, `title in state "${state}"`).toHaveTitle(
      `${error ? 'Error: ' : ''}${heading} – ${SETTINGS.serviceName}`,
    );
  }

  /** Opens "If it keeps failing" (left as it is when already open). */
  async openHelp(): Promise<void> {
    const help = this.page.locator('.app-keeps-failing');
    if ((await help.getAttribute('open')) === null) await help.getByText('If it keeps failing').click();
    await expect(help).toHaveAttribute('open', '');
  }

  async screenshot(state: string, testInfo: TestInfo): Promise<void> {
    // Kept for every state (test-results/<test>-<project>/, one folder per viewport).
    const path = testInfo.outputPath(`${state}.png`);
    if (testInfo.project.use.hasTouch) await this.#touchScreenshot(path);
    else await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(state, { path, contentType: 'image/png' });
  }

  /**
   * The whole page as a touch screen shows it. Chromium's full-page capture drops the touch emulation
   * while it captures, so the page would be drawn as with a mouse ((hover: none) no longer matching):
   * instead, one screenful at a time, scrolled, and put together.
   */
  async #touchScreenshot(path: string): Promise<void> {
    const { width, height, screen, startY } = await this.page.evaluate(() => ({
      width: innerWidth,
      height: Math.max(document.documentElement.scrollHeight, innerHeight),
      screen: innerHeight,
      startY: scrollY,
    }));
    const parts: { input: Buffer; top: number; left: number }[] = [];
    // Each screenful adds only what lies below the last: the final one, scrolled to the bottom,
    // overlaps the one before it.
    for (let done = 0; done < height;) {
      const top = await this.page.evaluate((to) => {
        scrollTo(0, to);
        return scrollY;
      }, done);
      const shot = await this.page.screenshot();
      const skip = done - top;
      const rows = Math.min(screen - skip, height - done);
      if (rows <= 0) break;
      const input = await sharp(shot).extract({ left: 0, top: skip, width, height: rows }).toBuffer();
      parts.push({ input, top: done, left: 0 });
      done += rows;
    }
    await this.page.evaluate((to) => scrollTo(0, to), startY);
    await sharp({ create: { width, height, channels: 4, background: '#ffffff' } })
      .composite(parts)
      .png()
      .toFile(path);
  }
}
