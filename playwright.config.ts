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
  // Two workers, each with its own browser and its own hosts and data folders (web-host-fixture.ts:
  // a worker's shared host, or a fresh host per test, or a spec's own host per file), so specs never
  // see each other's world.
  // HVLAB_E2E_WORKERS=1 runs them one at a time (what a loaded machine may need).
  workers: Number(process.env.HVLAB_E2E_WORKERS ?? 2),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
  },
});
