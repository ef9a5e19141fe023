import { defineConfig } from '@playwright/test';
import { availableParallelism, loadavg } from 'node:os';

function e2eWorkers(): number {
  const asked = Number(process.env.HVLAB_E2E_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  const cores = availableParallelism();
  const [load1] = loadavg();
  return cores >= 2 && load1 !== undefined && load1 < cores ? 2 : 1;
}

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
  // Specs are isolated: each worker has its own browser and its own hosts and data folders
  // (web-host-fixture.ts: a worker's shared host, a fresh host per test, or a spec's own host per
  // file), so files can run side by side. Two workers when the machine has a core free per worker
  // (1-minute load average below the core count); one when it is already busy, where a second
  // Chromium only makes every page slower (a page far behind its socket is disconnected and the
  // journey times out). HVLAB_E2E_WORKERS=<n> decides instead.
  workers: e2eWorkers(),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
  },
});
