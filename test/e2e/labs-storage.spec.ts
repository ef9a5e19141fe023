// The Labs pane in Chromium against the real browser host, as a learner uses it: open Labs, pick
// "storage-single-location", read the briefing, start it, do the task at the PowerShell prompt
// (the Move Wizard is another engineer's work in progress), run the clock until idle, Check →
// every task passes with full marks; reload → the progress is still there; a hint costs points;
// the report opens and downloads; the result file saved regrades to the same score through
// `hvlab lab grade`; Reset asks first; a malformed pack is refused with its field
// errors; a good pack is imported and listed. Screenshots in test/e2e/artifacts/labs-*.png.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';

const ARTIFACTS = 'test/e2e/artifacts';
const LAB = 'storage-single-location';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-labs-')));
});

test.afterAll(async () => {
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

async function openConsole(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
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

async function seriousA11yViolations(page: Page, selector: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).include(selector).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe.serial('Labs pane', () => {
  test('open Labs, read the briefing, do the task at the prompt, run the clock, Check: every task passes, full score', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('menu-labs').click();
    await page.getByTestId('menuitem-labs-show').click();
    const pane = page.getByTestId('labs-pane');
    await expect(pane).toBeVisible();
    const item = pane.getByTestId(`lab-item-${LAB}`);
    await expect(item).toContainText('Storage migration: everything to one place');
    await expect(item).toContainText('Beginner');
    await expect(item).toContainText('about 15 min');
    await expect(pane.getByTestId(`lab-status-${LAB}`)).toHaveText(/Not started/);
    // Focus moved into the pane; arrow keys walk the list.
    await expect(pane.getByTestId('lab-list').locator('button').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(pane.getByTestId('lab-list').locator('button').nth(1)).toBeFocused();
    await page.screenshot({ path: `${ARTIFACTS}/labs-list.png` });

    await item.click();
    const detail = pane.getByTestId('lab-detail');
    await expect(detail.getByTestId('lab-title')).toHaveText('Storage migration: everything to one place');
    const briefing = detail.getByTestId('lab-briefing');
    await expect(briefing.getByRole('heading', { name: 'The situation' })).toBeVisible();
    await expect(briefing.getByRole('heading', { name: 'Why it matters on real iron' })).toBeVisible();
    // Markdown: bold, code spans with the path as written, a list.
    await expect(briefing.locator('strong', { hasText: 'HV01' }).first()).toBeVisible();
    await expect(briefing.locator('code', { hasText: '\\\\FS01\\VMs\\SQL01' }).first()).toBeVisible();
    await expect(briefing.locator('li').first()).toBeVisible();
    await expect(detail.getByTestId('lab-objectives')).toContainText('70-412: Manage VM movement');
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'unknown');
    await expect(detail.getByTestId('lab-task-move-all')).toContainText("All of SQL01's files are under \\\\FS01\\VMs\\SQL01");
    // Hints cannot be taken before the lab starts, and their texts are not shown.
    await expect(detail.getByTestId('lab-hint-show-why-storage')).toBeDisabled();
    await expect(detail.getByTestId('lab-hints')).not.toContainText('storage migration');
    await page.screenshot({ path: `${ARTIFACTS}/labs-briefing.png` });

    await detail.getByTestId('lab-start').click();
    // Starting asks first: the user's datacenter is kept aside until Leave lab.
    await expect(page.getByTestId('dialog-confirm')).toContainText('is kept aside');
    await page.getByTestId('confirm-ok').click();
    await expect(detail.getByTestId('lab-status')).toHaveText('In progress');
    await expect(pane.getByTestId('labs-active')).toHaveText('Running: Storage migration: everything to one place');
    await expect(detail.getByTestId('lab-check-summary')).toHaveText('Not checked yet: do the tasks, then press Check.');
    // The world is the lab's, from simulated time 0.
    await expect(page.getByTestId('sim-clock')).toHaveText(/Simulated time: 00:00:0\d/);

    await runAtPrompt(page, 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    await expect(page.getByTestId('powershell-output').getByTestId('ps-output').last()).toContainText('Job1');
    // A Check mid-way fails, and says what it expected and found.
    await detail.getByTestId('lab-check').click();
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'fail');
    await expect(detail.getByTestId('lab-task-move-all').getByTestId('lab-check-expected').first()).toContainText(/Expected .+Found /s);
    await expect(detail.getByTestId('lab-score')).toContainText('0 / 25');
    await detail.getByTestId('lab-task-move-all').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/labs-check-failed.png` });

    await page.getByTestId('run-until-idle').click();
    await expect(page.getByTestId('job-count')).toHaveText('Idle');
    await detail.getByTestId('lab-check').click();
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'pass');
    await expect(detail.getByTestId('lab-task-stay-online')).toHaveAttribute('data-result', 'pass');
    await expect(detail.getByTestId('lab-score')).toHaveText('25 / 25 (best 25)');
    await expect(detail.getByTestId('lab-check-summary')).toContainText('2 of 2 tasks passed — score 25 / 25');
    await expect(detail.getByTestId('lab-check-summary')).toContainText('Lab completed.');
    await expect(detail.getByTestId('lab-status')).toHaveText('Completed');
    await detail.getByTestId('lab-tasks').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/labs-all-passed.png` });
    expect(await seriousA11yViolations(page, '#pane-labs')).toEqual([]);
  });

  test('after a reload the lab and its progress are still shown', async ({ page }) => {
    await openConsole(page);
    const pane = page.getByTestId('labs-pane');
    await expect(pane).toBeVisible();
    const detail = pane.getByTestId('lab-detail');
    await expect(detail).toHaveAttribute('data-lab', LAB);
    await expect(detail.getByTestId('lab-score')).toHaveText('25 / 25 (best 25)');
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'pass');
    await detail.getByTestId('labs-back').click();
    await expect(pane.getByTestId(`lab-status-${LAB}`)).toHaveText(/Completed \(running\)/);
    await expect(pane.getByTestId(`lab-item-${LAB}-best`)).toHaveText('best 25 / 25');
    // The same page reloaded: the running lab is reopened.
    await page.reload();
    await expect(pane.getByTestId('lab-detail')).toHaveAttribute('data-lab', LAB);
    await expect(pane.getByTestId('lab-detail').getByTestId('lab-score')).toHaveText('25 / 25 (best 25)');
    await page.screenshot({ path: `${ARTIFACTS}/labs-after-reload.png` });
    // The VM the learner moved is still where the lab put it.
    await runAtPrompt(page, 'Get-VM -Name SQL01 -ComputerName HV01 | Select-Object -ExpandProperty Path');
    await expect(page.getByTestId('powershell-output').getByTestId('ps-output').last()).toContainText('\\\\FS01\\VMs\\SQL01');
  });

  test('a hint asks first, costs its points, and the report shows it', async ({ page, context }) => {
    await openConsole(page);
    const pane = page.getByTestId('labs-pane');
    const detail = pane.getByTestId('lab-detail');
    await expect(detail).toHaveAttribute('data-lab', LAB);
    await detail.getByTestId('lab-hint-show-why-storage').click();
    const dialog = page.getByTestId('dialog-confirm');
    await expect(dialog).toContainText('It takes 1 point off your score.');
    await page.getByTestId('confirm-cancel').click();
    await expect(detail.getByTestId('lab-hint-cost')).toHaveText('none used');
    await detail.getByTestId('lab-hint-show-why-storage').click();
    await page.getByTestId('confirm-ok').click();
    await expect(detail.getByTestId('lab-hint-text-why-storage')).toContainText('You want storage migration');
    await expect(detail.getByTestId('lab-hint-cost')).toHaveText('−1 point');
    await detail.getByTestId('lab-check').click();
    await expect(detail.getByTestId('lab-score')).toHaveText('24 / 25 (best 25)');
    await detail.getByTestId('lab-hints').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/labs-hint-taken.png` });

    // The report: a printable page in a new tab, and a file to hand in.
    // The report asks for the learner's name first, and prints it.
    await detail.getByTestId('lab-report').click();
    await expect(detail.getByTestId('lab-learner')).toBeFocused();
    await expect(detail).toContainText('Type your name: it is printed on the report you hand in.');
    await detail.getByTestId('lab-learner').fill('Ana Learner');
    const [report] = await Promise.all([context.waitForEvent('page'), detail.getByTestId('lab-report').click()]);
    await report.waitForLoadState();
    await expect(report.locator('h1')).toHaveText('Storage migration: everything to one place');
    await expect(report.locator('.learner')).toHaveText('Ana Learner');
    await expect(report.locator('body')).toContainText('24 / 25');
    await expect(report.locator('body')).toContainText('why-storage');
    await expect(report.locator('body')).toContainText('Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    await expect(report.locator('.pass', { hasText: /^PASS$/ })).toHaveCount(2);
    await report.setViewportSize({ width: 900, height: 1100 });
    await report.screenshot({ path: `${ARTIFACTS}/labs-report.png`, fullPage: true });
    await report.close();
    const [download] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('lab-report-download').click()]);
    expect(download.suggestedFilename()).toBe(`${LAB}-report-Ana-Learner.html`);
    expect(readFileSync(await download.path(), 'utf8')).toContain('<h1>Storage migration: everything to one place</h1>');

    // Export: the pack as a JSON file.
    const [exported] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('lab-export').click()]);
    expect(exported.suggestedFilename()).toBe(`${LAB}.json`);
    expect(JSON.parse(readFileSync(await exported.path(), 'utf8'))).toMatchObject({ formatVersion: 1, id: LAB });

    // Save result…: the attempt (the prompt's command, the hint, the grade) as a file the trainer
    // regrades with hvlab lab grade, which runs the transcript again and finds the same 24 / 25.
    const [saved] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('lab-result-save').click()]);
    expect(saved.suggestedFilename()).toBe(`${LAB}-result-Ana-Learner.json`);
    await expect(detail).toContainText(`Saved ${LAB}-result-Ana-Learner.json: hand it to your trainer.`);
    const resultFile = join(host.dataDir, saved.suggestedFilename());
    await saved.saveAs(resultFile);
    const graded = spawnSync(process.execPath, ['bin/hvlab.mjs', 'lab', 'grade', LAB, resultFile, '--json'], { encoding: 'utf8' });
    expect(graded.stderr).toBe('');
    expect(graded.status).toBe(0);
    const book = JSON.parse(graded.stdout) as { rows: { status: string; learner: string; score: number; storedScore: number; hintsTaken: string[] }[] };
    expect(book.rows[0]).toMatchObject({ status: 'graded', learner: 'Ana Learner', score: 24, storedScore: 24, hintsTaken: ['why-storage'] });
  });

  test('Reset asks first, then starts the lab over; the best score and the hints taken stay', async ({ page }) => {
    await openConsole(page);
    const detail = page.getByTestId('lab-detail');
    await detail.getByTestId('lab-reset').click();
    await expect(page.getByTestId('dialog-confirm')).toContainText('Reset “Storage migration: everything to one place”?');
    await page.getByTestId('confirm-cancel').click();
    await expect(detail.getByTestId('lab-score')).toHaveText('24 / 25 (best 25)');
    await detail.getByTestId('lab-reset').click();
    await page.getByTestId('confirm-ok').click();
    await expect(detail.getByTestId('lab-score')).toHaveText('— / 25 (best 25)');
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'unknown');
    // The hint taken before the reset stays taken, with its cost.
    await expect(detail.getByTestId('lab-hint-cost')).toHaveText('−1 point');
    await detail.getByTestId('lab-check').click();
    await expect(detail.getByTestId('lab-task-move-all')).toHaveAttribute('data-result', 'fail');
    await expect(detail.getByTestId('lab-score')).toHaveText('0 / 25 (best 25)');
  });

  test('dark theme, keyboard: Escape goes back, then closes the pane; the toolbar button opens it again', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menuitem-theme').click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const pane = page.getByTestId('labs-pane');
    await expect(pane.getByTestId('lab-detail')).toHaveAttribute('data-lab', LAB);
    await pane.getByTestId('lab-task-move-all').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/labs-dark.png` });
    expect(await seriousA11yViolations(page, '#pane-labs')).toEqual([]);
    await pane.getByTestId('labs-back').focus();
    await page.keyboard.press('Escape');
    await expect(pane.getByTestId('lab-list')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
    await page.getByTestId('tool-labs').click();
    await expect(pane).toBeVisible();
    await expect(pane.getByTestId('lab-list').locator('button').first()).toBeFocused();
  });
  test('a malformed pack is refused with its field errors; a good one is imported and listed', async ({ page }) => {
    await openConsole(page);
    const pane = page.getByTestId('labs-pane');
    await pane.getByTestId('labs-back').click();
    const bad = {
      formatVersion: 1,
      id: 'Bad Lab',
      title: 'Broken',
      level: 'Expert',
      estimatedMinutes: 10,
      objectives: ['x'],
      briefing: 'b',
      world: { base: 'default', patch: {} },
      tasks: [
        {
          id: 't',
          title: 'T',
          description: 'd',
          checks: [
            { type: 'vmFilesUnder', path: 'E:\\VMs' },
            { type: 'vmOnHost', vm: 'NOPE', host: 'HV01' },
          ],
        },
      ],
      hints: [{ id: 'h', task: 'moove', costPoints: 1, text: 'x' }],
      referenceSolution: 'Get-VM',
    };
    await pane
      .getByTestId('labs-import-file')
      .setInputFiles({ name: 'broken-lab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const errors = pane.getByTestId('labs-import-errors');
    await expect(errors).toContainText('broken-lab.json was not imported.');
    await expect(errors.getByTestId('labs-import-issue').filter({ hasText: /^id: / })).toHaveCount(1);
    await expect(errors.getByTestId('labs-import-issue').filter({ hasText: /^level: / })).toHaveCount(1);
    await expect(errors.getByTestId('labs-import-issue').filter({ hasText: 'tasks[0].checks[0].vm: required' })).toHaveCount(1);
    await expect(pane.getByTestId('lab-list').locator('li')).toHaveCount(12);
    await page.screenshot({ path: `${ARTIFACTS}/labs-import-errors.png` });

    await pane.getByTestId('labs-import-file').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
    await expect(errors).toContainText('not-json.json was not imported.');

    const good = {
      ...bad,
      id: 'dc01-to-e',
      title: 'Move DC01 to E:',
      level: 'Beginner',
      timeLimitMinutes: 20,
      tasks: [
        {
          id: 't',
          title: 'Move DC01',
          description: 'Move **all** of DC01 to `E:\\VMs\\DC01`.',
          checks: [{ type: 'vmFilesUnder', vm: 'DC01', path: 'E:\\VMs\\DC01' }],
        },
      ],
      hints: [],
    };
    await pane.getByTestId('labs-import-file').setInputFiles({ name: 'dc01.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect(pane.getByTestId('labs-import-ok')).toHaveText('Imported “Move DC01 to E:” from dc01.json.');
    await expect(pane.getByTestId('lab-detail')).toHaveAttribute('data-lab', 'dc01-to-e');
    await pane.getByTestId('labs-back').click();
    await expect(pane.getByTestId('lab-item-dc01-to-e')).toContainText('imported');
    await expect(pane.getByTestId('lab-item-dc01-to-e')).toContainText('limit 20 min');

    // Starting it ends the running lab: the console asks first. Then the clock counts down.
    await pane.getByTestId('lab-item-dc01-to-e').click();
    await pane.getByTestId('lab-start').click();
    await expect(page.getByTestId('dialog-confirm')).toContainText('The lab you are doing, “Storage migration: everything to one place”, ends');
    await page.getByTestId('confirm-ok').click();
    const detail = pane.getByTestId('lab-detail');
    await expect(detail.getByTestId('lab-status')).toHaveText('In progress');
    await expect(detail.getByTestId('lab-time-left')).toHaveText(/^00:(20:00|19:[0-5]\d)$/);
    await page.getByTestId('clock-speed-600').click();
    await expect(detail.getByTestId('lab-time-left')).toHaveText(/^00:1[0-8]:\d\d$/, { timeout: 10_000 });
    await page.getByTestId('clock-speed-0').click();
    await expect(detail.getByTestId('lab-task-t')).toContainText('Move all of DC01 to E:\\VMs\\DC01.');
    await page.screenshot({ path: `${ARTIFACTS}/labs-imported-time-limit.png` });
    await detail.getByTestId('labs-back').click();
    await expect(pane.getByTestId(`lab-status-${LAB}`)).toHaveText(/Completed$/);
    await expect(pane.getByTestId(`lab-item-${LAB}-best`)).toHaveText('best 25 / 25');
  });
});
