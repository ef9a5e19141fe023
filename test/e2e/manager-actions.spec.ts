// Hyper-V Manager's remaining server and VM actions, as a learner meets them: Remove Server and
// Connect to Server..., the Virtual Machine Connection window, Stop/Start Service, Help.
import { test, expect } from './web-host-fixture';

test('Remove Server takes a server out of the tree (remembered after a reload); Connect to Server... refuses a file server and brings it back', async ({
  page,
  webHost,
}) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('actions-host').getByTestId('action-remove-server').click();
  await expect(page.getByTestId('server-HV02')).toHaveCount(0);
  await expect(page.getByTestId('manager-intro')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await expect(page.getByTestId('server-HV02')).toHaveCount(0);

  await page.getByTestId('tree-root').locator('.hv-treeitem-row').first().click();
  await page.getByTestId('actions-pane').getByTestId('action-connect-server').click();
  const dialog = page.getByTestId('connect-server');
  await expect(dialog).toContainText('Connect to virtualization server');
  await dialog.getByTestId('connect-server-name').fill('FS01');
  await page.screenshot({ path: 'test/e2e/artifacts/manager-connect-server.png' });
  await dialog.getByTestId('connect-server-ok').click();
  await expect(page.getByTestId('dialog-error')).toContainText('An error occurred while attempting to connect to server "FS01"');
  await expect(page.getByTestId('error-message')).toContainText("Hyper-V is not installed on computer 'FS01'.");
  await page.screenshot({ path: 'test/e2e/artifacts/manager-connect-server-error.png' });
  await page.getByTestId('error-close').click();

  await dialog.getByTestId('connect-server-browse').click();
  const picker = page.getByTestId('computer-picker');
  await picker.getByRole('radio', { name: /^HV02/ }).check();
  await picker.getByTestId('computer-picker-ok').click();
  await expect(dialog.getByTestId('connect-server-name')).toHaveValue('HV02');
  await dialog.getByTestId('connect-server-ok').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('server-HV02')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('vm-row-APP01')).toBeVisible();
});

test('Connect... opens Virtual Machine Connection: Start from its toolbar, the guest boots to its desktop, and the window follows Pause and Turn Off made elsewhere; F1 opens its help', async ({
  page,
  webHost,
}) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('vm-row-TEST01').click();
  await page.getByTestId('actions-vm').getByTestId('action-connect').click();
  const vmc = page.getByTestId('vmconnect');
  await expect(vmc.getByTestId('window-titlebar')).toHaveText('TEST01 on HV02 - Virtual Machine Connection');
  await expect(vmc.getByTestId('guest-off')).toHaveText(
    "The virtual machine 'TEST01' is turned off. To start the virtual machine, select Start from the Action menu.",
  );
  await expect(vmc.getByTestId('vmconnect-status')).toContainText('Status: Off');
  await page.screenshot({ path: 'test/e2e/artifacts/vmconnect-off.png' });

  // Start from its own toolbar: the Manager's list follows too (the window is not modal).
  await vmc.getByTestId('vmconnect-start').click();
  await expect(vmc.getByTestId('vmconnect-status')).toContainText('Status: Running');
  await expect(page.getByTestId('vm-row-TEST01')).toHaveAttribute('data-state', 'Running');
  await page.getByTestId('clock-speed-60').click();
  await expect(vmc.getByTestId('guest-lock')).toBeVisible({ timeout: 30_000 });
  await vmc.getByTestId('vmconnect-ctrl-alt-del').click();
  await vmc.getByTestId('guest-sign-in').click();
  await expect(vmc.getByTestId('guest-desktop')).toContainText('TEST01');
  await page.screenshot({ path: 'test/e2e/artifacts/vmconnect-desktop.png' });

  // Pause in the Manager: the window shows it; Resume from the window's Action menu.
  await page.getByTestId('actions-vm').getByTestId('action-pause').click();
  await expect(vmc.getByTestId('guest-paused')).toBeVisible();
  await expect(vmc.getByTestId('vmconnect-status')).toContainText('Status: Paused');
  await vmc.getByTestId('vmconnect-menu-action').click();
  await page.getByRole('menuitem', { name: 'Resume' }).click();
  await expect(vmc.getByTestId('vmconnect-status')).toContainText('Status: Running');
  await expect(vmc.getByTestId('guest-desktop')).toBeVisible();

  // Turn Off from the window asks as the Manager does, then the screen says so.
  await vmc.getByTestId('vmconnect-turn-off').click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Do you want to turn off "TEST01"?');
  await page.getByTestId('confirm-ok').click();
  await expect(vmc.getByTestId('guest-off')).toBeVisible();
  await expect(page.getByTestId('vm-row-TEST01')).toHaveAttribute('data-state', 'Off');

  // F1 in the window opens the help at its topic.
  await vmc.getByTestId('vmconnect-start').focus();
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-window');
  await expect(help.getByTestId('help-article')).toContainText('Virtual Machine Connection');
  await expect(help.getByTestId('help-topic-vmconnect')).toHaveAttribute('aria-selected', 'true');
  await help.getByTestId('help-topic-smb-direct').click();
  await expect(help.getByTestId('help-article')).toContainText('vEthernet');
  await page.screenshot({ path: 'test/e2e/artifacts/help-smb-direct.png' });
});

test('Stop Service empties the server to "not running", the PowerShell prompt is refused too; Start Service brings its VMs back', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV02').click();
  await expect(page.getByTestId('vm-row-APP01')).toBeVisible();
  const host = page.getByTestId('actions-host');
  await host.getByTestId('action-stop-service').click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Are you sure you want to stop the Virtual Machine Management service on "HV02"?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('vmms-stopped')).toContainText('The Virtual Machine Management service is not running on HV02.');
  await expect(page.getByTestId('vm-row-APP01')).toHaveCount(0);
  await expect(host.getByTestId('action-new')).toHaveCount(0);
  await expect(host.getByTestId('action-stop-service')).toHaveCount(0);
  await page.screenshot({ path: 'test/e2e/artifacts/manager-service-stopped.png' });

  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await input.fill('Get-VM -ComputerName HV02');
  await input.press('Enter');
  await expect(page.getByTestId('ps-error')).toContainText('Verify that the Virtual Machine Management service on the computer is running.');

  await host.getByTestId('action-start-service').click();
  await expect(page.getByTestId('vm-row-APP01')).toBeVisible();
  await expect(host.getByTestId('action-stop-service')).toBeVisible();
});
