// Hyper-V Settings and VM Settings in Chromium against the real browser host: what OK sends (View
// script, then the world through the page's bridge), that Cancel sends nothing, that range errors
// stop OK and that the engine's refusals are shown. Each test gets a fresh host and world.
import type { Page } from '@playwright/test';
import { freshTest as test, expect, type RunningWebHost } from './web-host-fixture';
import { clockThroughPage, queryThroughPage, runAtPrompt, seriousViolations, shot } from './page-helpers';

test.describe.configure({ timeout: 120_000 });

const GiB = 1024 ** 3;

interface HostView {
  name: string;
  migration: {
    enabled: boolean;
    authentication: string;
    performanceOption: string;
    maximumLiveMigrations: number;
    maximumStorageMigrations: number;
    useAnyNetwork: boolean;
    networks: { subnet: string; priority: number }[];
  };
}
interface VmView {
  host: string;
  compatibilityForMigration: boolean;
  memory: { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number; bufferPercent: number; weight: number };
  paths: { smartPaging: string };
}

const query = <T>(page: Page, lab: RunningWebHost, q: unknown): Promise<T> => queryThroughPage<T>(page, lab, q);

const hostOf = async (page: Page, lab: RunningWebHost, name: string) =>
  (await query<{ world: { hosts: HostView[] } }>(page, lab, { name: 'world' })).world.hosts.find((h) => h.name === name)!;
const vmOf = (page: Page, lab: RunningWebHost, name: string) => query<VmView>(page, lab, { name: 'vm', vm: name });

async function openHostSettings(page: Page, server: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId('actions-host').getByTestId('action-hyperv-settings').click();
  const dialog = page.getByTestId('host-settings');
  await expect(dialog.getByRole('heading', { name: `Hyper-V Settings for ${server}` })).toBeVisible();
  return dialog;
}

async function openVmSettings(page: Page, server: string, vm: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId(`vm-row-${vm}`).click();
  await page.getByTestId('actions-vm').getByTestId('action-settings').click();
  const dialog = page.getByTestId('vm-settings');
  await expect(dialog.getByRole('heading', { name: `Settings for ${vm} on ${server}` })).toBeVisible();
  return dialog;
}

test('Hyper-V Settings: SMB and 4 storage migrations go out on OK and are there on reopening', async ({ page, lab }) => {
  const dialog = await openHostSettings(page, 'HV01');
  // Values from the world: migrations enabled, Kerberos, Compression, two listed networks.
  await expect(dialog.getByTestId('settings-enable-migrations')).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Use these IP addresses for live migration:' })).toBeChecked();
  await expect(dialog.getByTestId('settings-networks').getByRole('option')).toHaveText(['10.10.1.0/24', '10.10.2.0/24']);
  await expect(dialog.getByTestId('settings-nav-vhdPath')).toContainText('C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks');
  await shot(page, 'settings-host-live-migrations');
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByTestId('settings-nav-advanced').click();
  await expect(dialog.getByRole('radio', { name: 'Use Kerberos' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Use Credential Security Support Provider (CredSSP)' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Compression' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'SMB' }).check();
  await expect(dialog).toContainText(
    'SMB Direct will be used when the network adapters of both the source and destination server have Remote Direct Memory Access (RDMA) capabilities enabled.',
  );
  await shot(page, 'settings-host-advanced');
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByTestId('settings-nav-storageMigrations').click();
  await expect(dialog.getByTestId('settings-max-storage')).toHaveValue('2');
  await dialog.getByTestId('settings-max-storage').fill('4');
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    'Set-VMHost -ComputerName HV01 -MaximumStorageMigrations 4 -VirtualMachineMigrationPerformanceOption SMB',
  );
  await shot(page, 'settings-host-storage-script');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('host-settings')).toHaveCount(0);

  const host = await hostOf(page, lab, 'HV01');
  expect(host.migration.performanceOption).toBe('SMB');
  expect(host.migration.maximumStorageMigrations).toBe(4);
  expect(host.migration.maximumLiveMigrations).toBe(2);

  const again = await openHostSettings(page, 'HV01');
  await expect(again.getByTestId('settings-nav-storageMigrations')).toContainText('4 Simultaneous Migrations');
  await again.getByTestId('settings-nav-storageMigrations').click();
  await expect(again.getByTestId('settings-max-storage')).toHaveValue('4');
  await again.getByTestId('settings-nav-advanced').click();
  await expect(again.getByRole('radio', { name: 'SMB' })).toBeChecked();
  await again.getByTestId('settings-cancel').click();
});

