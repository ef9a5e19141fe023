// The File menu and labs in Chromium against the real browser host, as a user meets them (issue
// "Never lose the user's work"): work in the datacenter, File → Save As, change something, Revert
// to Saved, try File → New over unsaved changes (Save / Don't Save / Cancel), start a lab (it asks
// and keeps the datacenter aside), Leave lab: the VM list, the jobs and the clock are as before;
// restart the host: the same again; Open from the data folder, download. Screenshots of the File
// menu, the Save changes prompt and the lab-start question in test/e2e/artifacts/scenarios-*.png.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';

const ARTIFACTS = 'test/e2e/artifacts';
const LAB = 'storage-single-location';
let host: RunningWebHost;
let dataDir: string;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'hvlab-e2e-scenarios-'));
  host = await launchWebHost(dataDir);
});

test.afterAll(async () => {
  await stopWebHost(host);
  rmSync(dataDir, { recursive: true, force: true });
});

async function openConsole(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await expect(page).toHaveTitle(/ - Hyper-V Mobility Lab$/);
}

async function runAtPrompt(page: Page, line: string) {
  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await input.click();
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('powershell-hint')).not.toHaveText('Running…');
}

async function fileMenu(page: Page, item: string) {
  await page.getByTestId('menu-file').click();
  await page.getByTestId(`menuitem-${item}`).click();
}

/** What the user sees of the datacenter: both hosts' VM lists, the jobs and the simulated clock. */
async function seen(page: Page): Promise<{ hv01: string[]; hv02: string[]; jobs: string[]; clock: string }> {
  const list = async (server: string) => {
    await page.getByTestId(`server-${server}`).click();
    await expect(page.getByTestId('vm-list')).toBeVisible();
    return page.getByTestId('vm-list').locator('[data-testid^="vm-row-"]').allInnerTexts();
  };
  const hv01 = await list('HV01');
  const hv02 = await list('HV02');
  await page.getByTestId('dock-tab-jobs').click();
  const jobs = await page.getByTestId('jobs-list').locator('[data-testid^="job-row-"]').allInnerTexts();
  const clock = (await page.getByTestId('sim-clock').innerText()).trim();
  return { hv01, hv02, jobs, clock };
}

const noTime = (row: string) => row.replace(/(?:\d+\.)?\d\d:\d\d:\d\d/g, '');

