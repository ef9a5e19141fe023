// The real browser host (web.main.ts in its own process) when its world file becomes a folder
// while it runs (issue 18, "Saving fails"): it used to die with a stack trace from the clock tick
// at the next save. Now it keeps serving, the notice reaches the page's socket once, saving
// resumes when the folder is moved away, and the file then holds the latest world.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeState } from '../../engine/persistence/saved-state';
import { ROOT, launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';
import { connectSocketBridge } from '../support/socket-bridge';
import type { TransportBridge } from '../../engine/common/bridge';

let host: WebHostProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (host) await stopWebHost(host, 'SIGKILL');
  host = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface NoticeWatch {
  notices: { level: string; message: string }[];
  /** Resolves when a notice matching `re` has arrived. */
  notice(re: RegExp, timeoutMs: number): Promise<string>;
}

/** The notices the page's bridge hears, as the console's status bar would. */
function watchNotices(bridge: TransportBridge): NoticeWatch {
  const notices: NoticeWatch['notices'] = [];
  const waiters: (() => void)[] = [];
  bridge.subscribe((event) => {
    if (event.type !== 'notice') return;
    notices.push({ level: event.level, message: event.message });
    for (const w of waiters.splice(0)) w();
  });
  return {
    notices,
    async notice(re, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = notices.find((n) => re.test(n.message));
        if (found) return found.message;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no notice matching ${re} in ${timeoutMs} ms; got ${JSON.stringify(notices)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the browser host when its world file becomes a folder', () => {
  it('keeps serving, tells the page once, and saves again once the folder is gone', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hvlab-savefault-'));
    const dev = !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));
    host = await launchWebHost(dataDir, { dev, timeoutMs: 60_000 });
    const exited: { code: number | null } = { code: null };
    host.process.once('exit', (code) => (exited.code = code ?? -1));
    let stderr = '';
    host.process.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const { bridge } = await connectSocketBridge(host);
    const watch = watchNotices(bridge);
    const world = join(dataDir, 'world.json');

    const start = await bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } });
    expect(start.ok).toBe(true);
    expect(existsSync(world)).toBe(true);

    rmSync(world);
    mkdirSync(world);
    await sleep(1100); // past the one-second save interval
    const stop = await bridge.invoke({ cmdlet: 'Stop-VM', params: { Name: 'TEST01', TurnOff: true, ComputerName: 'HV02' } });
    expect(stop.ok).toBe(true);
    const failed = await watch.notice(/The world could not be saved/, 10_000);
    expect(failed).toContain(`${world}: a folder has the name of the file (EISDIR)`);

    // Several clock ticks and retries later the host still answers, and has said it only once.
    await sleep(2500);
    expect(exited.code, stderr).toBeNull();
    const clock = await bridge.query({ name: 'clock' });
    expect(clock.ok).toBe(true);
    expect(watch.notices.filter((n) => /could not be saved/.test(n.message))).toHaveLength(1);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('world.'))).toEqual(['world.json']);

    // The folder goes away: a retry (1, 2, 4 s apart) saves the latest world.
    rmSync(world, { recursive: true });
    await watch.notice(/The world is saved again/, 15_000);
    const decoded = decodeState(readFileSync(world, 'utf8'));
    expect(decoded.ok && decoded.state.world.vms.find((v) => v.name === 'TEST01')?.state).toBe('Off');
    expect(readdirSync(dataDir).filter((f) => f.startsWith('world.'))).toEqual(['world.json']);
    expect(stderr).not.toMatch(/at .*engine-host/);
  }, 120_000);
});
