// The New Virtual Machine Wizard in Chromium against the real browser host, as a new user meets it:
// HV01's Actions > New > Virtual Machine..., walk every page, Finish; the VM appears off in the list
// with its new disk on the volume (test/unit/cmdlets/new-vm.test.ts moves a new VM with Move-VM).
import { freshTest as test, expect } from './web-host-fixture';
import { next, queryThroughPage, seriousViolations, shot } from './page-helpers';

test.describe.configure({ timeout: 180_000 });

interface VmView {
  host: string;
  state: string;
  generation: number;
  memory: { dynamic: boolean; startupBytes: number };
  vhds: { path: string; maxSizeBytes: number; controller: string }[];
  networkAdapters: { switchName?: string }[];
  dvdDrives: { path?: string }[];
}

test('New > Virtual Machine...: every page, Finish, the VM and its disk exist', async ({ page, lab }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('actions-host').getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Virtual Machine...' }).click();
  const wizard = page.getByTestId('new-vm-wizard');
  await expect(wizard).toBeVisible();
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  await shot(page, 'new-vm-before');

  await next(page, 'Specify Name and Location');
  await wizard.getByTestId('new-vm-name').fill('WEB02');
  await wizard.getByTestId('new-vm-store-elsewhere').click();
  await wizard.getByTestId('new-vm-location').fill('E:\\VMs');
  await shot(page, 'new-vm-name');
  expect(await seriousViolations(page)).toEqual([]);

  await next(page, 'Specify Generation');
  await wizard.getByRole('radio', { name: 'Generation 2' }).check();
  await next(page, 'Assign Memory');
  await wizard.getByTestId('new-vm-memory').fill('1025');
  await expect(wizard.getByTestId('new-vm-memory-messages')).toHaveText('The startup memory must be a multiple of 2 MB.');
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await wizard.getByTestId('new-vm-memory').fill('2048');
  await wizard.getByTestId('new-vm-dynamic').click();
  await next(page, 'Configure Networking');
  await wizard.getByTestId('new-vm-switch').selectOption('Production');
  await shot(page, 'new-vm-network');
  await next(page, 'Connect Virtual Hard Disk');
  await expect(wizard.getByTestId('new-vm-vhd-name')).toHaveValue('WEB02.vhdx');
  await expect(wizard.getByTestId('new-vm-vhd-location')).toHaveValue('E:\\VMs\\WEB02\\Virtual Hard Disks\\');
  await expect(wizard.getByTestId('new-vm-vhd-size')).toHaveValue('127');
  await shot(page, 'new-vm-disk');
  expect(await seriousViolations(page)).toEqual([]);
  await next(page, 'Installation Options');
  await wizard.getByRole('radio', { name: 'Install an operating system from a bootable image file' }).check();
  await wizard.getByTestId('new-vm-iso').fill('D:\\ISO\\WindowsServer2012R2.iso');
  await next(page, 'Completing the New Virtual Machine Wizard');
  await expect(wizard.getByTestId('wizard-summary')).toContainText('E:\\VMs\\WEB02\\Virtual Hard Disks\\WEB02.vhdx');
  await shot(page, 'new-vm-summary');
  expect(await seriousViolations(page)).toEqual([]);
  await wizard.getByTestId('wizard-finish').click();
  await expect(wizard).toBeHidden();

  await expect(page.getByTestId('vm-row-WEB02')).toBeVisible();
  await expect(page.getByTestId('vm-row-WEB02')).toContainText('Off');
  await shot(page, 'new-vm-created');
  const vm = await queryThroughPage<VmView>(page, lab, { name: 'vm', vm: 'WEB02' });
  expect(vm).toMatchObject({ host: 'HV01', state: 'Off', generation: 2, memory: { dynamic: true, startupBytes: 2048 * 1024 ** 2 } });
  expect(vm.vhds).toEqual([
    expect.objectContaining({ path: 'E:\\VMs\\WEB02\\Virtual Hard Disks\\WEB02.vhdx', maxSizeBytes: 127 * 1024 ** 3, controller: 'SCSI 0:0' }),
  ]);
  expect(vm.networkAdapters[0]!.switchName).toBe('Production');
  expect(vm.dvdDrives[0]!.path).toBe('D:\\ISO\\WindowsServer2012R2.iso');
});

test("a refusal from the engine shows Hyper-V Manager's error dialog: the name is in use", async ({ page }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('actions-host').getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Virtual Machine...' }).click();
  const wizard = page.getByTestId('new-vm-wizard');
  await next(page, 'Specify Name and Location');
  await wizard.getByTestId('new-vm-name').fill('DC01');
  await wizard.getByTestId('wizard-finish').click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'already exists on HV01' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Failed to create the virtual machine 'DC01'. A virtual machine named 'DC01' already exists on HV01.");
  await shot(page, 'new-vm-refused');
});
