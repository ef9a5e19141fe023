// VM Settings' 2012 R2 sections beyond memory, in Chromium against the real browser host: a learner
// changes the processor count and resource control, the BIOS startup order, the integration
// services and the automatic start and stop actions of a generation 1 VM, then the firmware boot
// order and Secure Boot of a generation 2 VM; what OK sent is read back with Get-VM* cmdlets over
// the page's bridge, as an admin would check it at the prompt. Each test gets a fresh host and world.
import type { Page } from '@playwright/test';
import { freshTest as test, expect } from './web-host-fixture';
import { invokeThroughPage, runAtPrompt, seriousViolations, shot } from './page-helpers';

test.describe.configure({ timeout: 180_000 });

async function openVmSettings(page: Page, server: string, vm: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId(`vm-row-${vm}`).click();
  await page.getByTestId('actions-vm').getByTestId('action-settings').click();
  const dialog = page.getByTestId('vm-settings');
  await expect(dialog.getByRole('heading', { name: `Settings for ${vm} on ${server}` })).toBeVisible();
  return dialog;
}

test('generation 1: processor, BIOS startup order, integration services and automatic actions go out on OK and read back through Get-VM*', async ({
  page,
  lab,
}) => {
  const dialog = await openVmSettings(page, 'HV02', 'TEST01');
  // The 2012 R2 list: Add Hardware, BIOS, Memory, Processor (Compatibility, NUMA), IDE controllers, ...; Management below.
  await expect(dialog.getByTestId('settings-nav-bios')).toContainText('Boot from CD');
  await expect(dialog.getByTestId('settings-nav-controller:IDE Controller 0')).toBeVisible();
  await expect(dialog.getByTestId('settings-nav-integration')).toContainText('Some services offered');
  await expect(dialog.getByTestId('settings-nav-startAction')).toContainText('Restart if previously running');
  await expect(dialog.getByTestId('settings-nav-stopAction')).toContainText('Save');

  // Processor: 4 virtual processors (HV02 has 8 logical ones), reserve above the limit is caught as typed.
  await dialog.getByTestId('settings-nav-processor').click();
  await dialog.getByTestId('vm-processors').fill('4');
  await dialog.getByTestId('vm-reserve').fill('90');
  await dialog.getByTestId('vm-limit').fill('50');
  await expect(dialog.getByTestId('vm-reserve-error')).toHaveText('The virtual machine reserve (90%) cannot be greater than the virtual machine limit (50%).');
  await dialog.getByTestId('vm-reserve').fill('10');
  await expect(dialog.getByTestId('vm-reserve-error')).toHaveCount(0);
  // 10 % of 4 of HV02's 16 logical processors.
  await expect(dialog).toContainText('Percent of total system resources: 2');
  await shot(page, 'settings-sections-processor');
  expect(await seriousViolations(page)).toEqual([]);

  // BIOS: IDE first.
  await dialog.getByTestId('settings-nav-bios').click();
  await dialog.getByTestId('vm-bios-order').selectOption('IDE');
  await dialog.getByTestId('vm-bios-order-up').click();
  await expect(dialog.getByTestId('vm-bios-order').locator('option')).toHaveText(['IDE', 'CD', 'Legacy Network adapter', 'Floppy']);
  await expect(dialog.getByTestId('settings-nav-bios')).toContainText('Boot from IDE');
  await shot(page, 'settings-sections-bios');

  // Integration Services: offer Guest services, withdraw Time synchronization.
  await dialog.getByTestId('settings-nav-integration').click();
  await dialog.getByRole('checkbox', { name: 'Guest services' }).check();
  await dialog.getByRole('checkbox', { name: 'Time synchronization' }).uncheck();
  await shot(page, 'settings-sections-integration');
  expect(await seriousViolations(page)).toEqual([]);

  // Automatic Start Action: always, after 30 seconds; Automatic Stop Action: shut down.
  await dialog.getByTestId('settings-nav-startAction').click();
  await dialog.getByRole('radio', { name: 'Always start this virtual machine automatically' }).check();
  await dialog.getByTestId('vm-start-delay').fill('30');
  await shot(page, 'settings-sections-start-action');
  await dialog.getByTestId('settings-nav-stopAction').click();
  await dialog.getByRole('radio', { name: 'Shut down the guest operating system' }).check();

  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    [
      'Set-VMProcessor -VMName TEST01 -ComputerName HV02 -Count 4 -Reserve 10 -Maximum 50',
      'Set-VM -Name TEST01 -ComputerName HV02 -AutomaticStartAction Start -AutomaticStartDelay 30 -AutomaticStopAction ShutDown',
      "Enable-VMIntegrationService -Name 'Guest Service Interface' -VMName TEST01 -ComputerName HV02",
      "Disable-VMIntegrationService -Name 'Time Synchronization' -VMName TEST01 -ComputerName HV02",
      'Set-VMBios -VMName TEST01 -ComputerName HV02 -StartupOrder IDE,CD,LegacyNetworkAdapter,Floppy',
    ].join('\n'),
  );
  await shot(page, 'settings-sections-script');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);

  const on = { VMName: 'TEST01', ComputerName: 'HV02' };
  expect(await invokeThroughPage(page, lab, { cmdlet: 'Get-VMProcessor', params: on })).toMatchObject([
    { Count: 4, Reserve: 10, Maximum: 50, RelativeWeight: 100 },
  ]);
  expect(await invokeThroughPage(page, lab, { cmdlet: 'Get-VMBios', params: on })).toMatchObject([
    { StartupOrder: ['IDE', 'CD', 'LegacyNetworkAdapter', 'Floppy'] },
  ]);
  const services = await invokeThroughPage<{ Name: string; Enabled: boolean }>(page, lab, { cmdlet: 'Get-VMIntegrationService', params: on });
  expect(Object.fromEntries(services.map((s) => [s.Name, s.Enabled]))).toEqual({
    Shutdown: true,
    'Time Synchronization': false,
    'Key-Value Pair Exchange': true,
    Heartbeat: true,
    VSS: true,
    'Guest Service Interface': true,
  });
  expect(await invokeThroughPage(page, lab, { cmdlet: 'Get-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } })).toMatchObject([
    { AutomaticStartAction: 'Start', AutomaticStartDelay: 30, AutomaticStopAction: 'ShutDown' },
  ]);

  // Reopened, the dialog shows what the engine has.
  const again = await openVmSettings(page, 'HV02', 'TEST01');
  await expect(again.getByTestId('settings-nav-processor')).toContainText('4 Virtual processors');
  await expect(again.getByTestId('settings-nav-startAction')).toContainText('Always start');
  await expect(again.getByTestId('settings-nav-stopAction')).toContainText('Shut Down');
  await again.getByTestId('settings-cancel').click();
});

