// The Move Wizard in Chromium against the real browser host, as a new user meets it: right-click a
// VM → Move..., walk the pages, Finish, watch the Status column, and check where the files went
// (through the page's own bridge). Each test gets a fresh host and world, since moves change it.
import type { Page } from '@playwright/test';
import { freshTest as test, expect, type RunningWebHost } from './web-host-fixture';
import { next, queryThroughPage, seriousViolations, shot } from './page-helpers';

// Moves run in simulated time and axe takes a few seconds per page: more than the default minute.
test.describe.configure({ timeout: 180_000 });

interface VmView {
  host: string;
  state: string;
  paths: { configuration: string; snapshots: string; smartPaging: string };
  vhds: { path: string }[];
}

const query = <T>(page: Page, lab: RunningWebHost, q: unknown): Promise<T> => queryThroughPage<T>(page, lab, q);

const vmOf = (page: Page, lab: RunningWebHost, name: string) => query<VmView>(page, lab, { name: 'vm', vm: name });

async function openWizard(page: Page, server: string, vm: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId(`vm-row-${vm}`).click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Move...' }).click();
  const wizard = page.getByTestId('move-wizard');
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('heading', { name: `Move "${vm}" Wizard` })).toBeVisible();
  return wizard;
}

test('storage to a single location: Browse to E:\\, Finish, progress in Status, new paths', async ({ page, lab }) => {
  // Simulated time at wall-clock speed: the 40 GB copy takes long enough to watch.
  await page.getByTestId('status-bar').getByTestId('clock-speed-1').click();
  const wizard = await openWizard(page, 'HV01', 'DC01');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await expect(wizard.getByTestId('wizard-previous')).toBeDisabled();
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  const nav = wizard.getByTestId('wizard-nav');
  await expect(nav.locator('[aria-current="step"]')).toHaveText('Before You Begin');
  await shot(page, 'wizard-before-you-begin');
  expect(await seriousViolations(page)).toEqual([]);

  await next(page, 'Choose Move Type');
  // Later pages are listed but cannot be clicked.
  await expect(nav.getByRole('button', { name: 'Summary' })).toHaveCount(0);
  await wizard.getByRole('radio', { name: "Move the virtual machine's storage" }).check();
  await expect(nav).toContainText('Choose Options');
  await shot(page, 'wizard-move-type');
  expect(await seriousViolations(page)).toEqual([]);

  await next(page, 'Choose Options for Moving Storage');
  for (const label of [
    "Move all of the virtual machine's data to a single location",
    "Move all of the virtual machine's data to different locations",
    "Move only the virtual machine's virtual hard disks",
  ]) {
    await expect(wizard.getByRole('radio', { name: label })).toBeVisible();
  }
  await expect(wizard.getByRole('radio', { name: "Move all of the virtual machine's data to a single location" })).toBeChecked();
  await next(page, 'Choose a new location for virtual machine');

  // Page checks at once: empty disables Next; a malformed path says so.
  const folder = wizard.getByTestId('wizard-folder');
  await folder.fill('');
  await expect(wizard).toContainText('Specify a folder.');
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await folder.fill('VMs\\DC01');
  await expect(wizard).toContainText('The path is not valid');
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();

  await wizard.getByTestId('wizard-folder-browse').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('treeitem', { name: /Fast \(E:\)/ })).toBeVisible();
  await picker.getByRole('treeitem', { name: /Fast \(E:\)/ }).click();
  await expect(picker.getByTestId('folder-picker-path')).toHaveValue('E:\\');
  await expect(picker.getByRole('button', { name: 'New Folder' })).toBeEnabled();
  await shot(page, 'wizard-folder-picker');
  expect(await seriousViolations(page)).toEqual([]);
  await picker.getByTestId('folder-picker-ok').click();
  await expect(picker).toHaveCount(0);
  await expect(folder).toHaveValue('E:\\');
  await expect(wizard).not.toContainText('The path is not valid');

  await next(page, 'Completing Move Wizard');
  await expect(wizard.getByTestId('wizard-summary')).toContainText('E:\\');
  await expect(wizard.getByTestId('wizard-finish')).toBeEnabled();
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText('Move-VMStorage -VMName DC01 -ComputerName HV01 -DestinationStoragePath E:\\');
  await shot(page, 'wizard-summary-storage');
  expect(await seriousViolations(page)).toEqual([]);

  await wizard.getByTestId('wizard-finish').click();
  await expect(page.getByTestId('move-wizard')).toHaveCount(0);
  const row = page.getByTestId('vm-row-DC01');
  await expect(row).toContainText(/Moving storage \(\d+%\)/);
  await shot(page, 'wizard-status-moving');

  await page.getByTestId('run-until-idle').click();
  await expect(row).not.toContainText('Moving storage');
  const vm = await vmOf(page, lab, 'DC01');
  expect(vm.paths).toEqual({ configuration: 'E:\\', snapshots: 'E:\\', smartPaging: 'E:\\' });
  expect(vm.vhds.map((d) => d.path)).toEqual(['E:\\Virtual Hard Disks\\DC01.vhdx']);
  await row.click();
  await expect(page.getByTestId('vm-details')).toContainText('E:\\Virtual Hard Disks\\DC01.vhdx');
});

