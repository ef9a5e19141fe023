// The Networking pane in Chromium against the real browser host: a link fault drill (disable and
// re-enable an adapter), creating and removing a NIC team (and the RDMA-through-a-team trap it
// shows), SMB bandwidth limits with the cmdlet's own validation, and the live charts while an SMB
// transfer runs. Each file starts its own host, so the world is the default one.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';
import { runAtPrompt } from './page-helpers';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-network-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

async function openNetworking(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await page.getByTestId('dock-tab-network').click();
  await expect(page.getByTestId('adapters-table')).toBeVisible();
}

const run = runAtPrompt;

test.describe.serial('Networking pane', () => {
  test('while an SMB Direct copy runs, the charts and the Multichannel table show it', async ({ page }) => {
    await openNetworking(page);
    await run(page, 'Move-VMStorage -VMName DC01 -DestinationStoragePath \\\\FS01\\VMs\\DC01 -ComputerName HV01');
    await page.getByTestId('dock-tab-network').click();
    await expect(page.getByTestId('multichannel-table')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('multichannel-table')).toContainText('FS01');
    await expect(page.getByTestId('adapter-SMB1')).toContainText(/\d+(\.\d+)? Gb\/s/);
    const chart = page.getByTestId('chart-throughput');
    await expect(chart.locator('canvas')).toHaveCount(1);
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
    // SMB Direct spreads the copy over both RDMA adapters.
    await expect(page.getByTestId('chart-throughput-summary')).toContainText(/SMB1 \d+(\.\d+)? Gb\/s/);
    await expect(page.getByTestId('chart-throughput-summary')).toContainText(/SMB2 \d+(\.\d+)? Gb\/s/);
    await expect(page.getByTestId('chart-cpu-summary')).toContainText(/CPU now \d+ %/);
    await expect(chart).toHaveAttribute('aria-describedby', /.+/);
    await page.getByTestId('dock').evaluate((el) => {
      // Give the charts room for the screenshot, as a learner would by dragging the splitter.
      (el as HTMLElement).style.height = '420px';
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}/network-charts-light.png` });

    await page.getByTestId('menu-view').click();
    await page.getByTestId('menuitem-theme').click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    await expect(chart.locator('canvas')).toHaveCount(1);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${ARTIFACTS}/network-charts-dark.png` });
    await page.getByTestId('run-until-idle').click();
    await expect(page.getByTestId('multichannel-empty')).toBeVisible();
  });

  test('disabling an adapter takes its link down (after a confirmation); enabling brings it back', async ({ page }) => {
    await openNetworking(page);
    const table = page.getByTestId('adapters-table');
    for (const nic of ['NIC1', 'NIC2', 'SMB1', 'SMB2']) await expect(table.getByTestId(`adapter-${nic}`)).toBeVisible();
    await expect(page.getByTestId('adapter-rdma-SMB1')).toHaveText(/Operational/);
    await expect(page.getByTestId('adapter-NIC1')).toContainText('Team1');

    await page.getByTestId('adapter-toggle-SMB1').click();
    await expect(page.getByTestId('dialog-confirm')).toContainText('Do you want to disable the network adapter "SMB1" on HV01?');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('adapter-link-SMB1')).toHaveText('Disabled');
    await expect(page.getByTestId('adapter-SMB1')).toHaveAttribute('data-link', 'down');
    await expect(page.getByTestId('adapter-rdma-SMB1')).toContainText('link down');
    await page.screenshot({ path: `${ARTIFACTS}/network-adapter-disabled.png` });

    await page.getByTestId('adapter-toggle-SMB1').click();
    await expect(page.getByTestId('adapter-link-SMB1')).toHaveText('Up');
    await expect(page.getByTestId('adapter-rdma-SMB1')).toHaveText(/Operational/);

    // The change is a cmdlet: Get-NetAdapter at the prompt agrees.
    await run(page, 'Get-NetAdapter -Name SMB1 -CimSession HV01');
    await expect(page.getByTestId('ps-output').last()).toContainText(/SMB1\s+Chelsio Network Adapter\s+\d+\s+Up/);
  });

  test('a NIC team is created from the dialog and removed; teamed RDMA adapters show the trap', async ({ page }) => {
    await openNetworking(page);
    await page.getByTestId('network-new-team').click();
    const dialog = page.getByTestId('team-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('team-name').fill('RdmaTeam');
    // Only adapters that are not in a team yet are offered.
    await expect(dialog.getByTestId('team-member-NIC1')).toHaveCount(0);
    await dialog.getByTestId('team-member-SMB1').check();
    await dialog.getByTestId('team-member-SMB2').check();
    await expect(page.getByTestId('team-rdma-warning')).toContainText('teamed adapters do not support RDMA');
    await page.getByTestId('team-mode').selectOption('Lacp');
    await page.getByTestId('team-lb').selectOption('HyperVPort');
    await expect(page.getByTestId('team-script')).toHaveText(
      'New-NetLbfoTeam -Name RdmaTeam -TeamMembers SMB1,SMB2 -TeamingMode Lacp -LoadBalancingAlgorithm HyperVPort -CimSession HV01',
    );
    await page.screenshot({ path: `${ARTIFACTS}/network-team-dialog.png` });
    await page.getByTestId('team-ok').click();
    await expect(dialog).toHaveCount(0);

    const team = page.getByTestId('team-RdmaTeam');
    await expect(team).toContainText('SMB1, SMB2');
    await expect(team).toContainText('LACP');
    await expect(team).toContainText('Hyper-V Port');
    await expect(team).toContainText('20 Gbps');
    await expect(page.getByTestId('adapter-rdma-SMB1')).toHaveAttribute('data-rdma', 'trap');
    await expect(page.getByTestId('adapter-rdma-SMB1')).toContainText('Enabled, not operational (teamed)');
    await expect(page.getByTestId('rdma-trap-note')).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}/network-rdma-team-trap.png` });

    await page.getByTestId('team-remove-RdmaTeam').click();
    await expect(page.getByTestId('dialog-confirm')).toContainText('remove the NIC team "RdmaTeam"');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('team-RdmaTeam')).toHaveCount(0);
    await expect(page.getByTestId('adapter-rdma-SMB1')).toHaveAttribute('data-rdma', 'operational');

    // The engine refuses to remove a team a virtual switch is bound to; its message is shown.
    await page.getByTestId('team-remove-Team1').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('error-message')).toContainText("Team 'Team1' cannot be removed");
    await page.getByTestId('error-close').click();
    await expect(page.getByTestId('team-Team1')).toBeVisible();
  });

  test('SMB bandwidth limits: the cmdlet rejects less than 1 MB/s; a limit is set and removed', async ({ page }) => {
    await openNetworking(page);
    await expect(page.getByTestId('bandwidth-current-LiveMigration')).toHaveText('Not limited');
    await page.getByTestId('bandwidth-input-LiveMigration').fill('0.5');
    await page.getByTestId('bandwidth-set-LiveMigration').click();
    await expect(page.getByTestId('bandwidth-error-LiveMigration')).toContainText('less than the minimum allowed range of 1048576');
    await expect(page.getByTestId('bandwidth-input-LiveMigration')).toHaveAttribute('aria-invalid', 'true');

    await page.getByTestId('bandwidth-input-LiveMigration').fill('750');
    await page.getByTestId('bandwidth-input-LiveMigration').press('Enter');
    await expect(page.getByTestId('bandwidth-current-LiveMigration')).toHaveText('750 MB/s');
    await expect(page.getByTestId('bandwidth-error-LiveMigration')).toHaveCount(0);

    await page.getByTestId('bandwidth-remove-LiveMigration').click();
    await expect(page.getByTestId('bandwidth-current-LiveMigration')).toHaveText('Not limited');
  });
});
