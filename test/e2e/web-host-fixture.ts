// Starts the real browser host (web.main.ts, as `npm start` would) in a child process with its own
// data folder, and hands the test its URL. Two fixtures:
// - `test` (webHost): one host per Playwright worker, shared by that worker's tests and files, for
//   specs that only look or whose changes the next test tolerates.
// - `freshTest` (lab): a host and world of its own for every test (moves, wizards, settings change
//   the world), the page already open on it. The next test's host is started while this test runs
//   (one spare per worker), so a test does not wait the host's start-up (~0.8 s) before it begins.
// Each worker's hosts have their own data folders, so workers can run side by side.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';

export type RunningWebHost = WebHostProcess;
export { launchWebHost, stopWebHost };

/** A host in a fresh temporary data folder (removed by stopFreshHost). */
async function launchFreshHost(prefix: string): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await launchWebHost(dataDir);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

async function stopFreshHost(host: RunningWebHost): Promise<void> {
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
}

/** Fresh hosts for one worker: take() hands over the one started ahead and starts the next. */
class SpareHosts {
  private spare: Promise<RunningWebHost> | undefined;

  take(): Promise<RunningWebHost> {
    const host = this.spare ?? launchFreshHost('hvlab-e2e-');
    this.spare = launchFreshHost('hvlab-e2e-');
    // A spare that fails to start is reported by the take() that gets it, not as an unhandled rejection here.
    this.spare.catch(() => undefined);
    return host;
  }

  async dispose(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    if (spare) await spare.then(stopFreshHost, () => undefined);
  }
}

export const test = base.extend<object, { webHost: RunningWebHost; spareHosts: SpareHosts }>({
  webHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await launchFreshHost('hvlab-e2e-');
      await use(host);
      await stopFreshHost(host);
    },
    { scope: 'worker' },
  ],
  spareHosts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const hosts = new SpareHosts();
      await use(hosts);
      await hosts.dispose();
    },
    { scope: 'worker' },
  ],
});

/** Every test its own host and world, the page open on Hyper-V Manager with HV01 in the tree. */
export const freshTest = test.extend<{ lab: RunningWebHost }>({
  lab: [
    async ({ page, spareHosts }, use) => {
      const host = await spareHosts.take();
      try {
        await page.goto(host.url);
        await expect(page.getByTestId('server-HV01')).toBeVisible();
        await use(host);
      } finally {
        await stopFreshHost(host);
      }
    },
    { auto: true },
  ],
});

export { expect };
