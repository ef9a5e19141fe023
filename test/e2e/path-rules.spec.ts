// Windows' path rules where a path is typed (issue 12): the Move Wizard's folder box, the Browse...
// dialog and the VM Settings' smart paging folder refuse a reserved name, a path over MAX_PATH and a
// forbidden character at once, under the field, worded for the console; the wizard's Next and the
// Browse dialog's OK stay disabled meanwhile. Hyper-V Settings takes an IPv6 migration network, and
// the wizard takes a destination computer by its IP address. One rule, engine/common/windows-paths.ts.
import type { Page } from '@playwright/test';
import { freshTest as test, expect } from './web-host-fixture';
import { next, queryThroughPage, shot } from './page-helpers';

test.describe.configure({ timeout: 120_000 });

async function openWizard(page: Page, server: string, vm: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId(`vm-row-${vm}`).click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Move...' }).click();
  const wizard = page.getByTestId('move-wizard');
  await expect(wizard).toBeVisible();
  return wizard;
}

test('Move Wizard: a reserved name, a path over MAX_PATH and a forbidden character are refused as typed, in the folder box and in Browse...', async ({
  page,
}) => {
  const wizard = await openWizard(page, 'HV01', 'DC01');
  await next(page, 'Choose Move Type');
  await wizard.getByRole('radio', { name: "Move the virtual machine's storage" }).check();
  await next(page, 'Choose Options for Moving Storage');
  await next(page, 'Choose a new location for virtual machine');

  const folder = wizard.getByTestId('wizard-folder');
  const nextButton = wizard.getByTestId('wizard-next');
  await folder.fill('E:\\VMs\\CON');
  await expect(wizard).toContainText("The path is not valid. 'CON' is the reserved device name CON");
  await expect(nextButton).toBeDisabled();
  await shot(page, 'path-rules-wizard-reserved');

  await folder.fill(`E:\\${'VeryLongFolderName\\'.repeat(13)}DC01`); // 3 + 19 × 13 + 4 = 254 characters
  await expect(wizard).toContainText('The path is 254 characters long; a folder path can have at most 248 characters (MAX_PATH is 260).');
  await expect(nextButton).toBeDisabled();
  await shot(page, 'path-rules-wizard-too-long');

  await folder.fill('E:\\VMs\\DC01');
  await expect(wizard).not.toContainText('The path is not valid');
  await expect(nextButton).toBeEnabled();

  await wizard.getByTestId('wizard-folder-browse').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker).toBeVisible();
  const box = picker.getByTestId('folder-picker-path');
  const ok = picker.getByTestId('folder-picker-ok');
  await box.fill('E:\\VMs|DC01');
  await expect(picker).toContainText("The name 'VMs|DC01' contains '|'");
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(ok).toBeDisabled();
  await shot(page, 'path-rules-browse-invalid-character');
  await box.fill('E:\\VMs\\nul.vhdx');
  await expect(picker).toContainText('reserved device name NUL');
  await expect(ok).toBeDisabled();
  await box.fill('E:\\VMs\\DC01-new');
  await expect(ok).toBeEnabled();
  await expect(picker).not.toContainText('The path is not valid');
  await ok.click();
  await expect(picker).toHaveCount(0);
  await expect(folder).toHaveValue('E:\\VMs\\DC01-new');
  await expect(nextButton).toBeEnabled();
});

test('VM Settings: the smart paging folder box refuses a reserved name under the field, and OK does not apply it', async ({ page, lab }) => {
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('vm-row-TEST01').click();
  await page.getByTestId('actions-vm').getByTestId('action-settings').click();
  const dialog = page.getByTestId('vm-settings');
  await expect(dialog.getByRole('heading', { name: 'Settings for TEST01 on HV02' })).toBeVisible();
  await dialog.getByTestId('settings-nav-smartPaging').click();
  await dialog.getByTestId('vm-smart-paging').fill('E:\\Paging\\AUX');
  await expect(dialog).toContainText("The path is not valid. 'AUX' is the reserved device name AUX");
  await shot(page, 'path-rules-vm-settings-reserved');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toBeVisible();
  const vm = await queryThroughPage<{ paths: { smartPaging: string } }>(page, lab, { name: 'vm', vm: 'TEST01' });
  expect(vm.paths.smartPaging).toBe('D:\\VMs\\TEST01');
  await dialog.getByTestId('settings-cancel').click();
});

test('Hyper-V Settings takes an IPv6 migration network; the wizard takes a destination by IP address', async ({ page, lab }) => {
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('actions-host').getByTestId('action-hyperv-settings').click();
  const dialog = page.getByTestId('host-settings');
  await expect(dialog.getByRole('heading', { name: 'Hyper-V Settings for HV02' })).toBeVisible();
  await dialog.getByTestId('settings-nav-liveMigrations').click();
  await dialog.getByTestId('settings-network-add').click();
  const add = page.getByTestId('add-network');
  await add.getByTestId('add-network-subnet').fill('FD00:0:0:0::/64');
  await add.getByTestId('add-network-ok').click();
  await expect(add).toHaveCount(0);
  await expect(dialog.getByTestId('settings-networks').getByRole('option')).toHaveText(['10.10.1.0/24', '10.10.2.0/24', 'fd00::/64']);
  await shot(page, 'path-rules-ipv6-network');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('host-settings')).toHaveCount(0);
  const world = await queryThroughPage<{ world: { hosts: { name: string; migration: { networks: { subnet: string }[] } }[] } }>(page, lab, { name: 'world' });
  expect(world.world.hosts.find((h) => h.name === 'HV02')!.migration.networks.map((n) => n.subnet)).toEqual(['10.10.1.0/24', '10.10.2.0/24', 'fd00::/64']);

  const wizard = await openWizard(page, 'HV01', 'WEB01');
  await next(page, 'Choose Move Type');
  await next(page, 'Specify Destination Computer');
  const destination = wizard.getByTestId('wizard-destination');
  await destination.fill('10.10.1.11'); // HV01's own SMB1 address
  await expect(wizard).toContainText("The virtual machine is already on 'HV01'");
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await destination.fill('10.10.1.12'); // HV02's
  await expect(wizard).not.toContainText('is not a valid computer name');
  await expect(wizard.getByTestId('wizard-next')).toBeEnabled();
  await shot(page, 'path-rules-destination-by-ip');
  // The engine's pre-checks resolve the address to HV02: the wizard goes on.
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-heading')).not.toHaveText('Specify Destination Computer');
});
