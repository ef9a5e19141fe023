// The Event Log pane in Chromium against the real browser host: what the engine logs for a
// cancelled storage move and a completed live migration appears newest first with level, simulated
// time, source and event ID; the level filter and the preview of the selected event work by mouse
// and keyboard. Each file starts its own host, so the world is the default one.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';
import { runAtPrompt } from './page-helpers';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-log-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

const run = runAtPrompt;

test('the Event Log lists the moves newest first, filters by level, and previews the selected event', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await page.getByTestId('dock-tab-log').click();
  await expect(page.getByTestId('event-log-list')).toContainText('No events have been logged yet.');

  await run(page, 'Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01');
  await run(page, 'Stop-Job -Id 1');
  await run(page, 'Move-VM -Name WEB01 -DestinationHost HV02 -ComputerName HV01');
  await page.getByTestId('run-until-idle').click();
  await expect(page.getByTestId('job-count')).toHaveText('Idle');

  await page.getByTestId('dock-tab-log').click();
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(4);
  // Newest first: the completed live migration, then its start, the cancellation, the storage move's start.
  await expect(rows.nth(0)).toHaveAttribute('data-event-id', '20415');
  await expect(rows.nth(1)).toHaveAttribute('data-event-id', '20413');
  await expect(rows.nth(2)).toHaveAttribute('data-level', 'Warning');
  await expect(rows.nth(2)).toContainText('20406');
  await expect(rows.nth(3)).toHaveAttribute('data-event-id', '20400');
  await expect(rows.nth(0)).toContainText('Hyper-V-VMMS');
  await expect(rows.nth(0).getByRole('gridcell').nth(1)).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(page.getByTestId('log-filter-Warning').locator('..')).toContainText('Warning (1)');

  // Filter: warnings only.
  await page.getByTestId('log-filter-Information').uncheck();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('was cancelled');
  await page.getByTestId('log-filter-Information').check();
  await expect(rows).toHaveCount(4);

  // Select with the keyboard; the preview shows the whole message.
  await page.getByTestId('event-log-list').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('log-preview')).toContainText("initiated the live migration of virtual machine 'WEB01'");
  await expect(page.getByTestId('log-preview')).toContainText('Event ID 20413');
  await page.screenshot({ path: `${ARTIFACTS}/event-log.png` });

  // A new entry arrives while the pane is open (an event, not a reload).
  // Disable-NetAdapter asks first (ConfirmImpact High), as on 2012 R2.
  await run(page, 'Disable-NetAdapter -Name SMB1 -CimSession HV01 -Confirm:$false');
  await page.getByTestId('dock-tab-log').click();
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText("Network adapter 'SMB1' on 'HV01' was disabled");
  await run(page, 'Enable-NetAdapter -Name SMB1 -CimSession HV01');
});