test('Hyper-V Settings: Cancel sends nothing; Apply adds a migration network and stays open', async ({ page, lab }) => {
  const before = await hostOf(page, lab, 'HV02');
  let dialog = await openHostSettings(page, 'HV02');
  await dialog.getByTestId('settings-enable-migrations').uncheck();
  await expect(dialog.getByTestId('settings-max-live')).toBeDisabled();
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText('Disable-VMMigration -ComputerName HV02');
  await dialog.getByTestId('settings-cancel').click();
  await expect(page.getByTestId('host-settings')).toHaveCount(0);
  expect(await hostOf(page, lab, 'HV02')).toEqual(before);

  dialog = await openHostSettings(page, 'HV02');
  await expect(dialog.getByTestId('settings-enable-migrations')).toBeChecked();
  await dialog.getByTestId('settings-network-add').click();
  const add = page.getByTestId('add-network');
  await add.getByTestId('add-network-subnet').fill('10.10.3');
  await add.getByTestId('add-network-ok').click();
  await expect(add).toContainText('The IP address or subnet is not valid');
  await add.getByTestId('add-network-subnet').fill('10.10.3.0/24');
  await add.getByTestId('add-network-subnet').press('Enter');
  await expect(add).toHaveCount(0);
  await expect(dialog.getByTestId('settings-networks').getByRole('option')).toHaveText(['10.10.1.0/24', '10.10.2.0/24', '10.10.3.0/24']);
  // Move it to the top: it becomes the preferred network (priority 0), the others follow.
  await dialog.getByRole('button', { name: 'Move Up' }).click();
  await dialog.getByRole('button', { name: 'Move Up' }).click();
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    [
      'Remove-VMMigrationNetwork -Subnet 10.10.1.0/24 -ComputerName HV02',
      'Remove-VMMigrationNetwork -Subnet 10.10.2.0/24 -ComputerName HV02',
      'Add-VMMigrationNetwork -Subnet 10.10.3.0/24 -Priority 0 -ComputerName HV02',
      'Add-VMMigrationNetwork -Subnet 10.10.1.0/24 -Priority 1 -ComputerName HV02',
      'Add-VMMigrationNetwork -Subnet 10.10.2.0/24 -Priority 2 -ComputerName HV02',
    ].join('\n'),
  );
  await dialog.getByTestId('settings-apply').click();
  await expect(dialog.getByTestId('settings-apply')).toBeDisabled();
  await expect(page.getByTestId('host-settings')).toBeVisible();
  await expect(dialog.getByTestId('settings-script')).toHaveText('Nothing to run: no setting has changed.');
  const after = await hostOf(page, lab, 'HV02');
  expect(after.migration.networks).toEqual([
    { subnet: '10.10.3.0/24', priority: 0 },
    { subnet: '10.10.1.0/24', priority: 1 },
    { subnet: '10.10.2.0/24', priority: 2 },
  ]);
  await dialog.getByTestId('settings-cancel').click();
});

