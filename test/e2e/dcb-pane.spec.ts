// The Networking pane's Data Center Bridging section in Chromium against the real browser host:
// HV01 gets Microsoft's SMB Direct setup (SMB Direct tagged 3, PFC on 3, an ETS class of 50 %,
// QoS on SMB1 and SMB2) through the cmdlets, then a TCP/IP live migration ([Default]) and a storage
// move over SMB Direct (SMB) run at once; the section shows both classes sending on SMB1.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';
import { clockThroughPage, invokeThroughPage } from './page-helpers';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-dcb-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

test('DCB classes, shares and per-class throughput for HV01', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await page.getByTestId('dock-tab-network').click();
  await expect(page.getByTestId('adapters-table')).toBeVisible();
  // No feature and no policy: no section.
  await expect(page.getByTestId('dcb-section')).toHaveCount(0);

  const invoke = (cmdlet: string, params: Record<string, unknown>) => invokeThroughPage(page, host, { cmdlet, params });
  await invoke('Install-WindowsFeature', { Name: ['Data-Center-Bridging'], ComputerName: 'HV01' });
  await invoke('New-NetQosPolicy', { Name: 'SMBDirect', NetDirectPortMatchCondition: 445, PriorityValue8021Action: 3, CimSession: ['HV01'] });
  await invoke('Enable-NetQosFlowControl', { Priority: [3], CimSession: ['HV01'] });
  await invoke('New-NetQosTrafficClass', { Name: 'SMB', Priority: [3], Algorithm: 'ETS', BandwidthPercentage: 50, CimSession: ['HV01'] });
  await invoke('Set-NetQosDcbxSetting', { Willing: false, Force: true, CimSession: ['HV01'] });
  await expect(page.getByTestId('dcb-section')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('dcb-classes-table')).toContainText('[Default]');
  await expect(page.getByTestId('dcb-classes-table')).toContainText('QoS off (Enable-NetAdapterQos)');
  await invoke('Enable-NetAdapterQos', { Name: ['SMB1', 'SMB2'], CimSession: ['HV01'] });
  await expect(page.getByTestId('dcb-classes-table')).toContainText('DCB operational');

  await invoke('Set-VMHost', { ComputerName: ['HV01'], VirtualMachineMigrationPerformanceOption: 'TCPIP' });
  await invoke('Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: '\\\\FS01\\VMs\\DC01', ComputerName: ['HV01'], AsJob: true });
  await invoke('Move-VM', { Name: 'WEB01', DestinationHost: 'HV02', ComputerName: ['HV01'], AsJob: true });
  // Both classes send on SMB1 once the migration is past its setup; then time stops for the picture.
  await expect(page.getByTestId('dcb-[Default]-SMB1')).toContainText(/Gb\/s/, { timeout: 20_000 });
  await expect(page.getByTestId('dcb-SMB-SMB1')).toContainText(/Gb\/s/);
  await clockThroughPage(page, host, { action: 'setSpeed', speed: 0 });
  await expect(page.getByTestId('dcb-SMB-SMB2')).toContainText(/Gb\/s \(100 %\)/);
  await expect(page.getByTestId('dcb-policies')).toContainText('SMBDirect: RDMA traffic to port 445 → priority 3');
  await page.getByTestId('dock').evaluate((el) => {
    (el as HTMLElement).style.height = '520px';
  });
  await page.getByTestId('dcb-section').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${ARTIFACTS}/network-dcb.png` });
});
