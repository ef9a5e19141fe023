import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (README: offline machines).
export const chromiumLaunch = {
  executablePath: process.env.HVLAB_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/support/global-setup.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
  },
});