async function toStorageOption(page: Page, option: string) {
  const wizard = page.getByTestId('move-wizard');
  await next(page, 'Choose Move Type');
  await wizard.getByRole('radio', { name: "Move the virtual machine's storage" }).check();
  await next(page, 'Choose Options for Moving Storage');
  await wizard.getByRole('radio', { name: option }).check();
}

async function onlyItem(page: Page, keep: string) {
  const wizard = page.getByTestId('move-wizard');
  for (const key of ['vhd:0', 'configuration', 'snapshots', 'smartPaging']) {
    const box = wizard.getByTestId(`wizard-item-${key}`);
    if (key === keep) await box.check();
    else await box.uncheck();
  }
}

test('different locations: only the current configuration moves (-VirtualMachinePath)', async ({ page, lab }) => {
  await openWizard(page, 'HV01', 'DC01');
  const wizard = page.getByTestId('move-wizard');
  await toStorageOption(page, "Move all of the virtual machine's data to different locations");
  await next(page, 'Choose Items to Move');
  for (const label of ['DC01.vhdx', 'Current configuration', 'Checkpoints', 'Smart paging']) {
    await expect(wizard.getByRole('checkbox', { name: label })).toBeChecked();
  }
  await onlyItem(page, 'vhd:0');
  await onlyItem(page, 'configuration');
  const nav = wizard.getByTestId('wizard-nav');
  await expect(nav).toContainText('Current configuration');
  await expect(nav).not.toContainText('DC01.vhdx');
  await shot(page, 'wizard-choose-items');
  expect(await seriousViolations(page)).toEqual([]);

  await next(page, "Choose a new location for the virtual machine's current configuration");
  await wizard.getByTestId('wizard-folder').fill('E:\\DC01\\Config');
  await next(page, 'Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText('Move-VMStorage -VMName DC01 -ComputerName HV01 -VirtualMachinePath E:\\DC01\\Config');
  await expect(wizard.getByTestId('wizard-summary')).toContainText('Not moved:DC01.vhdx, Checkpoints, Smart paging');
  await wizard.getByTestId('wizard-finish').click();
  await page.getByTestId('run-until-idle').click();
  await expect.poll(async () => (await vmOf(page, lab, 'DC01')).paths.configuration).toBe('E:\\DC01\\Config');
  const vm = await vmOf(page, lab, 'DC01');
  expect(vm.paths.snapshots).toBe('D:\\VMs\\DC01');
  expect(vm.paths.smartPaging).toBe('D:\\VMs\\DC01');
  expect(vm.vhds.map((d) => d.path)).toEqual(['D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx']);
});

test('different locations: only the smart paging location moves (-SmartPagingFilePath)', async ({ page, lab }) => {
  await openWizard(page, 'HV01', 'DC01');
  const wizard = page.getByTestId('move-wizard');
  await toStorageOption(page, "Move all of the virtual machine's data to different locations");
  await next(page, 'Choose Items to Move');
  await onlyItem(page, 'smartPaging');
  await next(page, "Choose a new location for the virtual machine's smart paging file");
  await expect(wizard.getByTestId('wizard-folder')).toHaveValue('D:\\VMs\\DC01');
  await wizard.getByTestId('wizard-folder-browse').click();
  const picker = page.getByTestId('folder-picker');
  // The tree opens down to the folder in the box.
  await expect(picker.getByRole('treeitem', { name: 'DC01', exact: true })).toHaveAttribute('aria-selected', 'true');
  await picker.getByRole('treeitem', { name: /Fast \(E:\)/ }).click();
  await picker.getByRole('button', { name: 'New Folder' }).click();
  await expect(picker.getByTestId('folder-picker-path')).toHaveValue('E:\\New folder');
  await picker.getByTestId('folder-picker-path').fill('E:\\SmartPaging');
  await picker.getByTestId('folder-picker-path').press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(wizard.getByTestId('wizard-folder')).toHaveValue('E:\\SmartPaging');
  await wizard.getByTestId('wizard-folder').press('Enter');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText('Move-VMStorage -VMName DC01 -ComputerName HV01 -SmartPagingFilePath E:\\SmartPaging');
  await expect(wizard.getByTestId('wizard-finish')).toBeEnabled();
  // Enter on the Summary page is Finish (focus on the page, not on a button).
  await wizard.getByTestId('wizard-summary').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('move-wizard')).toHaveCount(0);
  await page.getByTestId('run-until-idle').click();
  await expect.poll(async () => (await vmOf(page, lab, 'DC01')).paths.smartPaging).toBe('E:\\SmartPaging');
  const vm = await vmOf(page, lab, 'DC01');
  expect(vm.paths.configuration).toBe('D:\\VMs\\DC01');
  expect(vm.vhds.map((d) => d.path)).toEqual(['D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx']);
});

