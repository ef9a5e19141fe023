// The Jobs pane in Chromium against the real browser host: cancelling a running storage move
// (with confirmation) leaves the VM's files where they were; the migration performance option set
// at the prompt decides the next live migration's transport, shown in the job's details with its
// passes and downtime. Each file starts its own host, so the world is the default one.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';
import { runAtPrompt } from './page-helpers';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-jobs-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await expect(page.getByTestId('vm-row-DC01')).toBeVisible();
}

const run = runAtPrompt;

test.describe.serial('Jobs pane', () => {
  test('cancelling a running storage move asks first, ends Cancelled, and the files stay at the source', async ({ page }) => {
    await open(page);
    await run(page, 'Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01');
    await page.getByTestId('dock-tab-jobs').click();
    const row = page.getByTestId('job-row-1');
    await expect(row).toHaveAttribute('data-state', 'Running');
    await expect(page.getByTestId('vm-status-DC01')).toContainText('Moving storage');

    // Cancel, then think better of it: nothing happens.
    await row.getByRole('button', { name: 'Cancel Job1' }).click();
    const dialog = page.getByTestId('dialog-confirm');
    await expect(dialog).toContainText('Do you want to cancel Job1 (Move-VMStorage of "DC01")?');
    await expect(dialog).toContainText('Stop-Job -Id 1');
    await page.screenshot({ path: `${ARTIFACTS}/jobs-cancel-confirm.png` });
    await page.getByTestId('confirm-cancel').click();
    await expect(row).toHaveAttribute('data-state', 'Running');

    // From the details, for real.
    await row.click();
    await expect(page.getByTestId('job-details')).toHaveAttribute('data-job', '1');
    await expect(page.getByTestId('job-partial-files')).toContainText('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    await page.getByTestId('job-details-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect(row).toHaveAttribute('data-state', 'Cancelled');
    await expect(page.getByTestId('job-details-state')).toHaveText('Cancelled');
    await expect(page.getByTestId('jobs-filter-finished')).toHaveText('History (1)');

    // The VM still runs from its own files.
    await page.getByTestId('vm-row-DC01').click();
    await expect(page.getByTestId('vm-details')).toContainText('D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    await expect(page.getByTestId('vm-status-DC01')).toHaveText('');
    await page.screenshot({ path: `${ARTIFACTS}/jobs-cancelled.png` });

    // The Event Log says so, newest first.
    await page.getByTestId('dock-tab-log').click();
    await expect(page.getByTestId('log-row').first()).toContainText(/cancel/i);
  });

  test("the performance option set at the prompt decides the next live migration's transport", async ({ page }) => {
    await open(page);
    await run(page, 'Set-VMHost -VirtualMachineMigrationPerformanceOption SMB -ComputerName HV01,HV02');
    await page.getByTestId('clock-speed-0').click();
    await run(page, 'Move-VM -Name WEB01 -DestinationHost HV02 -ComputerName HV01');
    await page.getByTestId('dock-tab-jobs').click();
    const smbRow = page.locator('[data-testid^="job-row-"][data-vm="WEB01"]').first();
    await expect(smbRow).toHaveAttribute('data-state', /Running|Queued/);
    const smbId = (await smbRow.getAttribute('data-testid'))!.replace('job-row-', '');
    await page.getByTestId('clock-speed-1').click();
    await smbRow.click();
    const details = page.getByTestId('job-details');
    await expect(page.getByTestId('job-transport')).toContainText('SMB', { timeout: 15_000 });
    await expect(page.getByTestId('job-stepback-note')).toContainText('Why the percentage can go back');
    await page.screenshot({ path: `${ARTIFACTS}/jobs-live-migration-smb.png` });
    await page.getByTestId('run-until-idle').click();
    await expect(smbRow).toHaveAttribute('data-state', 'Completed');
    await expect(page.getByTestId('job-transport')).toContainText('SMB Direct');
    await expect(page.getByTestId('job-downtime')).toContainText('ms');
    await expect(page.getByTestId('job-passes')).toContainText('1');
    await expect(details).toContainText('Resume');

    // Back over TCP/IP: the next migration's transport follows the new option.
    await run(page, 'Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP -ComputerName HV01,HV02');
    await run(page, 'Move-VM -Name WEB01 -DestinationHost HV01 -ComputerName HV02');
    await page.getByTestId('dock-tab-jobs').click();
    const tcpRow = page
      .locator('[data-testid^="job-row-"][data-vm="WEB01"][data-state="Running"], [data-testid^="job-row-"][data-vm="WEB01"][data-state="Queued"]')
      .first();
    await expect(tcpRow).toBeVisible();
    const tcpId = (await tcpRow.getAttribute('data-testid'))!.replace('job-row-', '');
    expect(tcpId).not.toBe(smbId);
    await tcpRow.click();
    await page.getByTestId('run-until-idle').click();
    await expect(page.getByTestId(`job-row-${tcpId}`)).toHaveAttribute('data-state', 'Completed');
    await expect(page.getByTestId('job-transport')).toHaveText('TCP/IP');
    await page.screenshot({ path: `${ARTIFACTS}/jobs-live-migration-tcp.png` });
  });

  test('the list is a keyboard grid; the View menu opens the panes', async ({ page }) => {
    await open(page);
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menuitem-show-jobs').click();
    const list = page.getByTestId('jobs-list');
    await expect(list).toBeFocused();
    await page.keyboard.press('Home');
    await expect(list).toHaveAttribute('aria-activedescendant', /^job-row-/);
    await page.keyboard.press('End');
    const last = await list.getAttribute('aria-activedescendant');
    await page.keyboard.press('Home');
    expect(await list.getAttribute('aria-activedescendant')).not.toBe(last);

    // The tabs: arrow keys move between them.
    await page.getByTestId('dock-tab-jobs').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('dock-tab-log')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('dock-tab-log')).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByTestId('dock-tab-console')).toHaveAttribute('aria-selected', 'true');

    // Collapse, and the choice survives a reload.
    await page.getByTestId('dock-toggle').click();
    await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'false');
    await page.waitForTimeout(400);
    await page.reload();
    await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'false');
    await page.getByTestId('dock-tab-jobs').click();
    await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'true');
  });

  test("the dock's panes have no serious accessibility violations, in both themes", async ({ page }) => {
    // Eight axe scans (four panes, two themes): a minute is not enough on a loaded 2-core machine.
    test.slow();
    await open(page);
    await run(page, 'Move-VMStorage -VMName SQL01 -DestinationStoragePath E:\\VMs\\SQL01 -ComputerName HV01');
    await page.getByTestId('clock-speed-0').click();
    const settled = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const serious = async () =>
      (await settled(), await new AxeBuilder({ page }).include('#dock').exclude('[data-tabster-dummy]').analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    for (const theme of ['Light', 'Dark']) {
      await page.getByTestId('menu-view').click();
      await page.getByTestId('menuitem-theme').click();
      await page.getByRole('menuitemradio', { name: theme }).click();
      await page.keyboard.press('Escape');
      for (const tab of ['jobs', 'log', 'network', 'console']) {
        await page.getByTestId(`dock-tab-${tab}`).click();
        if (tab === 'jobs') await page.locator('[data-testid^="job-row-"]').first().click();
        if (tab === 'network') await expect(page.getByTestId('adapters-table')).toBeVisible();
        if (tab === 'log') await page.getByTestId('log-row').first().click();
        expect(await serious(), `${tab} (${theme})`).toEqual([]);
      }
    }
    await page.getByTestId('clock-speed-1').click();
  });
});
