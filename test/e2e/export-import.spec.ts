// Export and Import in Chromium against the real browser host, as an admin meets them: TEST01's
// Export... (Location through Browse...), the export running in the Jobs pane, Delete..., then
// HV02's Import Virtual Machine... wizard page by page with a copy (new unique ID) to new folders;
// the VM is back with its disk where the wizard said. test/unit/cmdlets/export-import.test.ts
// covers the cmdlets' rules; this covers the windows and that they end in those cmdlets.
import { freshTest as test, expect } from './web-host-fixture';
import { clockThroughPage, next, queryThroughPage, seriousViolations, shot } from './page-helpers';

test.describe.configure({ timeout: 240_000 });

interface VmView {
  id: string;
  host: string;
  state: string;
  paths: { configuration: string };
  vhds: { path: string }[];
}

test('Export... a VM, delete it, Import Virtual Machine... a copy back', async ({ page, lab }) => {
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('vm-row-TEST01').click();
  await page.getByTestId('actions-vm').getByTestId('action-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-ok')).toBeDisabled();

  // Location through Browse...: E: on HV02, then a new folder typed below it.
  await dialog.getByTestId('export-location-browse').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker).toBeVisible();
  await picker.getByTestId('folder-E:\\').click();
  await picker.getByTestId('folder-picker-ok').click();
  await expect(dialog.getByTestId('export-location')).toHaveValue('E:\\');
  await dialog.getByTestId('export-location').fill('E:\\Exports');
  await shot(page, 'export-dialog');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('export-ok').click();
  await expect(dialog).toBeHidden();

  // The export runs as a job: the Status column and the Jobs pane show it.
  await expect(page.getByTestId('vm-status-TEST01')).toContainText('Exporting');
  await page.getByTestId('dock-tab-jobs').click();
  const row = page.getByTestId('job-row-1');
  await expect(row).toContainText('Export-VM');
  await shot(page, 'export-running');
  await clockThroughPage(page, lab, { action: 'runUntilIdle' });
  await expect(row).toHaveAttribute('data-state', 'Completed');
  await expect(page.getByTestId('vm-status-TEST01')).toHaveText('');

  // Exporting again into the same folder is refused with the engine's words.
  await page.getByTestId('actions-vm').getByTestId('action-export').click();
  await expect(dialog.getByTestId('export-location')).toHaveValue('E:\\Exports');
  await dialog.getByTestId('export-ok').click();
  const refusal = page.getByRole('dialog').filter({ hasText: 'already exists' });
  await expect(refusal).toContainText("'TEST01' failed to export.");
  await refusal.getByTestId('error-close').click();

  // Delete the VM: its disk stays in D:\VMs\TEST01.
  await page.getByTestId('actions-vm').getByTestId('action-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('vm-row-TEST01')).toHaveCount(0);

  // Import Virtual Machine... on HV02.
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('actions-host').getByTestId('action-import-vm').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await shot(page, 'import-before');
  await next(page, 'Locate Folder');
  // The parent folder holds no export itself: the page says where one is.
  await wizard.getByTestId('import-folder').fill('E:\\Exports');
  await wizard.getByTestId('wizard-next').click();
  await expect(wizard).toContainText("Select the folder of the exported virtual machine, such as 'E:\\Exports\\TEST01'.");
  await wizard.getByTestId('import-folder').fill('E:\\Exports\\TEST01');
  await next(page, 'Select Virtual Machine');
  await expect(wizard.getByTestId('import-vm-list')).toContainText('TEST01');
  await expect(wizard.getByTestId('import-vm-details')).toContainText('E:\\Exports\\TEST01\\Virtual Machines\\vm-test01.xml');
  await shot(page, 'import-select');
  await next(page, 'Choose Import Type');
  await wizard.getByRole('radio', { name: 'Copy the virtual machine (create a new unique ID)' }).check();
  await shot(page, 'import-type');
  expect(await seriousViolations(page)).toEqual([]);
  await next(page, 'Choose Folders for Virtual Machine Files');
  await wizard.getByTestId('import-store-elsewhere').click();
  await wizard.getByTestId('import-vm-folder').fill('D:\\VMs\\TEST01-Copy');
  await expect(wizard.getByTestId('import-checkpoint-folder')).toHaveValue('D:\\VMs\\TEST01-Copy');
  await shot(page, 'import-folders');
  await next(page, 'Choose Folders to Store Virtual Hard Disks');
  await wizard.getByTestId('import-vhd-folder').fill('D:\\VMs\\TEST01-Copy\\Virtual Hard Disks');
  await next(page, 'Completing Import Wizard');
  await expect(wizard.getByTestId('wizard-summary')).toContainText('Copy (generate new ID)');
  await shot(page, 'import-summary');
  await wizard.getByTestId('wizard-finish').click();
  await expect(wizard).toBeHidden();

  // The copy runs as a job; when it ends, TEST01 is back on HV02, off, with a new ID.
  await expect(page.getByTestId('job-row-2')).toContainText('Import-VM');
  await clockThroughPage(page, lab, { action: 'runUntilIdle' });
  await expect(page.getByTestId('job-row-2')).toHaveAttribute('data-state', 'Completed');
  await expect(page.getByTestId('vm-row-TEST01')).toContainText('Off');
  await page.getByTestId('vm-row-TEST01').click();
  await shot(page, 'import-done');
  const vm = await queryThroughPage<VmView>(page, lab, { name: 'vm', vm: 'TEST01' });
  expect(vm).toMatchObject({ host: 'HV02', state: 'Off', paths: { configuration: 'D:\\VMs\\TEST01-Copy' } });
  expect(vm.id).not.toBe('vm-test01');
  expect(vm.vhds.map((d) => d.path)).toEqual(['D:\\VMs\\TEST01-Copy\\Virtual Hard Disks\\TEST01.vhdx']);
});

test("a checkpoint's Export... sends Export-VMSnapshot: the export is a VM in the checkpoint's state, without checkpoints", async ({ page, lab }) => {
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('vm-row-TEST01').click();
  await page.getByTestId('actions-vm').getByTestId('action-checkpoint').click();
  const pane = page.getByTestId('checkpoints-pane');
  await expect(pane.getByRole('treeitem')).toHaveCount(2);
  await pane.getByRole('treeitem').first().click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Export...' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('exported as a virtual machine of its own');
  await dialog.getByTestId('export-location').fill('E:\\Checkpoints');
  await shot(page, 'export-checkpoint-dialog');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('export-ok').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('dock-tab-jobs').click();
  await expect(page.getByTestId('job-row-1')).toContainText('Export-VMSnapshot');
  await clockThroughPage(page, lab, { action: 'runUntilIdle' });
  await expect(page.getByTestId('job-row-1')).toHaveAttribute('data-state', 'Completed');
  await shot(page, 'export-checkpoint-done');
  const { world } = await queryThroughPage<{ world: { exports: { folder: string; vm: { state: string; checkpoints: unknown[] } }[]; vms: VmView[] } }>(
    page,
    lab,
    { name: 'world' },
  );
  expect(world.exports).toEqual([expect.objectContaining({ folder: 'E:\\Checkpoints\\TEST01', vm: expect.objectContaining({ checkpoints: [] }) })]);
  // TEST01 was off when the checkpoint was taken: the checkpoint holds no memory, so the export is off.
  expect(world.exports[0]!.vm.state).toBe('Off');
});