/** "Simulated time: 1.02:03:04" or "00:05:12" → seconds. */
function seconds(clock: string): number {
  const m = /(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(clock);
  if (!m) throw new Error(`not a clock: ${clock}`);
  return Number(m[1] ?? 0) * 86_400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

async function seriousA11yViolations(page: Page, selector: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).include(selector).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe.serial('Scenarios', () => {
  let saved: Awaited<ReturnType<typeof seen>>;

  test("Save As, change, Revert to Saved; New over unsaved changes asks Save / Don't Save / Cancel", async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('clock-speed-0').click();
    await expect(page).toHaveTitle('Untitled - Hyper-V Mobility Lab');

    // Work: a live migration to its end, and the clock moved on.
    await runAtPrompt(page, 'Move-VM WEB01 HV02');
    await page.getByTestId('run-until-idle').click();
    await expect(page.getByTestId('job-count')).toHaveText('Idle');
    await expect(page).toHaveTitle('Untitled* - Hyper-V Mobility Lab');

    // The File menu, as a Windows admin meets it.
    await page.getByTestId('menu-file').click();
    await expect(page.getByTestId('menuitem-scenario-revert')).toHaveAttribute('aria-disabled', 'true');
    await page.screenshot({ path: `${ARTIFACTS}/scenarios-file-menu.png` });
    await page.getByTestId('menuitem-scenario-save-as').click();
    const saveAs = page.getByTestId('scenario-dialog-saveAs');
    await expect(saveAs).toBeVisible();
    // A name Windows would refuse is refused, and says why.
    await saveAs.getByTestId('save-as-name').fill('../Rack A');
    await saveAs.getByTestId('save-as-ok').click();
    await expect(saveAs).toContainText('cannot contain the character /');
    await saveAs.getByTestId('save-as-name').fill('Rack A');
    await saveAs.getByTestId('save-as-ok').click();
    await expect(saveAs).toBeHidden();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    saved = await seen(page);
    expect(saved.hv02.join('\n')).toContain('WEB01');
    expect(saved.jobs.length).toBeGreaterThan(0);

    // Change something: the title says so; Revert to Saved asks, then brings the saved one back.
    await runAtPrompt(page, 'Start-VM TEST01 -ComputerName HV02');
    await expect(page).toHaveTitle('Rack A* - Hyper-V Mobility Lab');
    await fileMenu(page, 'scenario-revert');
    await expect(page.getByTestId('dialog-confirm')).toContainText('Revert to the saved version of Rack A?');
    await page.getByTestId('confirm-ok').click();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    expect(await seen(page)).toEqual(saved);

    // New over unsaved changes: Save / Don't Save / Cancel.
    await runAtPrompt(page, 'Start-VM TEST01 -ComputerName HV02');
    await fileMenu(page, 'scenario-new');
    const newDialog = page.getByTestId('scenario-dialog-new');
    await newDialog.getByTestId('new-empty').click();
    await newDialog.getByTestId('new-ok').click();
    const prompt = page.getByTestId('scenario-dialog-saveChanges');
    await expect(prompt).toContainText('Do you want to save changes to Rack A?');
    await expect(prompt.locator('.hv-window-buttons button')).toHaveText(['Save', "Don't Save", 'Cancel']);
    await page.screenshot({ path: `${ARTIFACTS}/scenarios-save-changes.png` });
    expect(await seriousA11yViolations(page, '[data-testid="scenario-dialog-saveChanges"]')).toEqual([]);
    await prompt.getByTestId('save-changes-cancel').click();
    await expect(prompt).toBeHidden();
    await expect(page).toHaveTitle('Rack A* - Hyper-V Mobility Lab');
    await expect(page.getByTestId('server-HV01')).toBeVisible();

    // Don't Save: the new (empty) datacenter replaces it; the saved file is untouched.
    await fileMenu(page, 'scenario-new');
    await page.getByTestId('new-empty').click();
    await page.getByTestId('new-ok').click();
    await page.getByTestId('save-changes-discard').click();
    await expect(page).toHaveTitle('Untitled - Hyper-V Mobility Lab');
    await page.getByTestId('server-HV01').click();
    await expect(page.getByTestId('vm-list').locator('[data-testid^="vm-row-"]')).toHaveCount(0);

    // Open: the data folder's list.
    await fileMenu(page, 'scenario-open');
    const open = page.getByTestId('scenario-dialog-open');
    await expect(open.getByTestId('scenario-item-Rack A')).toBeVisible();
    await open.getByTestId('scenario-item-Rack A').click();
    await page.screenshot({ path: `${ARTIFACTS}/scenarios-open.png` });
    await open.getByTestId('open-ok').click();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    expect(await seen(page)).toEqual(saved);
  });

  test('a lab asks first, keeps the datacenter aside, and Leave lab brings it back exactly', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('clock-speed-0').click();
    await page.getByTestId('menu-labs').click();
    await page.getByTestId('menuitem-labs-show').click();
    const pane = page.getByTestId('labs-pane');
    await pane.getByTestId(`lab-item-${LAB}`).click();
    await pane.getByTestId('lab-start').click();
    const ask = page.getByTestId('dialog-confirm');
    await expect(ask).toContainText("The lab's datacenter takes the place of “Rack A” in the console.");
    await expect(ask).toContainText(
      '“Rack A” is kept aside — its VMs, jobs, event log and clock — and comes back exactly as it is now when you choose Leave lab.',
    );
    await page.screenshot({ path: `${ARTIFACTS}/scenarios-lab-start.png` });
    // Cancel changes nothing.
    await page.getByTestId('confirm-cancel').click();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    await pane.getByTestId('lab-start').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page).toHaveTitle('Storage migration: everything to one place (lab) - Hyper-V Mobility Lab');
    await expect(page.getByTestId('sim-clock')).toHaveText(/Simulated time: 00:00:0\d/);
    // The File menu cannot replace anything during the lab, and says why.
    await page.getByTestId('menu-file').click();
    await expect(page.getByTestId('menuitem-scenario-open')).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await runAtPrompt(page, 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');

    await pane.getByTestId('lab-quit').click();
    await expect(page.getByTestId('dialog-confirm')).toContainText('“Rack A” comes back exactly as it was when you started the lab.');
    await page.getByTestId('confirm-ok').click();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    await page.getByTestId('clock-speed-0').click();
    expect(await seen(page)).toEqual(saved);
  });

  test('a restart of the browser host keeps the scenario; Download gives the scenario file', async ({ page }) => {
    await stopWebHost(host);
    host = await launchWebHost(dataDir);
    await openConsole(page);
    await page.getByTestId('clock-speed-0').click();
    await expect(page).toHaveTitle('Rack A - Hyper-V Mobility Lab');
    const after = await seen(page);
    // The door's clock runs at 1× after a restart until paused here: a few seconds later at most
    // (and the running VMs' uptime with it); everything else is as saved.
    const timeless = (s: typeof saved) => ({ ...s, hv01: s.hv01.map(noTime), hv02: s.hv02.map(noTime), clock: '' });
    expect(timeless(after)).toEqual(timeless(saved));
    const ahead = seconds(after.clock) - seconds(saved.clock);
    expect(ahead).toBeGreaterThanOrEqual(0);
    expect(ahead).toBeLessThan(60);

    await page.getByTestId('menu-file').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('menuitem-scenario-download').click()]);
    expect(download.suggestedFilename()).toBe('Rack A.hvlab.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      state: { jobs: unknown[]; world: { vms: { name: string; host: string }[] } };
    };
    expect(file.format).toBe('hvlab-state');
    expect(file.state.world.vms.find((v) => v.name === 'WEB01')?.host).toBe('HV02');
    expect(file.state.jobs.length).toBe(saved.jobs.length);
  });
});
