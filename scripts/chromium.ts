/**
 * How every browser run of ours launches Debian's Chromium (the Playwright tests, bench:web and its
 * camera part): its own binary, never a download, with the flags a headless run on a shared machine
 * needs (no sandbox as root, no GPU, no background fetches or updates).
 */
import type { LaunchOptions } from '@playwright/test';

export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  };
}
