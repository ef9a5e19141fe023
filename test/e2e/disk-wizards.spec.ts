// The virtual hard disk windows in Chromium against the real browser host (issue 13), as an admin
// meets them on HV01: Action > New > Hard Disk... makes a VHDX, Edit Disk... expands it and then
// converts it to a fixed VHD (the disk found with the Open dialog's Browse...), Inspect Disk...
// shows the copy's properties. Each result is read back with Get-VHD over the page's own bridge.
import type { Page } from '@playwright/test';
import { freshTest as test, expect, type RunningWebHost } from './web-host-fixture';
import { invokeThroughPage, next, seriousViolations, shot } from './page-helpers';

const GB = 1024 ** 3;
test.describe.configure({ timeout: 240_000 });

interface VhdView {
  Path: string;
  VhdFormat: string;
  VhdType: string;
  Size: number;
}

const getVhd = (page: Page, lab: RunningWebHost, path: string) =>
  invokeThroughPage<VhdView>(page, lab, { cmdlet: 'Get-VHD', params: { Path: path, ComputerName: 'HV01' } }).then((out) => out[0]!);

async function hostAction(page: Page, name: string) {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('actions-host').getByRole('button', { name, exact: true }).click();
}

test('New Hard Disk, Edit Disk (expand, convert) and Inspect Disk on HV01, checked with Get-VHD', async ({ page, lab }) => {
  // New > Hard Disk...
  await hostAction(page, 'New');
  await page.getByRole('menuitem', { name: 'Hard Disk...' }).click();
  const newWizard = page.getByTestId('new-vhd-wizard');
  await expect(newWizard).toBeVisible();
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await next(page, 'Choose Disk Format');
  await expect(newWizard.getByRole('radio', { name: 'VHDX' })).toBeChecked();
  await shot(page, 'disk-new-format');
  await next(page, 'Choose Disk Type');
  await expect(newWizard.getByRole('radio', { name: 'Dynamically expanding' })).toBeChecked();
  await next(page, 'Specify Name and Location');
  await newWizard.getByTestId('new-vhd-name').fill('Journey.vhd');
  await expect(newWizard.getByTestId('new-vhd-name-messages')).toHaveText(
    'The file name extension must be .vhdx for the VHDX format chosen on Choose Disk Format.',
  );
  await expect(newWizard.getByTestId('wizard-next')).toBeDisabled();
  await newWizard.getByTestId('new-vhd-name').fill('Journey.vhdx');
  await newWizard.getByTestId('new-vhd-location').fill('E:\\Disks');
  await shot(page, 'disk-new-name');
  await next(page, 'Configure Disk');
  await newWizard.getByTestId('new-vhd-size').fill('70000');
  await expect(newWizard.getByTestId('new-vhd-size-messages')).toHaveText('The VHDX format supports virtual hard disks up to 64 TB (65536 GB).');
  await newWizard.getByTestId('new-vhd-size').fill('40');
  await shot(page, 'disk-new-configure');
  expect(await seriousViolations(page)).toEqual([]);
  await next(page, 'Completing the New Virtual Hard Disk Wizard');
  await expect(newWizard.getByTestId('wizard-summary')).toContainText('Journey.vhdx');
  await shot(page, 'disk-new-summary');
  await newWizard.getByTestId('wizard-finish').click();
  await expect(newWizard).toBeHidden();
  await expect
    .poll(() => getVhd(page, lab, 'E:\\Disks\\Journey.vhdx').catch(() => undefined))
    .toMatchObject({ VhdFormat: 'VHDX', VhdType: 'Dynamic', Size: 40 * GB });

  // Edit Disk...: find the disk with Browse..., expand it to 60 GB.
  await hostAction(page, 'Edit Disk...');
  const edit = page.getByTestId('edit-vhd-wizard');
  await expect(edit).toBeVisible();
  await next(page, 'Locate Virtual Hard Disk');
  await edit.getByTestId('edit-vhd-path-browse').click();
  const open = page.getByTestId('file-picker');
  await expect(open).toBeVisible();
  await open.getByTestId('folder-E:\\').dblclick();
  await open.getByTestId('folder-E:\\Disks').click();
  await open.getByTestId('file-Journey.vhdx').click();
  await expect(open.getByTestId('file-picker-name')).toHaveValue('Journey.vhdx');
  await shot(page, 'disk-open-dialog');
  expect(await seriousViolations(page)).toEqual([]);
  await open.getByTestId('file-picker-open').click();
  await expect(open).toBeHidden();
  await expect(edit.getByTestId('edit-vhd-path')).toHaveValue('E:\\Disks\\Journey.vhdx');
  await next(page, 'Choose Action');
  await expect(edit.getByTestId('edit-vhd-located')).toHaveText('E:\\Disks\\Journey.vhdx: VHDX, dynamically expanding, 40 GB.');
  await expect(edit.getByTestId('edit-vhd-action').locator('label')).toHaveText(['Compact', 'Convert', 'Expand', 'Shrink']);
  await edit.getByRole('radio', { name: 'Expand' }).check();
  await shot(page, 'disk-edit-action');
  await next(page, 'Expand Virtual Hard Disk');
  await expect(edit.getByTestId('edit-vhd-current-size')).toHaveText('Current size is 40 GB.');
  await edit.getByTestId('edit-vhd-size').fill('60');
  await shot(page, 'disk-edit-expand');
  await next(page, 'Completing the Edit Virtual Hard Disk Wizard');
  await edit.getByTestId('wizard-finish').click();
  await expect(edit).toBeHidden();
  await expect.poll(async () => (await getVhd(page, lab, 'E:\\Disks\\Journey.vhdx')).Size).toBe(60 * GB);

  // Edit Disk... again: convert it to a fixed-size VHD.
  await hostAction(page, 'Edit Disk...');
  await next(page, 'Locate Virtual Hard Disk');
  await edit.getByTestId('edit-vhd-path').fill('E:\\Disks\\Journey.vhdx');
  await next(page, 'Choose Action');
  await edit.getByRole('radio', { name: 'Convert' }).check();
  await next(page, 'Choose Disk Format');
  await edit.getByRole('radio', { name: 'VHD', exact: true }).check();
  await next(page, 'Choose Disk Type');
  await edit.getByRole('radio', { name: 'Fixed size' }).check();
  await next(page, 'Configure Disk');
  await expect(edit.getByTestId('edit-vhd-new-name')).toHaveValue('Journey-Converted.vhd');
  await expect(edit.getByTestId('edit-vhd-new-location')).toHaveValue('E:\\Disks');
  await shot(page, 'disk-edit-convert');
  await next(page, 'Completing the Edit Virtual Hard Disk Wizard');
  await expect(edit.getByTestId('wizard-summary')).toContainText('E:\\Disks\\Journey-Converted.vhd');
  await shot(page, 'disk-edit-summary');
  await edit.getByTestId('wizard-finish').click();
  await expect(edit).toBeHidden();
  await expect
    .poll(() => getVhd(page, lab, 'E:\\Disks\\Journey-Converted.vhd').catch(() => undefined))
    .toMatchObject({ VhdFormat: 'VHD', VhdType: 'Fixed', Size: 60 * GB });

  // Inspect Disk...: the Open dialog, then the properties of the converted disk.
  await hostAction(page, 'Inspect Disk...');
  await expect(open).toBeVisible();
  await open.getByTestId('file-picker-name').fill('E:\\Disks\\Nothing.vhd');
  await open.getByTestId('file-picker-open').click();
  await expect(open.getByTestId('file-picker-problem')).toContainText('File not found.');
  await open.getByTestId('file-picker-name').fill('E:\\Disks\\Journey-Converted.vhd');
  await open.getByTestId('file-picker-open').click();
  const props = page.getByTestId('vhd-properties');
  await expect(props).toBeVisible();
  const table = props.getByTestId('vhd-properties-table');
  await expect(table.getByRole('row')).toHaveText([
    'Format:VHD',
    'Type:Fixed size virtual hard disk',
    'Location:E:\\Disks',
    'File Name:Journey-Converted.vhd',
    /^Current File Size:60(\.0)? GB$/,
    'Maximum Disk Size:60 GB',
  ]);
  await shot(page, 'disk-inspect');
  expect(await seriousViolations(page)).toEqual([]);
  await props.getByTestId('vhd-properties-close').click();
  await expect(props).toBeHidden();
});
