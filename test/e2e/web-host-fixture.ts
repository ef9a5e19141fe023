// Starts the real browser host (web.main.ts, as `npm start` would) in a child process with its own
// data folder, and hands the test its URL. Each test file gets a fresh world.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';

export type RunningWebHost = WebHostProcess;
export { launchWebHost, stopWebHost };

export const test = base.extend<object, { webHost: RunningWebHost }>({
  webHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hvlab-e2e-'));
      const host = await launchWebHost(dataDir);
      await use(host);
      await stopWebHost(host);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
