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

test('Pause, Resume, Save and Delete Saved State change the state; each state lists only its valid actions', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV01').click();
  const row = page.getByTestId('vm-row-WEB01');
  await row.click();
  const actions = page.getByTestId('actions-vm');
  const labels = () => actions.getByRole('button').allInnerTexts();
  await expect(row).toHaveAttribute('data-state', 'Running');

  await actions.getByTestId('action-pause').click();
  await expect(row).toHaveAttribute('data-state', 'Paused');
  await expect(actions.getByTestId('action-resume')).toBeVisible();
  await expect(actions.getByTestId('action-start')).toHaveCount(0);
  await expect(actions.getByTestId('action-shut-down')).toHaveCount(0);
  await expect(actions.getByTestId('action-pause')).toHaveCount(0);
  await page.screenshot({ path: 'test/e2e/artifacts/vm-actions-paused.png' });

  await actions.getByTestId('action-resume').click();
  await expect(row).toHaveAttribute('data-state', 'Running');
  await actions.getByTestId('action-save').click();
  await expect(row).toHaveAttribute('data-state', 'Saved');
  await expect(actions.getByTestId('action-turn-off')).toHaveCount(0);
  await expect(actions.getByTestId('action-save')).toHaveCount(0);
  expect(await labels()).toEqual(expect.arrayContaining(['Start', 'Delete Saved State...']));

  await actions.getByTestId('action-delete-saved-state').click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Do you want to delete the saved state of "WEB01"?');
  await page.screenshot({ path: 'test/e2e/artifacts/vm-actions-delete-saved-state.png' });
  await page.getByTestId('confirm-ok').click();
  await expect(row).toHaveAttribute('data-state', 'Off');
  await actions.getByTestId('action-start').click();
  await expect(row).toHaveAttribute('data-state', 'Running');
  await expect(page.getByTestId('dialog-error')).toHaveCount(0);
});
