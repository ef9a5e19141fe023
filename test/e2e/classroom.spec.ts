// A classroom in Chromium (issue "Trainers"): `hvlab serve --classroom` (the browser host bundle with
// --classroom), the trainer page in one browser context and two learners in two others. Each learner
// joins with a name and the session code and lands in a console of their own with the lab running;
// Ada stops SQL01 in her world, which Alan's console never sees; Alan does the task and presses
// Check; the trainer page (it reloads itself) shows Alan's lab completed and Ada's not. Screenshots
// in test/e2e/artifacts/classroom-*.png.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { ENGINE_NODE_FLAGS } from '../../scripts/engine-node-flags.mjs';
import { ROOT, webHostEntry } from '../support/web-host-process';

const ARTIFACTS = 'test/e2e/artifacts';
const LAB = 'storage-single-location';
let child: ChildProcess;
let dataDir: string;
let trainerUrl = '';
let joinUrl = '';
let code = '';

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'hvlab-e2e-classroom-'));
  child = spawn(
    process.execPath,
    [...ENGINE_NODE_FLAGS, await webHostEntry(), '--classroom', LAB, '--listen', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the classroom did not start:\n${output}`)), 60_000);
    const onData = (c: Buffer) => {
      output += c.toString();
      const trainer = /Trainer page \(keep this link to yourself\): (\S+)/.exec(output);
      const joined = /Learners open (\S+) and type the session code (\w+)/.exec(output);
      if (trainer && joined) {
        clearTimeout(timer);
        [trainerUrl, joinUrl, code] = [trainer[1]!, joined[1]!, joined[2]!];
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (c) => reject(new Error(`the classroom exited (${c}):\n${output}`)));
  });
});

test.afterAll(() => {
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function learner(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel(/Session code/).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Join' }).click();
  // Joining starts the learner's engine thread and their lab before the console opens.
  await expect(page.getByTestId('server-HV01')).toBeVisible({ timeout: 30_000 });
  return page;
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

/** The Labs pane on the running lab (a learner's console opens on it). */
async function openLab(page: Page) {
  const pane = page.getByTestId('labs-pane');
  if (!(await pane.isVisible())) {
    await page.getByTestId('menu-labs').click();
    await page.getByTestId('menuitem-labs-show').click();
  }
  const detail = pane.getByTestId('lab-detail');
  await expect(detail).toHaveAttribute('data-lab', LAB);
  return detail;
}

test('trainer page and two learners: isolated worlds, one finishes the task, the trainer sees it', async ({ browser }) => {
  // Three browser contexts, two engine threads and a lab started per join.
  test.setTimeout(300_000);
  const trainer = await (await browser.newContext()).newPage();
  await trainer.goto(trainerUrl);
  await expect(trainer.getByTestId('session-code')).toHaveText(code);
  await expect(trainer.locator('tbody')).toContainText('No learner has joined yet.');

  const joinPage = await (await browser.newContext()).newPage();
  await joinPage.goto(joinUrl);
  await joinPage.getByLabel('Your name').fill('Eve');
  await joinPage.getByLabel(/Session code/).fill('WRONG1');
  await joinPage.getByRole('button', { name: 'Join' }).click();
  await expect(joinPage.getByRole('alert')).toHaveText('That is not the session code: check it on the trainer’s screen.');
  await joinPage.screenshot({ path: `${ARTIFACTS}/classroom-join.png` });

  const ada = await learner(browser, 'Ada Lovelace');
  const alan = await learner(browser, 'Alan Turing');
  // Each console runs the class's lab.
  const adaLab = await openLab(ada);
  await expect(adaLab.getByTestId('lab-status')).toHaveText('In progress');

  await runAtPrompt(ada, 'Stop-VM -Name SQL01 -Force');
  await expect(ada.locator('[data-testid^="vm-row-"]', { hasText: 'SQL01' })).toContainText('Off');
  await expect(alan.locator('[data-testid^="vm-row-"]', { hasText: 'SQL01' })).toContainText('Running');

  await runAtPrompt(alan, 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
  await alan.getByTestId('run-until-idle').click();
  await expect(alan.getByTestId('job-count')).toHaveText('Idle');
  const alanLab = await openLab(alan);
  await alanLab.getByTestId('lab-check').click();
  await expect(alanLab.getByTestId('lab-score')).toHaveText('25 / 25 (best 25)');
  await adaLab.getByTestId('lab-check').click();
  await expect(adaLab.getByTestId('lab-score')).toContainText('0 / 25');

  // The trainer page reloads itself every few seconds.
  const alanRow = trainer.locator('tr', { hasText: 'Alan Turing' });
  await expect(alanRow.locator('[data-field="tasks"]')).toHaveText('2 / 2 ✓ completed', { timeout: 15_000 });
  await expect(trainer.locator('tr', { hasText: 'Ada Lovelace' }).locator('[data-field="tasks"]')).toHaveText('0 / 2');
  await trainer.screenshot({ path: `${ARTIFACTS}/classroom-trainer.png` });
  await ada.screenshot({ path: `${ARTIFACTS}/classroom-learner.png` });

  // End the session: result files written, learners' consoles refused from now on.
  await trainer.getByRole('button', { name: 'End session and export results' }).click();
  await expect(trainer.getByRole('status')).toContainText('Session ended. 2 result files written');
});
