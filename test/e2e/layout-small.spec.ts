// The console at 1024 × 768 and at 200 % zoom of that screen (a 512 × 384 CSS-pixel window drawn
// at 2 device pixels per CSS pixel, which is what Chromium's 200 % zoom gives): no text overlaps
// other text, every pane and button can be reached, dialogs fit the window and scroll inside.
// Checked programmatically (layout-checks.ts) and by screenshots in test/e2e/artifacts.
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './web-host-fixture';
import { ARTIFACTS, seriousViolations, settled } from './page-helpers';
import { overlappingRegions, overlappingText, sidewaysScrollers, unreachableControls } from './layout-checks';

test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, narrow: false },
  { name: 'zoom200', viewport: { width: 512, height: 384 }, deviceScaleFactor: 2, narrow: true },
];

const REGIONS = ['[data-testid="menu-bar"]', '[data-testid="toolbar"]', '#pane-tree', '.hv-centre', '#pane-actions', '#dock', '[data-testid="status-bar"]'];

async function open(browser: Browser, url: string, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await page.getByTestId('server-HV01').click();
  await page.getByTestId('vm-row-DC01').click();
  return { context, page };
}

/** Nothing overlaps, nothing is out of reach, under `root`. */
async function expectUsable(page: Page, root: string) {
  await settled(page);
  expect(await overlappingText(page, root), `text overlapping in ${root}`).toEqual([]);
  expect(await unreachableControls(page, root), `controls out of reach in ${root}`).toEqual([]);
  expect(await sidewaysScrollers(page, root), `sideways scrolling in ${root}`).toEqual([]);
}

for (const size of SIZES) {
  test(`${size.name}: the console's panes, menus and status bar fit without overlapping`, async ({ browser, webHost }) => {
    const { context, page } = await open(browser, webHost.url, size);
    // In a narrow window the Actions pane starts hidden (the Action menu has the same actions).
    await expect(page.locator('#pane-actions')).toHaveCount(size.narrow ? 0 : 1);
    expect(await overlappingRegions(page, REGIONS)).toEqual([]);
    await expectUsable(page, '.hv-app');
    const centre = await page.locator('.hv-centre').boundingBox();
    expect(centre!.width).toBeGreaterThanOrEqual(240);
    await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-console.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // The bottom pane open on Jobs: the workspace above keeps its panes reachable.
    await page.getByTestId('dock-tab-jobs').click();
    await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'true');
    expect(await overlappingRegions(page, REGIONS)).toEqual([]);
    await expectUsable(page, '.hv-app');
    await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-dock.png` });

    // Asked for, the Actions pane shows in a narrow window too, and the centre keeps its minimum.
    await page.getByTestId('menu-view').click();
    await page.getByRole('menuitem', { name: size.narrow ? 'Show Action Pane' : 'Hide Action Pane' }).click();
    await expect(page.locator('#pane-actions')).toHaveCount(size.narrow ? 1 : 0);
    expect(await overlappingRegions(page, REGIONS)).toEqual([]);
    await expectUsable(page, '.hv-app');
    expect((await page.locator('.hv-centre').boundingBox())!.width).toBeGreaterThanOrEqual(239.5);
    await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-actions-toggled.png` });
    await context.close();
  });

  test(`${size.name}: the Move Wizard and the settings dialogs fit the window and scroll inside`, async ({ browser, webHost }) => {
    const { context, page } = await open(browser, webHost.url, size);
    const vp = size.viewport;
    await page.getByTestId('vm-row-DC01').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Move...' }).click();
    const wizard = page.getByTestId('move-wizard');
    for (const heading of ['Before You Begin', 'Choose Move Type', 'Specify Destination Computer']) {
      await expect(page.getByTestId('wizard-heading')).toHaveText(heading);
      const b = (await wizard.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(vp.width + 0.5);
      expect(b.y + b.height).toBeLessThanOrEqual(vp.height + 0.5);
      await expectUsable(page, '[data-testid="move-wizard"]');
      await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-wizard-${heading.replace(/\W+/g, '-').toLowerCase()}.png` });
      if (heading !== 'Specify Destination Computer') await wizard.getByTestId('wizard-next').click();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(wizard).toHaveCount(0);

    // VM settings and Hyper-V Settings, opened from the Action menu (Alt+A), as a keyboard user would.
    await page.keyboard.press('Alt+A');
    await page.getByRole('menuitem', { name: 'Settings...' }).click();
    const vmSettings = page.getByTestId('vm-settings');
    await expect(vmSettings).toBeVisible();
    await expectUsable(page, '[data-testid="vm-settings"]');
    await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-vm-settings.png` });
    await page.keyboard.press('Escape');
    await expect(vmSettings).toHaveCount(0);

    await page.getByTestId('server-HV01').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Hyper-V Settings...' }).click();
    const hostSettings = page.getByTestId('host-settings');
    await expect(hostSettings).toBeVisible();
    await expectUsable(page, '[data-testid="host-settings"]');
    await page.screenshot({ path: `${ARTIFACTS}/layout-${size.name}-host-settings.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await context.close();
  });
}
