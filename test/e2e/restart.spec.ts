// Issue 12: restarting the browser host keeps its port and token (kept in the data folder, mode
// 0600), so a tab left open reconnects by itself, at the address it already has. Before, every
// start took a new free port and a new token: the tab kept retrying a port nobody answered on.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';
import { runAtPrompt } from './page-helpers';

test('a restarted browser host keeps its address and token, and the open tab reconnects', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hvlab-restart-'));
  const hosts: WebHostProcess[] = [];
  try {
    const first = await launchWebHost(dataDir, { port: 'remembered', detached: true });
    hosts.push(first);
    await page.goto(first.url);
    await expect(page.getByTestId('server-HV02')).toBeVisible();
    await page.getByTestId('server-HV02').click();
    await runAtPrompt(page, 'Start-VM -Name TEST01 -ComputerName HV02');
    await expect(page.getByTestId('vm-row-TEST01')).toContainText('Running');
    const address = page.url(); // the token has left the address bar: the tab keeps it itself
    expect(address).not.toContain('token=');
    expect(statSync(join(dataDir, 'web-host.json')).mode & 0o777).toBe(0o600);

    // Killed outright (no chance to say goodbye), then started again on the same data folder.
    process.kill(-first.process.pid!, 'SIGKILL');
    await expect(page.getByTestId('connection-banner')).toBeVisible();
    const second = await launchWebHost(dataDir, { port: 'remembered' });
    hosts.push(second);
    expect(second.port).toBe(first.port);
    expect(second.token).toBe(first.token);

    // The same tab, untouched, comes back: banner gone, the world as it was, commands work.
    await expect(page.getByTestId('connection-banner')).toBeHidden({ timeout: 60_000 });
    expect(page.url()).toBe(address);
    await expect(page.getByTestId('vm-row-TEST01')).toContainText('Running');
    await runAtPrompt(page, 'Stop-VM -Name TEST01 -ComputerName HV02 -TurnOff');
    await expect(page.getByTestId('vm-row-TEST01')).toContainText('Off');
    await page.screenshot({ path: 'test/e2e/artifacts/restart-reconnected.png' });
  } finally {
    for (const h of hosts) await stopWebHost(h, 'SIGKILL').catch(() => {}); // clean-up in finally: a failed kill must not hide the test's own failure
    rmSync(dataDir, { recursive: true, force: true });
  }
});
