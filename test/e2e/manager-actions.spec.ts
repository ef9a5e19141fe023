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
