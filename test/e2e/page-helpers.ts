// What several specs do through the page: type a line at the PowerShell prompt, or ask the engine
// a query over the page's own WebSocket bridge, as the console does; screenshots, axe, a wizard's Next.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { WebHostProcess } from '../support/web-host-process';

/** Opens the PowerShell pane, runs one line, and expects it to finish without an error. */
export async function runAtPrompt(page: Page, line: string): Promise<void> {
  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('powershell-hint')).not.toHaveText('Running…');
  await expect(page.getByTestId('ps-error')).toHaveCount(0);
}

/** A query through the page's own WebSocket bridge; throws the engine's message on a refusal. */
export async function queryThroughPage<T>(page: Page, host: Pick<WebHostProcess, 'port' | 'token'>, q: unknown): Promise<T> {
  return requestThroughPage<T>(page, host, { kind: 'query', query: q });
}

/**
 * A clock control through the page's own WebSocket bridge (e.g. { action: 'runUntilIdle' }): time
 * passing while a modal dialog covers the status bar's controls.
 */
export async function clockThroughPage(page: Page, host: Pick<WebHostProcess, 'port' | 'token'>, control: unknown): Promise<void> {
  await requestThroughPage(page, host, { kind: 'clock', control });
}

/** A command through the page's own WebSocket bridge, as the console sends it; throws the engine's refusal. */
export async function invokeThroughPage<T = unknown>(
  page: Page,
  host: Pick<WebHostProcess, 'port' | 'token'>,
  command: { cmdlet: string; params: Record<string, unknown> },
): Promise<T[]> {
  return (await requestThroughPage<{ output: T[] }>(page, host, { kind: 'invoke', command })).output;
}

async function requestThroughPage<T>(page: Page, host: Pick<WebHostProcess, 'port' | 'token'>, body: Record<string, unknown>): Promise<T> {
  const result = await page.evaluate(
    async ({ port, token, body }) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
        ws.onopen = () => ws.send(JSON.stringify({ ...body, id: 7 }));
        ws.onmessage = (m) => {
          const msg = JSON.parse(String(m.data));
          if (msg.kind === 'result' && msg.id === 7) {
            ws.close();
            resolve(msg.result);
          }
        };
        ws.onerror = () => reject(new Error('bridge socket failed'));
      }),
    { port: host.port, token: host.token, body },
  );
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

/** Where specs leave their screenshots, to be looked at (ignored by git). */
export const ARTIFACTS = 'test/e2e/artifacts';

/** Finite animations (menus, dialogs, transitions) have ended; spinners and progress bars run on. */
export const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));

/** A screenshot of the settled page, test/e2e/artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

/** axe's serious and critical findings on the settled page, one line each (rule: elements). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A wizard's Next, and the page it leads to. */
export async function next(page: Page, heading: string): Promise<void> {
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-heading')).toHaveText(heading);
}
