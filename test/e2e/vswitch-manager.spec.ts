// Virtual Switch Manager in Chromium against the real browser host: a learner binds an External
// switch to an RDMA adapter, is warned in the dialog, confirms Hyper-V's "Apply Networking Changes"
// question, and the Networking pane then shows SMB1's RDMA as not operational behind
// "vEthernet (<switch>)". Also: what the prompt creates the dialog lists, Remove and the MAC range
// go through Apply, answering No sends nothing, and a switch without a name stops OK.
import type { Page } from '@playwright/test';
import { freshTest as test, expect, type RunningWebHost } from './web-host-fixture';
import { queryThroughPage, runAtPrompt, seriousViolations, shot } from './page-helpers';

test.describe.configure({ timeout: 120_000 });

interface SwitchView {
  name: string;
  type: string;
  adapter?: string;
  allowManagementOS: boolean;
  managementVlanId?: number;
}
interface HostView {
  name: string;
  virtualSwitches: SwitchView[];
  macAddressRange?: { minimum: string; maximum: string };
}

const hostOf = async (page: Page, lab: RunningWebHost, name: string) =>
  (await queryThroughPage<{ world: { hosts: HostView[] } }>(page, lab, { name: 'world' })).world.hosts.find((h) => h.name === name)!;

async function openSwitchManager(page: Page, server: string) {
  await page.getByTestId(`server-${server}`).click();
  await page.getByTestId('actions-host').getByTestId('action-vswitch-manager').click();
  const dialog = page.getByTestId('vswitch-manager');
  await expect(dialog.getByRole('heading', { name: `Virtual Switch Manager for ${server}` })).toBeVisible();
  return dialog;
}

test('an External switch over an RDMA adapter: the dialog warns, Apply asks, and the Networking pane shows RDMA lost', async ({ page, lab }) => {
  const dialog = await openSwitchManager(page, 'HV01');
  await expect(dialog.getByTestId('settings-nav-switch:Production')).toContainText('Microsoft Network Adapter Multiplexor Driver');
  await expect(dialog.getByTestId('settings-nav-mac')).toContainText('00-15-5D-01-0B-00 to 00-15-5D-01-0B-FF');
  await shot(page, 'vswitch-manager-open');
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByTestId('vswitch-new-External').click();
  await dialog.getByTestId('vswitch-create').click();
  await dialog.getByTestId('vswitch-name').fill('Storage');
  await dialog.getByTestId('vswitch-adapter').click();
  await page.getByRole('option', { name: 'Chelsio Network Adapter (SMB1)' }).click();
  const warning = dialog.getByTestId('vswitch-rdma-warning');
  await expect(warning).toContainText("'SMB1' is an RDMA adapter (iWARP). In Windows Server 2012 R2 RDMA is not available through a Hyper-V virtual switch");
  await expect(warning).toContainText("'vEthernet (Storage)'");
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText('New-VMSwitch -Name Storage -NetAdapterName SMB1 -ComputerName HV01');
  await shot(page, 'vswitch-manager-rdma-warning');
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByTestId('settings-ok').click();
  const confirm = page.getByTestId('dialog-confirm');
  await expect(confirm).toContainText('Pending changes may disrupt network connectivity.');
  await expect(confirm).toContainText('Are you sure you want to apply these changes?');
  await shot(page, 'vswitch-manager-apply-question');
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(dialog).toBeHidden();
  expect((await hostOf(page, lab, 'HV01')).virtualSwitches.map((s) => [s.name, s.type, s.adapter, s.allowManagementOS])).toEqual([
    ['Production', 'External', 'Team1', true],
    ['Storage', 'External', 'SMB1', true],
  ]);

  // The same switch, seen from the prompt, and its effect in the Networking pane.
  await runAtPrompt(page, 'Get-VMSwitch Storage');
  await page.getByTestId('dock-tab-network').click();
  await expect(page.getByTestId('adapter-rdma-SMB1')).toHaveAttribute('data-rdma', 'trap');
  await expect(page.getByTestId('adapter-rdma-SMB1')).toContainText('Enabled, not operational (virtual switch)');
  await expect(page.getByTestId('adapter-ip-SMB1')).toHaveText('10.10.1.11 on vEthernet (Storage)');
  await expect(page.getByTestId('rdma-vswitch-note')).toBeVisible();
  await expect(page.getByTestId('adapter-rdma-SMB2')).toHaveAttribute('data-rdma', 'operational');
  await shot(page, 'vswitch-networking-pane-rdma-lost');
  expect(await seriousViolations(page)).toEqual([]);
});