test("generation 2: the firmware is fixed while the VM runs; once off, the network adapter boots first and Secure Boot goes off, in Hyper-V's words", async ({
  page,
  lab,
}) => {
  let dialog = await openVmSettings(page, 'HV01', 'DC01');
  await dialog.getByTestId('settings-nav-firmware').click();
  await expect(dialog.getByTestId('vm-boot-order')).toBeDisabled();
  await expect(dialog.getByTestId('vm-secure-boot')).toBeDisabled();
  await expect(dialog).toContainText('Some settings cannot be modified because the virtual machine is not turned off.');
  await dialog.getByTestId('settings-nav-processor').click();
  await expect(dialog.getByTestId('vm-processors')).toBeDisabled();
  // Resource control may change while it runs.
  await dialog.getByTestId('vm-weight-cpu').fill('250');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  expect(await invokeThroughPage(page, lab, { cmdlet: 'Get-VMProcessor', params: { VMName: 'DC01' } })).toMatchObject([{ RelativeWeight: 250 }]);

  await runAtPrompt(page, 'Stop-VM DC01 -TurnOff');
  dialog = await openVmSettings(page, 'HV01', 'DC01');
  await dialog.getByTestId('settings-nav-firmware').click();
  await expect(dialog.getByTestId('vm-boot-order').locator('option')).toHaveText(['Hard Drive (SCSI 0:0): DC01.vhdx', 'Network Adapter: Production']);
  await dialog.getByTestId('vm-boot-order').selectOption('Network Adapter');
  await dialog.getByTestId('vm-boot-order-up').click();
  await dialog.getByTestId('vm-secure-boot').uncheck();
  await expect(dialog.getByTestId('settings-nav-firmware')).toContainText('Boot from Network Adapter');
  await shot(page, 'settings-sections-firmware');
  expect(await seriousViolations(page)).toEqual([]);

  // Add Hardware: a second network adapter on the Production switch, sent with the rest.
  await dialog.getByTestId('settings-nav-addHardware').click();
  await dialog.getByTestId('vm-add-hardware').selectOption('nic');
  await dialog.getByTestId('vm-add-hardware-add').click();
  await dialog.getByTestId('vm-added-switch').click();
  await page.getByRole('option', { name: 'Production' }).click();
  await shot(page, 'settings-sections-add-hardware');
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    [
      'Add-VMNetworkAdapter -VMName DC01 -SwitchName Production -ComputerName HV01',
      "Set-VMFirmware -VMName DC01 -ComputerName HV01 -BootOrder 'Network Adapter','SCSI 0:0' -EnableSecureBoot Off",
    ].join('\n'),
  );
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('vm-settings')).toHaveCount(0);
  const [firmware] = await invokeThroughPage<{ SecureBoot: string; BootOrder: { Device: string; Location: string }[] }>(page, lab, {
    cmdlet: 'Get-VMFirmware',
    params: { VMName: 'DC01' },
  });
  expect(firmware!.SecureBoot).toBe('Off');
  // The adapter added afterwards goes to the end of the boot order, as in Hyper-V.
  expect(firmware!.BootOrder.map((b) => `${b.Device}: ${b.Location}`)).toEqual([
    'Network Adapter: Network Adapter',
    'Hard Drive: SCSI 0:0',
    'Network Adapter: Network Adapter',
  ]);

  // A rule the engine enforces comes back in Hyper-V's words: the stop action is fixed while the VM runs.
  await runAtPrompt(page, 'Start-VM DC01');
  dialog = await openVmSettings(page, 'HV01', 'DC01');
  await dialog.getByTestId('settings-nav-stopAction').click();
  await expect(dialog.getByRole('radio', { name: 'Turn off the virtual machine' })).toBeDisabled();
  await dialog.getByTestId('settings-cancel').click();
});