test('VM Settings: a Dynamic Memory range error stops OK and nothing changes; Cancel changes nothing', async ({ page, lab }) => {
  const before = await vmOf(page, lab, 'SQL01');
  const dialog = await openVmSettings(page, 'HV01', 'SQL01');
  await expect(dialog.getByTestId('vm-startup')).toHaveValue('8192');
  await expect(dialog.getByTestId('vm-minimum')).toHaveValue('4096');
  await expect(dialog.getByTestId('vm-maximum')).toHaveValue('32768');
  // Running: Startup RAM and Dynamic Memory are fixed, and the page says why.
  await expect(dialog.getByTestId('vm-startup')).toBeDisabled();
  await expect(dialog.getByTestId('vm-dynamic')).toBeDisabled();
  await expect(dialog).toContainText('can be changed only when it is turned off');

  await dialog.getByTestId('vm-maximum').fill('4096');
  await expect(dialog.getByTestId('vm-maximum-error')).toHaveText('The maximum RAM (4096 MB) cannot be less than the startup RAM (8192 MB).');
  await dialog.getByTestId('vm-minimum').fill('16');
  await expect(dialog.getByTestId('vm-minimum-error')).toHaveText('The minimum RAM must be between 32 MB and 1048576 MB.');
  await dialog.getByTestId('vm-minimum').fill('10240');
  await expect(dialog.getByTestId('vm-minimum-error')).toContainText('cannot be greater than the startup RAM');
  await dialog.getByTestId('vm-minimum').fill('5000');
  await expect(dialog.getByTestId('vm-minimum-error')).toHaveText(
    'While the virtual machine is running, the minimum RAM can only be decreased (it is 4096 MB now).',
  );
  await dialog.getByTestId('settings-ok').click();
  await expect(dialog.getByTestId('settings-errors')).toContainText('Correct the following before the settings can be applied');
  await expect(page.getByTestId('vm-settings')).toBeVisible();
  await shot(page, 'settings-vm-memory-errors');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await vmOf(page, lab, 'SQL01')).toEqual(before);

  await dialog.getByTestId('settings-cancel').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  expect(await vmOf(page, lab, 'SQL01')).toEqual(before);
});

test('VM Settings: OK raises Maximum RAM; an engine refusal is shown over the dialog', async ({ page, lab }) => {
  let dialog = await openVmSettings(page, 'HV01', 'SQL01');
  await dialog.getByTestId('vm-maximum').fill('65536');
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText('Set-VMMemory -VMName SQL01 -ComputerName HV01 -MaximumBytes 64GB');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  expect((await vmOf(page, lab, 'SQL01')).memory.maximumBytes).toBe(64 * GiB);

  // The Smart Paging File Location needs the VM off: greyed out with a note while SQL01 runs.
  dialog = await openVmSettings(page, 'HV01', 'SQL01');
  await dialog.getByTestId('settings-nav-smartPaging').click();
  await expect(dialog.getByTestId('vm-smart-paging')).toBeDisabled();
  await expect(dialog).toContainText('The Smart Paging File Location can be changed here only when the virtual machine is turned off.');
  await dialog.getByTestId('settings-cancel').click();

  dialog = await openVmSettings(page, 'HV02', 'TEST01');
  await dialog.getByTestId('settings-nav-smartPaging').click();
  await expect(dialog.getByTestId('vm-smart-paging')).toHaveValue('D:\\VMs\\TEST01');
  await dialog.getByTestId('vm-smart-paging').fill('SmartPaging');
  await expect(dialog).toContainText('The path is not valid');
  await dialog.getByTestId('vm-smart-paging').fill('Q:\\SmartPaging');
  await dialog.getByTestId('settings-ok').click();
  const error = page.getByTestId('dialog-error');
  await expect(error).toContainText("An error occurred while applying changes to the virtual machine 'TEST01'.");
  await expect(error.getByTestId('error-message')).toContainText("Failed to change the smart paging file path of 'TEST01' to 'Q:\\SmartPaging'.");
  await shot(page, 'settings-vm-engine-error');
  await error.getByTestId('error-close').click();
  await expect(page.getByTestId('vm-settings')).toBeVisible();
  await dialog.getByTestId('settings-cancel').click();
  expect((await vmOf(page, lab, 'TEST01')).paths.smartPaging).toBe('D:\\VMs\\TEST01');
});

