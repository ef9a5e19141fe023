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

test('Checkpoints pane: Revert, Apply, in-place Rename, Delete Checkpoint Subtree; Rename... renames the VM in place', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-SQL01').click();
  const actions = page.getByTestId('actions-vm');
  const pane = page.getByTestId('checkpoints-pane');
  await expect(actions.getByTestId('action-revert')).toHaveCount(0);
  await actions.getByTestId('action-checkpoint').click();
  await expect(pane.getByRole('treeitem')).toHaveCount(2);
  await actions.getByTestId('action-checkpoint').click();
  await expect(pane.getByRole('treeitem')).toHaveCount(3);

  // Revert: back to the newest checkpoint, which held the running VM's memory, so it is saved.
  await actions.getByTestId('action-revert').click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Are you sure you want to revert "SQL01" to its previous checkpoint?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('vm-row-SQL01')).toHaveAttribute('data-state', 'Saved');

  // Apply the first checkpoint: "Now" moves under it (level 2).
  const first = pane.getByRole('treeitem').first();
  await first.click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Apply...', 'Export...', 'Rename...', 'Delete Checkpoint...', 'Delete Checkpoint Subtree...', 'Help']);
  await page.screenshot({ path: 'test/e2e/artifacts/checkpoints-context-menu.png' });
  await menu.getByRole('menuitem', { name: 'Apply...' }).click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('Are you sure you want to apply the checkpoint');
  await page.getByTestId('confirm-ok').click();
  await expect(pane.getByTestId('checkpoint-now')).toHaveAttribute('aria-level', '2');
  await expect(pane.getByRole('treeitem').nth(2)).toHaveAttribute('data-testid', 'checkpoint-now');

  // Rename the first checkpoint in place.
  await first.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Rename...' }).click();
  const box = page.getByTestId('rename-checkpoint-input');
  await expect(box).toBeFocused();
  await box.fill('Before the upgrade');
  await page.screenshot({ path: 'test/e2e/artifacts/checkpoints-rename.png' });
  await box.press('Enter');
  await expect(pane.getByTestId('checkpoint-Before the upgrade')).toBeVisible();

  // Delete it with its subtree: the pane is empty again.
  await pane.getByTestId('checkpoint-Before the upgrade').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete Checkpoint Subtree...' }).click();
  await expect(page.getByTestId('dialog-confirm')).toContainText('and all the checkpoints below it?');
  await page.getByTestId('confirm-ok').click();
  await expect(pane).toContainText('has no checkpoints');
  await expect(actions.getByTestId('action-revert')).toHaveCount(0);

  // Rename the VM in place; Esc cancels, Enter renames; then rename it back.
  await actions.getByTestId('action-rename').click();
  const vmBox = page.getByTestId('rename-vm-input');
  await vmBox.fill('SQL99');
  await vmBox.press('Escape');
  await expect(page.getByTestId('vm-row-SQL01')).toBeVisible();
  await actions.getByTestId('action-rename').click();
  await vmBox.fill('SQL02');
  await page.screenshot({ path: 'test/e2e/artifacts/vm-rename.png' });
  await vmBox.press('Enter');
  await expect(page.getByTestId('vm-row-SQL02')).toBeVisible();
  await page.getByTestId('vm-row-SQL02').click();
  await page.keyboard.press('F2');
  await page.getByTestId('rename-vm-input').fill('SQL01');
  await page.getByTestId('rename-vm-input').press('Enter');
  await expect(page.getByTestId('vm-row-SQL01')).toBeVisible();
  await actions.getByTestId('action-start').click();
  await expect(page.getByTestId('vm-row-SQL01')).toHaveAttribute('data-state', 'Running');
  await expect(page.getByTestId('dialog-error')).toHaveCount(0);
});

test('Delete... says the virtual hard disks are kept, and deletes the VM', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByTestId('server-HV02').click();
  await page.getByTestId('vm-row-APP01').click();
  // A running VM offers no Delete.
  await expect(page.getByTestId('actions-vm').getByTestId('action-delete')).toHaveCount(0);
  await page.getByTestId('vm-row-TEST01').click();
  await page.getByTestId('actions-vm').getByTestId('action-delete').click();
  const dialog = page.getByTestId('dialog-confirm');
  await expect(dialog).toContainText('Are you sure you want to delete the virtual machine "TEST01"?');
  await expect(dialog).toContainText('Its virtual hard disks are not deleted');
  await page.screenshot({ path: 'test/e2e/artifacts/vm-delete.png' });
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('vm-row-TEST01')).toHaveCount(0);
  await expect(page.getByTestId('dialog-error')).toHaveCount(0);
});
