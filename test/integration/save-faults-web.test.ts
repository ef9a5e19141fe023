// The real browser host (web.main.ts in its own process) when its world file becomes a folder
// while it runs (issue 18, "Saving fails"): it used to die with a stack trace from the clock tick
// at the next save. Now it keeps serving, the notice reaches the page's socket once, saving
// resumes when the folder is moved away, and the file then holds the latest world.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { decodeState } from '../../engine/persistence/saved-state';
import { ROOT, launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';

let host: WebHostProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (host) await stopWebHost(host, 'SIGKILL');
  host = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Bridge {
  request(body: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
  notices: { level: string; message: string }[];
  /** Resolves when a notice matching `re` has arrived. */
  notice(re: RegExp, timeoutMs: number): Promise<string>;
}

async function connect(h: WebHostProcess): Promise<Bridge> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/bridge?token=${h.token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (r: never) => void>();
  const notices: Bridge['notices'] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { kind: string; id?: number; result?: never; event?: { type: string; level: string; message: string } };
    if (msg.kind === 'result' && msg.id !== undefined) pending.get(msg.id)?.(msg.result!);
    if (msg.kind === 'event' && msg.event?.type === 'notice') {
      notices.push({ level: msg.event.level, message: msg.event.message });
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    notices,
    request(body) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ ...body, id }));
      });
    },
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
    const bridge = await connect(host);
    const world = join(dataDir, 'world.json');

    const start = await bridge.request({ kind: 'invoke', command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } });
    expect(start.ok).toBe(true);
    expect(existsSync(world)).toBe(true);

    rmSync(world);
    mkdirSync(world);
    await sleep(1100); // past the one-second save interval
    const stop = await bridge.request({ kind: 'invoke', command: { cmdlet: 'Stop-VM', params: { Name: 'TEST01', TurnOff: true, ComputerName: 'HV02' } } });
    expect(stop.ok).toBe(true);
    const failed = await bridge.notice(/The world could not be saved/, 10_000);
    expect(failed).toContain(`${world}: a folder has the name of the file (EISDIR)`);

    // Several clock ticks and retries later the host still answers, and has said it only once.
    await sleep(2500);
    expect(exited.code, stderr).toBeNull();
    const clock = await bridge.request({ kind: 'query', query: { name: 'clock' } });
    expect(clock.ok).toBe(true);
    expect(bridge.notices.filter((n) => /could not be saved/.test(n.message))).toHaveLength(1);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('world.'))).toEqual(['world.json']);

    // The folder goes away: a retry (1, 2, 4 s apart) saves the latest world.
    rmSync(world, { recursive: true });
    await bridge.notice(/The world is saved again/, 15_000);
    const decoded = decodeState(readFileSync(world, 'utf8'));
    expect(decoded.ok && decoded.state.world.vms.find((v) => v.name === 'TEST01')?.state).toBe('Off');
    expect(readdirSync(dataDir).filter((f) => f.startsWith('world.'))).toEqual(['world.json']);
    expect(stderr).not.toMatch(/at .*engine-host/);
  }, 120_000);
});