test('Hyper-V Settings: the default folders and NUMA spanning go out with Set-VMHost, a folder the host lacks is refused, and Reset Check Boxes brings back Before You Begin', async ({
  page,
  lab,
}) => {
  // Hide the New Virtual Machine Wizard's Before You Begin page, as a learner would.
  await page.getByTestId('server-HV01').click();
  await page.evaluate(() => localStorage.setItem('hvlab.newVmWizard.skipBeforeYouBegin', '1'));

  await page.getByTestId('actions-host').getByTestId('action-hyperv-settings').click();
  const dialog = page.getByTestId('host-settings');
  await expect(dialog.getByTestId('settings-nav-vmPath')).toContainText('C:\\ProgramData\\Microsoft\\Windows\\Hyper-V');
  await dialog.getByTestId('settings-nav-vmPath').click();
  await dialog.getByTestId('settings-vm-folder').fill('Q:\\VMs');
  await dialog.getByTestId('settings-ok').click();
  const error = page.getByTestId('dialog-error');
  await expect(error.getByTestId('error-message')).toContainText(
    "Failed to set the default virtual machine folder of 'HV01' to 'Q:\\VMs'. The system cannot find the path specified. (0x80070003)",
  );
  await shot(page, 'settings-sections-host-folder-refused');
  await error.getByTestId('error-close').click();

  await dialog.getByTestId('settings-vm-folder').fill('D:\\VMs');
  await dialog.getByTestId('settings-nav-numa').click();
  await dialog.getByTestId('settings-numa-spanning').uncheck();
  await dialog.getByTestId('settings-nav-resetCheckBoxes').click();
  await dialog.getByTestId('settings-reset-check-boxes').click();
  await expect(dialog.getByTestId('settings-reset-check-boxes')).toBeDisabled();
  await shot(page, 'settings-sections-host-reset');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText('Set-VMHost -ComputerName HV01 -VirtualMachinePath D:\\VMs -NumaSpanningEnabled $false');
  await dialog.getByTestId('settings-ok').click();
  await expect(page.getByTestId('host-settings')).toHaveCount(0);
  expect(await invokeThroughPage(page, lab, { cmdlet: 'Get-VMHost', params: { ComputerName: 'HV01' } })).toMatchObject([
    { VirtualMachinePath: 'D:\\VMs', NumaSpanningEnabled: false },
  ]);

  // The wizard starts at Before You Begin again, and proposes the new default folder.
  await page.getByTestId('actions-host').getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Virtual Machine...' }).click();
  const wizard = page.getByTestId('new-vm-wizard');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  await wizard.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-heading')).toHaveText('Specify Name and Location');
  await wizard.getByTestId('new-vm-store-elsewhere').click();
  await expect(wizard.getByTestId('new-vm-location')).toHaveValue('D:\\VMs\\');
  await wizard.getByTestId('wizard-cancel').click();
});
