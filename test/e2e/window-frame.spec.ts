// Dialogs and wizards behave like Windows dialog boxes, in Chromium against the real browser
// host: dragged by the title bar, resized from the size grip and edges (never below the minimum,
// never off screen), Enter presses the default button, Esc cancels, Alt+letter presses the
// button with that access key (Alt+N Next, Alt+P Previous in the Move Wizard).
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './web-host-fixture';

const ART = 'test/e2e/artifacts';

test.beforeEach(async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
});

async function openMoveWizard(page: Page): Promise<Locator> {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Move...' }).click();
  const wizard = page.getByTestId('move-wizard');
  await expect(wizard).toBeVisible();
  await expect(page.getByTestId('wizard-heading')).toHaveText('Before You Begin');
  return wizard;
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** Presses the mouse on `handle`'s centre (or a point in it) and drags by (dx, dy) in steps, as a hand would. */
async function drag(page: Page, handle: Locator, dx: number, dy: number, at?: { x: number; y: number }) {
  const b = await box(handle);
  const x = at ? b.x + at.x : b.x + b.width / 2;
  const y = at ? b.y + at.y : b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

test('the Move Wizard moves by its title bar and stays on screen', async ({ page }) => {
  const wizard = await openMoveWizard(page);
  const title = wizard.getByTestId('window-titlebar');
  const before = await box(wizard);
  await drag(page, title, -120, -60, { x: 80, y: 10 });
  const after = await box(wizard);
  expect(after.x).toBeCloseTo(before.x - 120, 0);
  expect(after.y).toBeCloseTo(before.y - 60, 0);
  expect(after.width).toBeCloseTo(before.width, 0);
  expect(after.height).toBeCloseTo(before.height, 0);

  // Dragged far past the top-left and bottom-right corners, the whole window stays reachable.
  await drag(page, title, -3000, -3000, { x: 80, y: 10 });
  expect(await box(wizard)).toMatchObject({ x: 0, y: 0 });
  await drag(page, title, 3000, 3000, { x: 80, y: 10 });
  const corner = await box(wizard);
  const vp = page.viewportSize()!;
  expect(corner.x + corner.width).toBeCloseTo(vp.width, 0);
  expect(corner.y + corner.height).toBeCloseTo(vp.height, 0);
  // Dragging the title bar selects no text.
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  await page.screenshot({ path: `${ART}/window-wizard-dragged.png` });

  // Still the same wizard, still working.
  await wizard.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose Move Type');
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
});

test('the Move Wizard resizes from its grip and edges, down to its minimum, and its page scrolls', async ({ page }) => {
  const wizard = await openMoveWizard(page);
  const start = await box(wizard);
  await drag(page, wizard.getByTestId('window-grip-se'), 100, 60);
  let now = await box(wizard);
  expect(now.width).toBeCloseTo(start.width + 100, 0);
  expect(now.height).toBeCloseTo(start.height + 60, 0);
  expect(now.x).toBeCloseTo(start.x, 0);

  // The left edge moves the left side; the right side stays where it was.
  const right = now.x + now.width;
  await drag(page, wizard.getByTestId('window-grip-w'), -50, 0);
  now = await box(wizard);
  expect(now.x + now.width).toBeCloseTo(right, 0);
  expect(now.width).toBeCloseTo(start.width + 150, 0);

  // Not below its minimum (560 × 400): the page scrolls instead, and the buttons stay whole.
  await drag(page, wizard.getByTestId('window-grip-se'), -2000, -2000);
  now = await box(wizard);
  expect(now.width).toBeCloseTo(560, 0);
  expect(now.height).toBeCloseTo(400, 0);
  const pageBox = wizard.getByTestId('wizard-page-before');
  expect(await pageBox.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  for (const id of ['wizard-previous', 'wizard-next', 'wizard-finish', 'wizard-cancel']) {
    const b = await box(wizard.getByTestId(id));
    expect(b.x).toBeGreaterThanOrEqual(now.x);
    expect(b.x + b.width).toBeLessThanOrEqual(now.x + now.width);
    expect(b.y + b.height).toBeLessThanOrEqual(now.y + now.height);
  }
  await page.screenshot({ path: `${ART}/window-wizard-minimum.png` });

  // Not beyond the screen either.
  await drag(page, wizard.getByTestId('window-grip-se'), 4000, 4000);
  now = await box(wizard);
  const vp = page.viewportSize()!;
  expect(now.x + now.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(now.y + now.height).toBeLessThanOrEqual(vp.height + 0.5);

  // The browser window shrinks: the dialog shrinks and moves with it, whole.
  await page.setViewportSize({ width: 900, height: 600 });
  await expect
    .poll(async () => {
      const b = await box(wizard);
      return b.x + b.width <= 900.5 && b.y + b.height <= 600.5;
    })
    .toBe(true);
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
});

test('Enter presses the default button but not another focused button; Alt+N / Alt+P are Next and Previous; Esc cancels', async ({ page }) => {
  const wizard = await openMoveWizard(page);
  const heading = page.getByTestId('wizard-heading');

  await page.keyboard.press('Alt+N');
  await expect(heading).toHaveText('Choose Move Type');
  await page.keyboard.press('Alt+P');
  await expect(heading).toHaveText('Before You Begin');
  await page.keyboard.press('Alt+N');
  await expect(heading).toHaveText('Choose Move Type');
  // Enter on an option is the default button (Next >).
  await expect(wizard.getByRole('radio', { name: 'Move the virtual machine', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Specify Destination Computer');

  // Enter on < Previous presses < Previous, not the default button.
  await wizard.getByTestId('wizard-previous').focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Choose Move Type');

  // Alt+F: Finish is not available before the Summary, so nothing happens (and no menu opens behind).
  await page.keyboard.press('Alt+F');
  await expect(heading).toHaveText('Choose Move Type');
  await expect(page.locator('.fui-MenuPopover')).toHaveCount(0);

  // Holding Alt shows the underlined access keys, as Windows does.
  const underline = wizard.getByTestId('wizard-next').locator('u.hv-access');
  await expect(underline).toHaveText('N');
  await page.getByTestId('wizard-heading').click(); // the mouse hides them again
  await expect(underline).toHaveCSS('text-decoration-line', 'none');
  await page.keyboard.down('Alt');
  await expect(underline).toHaveCSS('text-decoration-line', 'underline');
  await page.screenshot({ path: `${ART}/window-wizard-access-keys.png` });
  await page.keyboard.up('Alt');
  await expect(wizard.getByTestId('wizard-next')).toHaveAttribute('aria-keyshortcuts', 'Alt+N');

  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
});

test('message boxes and pickers share the frame: a confirmation is dragged, Enter presses its default button, Esc cancels', async ({ page }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Turn Off...' }).click();
  const confirm = page.getByTestId('dialog-confirm');
  await expect(confirm).toBeVisible();
  const before = await box(confirm);
  await drag(page, confirm.getByTestId('window-titlebar'), 60, 40, { x: 60, y: 10 });
  const after = await box(confirm);
  expect(after.x).toBeCloseTo(before.x + 60, 0);
  expect(after.y).toBeCloseTo(before.y + 40, 0);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('vm-row-DC01')).toContainText('Running');

  // The Move Wizard's Browse... opens Select Folder over it: its own Enter is its own OK.
  const wizard = await openMoveWizard(page);
  await page.keyboard.press('Alt+N');
  await wizard.getByRole('radio', { name: "Move the virtual machine's storage" }).check();
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose Options for Moving Storage');
  await page.keyboard.press('Alt+N');
  await wizard.getByTestId('wizard-folder-browse').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker).toBeVisible();
  const pb = await box(picker);
  await drag(page, picker.getByTestId('window-grip-se'), 80, 80);
  expect((await box(picker)).height).toBeCloseTo(pb.height + 80, 0);
  // The tree grows with the window.
  expect((await box(picker.getByTestId('folder-tree'))).height).toBeGreaterThan(240 + 60);
  await picker.getByTestId('folder-picker-path').fill('E:\\');
  await picker.getByTestId('folder-picker-path').press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('wizard-heading')).toHaveText('Choose a new location for virtual machine');
  await expect(wizard.getByTestId('wizard-folder')).toHaveValue('E:\\');
  // The picker gives focus back to the button that opened it; Escape then belongs to the wizard.
  await expect(wizard.getByTestId('wizard-folder-browse')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
});

test('the menu bar answers Alt+F, Alt+A, Alt+V, Alt+H (Alt+L Labs) and F10, as Hyper-V Manager does', async ({ page }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click();
  const popovers = page.locator('.fui-MenuPopover');
  const cases: [string, string][] = [
    ['F', 'Save As...'],
    ['A', 'Move...'],
    ['V', 'Refresh'],
    ['L', 'Import Lab Pack...'],
    ['H', 'About Hyper-V Mobility Lab'],
  ];
  for (const [key, item] of cases) {
    await page.keyboard.press(`Alt+${key}`);
    await expect(popovers).toHaveCount(1);
    await expect(popovers.getByRole('menuitem', { name: item })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popovers).toHaveCount(0);
  }
  // From one open menu straight to another: one menu open at a time.
  await page.keyboard.press('Alt+F');
  await expect(popovers.getByRole('menuitem', { name: 'Save As...' })).toBeVisible();
  await page.keyboard.press('Alt+H');
  await expect(popovers).toHaveCount(1);
  await expect(popovers.getByRole('menuitem', { name: 'About Hyper-V Mobility Lab' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The underlined letters, and what the menu bar tells a screen reader.
  await expect(page.getByTestId('menu-file').locator('u.hv-access')).toHaveText('F');
  await expect(page.getByTestId('menu-action')).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
  await page.keyboard.down('Alt');
  await page.getByTestId('menu-bar').screenshot({ path: `${ART}/window-menubar-access-keys.png` });
  await page.keyboard.up('Alt');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('menu-file')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('menu-action')).toBeFocused();
});

/** Records, after every handler has run, whether each right-click's default (the browser's menu) was prevented. */
async function watchContextMenus(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { menusPrevented: boolean[] };
    w.menusPrevented = [];
    window.addEventListener('contextmenu', (e) => setTimeout(() => w.menusPrevented.push(e.defaultPrevented)), true);
  });
  return () => page.evaluate(() => (window as unknown as { menusPrevented: boolean[] }).menusPrevented);
}

test("right-click gives the console's own menu or none, never the browser's; text boxes get Cut, Copy, Paste", async ({ page, context, webHost }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(webHost.url).origin });
  const prevented = await watchContextMenus(page);
  const menu = page.getByTestId('context-menu');
  await page.getByTestId('server-HV01').click();

  // Empty areas: nothing at all.
  await page.getByTestId('status-bar').click({ button: 'right', position: { x: 500, y: 10 } });
  await page.locator('#pane-checkpoints').click({ button: 'right', position: { x: 100, y: 60 } });
  await page.getByTestId('menu-bar').click({ button: 'right', position: { x: 400, y: 8 } });
  await expect(menu).toHaveCount(0);

  // A virtual machine: its own actions.
  await page.getByTestId('vm-row-DC01').click({ button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Move...' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // The PowerShell prompt: the edit menu, and it really cuts, copies and pastes.
  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await input.fill('Get-VM -ComputerName HV01');
  await input.click({ button: 'right' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Cut', 'Copy', 'Paste', 'Delete', 'Select All']);
  await expect(menu.getByRole('menuitem', { name: 'Copy' })).toBeDisabled(); // nothing selected yet
  await menu.getByRole('menuitem', { name: 'Select All' }).click();
  await input.click({ button: 'right', position: { x: 20, y: 8 } });
  await menu.getByRole('menuitem', { name: 'Cut' }).click();
  await expect(input).toHaveValue('');
  await input.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Paste' }).click();
  await expect(input).toHaveValue('Get-VM -ComputerName HV01');
  await expect(input).toBeFocused();

  // Inside a dialog window: its text boxes have the same menu, opened in the window.
  const wizard = await openMoveWizard(page);
  await wizard.getByTestId('window-titlebar').click({ button: 'right' });
  await wizard.getByTestId('wizard-heading').click({ button: 'right' });
  await expect(menu).toHaveCount(0);
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+N');
  const destination = wizard.getByTestId('wizard-destination');
  await destination.fill('HV02');
  await destination.click({ button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Select All' })).toBeVisible();
  await page.screenshot({ path: `${ART}/window-text-context-menu.png` });
  await menu.getByRole('menuitem', { name: 'Select All' }).click();
  await destination.click({ button: 'right', position: { x: 10, y: 8 } });
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(destination).toHaveValue('');
  // The wizard saw the change as typing: Next is no longer available.
  await expect(wizard.getByTestId('wizard-next')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);

  const seen = await prevented();
  expect(seen.length).toBeGreaterThanOrEqual(10);
  expect(seen.every(Boolean)).toBe(true);
});

test('a message box draws as Windows does: the title bar and button row span it, buttons on the right', async ({ page }) => {
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click();
  await page.getByTestId('actions-vm').getByTestId('action-reset').click();
  const dialog = page.getByTestId('dialog-confirm');
  await expect(dialog).toBeVisible();
  const frame = await box(dialog);
  const title = await box(dialog.getByTestId('window-titlebar'));
  const ok = await box(page.getByTestId('confirm-ok'));
  const cancel = await box(dialog.getByRole('button', { name: 'Cancel' }));
  // A page's message rows once shared the box's class name and shrank its title bar and buttons to their content.
  expect(title.width).toBeGreaterThan(frame.width - 4);
  expect(frame.x + frame.width - (cancel.x + cancel.width)).toBeLessThan(24);
  expect(ok.x).toBeLessThan(cancel.x);
  await page.screenshot({ path: `${ART}/window-frame-message-box.png` });
});
