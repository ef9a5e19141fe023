// One bad pane never blanks the console (issue 18, "Lab packs"). Before: the briefing of a pack
// with 22 KB of nested `>` made the Labs pane's Markdown reader overflow the stack while React
// rendered, React unmounted the whole page, and — the pane reopening the running lab at every
// load — the console stayed blank after every reload. Now (1) such a pack is refused with the
// limit it breaks, and one kept from before is dropped with a notice; (2) every pane sits in an
// error boundary: a pane that throws shows "<pane> has stopped working" with "Reload pane", the
// rest of the console works, and a running lab can always be left. (2) uses the test-only fault
// hook window.__hvlabFailPanes (renderer/views/shared/PaneBoundary.tsx), since no pack can make
// the new reader throw.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';

const ARTIFACTS = 'test/e2e/artifacts';
const LAB = 'storage-single-location';

/** A pack that crashed the old reader: 22 KB of nested block quotes in its briefing. */
function hostilePack(id: string): Record<string, unknown> {
  return {
    formatVersion: 1,
    id,
    title: 'Deep quotes',
    level: 'Beginner',
    estimatedMinutes: 5,
    objectives: ['x'],
    briefing: `${'>'.repeat(22_000)} hello`,
    world: { base: 'default', patch: {} },
    tasks: [{ id: 't', title: 'T', description: 'd', checks: [{ type: 'vmOnHost', vm: 'DC01', host: 'HV01' }] }],
    referenceSolution: 'Get-VM',
  };
}

let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'hvlab-e2e-boundary-'));
  // A console that imported the hostile pack before the limits existed.
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ labImported: { 'deep-quotes': JSON.stringify(hostilePack('deep-quotes')) } }));
  host = await launchWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

async function openConsole(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
}

/** The console still works: the tree selects a server and its VM list shows. */
async function expectConsoleUsable(page: Page) {
  await page.getByTestId('server-HV01').click();
  await expect(page.getByRole('region', { name: 'Virtual Machines' }).getByText('SQL01', { exact: true })).toBeVisible();
}

async function setFailingPanes(page: Page, panes: string[]) {
  await page.evaluate((p) => ((window as unknown as { __hvlabFailPanes: string[] }).__hvlabFailPanes = p), panes);
}

test.describe.serial('pane error boundaries', () => {
  test('a hostile pack kept from before is dropped with a notice, and importing it again names the limit', async ({ page }) => {
    await openConsole(page);
    await expect(page.getByTestId('notices')).toContainText(
      'The imported lab "deep-quotes" could not be loaded again (briefing: Markdown nests block quotes and lists more than 8 deep',
    );
    await expectConsoleUsable(page);
    await page.getByTestId('tool-labs').click();
    const pane = page.getByTestId('labs-pane');
    await pane
      .getByTestId('labs-import-file')
      .setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostilePack('deep-quotes'))) });
    await expect(pane.getByTestId('labs-import-errors')).toContainText('deep.json was not imported.');
    await expect(pane.getByTestId('labs-import-issue')).toHaveText(
      'briefing: Markdown nests block quotes and lists more than 8 deep (the most the Labs pane shows)',
    );
    await expect(pane.getByTestId('lab-item-deep-quotes')).toHaveCount(0);
  });

  test('the briefing stops working: the message names it, the console works, Leave lab works, also after a reload', async ({ page }) => {
    await page.addInitScript(() => ((window as unknown as { __hvlabFailPanes: string[] }).__hvlabFailPanes = ['Lab briefing']));
    await openConsole(page);
    await page.getByTestId('tool-labs').click();
    const pane = page.getByTestId('labs-pane');
    await pane.getByTestId(`lab-item-${LAB}`).click();
    const crashed = pane.getByTestId('pane-crashed');
    await expect(crashed).toHaveAttribute('data-pane', 'Lab briefing');
    await expect(crashed).toContainText('Lab briefing has stopped working');
    await pane.getByTestId('lab-start').click();
    await page.getByTestId('confirm-ok').click(); // the user's datacenter is kept aside
    await expect(pane.getByTestId('lab-quit')).toBeVisible();

    // A reload reopens the running lab, and its briefing fails again: the console is not blank.
    await page.reload();
    await expect(page.getByTestId('server-HV01')).toBeVisible();
    await expect(pane.getByTestId('labs-active')).toHaveText(/Running: Storage migration/);
    await expect(pane.getByTestId('pane-crashed')).toContainText('Lab briefing has stopped working');
    await expectConsoleUsable(page);
    await page.screenshot({ path: `${ARTIFACTS}/pane-boundary-briefing.png` });

    await pane.getByTestId('lab-quit').click();
    await page.getByTestId('confirm-ok').click(); // the user's datacenter comes back
    await expect(pane.getByTestId('labs-active')).toHaveCount(0);
    await expect(pane.getByTestId('lab-start')).toHaveText('Start again');

    // Once the fault is gone, Reload pane shows the briefing again.
    await setFailingPanes(page, []);
    await pane.getByTestId('pane-reload').click();
    await expect(pane.getByTestId('lab-briefing').getByRole('heading', { name: 'The situation' })).toBeVisible();
  });

  test('the whole Labs pane stops working: its message offers Leave lab; the Labs menu always does', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('tool-labs').click();
    const pane = page.getByTestId('labs-pane');
    await pane.getByTestId(`lab-item-${LAB}`).click();
    await pane.getByTestId('lab-start').click();
    await page.getByTestId('confirm-ok').click();
    await expect(pane.getByTestId('labs-active')).toBeVisible();

    await setFailingPanes(page, ['Labs']);
    await page.getByTestId('tool-labs').click(); // hide
    await page.getByTestId('tool-labs').click(); // show again: the pane is rendered anew and throws
    const crashed = page.getByTestId('pane-crashed');
    await expect(crashed).toHaveAttribute('data-pane', 'Labs');
    await expect(crashed).toContainText('Labs has stopped working');
    await expectConsoleUsable(page);
    await page.screenshot({ path: `${ARTIFACTS}/pane-boundary-labs.png` });
    await crashed.getByTestId('pane-leave-lab').click();
    await page.getByTestId('confirm-ok').click(); // the user's datacenter comes back
    await expect(crashed.getByTestId('pane-leave-lab')).toHaveCount(0); // no lab is running now

    // The Labs menu: Leave Lab is there while a lab runs, whatever the pane does.
    await setFailingPanes(page, []);
    await crashed.getByTestId('pane-reload').click();
    await expect(pane.getByTestId('lab-detail')).toBeVisible();
    await pane.getByTestId('lab-start').click();
    await page.getByTestId('confirm-ok').click();
    await expect(pane.getByTestId('labs-active')).toBeVisible();
    await page.getByTestId('menu-labs').click();
    await page.getByTestId('menuitem-labs-leave').click();
    await page.getByTestId('confirm-ok').click(); // the user's datacenter comes back
    await expect(pane.getByTestId('labs-active')).toHaveCount(0);
  });

  test('a dock tab stops working without taking the console with them', async ({ page }) => {
    await page.addInitScript(() => ((window as unknown as { __hvlabFailPanes: string[] }).__hvlabFailPanes = ['Jobs']));
    await openConsole(page);
    await page.getByTestId('dock-tab-jobs').click();
    await expect(page.getByTestId('dock-panel-jobs').getByTestId('pane-crashed')).toContainText('Jobs has stopped working');
    await page.getByTestId('dock-tab-log').click();
    await expect(page.getByTestId('dock-panel-log').getByTestId('pane-crashed')).toHaveCount(0);
    await expectConsoleUsable(page);
  });
});
