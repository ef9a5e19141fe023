// The real browser host (web.main.ts in a child process, as `npm start` runs it) and its WebSocket:
// hostile or huge input gets an answer naming what is wrong, and a long paste does not hold the
// other pages (issue 18). Before: deep JSON answered "The engine failed: Maximum call stack size
// exceeded"; a 98 KB paste kept every page waiting until it had run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchWebHost, stopWebHost, type WebHostProcess } from '../support/web-host-process';
import { MAX_PROMPT_TEXT } from '../../engine/contract';

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

class Page {
  private nextId = 1;
  private readonly pending = new Map<number, (a: Answer) => void>();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { kind: string; id?: number; result?: Answer };
      if (msg.kind === 'result' && msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.result!);
        this.pending.delete(msg.id);
      }
    });
  }

  static async open(host: WebHostProcess): Promise<Page> {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Page(ws);
  }

  /** Sends `body` (an object, or raw text to send as is) and resolves with the answer to its id. */
  request(body: Record<string, unknown> | ((id: number) => string)): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(typeof body === 'function' ? body(id) : JSON.stringify({ ...body, id }));
    });
  }
}

let host: WebHostProcess;
let dataDir: string;
const pages: Page[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hvlab-bridge-input-'));
  // The dev server needs no build; a built renderer is used when there is one.
  host = await launchWebHost(dataDir, { dev: !existsSync(join(ROOT, 'dist', 'renderer', 'index.html')), timeoutMs: 60_000 });
  pages.push(await Page.open(host), await Page.open(host));
}, 90_000);

afterAll(async () => {
  for (const p of pages) p.ws.terminate();
  if (host) await stopWebHost(host);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the browser host over its WebSocket', () => {
  it('deep JSON: a validation error naming the depth limit, and the host carries on', async () => {
    const [page] = pages;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const answer = await page!.request((id) => `{"kind":"invoke","id":${id},"command":{"cmdlet":"Get-VM","params":{"Name":${deep}}}}`);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('InvalidRequest');
    expect(answer.error?.message).toMatch(/^Invalid request: command\.params\.Name\[0\]\[0\].*: nested more than 64 levels deep .*the limit is 64\.$/);
    const objects = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const lab = await page!.request((id) => `{"kind":"lab","id":${id},"action":${objects}}`);
    expect(lab.error?.message).toMatch(/^Invalid request: action\.a\.a\.a.*: nested more than 64 levels deep/);
    expect((await page!.request({ kind: 'query', query: { name: 'clock' } })).ok).toBe(true);
  }, 60_000);

  it('a long paste at the prompt: another page is answered while it runs', async () => {
    const [paster, other] = pages;
    const line = 'Set-VM -Name WEB01 -ComputerName HV01 -Notes x\n';
    const text = line.repeat(Math.floor(MAX_PROMPT_TEXT / line.length));
    const order: string[] = [];
    const run = paster!.request({ kind: 'run', text }).then((a) => {
      order.push('run');
      return a;
    });
    // Sent just after the paste: answered between two of its slices, before its last statement has run.
    await new Promise((r) => setTimeout(r, 50));
    const query = other!.request({ kind: 'query', query: { name: 'clock' } }).then((a) => {
      order.push('query');
      return a;
    });
    const [ran, asked] = await Promise.all([run, query]);
    expect(asked.ok).toBe(true);
    expect(ran.ok).toBe(true);
    expect((ran.value as { statements: unknown[] }).statements).toHaveLength(Math.floor(MAX_PROMPT_TEXT / line.length));
    expect(order).toEqual(['query', 'run']);
  }, 120_000);

  it('a paste over the prompt limit: refused with both lengths and where to run it instead', async () => {
    const answer = await pages[0]!.request({ kind: 'run', text: 'x'.repeat(MAX_PROMPT_TEXT + 1) });
    expect(answer.error?.message).toContain(
      'a command at the prompt is at most 100,000 characters (this one has 100,001); run a longer script with hvlab run <script.ps1>',
    );
  }, 30_000);
});
