// The getting-started tour in Chromium against the real browser host: opened from Help, it follows
// a newcomer from the console tree to a finished storage move, each step done in the console
// (the tour never acts itself), outlines where to act, and stays clear of axe violations.
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';

const test = base.extend<{ lab: RunningWebHost }>({
  lab: [
    async ({ page }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hvlab-e2e-tour-'));
      const host = await launchWebHost(dataDir);
      await page.goto(host.url);
      await expect(page.getByTestId('server-HV01')).toBeVisible();
      await use(host);
      await stopWebHost(host);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { auto: true },
  ],
});

const ART = 'test/e2e/artifacts';
test.describe.configure({ timeout: 180_000 });

const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));

async function shot(page: Page, name: string) {
  await settled(page);
  await page.screenshot({ path: `${ART}/${name}.png` });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function next(page: Page, heading: string) {
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-heading')).toHaveText(heading);
}

test('Help > Getting Started Tour walks from the tree to a finished move', async ({ page }) => {
  // Not offered by itself under automation (navigator.webdriver): opened from the Help menu.
  const tour = page.getByTestId('tour');
  await expect(tour).toHaveCount(0);
  // The console opens on HV01; from the root the tour starts at its first step.
  await page.getByTestId('tree-root').locator('.hv-treeitem-row').first().click();
  await page.getByTestId('menu-bar').getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Getting Started Tour' }).click();
  await expect(tour).toHaveAttribute('data-step', 'server');
  await expect(tour).toContainText('step 1 of 6');
  await expect(page.getByTestId('server-tree')).toHaveAttribute('data-tour-target', '');
  await shot(page, 'tour-1-server');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('server-HV01').click();
  await expect(tour).toHaveAttribute('data-step', 'vm');
  await expect(page.getByTestId('tour-text')).toContainText('HV01 is selected, and the list shows its virtual machines');
  await page.getByTestId('vm-row-DC01').click();
  await expect(tour).toHaveAttribute('data-step', 'move');
  await expect(page.getByTestId('actions-vm')).toHaveAttribute('data-tour-target', '');
  await shot(page, 'tour-3-move');

  await page.getByTestId('actions-vm').getByTestId('action-move').click();
  await expect(tour).toHaveAttribute('data-step', 'wizard');
  await expect(page.getByTestId('tour-title')).toHaveText('Walk the Move Wizard');
  // The panel stands beside the wizard, never over its buttons.
  const panel = (await tour.boundingBox())!;
  const wizard = (await page.getByTestId('move-wizard').boundingBox())!;
  expect(panel.x + panel.width <= wizard.x || panel.x >= wizard.x + wizard.width || panel.y >= wizard.y + wizard.height).toBe(true);
  await shot(page, 'tour-4-wizard');
  await next(page, 'Choose Move Type');
  await page.getByRole('radio', { name: "Move the virtual machine's storage" }).check();
  await next(page, 'Choose Options for Moving Storage');
  await next(page, 'Choose a new location for virtual machine');
  await page.getByTestId('wizard-folder').fill('E:\\DC01');
  await next(page, 'Completing Move Wizard');
  await page.getByTestId('wizard-finish').click();

  await expect(tour).toHaveAttribute('data-step', 'watch');
  await page.getByTestId('dock-tab-jobs').click();
  await shot(page, 'tour-5-watch');
  await page.getByTestId('run-until-idle').click();
  await expect(tour).toHaveAttribute('data-step', 'done');
  await expect(page.getByTestId('tour-text')).toContainText('DC01 is where you sent it');
  await shot(page, 'tour-6-done');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('tour-finish').click();
  await expect(tour).toHaveCount(0);
});
