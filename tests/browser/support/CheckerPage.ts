/** The checker page, in a person's steps (excalidraw's helpers/ui.ts is the model). */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { RuleId, Status } from '../../../src/pipeline/types.ts';

export class CheckerPage {
  readonly photoInput: Locator;
  readonly result: Locator;
  readonly errorSummary: Locator;
  readonly main: Locator;
  readonly camera: Locator;
  /** While the engines download: how much has arrived (`data-download-percent`). */
  readonly download: Locator;

  constructor(readonly page: Page) {
    this.photoInput = page.getByLabel('Choose or take a photo of your ID');
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

  async choosePhoto(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.photoInput.setInputFiles(file);
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

  /** No serious or critical WCAG 2.2 AA violation in the page as it stands. */
  async expectAccessible(state: string, testInfo: TestInfo): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (bad.length > 0) await testInfo.attach(`axe-${state}.json`, { body: JSON.stringify(bad, null, 2) });
    expect(
      bad.map((v) => `${v.id}: ${v.help}`),
      `axe in state "${state}"`,
    ).toStrictEqual([]);
  }

  async screenshot(state: string, testInfo: TestInfo): Promise<void> {
    const path = testInfo.outputPath(`${state}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(state, { path, contentType: 'image/png' });
  }
}