test('disks only: one of two disks moves to its own folder (-Vhds)', async ({ page, lab }) => {
  await openWizard(page, 'HV01', 'SQL01');
  const wizard = page.getByTestId('move-wizard');
  await toStorageOption(page, "Move only the virtual machine's virtual hard disks");
  await next(page, "Choose a new location for the virtual machine's virtual hard disks");
  await wizard.getByRole('checkbox', { name: /^SQL01\.vhdx/ }).uncheck();
  await expect(wizard.getByRole('textbox', { name: 'Folder for SQL01.vhdx' })).toBeDisabled();
  const data = wizard.getByRole('textbox', { name: 'Folder for SQL01-Data.vhdx' });
  await data.fill('E:\\SQL01');
  await shot(page, 'wizard-disks-only');
  await next(page, 'Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText(
    'Move-VMStorage -VMName SQL01 -ComputerName HV01 -Vhds @(@{"SourceFilePath"="D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx";"DestinationFilePath"="E:\\SQL01\\SQL01-Data.vhdx"})',
  );
  await wizard.getByTestId('wizard-finish').click();
  await expect(page.getByTestId('vm-row-SQL01')).toContainText(/Moving storage \((\d+%|queued)\)/);
  await page.getByTestId('run-until-idle').click();
  await expect
    .poll(async () => (await vmOf(page, lab, 'SQL01')).vhds.map((d) => d.path))
    .toEqual(['D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', 'E:\\SQL01\\SQL01-Data.vhdx']);
  expect((await vmOf(page, lab, 'SQL01')).paths.configuration).toBe('D:\\VMs\\SQL01');
});

test('disks only, every disk unticked on the way back: the Summary says there is nothing to move and which page to change', async ({ page }) => {
  await openWizard(page, 'HV01', 'SQL01');
  const wizard = page.getByTestId('move-wizard');
  await toStorageOption(page, "Move only the virtual machine's virtual hard disks");
  await next(page, "Choose a new location for the virtual machine's virtual hard disks");
  await wizard.getByRole('textbox', { name: 'Folder for SQL01.vhdx' }).fill('E:\\SQL01');
  await wizard.getByRole('textbox', { name: 'Folder for SQL01-Data.vhdx' }).fill('E:\\SQL01');
  await next(page, 'Completing Move Wizard');
  await expect(wizard.getByTestId('wizard-finish')).toBeEnabled();
  // Back on the disks page, untick both: Next goes off with the page's own message.
  await wizard.getByTestId('wizard-nav').getByRole('button', { name: 'Virtual Hard Disks' }).click();
  for (const box of await wizard.getByRole('checkbox').all()) await box.uncheck();
  await expect(wizard).toContainText('Select at least one virtual hard disk to move.');
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  await shot(page, 'wizard-disks-none-selected');
});