test("VM Settings while the VM is being moved: Hyper-V's refusal before Apply and on Apply; the change applies after the move and the move is kept", async ({
  page,
  lab,
}) => {
  await page.getByTestId('clock-speed-0').click();
  await runAtPrompt(page, 'Move-VMStorage -VMName SQL01 -DestinationStoragePath E:\\VMs\\SQL01 -AsJob');
  const dialog = await openVmSettings(page, 'HV01', 'SQL01');
  const locked = dialog.getByTestId('vm-settings-locked');
  await expect(locked).toContainText("'SQL01' failed to modify settings. The operation cannot be performed while the object is in its current state.");
  await expect(locked).toContainText("A storage move of 'SQL01' is running (see the Jobs pane).");
  await dialog.getByTestId('vm-maximum').fill('65536');
  await shot(page, 'settings-vm-locked-by-move');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('settings-apply').click();
  const error = page.getByTestId('dialog-error');
  await expect(error.getByTestId('error-message')).toContainText("'SQL01' failed to modify settings.");
  await expect(error.getByTestId('error-message')).toContainText('Wait until it finishes, or cancel it there');
  await shot(page, 'settings-vm-locked-apply-refused');
  await error.getByTestId('error-close').click();
  // Nothing was applied, and what was typed is still there.
  expect((await vmOf(page, lab, 'SQL01')).memory.maximumBytes).toBe(32 * GiB);
  await expect(dialog.getByTestId('vm-maximum')).toHaveValue('65536');

  // The move finishes: the note goes, the untouched smart paging folder follows the move, Apply works.
  await clockThroughPage(page, lab, { action: 'runUntilIdle' });
  await expect(locked).toHaveCount(0);
  await dialog.getByTestId('settings-nav-smartPaging').click();
  await expect(dialog.getByTestId('vm-smart-paging')).toHaveValue('E:\\VMs\\SQL01');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  const vm = await vmOf(page, lab, 'SQL01');
  expect(vm.memory.maximumBytes).toBe(64 * GiB);
  expect(vm.paths.smartPaging).toBe('E:\\VMs\\SQL01');
});

test('VM Settings: processor compatibility only when off; smart paging folder by Browse...', async ({ page, lab }) => {
  let dialog = await openVmSettings(page, 'HV01', 'DC01');
  await dialog.getByTestId('settings-nav-compatibility').click();
  await expect(dialog.getByTestId('vm-compatibility')).toBeDisabled();
  await expect(dialog).toContainText('You can change this setting only when the virtual machine is turned off.');
  await dialog.getByTestId('settings-cancel').click();

  dialog = await openVmSettings(page, 'HV02', 'TEST01');
  await dialog.getByTestId('settings-nav-compatibility').click();
  await dialog.getByRole('checkbox', { name: 'Migrate to a physical computer with a different processor version' }).check();
  await dialog.getByTestId('settings-nav-smartPaging').click();
  await dialog.getByTestId('vm-smart-paging-browse').click();
  const picker = page.getByTestId('folder-picker');
  await picker.getByRole('treeitem', { name: /Fast \(E:\)/ }).click();
  await picker.getByTestId('folder-picker-ok').click();
  await expect(dialog.getByTestId('vm-smart-paging')).toHaveValue('E:\\');
  await dialog.getByTestId('settings-nav-disk:0').click();
  await expect(dialog.getByTestId('vm-disk-path')).toHaveValue('D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx');
  await expect(dialog.getByTestId('settings-nav-controller:IDE Controller 0')).toBeVisible();
  await shot(page, 'settings-vm-hard-drive');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    [
      'Set-VMProcessor -VMName TEST01 -ComputerName HV02 -CompatibilityForMigrationEnabled $true',
      'Set-VM -Name TEST01 -ComputerName HV02 -SmartPagingFilePath E:\\',
    ].join('\n'),
  );
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  const vm = await vmOf(page, lab, 'TEST01');
  expect(vm.compatibilityForMigration).toBe(true);
  expect(vm.paths.smartPaging).toBe('E:\\');
});
