// Dynamic Memory in Hyper-V Manager, in Chromium against the real browser host: a VM whose buffer
// is lowered at the prompt balloons down once its guest has booted; the VM list's Assigned Memory,
// Memory Demand and Memory Status columns and the Memory tab follow the engine, and Memory Weight
// reads the same in the tab and in the VM's Settings. This file starts its own host (default world).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';
import { runAtPrompt } from './page-helpers';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-dynmem-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

test('a lowered buffer balloons WEB01 down: list columns and Memory tab follow, weight reads as in Settings', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('server-HV01').click();
  await expect(page.getByTestId('vm-row-WEB01')).toBeVisible();
  // Default world: WEB01 (Dynamic Memory, 2048 MB startup, 20 % buffer) holds its startup memory; DC01 is static.
  await expect(page.getByTestId('vm-memory-WEB01')).toHaveText('2048 MB');
  await expect(page.getByTestId('vm-memory-status-WEB01')).toHaveText('OK');
  await expect(page.getByTestId('vm-demand-DC01')).toHaveText('');
  await expect(page.getByTestId('vm-memory-status-DC01')).toHaveText('');

  await page.getByTestId('clock-speed-0').click();
  await runAtPrompt(page, 'Set-VMMemory WEB01 -Buffer 5 -Priority 80');
  await page.getByTestId('run-until-idle').click();
  // Demand 1707 MB × 1.05 → 1792 MB assigned.
  await expect(page.getByTestId('vm-memory-WEB01')).toHaveText('1792 MB');
  await expect(page.getByTestId('vm-demand-WEB01')).toHaveText('1707 MB');
  await expect(page.getByTestId('vm-memory-status-WEB01')).toHaveText('OK');
  await expect(page.getByRole('columnheader', { name: 'Memory Demand' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Memory Status' })).toBeVisible();

  await page.getByTestId('vm-row-WEB01').click();
  await page.getByRole('tab', { name: 'Memory' }).click();
  const tab = page.getByTestId('vm-details-memory');
  await expect(tab.getByTestId('memory-tab-assigned')).toHaveText('1792 MB');
  await expect(tab.getByTestId('memory-tab-demand')).toHaveText('1707 MB');
  await expect(tab.getByTestId('memory-tab-status')).toHaveText('OK');
  await expect(tab.getByTestId('memory-tab-weight')).toHaveText('High (80)');
  await page.screenshot({ path: `${ARTIFACTS}/dynamic-memory-tab.png` });
  const axe = await new AxeBuilder({ page }).include('[data-testid="vm-details"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.getByTestId('actions-vm').getByTestId('action-settings').click();
  const dialog = page.getByTestId('vm-settings');
  await expect(dialog.getByRole('heading', { name: 'Settings for WEB01 on HV01' })).toBeVisible();
  await dialog.getByTestId('settings-nav-memory').click();
  await expect(dialog.getByTestId('vm-weight-text')).toHaveText('High (80)');
  await dialog.getByTestId('settings-cancel').click();
});