test('what the prompt creates is listed; Remove and the MAC range go through Apply; No sends nothing', async ({ page, lab }) => {
  await runAtPrompt(page, 'New-VMSwitch Lab -SwitchType Internal');
  const dialog = await openSwitchManager(page, 'HV01');
  await dialog.getByTestId('settings-nav-switch:Lab').click();
  await expect(dialog.getByRole('radio', { name: 'Internal network' })).toBeChecked();
  await dialog.getByTestId('vswitch-vlan-enable').click();
  await dialog.getByTestId('vswitch-vlan-id').fill('20');
  await dialog.getByTestId('settings-nav-mac').click();
  await dialog.getByTestId('vswitch-mac-min').fill('00-15-5D-20-00-00');
  await dialog.getByTestId('vswitch-mac-max').fill('00-15-5D-20-00-FF');
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    [
      'Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName Lab -Access -VlanId 20 -ComputerName HV01',
      'Set-VMHost -ComputerName HV01 -MacAddressMinimum 00155D200000 -MacAddressMaximum 00155D2000FF',
    ].join('\n'),
  );
  await shot(page, 'vswitch-manager-mac-range');

  // No: nothing is sent, the dialog stays with its changes.
  await dialog.getByTestId('settings-apply').click();
  await page.getByTestId('dialog-confirm').getByRole('button', { name: 'No' }).click();
  expect((await hostOf(page, lab, 'HV01')).macAddressRange).toBeUndefined();
  await expect(dialog.getByTestId('settings-apply')).toBeEnabled();

  await dialog.getByTestId('settings-apply').click();
  await page.getByTestId('dialog-confirm').getByRole('button', { name: 'Yes' }).click();
  await expect(dialog.getByTestId('settings-apply')).toBeDisabled();
  // Apply sends two commands in turn: the dialog stays busy ("Applying changes (n of 2)…") until
  // both have landed and it has read the host back, so once it is idle the engine has both.
  await expect(dialog.getByTestId('settings-status')).toHaveText('');
  await expect(dialog.getByTestId('settings-ok')).toBeEnabled();
  await expect(dialog.getByTestId('settings-apply')).toBeDisabled();
  await expect(dialog.getByTestId('settings-nav-mac')).toContainText('00-15-5D-20-00-00 to 00-15-5D-20-00-FF');
  let host = await hostOf(page, lab, 'HV01');
  expect(host.macAddressRange).toEqual({ minimum: '00155D200000', maximum: '00155D2000FF' });
  expect(host.virtualSwitches.find((s) => s.name === 'Lab')?.managementVlanId).toBe(20);

  await dialog.getByTestId('settings-nav-switch:Lab').click();
  await dialog.getByTestId('vswitch-remove').click();
  await expect(dialog.getByTestId('settings-nav-switch:Lab')).toHaveCount(0);
  await dialog.getByTestId('settings-ok').click();
  await page.getByTestId('dialog-confirm').getByRole('button', { name: 'Yes' }).click();
  await expect(dialog).toBeHidden();
  host = await hostOf(page, lab, 'HV01');
  expect(host.virtualSwitches.map((s) => s.name)).toEqual(['Production']);
});

test('OK with a nameless switch, or an External switch on an adapter already taken, names what to correct', async ({ page }) => {
  const dialog = await openSwitchManager(page, 'HV01');
  await dialog.getByTestId('vswitch-new-Private').click();
  await expect(dialog.getByTestId('vswitch-new-what')).toContainText('only the virtual machines on this computer can use');
  await dialog.getByTestId('vswitch-create').click();
  await dialog.getByTestId('vswitch-name').fill('');
  await dialog.getByTestId('settings-ok').click();
  await expect(dialog.getByTestId('settings-errors')).toContainText('Type a name for the virtual switch.');
  await expect(dialog.getByTestId('vswitch-error')).toHaveText('Type a name for the virtual switch.');
  await shot(page, 'vswitch-manager-error');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('settings-cancel').click();
  await expect(dialog).toBeHidden();
});

test('VM Settings > Network Adapter connects the VM to a switch of its host, and a move then needs that switch on the destination', async ({ page, lab }) => {
  await runAtPrompt(page, 'New-VMSwitch Lab -SwitchType Private');
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-WEB01').click();
  await page.getByTestId('actions-vm').getByTestId('action-settings').click();
  const dialog = page.getByTestId('vm-settings');
  await expect(dialog.getByTestId('settings-nav-net:0')).toContainText('Production');
  await dialog.getByTestId('settings-nav-net:0').click();
  await dialog.getByTestId('vm-settings-switch').click();
  await page.getByRole('option', { name: 'Lab' }).click();
  await dialog.getByTestId('settings-view-script').click();
  await expect(dialog.getByTestId('settings-script')).toHaveText(
    "Connect-VMNetworkAdapter -VMName WEB01 -Name 'Network Adapter' -SwitchName Lab -ComputerName HV01",
  );
  await shot(page, 'vm-settings-network-adapter');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByTestId('settings-ok').click();
  await expect(dialog).toBeHidden();
  const vm = await queryThroughPage<{ networkAdapters: { switchName?: string }[] }>(page, lab, { name: 'vm', vm: 'vm-web01' });
  expect(vm.networkAdapters[0]!.switchName).toBe('Lab');
  // HV02 has no switch named Lab: the move's pre-check names it.
  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await input.fill('Move-VM WEB01 HV02');
  await input.press('Enter');
  await expect(page.getByTestId('ps-error').first()).toContainText("Could not find Ethernet switch 'Lab'.");
});
