// The foundation, as a new user meets it: the console opens on the default world in Chromium,
// and the bridge refuses what it must.
import { test, expect } from './web-host-fixture';

test('the first screen lists the default Hyper-V hosts and their virtual machines', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await expect(page.getByTestId('server-HV02')).toBeVisible();
  await expect(page.getByTestId('server-FS01')).toHaveCount(0);
  await page.getByTestId('server-HV01').click();
  for (const vm of ['DC01', 'SQL01', 'WEB01']) await expect(page.getByTestId(`vm-row-${vm}`)).toBeVisible();
  await expect(page.getByTestId('vm-row-APP01')).toHaveCount(0);
  await expect(page.getByTestId('vm-row-SQL01')).toContainText('Running');
  await page.getByTestId('server-HV02').click();
  await expect(page.getByTestId('vm-row-APP01')).toBeVisible();
  await expect(page.getByTestId('vm-row-TEST01')).toContainText('Off');
  await page.screenshot({ path: 'test/e2e/artifacts/foundation-first-screen.png' });
});

test('a socket without the token is refused', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  const outcome = await page.evaluate(async (port) => {
    return await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge`);
      ws.onopen = () => resolve('opened');
      ws.onerror = () => resolve('refused');
    });
  }, webHost.port);
  expect(outcome).toBe('refused');
});

test('a malformed command is refused with a readable error naming the field', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  const answer = await page.evaluate(
    async ({ port, token }) => {
      return await new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
        ws.onopen = () => ws.send(JSON.stringify({ kind: 'invoke', id: 42, command: { cmdlet: 'Move-VMStorage', params: ['SQL01'] } }));
        ws.onmessage = (m) => {
          const msg = JSON.parse(String(m.data));
          if (msg.kind === 'result' && msg.id === 42) resolve(msg.result);
        };
      });
    },
    { port: webHost.port, token: webHost.token },
  );
  expect(answer.ok).toBe(false);
  expect(answer.error!.message).toMatch(/^Invalid request: command\.params: /);
});