test('a pre-check blocks Finish: SQL01 (260 GB) does not fit on C:', async ({ page }) => {
  await openWizard(page, 'HV01', 'SQL01');
  const wizard = page.getByTestId('move-wizard');
  await toStorageOption(page, "Move all of the virtual machine's data to a single location");
  await next(page, 'Choose a new location for virtual machine');
  // The box starts on the current folder: nothing to move, so Finish stays off and the Summary says
  // which page to go back to, in the wizard's words (the parameter only under View script), once.
  await next(page, 'Completing Move Wizard');
  const nothing = wizard.getByTestId('wizard-precheck-errors');
  await expect(nothing).toContainText("There is nothing to move: the files of 'SQL01' are already in the locations given.");
  await expect(nothing).toContainText(
    'Go back to "Choose a new location for virtual machine" and choose a folder other than the one the files of \'SQL01\' are in now (D:\\VMs\\SQL01).',
  );
  await expect(nothing).not.toContainText('-DestinationStoragePath');
  await expect(nothing.locator('.hv-page-message')).toHaveCount(1);
  await expect(wizard.getByTestId('wizard-precheck-warnings')).toHaveCount(0);
  await expect(wizard.getByTestId('wizard-precheck')).not.toContainText('found nothing that prevents');
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText('Move-VMStorage -VMName SQL01 -ComputerName HV01 -DestinationStoragePath D:\\VMs\\SQL01');
  await shot(page, 'wizard-nothing-to-move');
  await wizard.getByTestId('wizard-view-script').click();
  await page.getByTestId('wizard-previous').click();
  await wizard.getByTestId('wizard-folder').fill('C:\\VMs\\SQL01');
  await next(page, 'Completing Move Wizard');
  const errors = wizard.getByTestId('wizard-precheck-errors');
  await expect(errors).toContainText('Not enough space on volume C: of HV01');
  await expect(errors).toContainText('To fix this:');
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  await shot(page, 'wizard-precheck-blocked');
  expect(await seriousViolations(page)).toEqual([]);
  // Going back and choosing a volume with room lets it through.
  await wizard.getByTestId('wizard-nav').getByRole('button', { name: 'Choose New Location' }).click();
  await wizard.getByTestId('wizard-folder').fill('E:\\VMs\\SQL01');
  await next(page, 'Completing Move Wizard');
  await expect(wizard.getByTestId('wizard-finish')).toBeEnabled();
  // Escape is Cancel: nothing moves.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('move-wizard')).toHaveCount(0);
  await expect(page.getByTestId('vm-row-SQL01')).not.toContainText('Moving');
});

