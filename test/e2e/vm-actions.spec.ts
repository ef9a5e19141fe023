// The VM power and checkpoint actions a learner uses between moves, done from the Actions pane.
import { test, expect } from './web-host-fixture';

test('Checkpoint adds a checkpoint to the Checkpoints pane; Reset restarts the VM', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click();
  await expect(page.getByTestId('checkpoints-pane')).toContainText('has no checkpoints');
  await page.getByTestId('actions-vm').getByTestId('action-checkpoint').click();
  await expect(page.getByTestId('checkpoints-pane')).toContainText('DC01 - (Day 1 - ');
  await expect(page.getByTestId('checkpoint-now')).toBeVisible();

  await page.getByTestId('actions-vm').getByTestId('action-reset').click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Do you want to reset "DC01"?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('dialog-confirm')).toHaveCount(0);
  await expect(page.getByTestId('dialog-error')).toHaveCount(0);
  await expect(page.getByTestId('vm-row-DC01')).toContainText('Running');
  await page.screenshot({ path: 'test/e2e/artifacts/vm-actions-checkpoint.png' });
});