test('live migration: WEB01 on \\\\FS01\\VMs moves alone to HV02; DC01 moves with its storage', async ({ page, lab }) => {
  // Paused: the migration waits in the Status column until "Run until idle".
  await page.getByTestId('status-bar').getByTestId('clock-speed-0').click();
  await openWizard(page, 'HV01', 'WEB01');
  const wizard = page.getByTestId('move-wizard');
  await wizard.getByTestId('wizard-skip-intro').check();
  await next(page, 'Choose Move Type');
  await expect(wizard.getByRole('radio', { name: 'Move the virtual machine', exact: true })).toBeChecked();
  await next(page, 'Specify Destination Computer');
  const name = wizard.getByTestId('wizard-destination');
  await name.fill('HV01');
  await expect(wizard).toContainText("The virtual machine is already on 'HV01'");
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await name.fill('HV09');
  await page.getByTestId('wizard-next').click();
  await expect(wizard).toContainText("Failed to establish a connection with host 'HV09'");
  await expect(page.getByTestId('wizard-heading')).toHaveText('Specify Destination Computer');
  await wizard.getByTestId('wizard-destination-browse').click();
  const picker = page.getByTestId('computer-picker');
  await expect(picker.getByRole('radio', { name: /^HV02/ })).toBeChecked();
  await shot(page, 'wizard-computer-picker');
  await picker.getByTestId('computer-picker-ok').click();
  await expect(name).toHaveValue('HV02');
  expect(await seriousViolations(page)).toEqual([]);
  await next(page, 'Choose Move Options');
  for (const label of [
    "Move the virtual machine's data to a single location",
    "Move the virtual machine's data by selecting where to move the items",
    'Move only the virtual machine',
  ]) {
    await expect(wizard.getByRole('radio', { name: label })).toBeVisible();
  }
  await wizard.getByRole('radio', { name: 'Move only the virtual machine' }).check();
  await next(page, 'Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText('Move-VM -Name WEB01 -DestinationHost HV02 -ComputerName HV01');
  await shot(page, 'wizard-summary-live');
  await wizard.getByTestId('wizard-finish').click();
  await expect(page.getByTestId('vm-row-WEB01')).toContainText(/Migrating \((\d+%|queued)\)/);
  await page.getByTestId('run-until-idle').click();
  await expect.poll(async () => (await vmOf(page, lab, 'WEB01')).host).toBe('HV02');
  await expect(page.getByTestId('vm-row-WEB01')).toHaveCount(0);

  // "Do not show this page again" was remembered: the next wizard opens on Choose Move Type.
  await openWizard(page, 'HV01', 'DC01');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose Move Type');
  await next(page, 'Specify Destination Computer');
  await wizard.getByTestId('wizard-destination').fill('HV02');
  await next(page, 'Choose Move Options');
  // DC01's files are on HV01's own disks: "Move only the virtual machine" is refused at the Summary.
  await wizard.getByRole('radio', { name: 'Move only the virtual machine' }).check();
  await next(page, 'Completing Move Wizard');
  await expect(wizard.getByTestId('wizard-precheck-errors')).toContainText('is not on shared storage');
  await expect(wizard.getByTestId('wizard-finish')).toBeDisabled();
  await page.getByTestId('wizard-previous').click();
  await wizard.getByRole('radio', { name: "Move the virtual machine's data to a single location" }).check();
  await next(page, 'Choose a new location for virtual machine');
  await wizard.getByTestId('wizard-folder').fill('D:\\VMs\\DC01');
  await next(page, 'Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText(
    'Move-VM -Name DC01 -DestinationHost HV02 -ComputerName HV01 -IncludeStorage -DestinationStoragePath D:\\VMs\\DC01',
  );
  await wizard.getByTestId('wizard-finish').click();
  await expect(page.getByTestId('vm-row-DC01')).toContainText(/Migrating \((\d+%|queued)\)/);
  await page.getByTestId('run-until-idle').click();
  await expect.poll(async () => (await vmOf(page, lab, 'DC01')).host).toBe('HV02');
  await page.getByTestId('server-HV02').click();
  await expect(page.getByTestId('vm-row-DC01')).toBeVisible();
  expect((await vmOf(page, lab, 'DC01')).vhds.map((d) => d.path)).toEqual(['D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx']);
});

test('the Actions pane and the Action menu open it too; Enter is Next, Escape is Cancel; the folder tree works by keyboard', async ({ page }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click();
  await page.getByTestId('actions-vm').getByTestId('action-move').click();
  await expect(page.getByTestId('move-wizard')).toBeVisible();
  await page.getByTestId('wizard-cancel').click();
  await expect(page.getByTestId('move-wizard')).toHaveCount(0);

  await page.getByTestId('menu-action').click();
  await page.getByRole('menuitem', { name: 'Move...' }).click();
  const wizard = page.getByTestId('move-wizard');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose Move Type');
  // Arrow keys choose within the radio group, as in Windows.
  await expect(wizard.getByRole('radio', { name: 'Move the virtual machine', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(wizard.getByRole('radio', { name: "Move the virtual machine's storage" })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose Options for Moving Storage');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose a new location for virtual machine');

  await wizard.getByTestId('wizard-folder-browse').click();
  const tree = page.getByTestId('folder-tree');
  // The tree opens on the folder in the box (D:\VMs\DC01); walk up and over to E:.
  const dc01 = tree.getByRole('treeitem', { name: 'DC01', exact: true });
  await expect(dc01).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // to VMs
  await page.keyboard.press('ArrowLeft'); // collapse VMs
  await expect(tree.getByRole('treeitem', { name: 'VMs', exact: true })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowLeft'); // to VMs (D:)
  await expect(tree.getByRole('treeitem', { name: /VMs \(D:\)/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // collapse D:
  await page.keyboard.press('ArrowDown'); // Fast (E:)
  await page.keyboard.press('ArrowRight'); // expand E: (no folders yet)
  await expect(page.getByTestId('folder-picker-path')).toHaveValue('E:\\');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folder-picker')).toHaveCount(0);
  await expect(wizard.getByTestId('wizard-folder')).toHaveValue('E:\\');
  // Focus is back on Browse..., inside the wizard, where Escape cancels it.
  await expect(wizard.getByTestId('wizard-folder-browse')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('move-wizard')).toHaveCount(0);
});

test('live migration, selecting where each item goes: APP01 and its checkpoint to HV01 E:', async ({ page, lab }) => {
  await page.getByTestId('status-bar').getByTestId('clock-speed-0').click();
  const wizard = await openWizard(page, 'HV02', 'APP01');
  await next(page, 'Choose Move Type');
  await next(page, 'Specify Destination Computer');
  await wizard.getByTestId('wizard-destination').fill('HV01');
  await next(page, 'Choose Move Options');
  await wizard.getByRole('radio', { name: "Move the virtual machine's data by selecting where to move the items" }).check();
  await next(page, 'Choose Items to Move');
  await expect(wizard.getByRole('row', { name: /Checkpoints/ })).toContainText('Checkpoints (1)');
  await next(page, 'Choose a new location for virtual hard disk APP01.vhdx');
  // Browse... on a live migration shows the destination's folders.
  await wizard.getByTestId('wizard-folder-browse').click();
  await expect(page.getByTestId('folder-picker')).toContainText('Select a folder on HV01:');
  await page.getByTestId('folder-picker-path').fill('E:\\APP01\\Disks');
  await page.getByTestId('folder-picker-ok').click();
  await next(page, "Choose a new location for the virtual machine's current configuration");
  await wizard.getByTestId('wizard-folder').fill('E:\\APP01');
  await next(page, "Choose a new location for the virtual machine's checkpoints");
  await wizard.getByTestId('wizard-folder').fill('E:\\APP01\\Checkpoints');
  await next(page, "Choose a new location for the virtual machine's smart paging file");
  await wizard.getByTestId('wizard-folder').fill('E:\\APP01');
  await next(page, 'Completing Move Wizard');
  await wizard.getByTestId('wizard-view-script').click();
  await expect(wizard.getByTestId('wizard-script')).toHaveText(
    'Move-VM -Name APP01 -DestinationHost HV01 -ComputerName HV02 -IncludeStorage -VirtualMachinePath E:\\APP01 -SnapshotFilePath E:\\APP01\\Checkpoints -SmartPagingFilePath E:\\APP01 -Vhds @(@{"SourceFilePath"="D:\\VMs\\APP01\\Virtual Hard Disks\\APP01.vhdx";"DestinationFilePath"="E:\\APP01\\Disks\\APP01.vhdx"})',
  );
  await wizard.getByTestId('wizard-finish').click();
  await expect(page.getByTestId('vm-row-APP01')).toContainText(/Migrating \((\d+%|queued)\)/);
  await page.getByTestId('run-until-idle').click();
  await expect.poll(async () => (await vmOf(page, lab, 'APP01')).host).toBe('HV01');
  const vm = await vmOf(page, lab, 'APP01');
  expect(vm.paths).toEqual({ configuration: 'E:\\APP01', snapshots: 'E:\\APP01\\Checkpoints', smartPaging: 'E:\\APP01' });
  expect(vm.vhds.map((d) => d.path)).toEqual(['E:\\APP01\\Disks\\APP01.vhdx']);
});
