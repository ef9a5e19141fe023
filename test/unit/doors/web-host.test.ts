import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { EngineHost } from '../../../doors/common/engine-host';
import { startWebHost, type WebHost } from '../../../doors/web/web-host';

let dir: string;
let host: EngineHost;
let web: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-web-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  host = new EngineHost({ startClock: false });
  web = await startWebHost({ engineHost: host, rendererDir: join(dir, 'renderer') });
});
afterAll(async () => {
  await web.close();
  host.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function httpGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function ask(
  ws: WebSocket,
  msg: unknown,
): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { message: string; issues?: { path: string }[] } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString());
      if (m.kind === 'result') {
        ws.off('message', onMessage);
        resolve(m);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  });
}

describe('browser host', () => {
  it('binds to loopback and prints a URL with a token', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with a CSP and refuses other Host headers (DNS rebinding)', async () => {
    const ok = await httpGet('/');
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await httpGet('/', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await httpGet('/%2e%2e/secret.txt')).status).not.toBe(200);
  });

  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    await expect(openSocket('')).rejects.toThrow(/401/);
    await expect(openSocket('?token=nope')).rejects.toThrow(/401/);
    await expect(openSocket(`?token=${web.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket(`?token=${web.token}`, { Host: `attacker.example:${web.port}` })).rejects.toThrow(/403/);
  });

  it('answers queries and commands, refuses malformed ones with a readable error and no change', async () => {
    const ws = await openSocket(`?token=${web.token}`, { Origin: `http://127.0.0.1:${web.port}` });
    const world = await ask(ws, { kind: 'query', id: 1, query: { name: 'world' } });
    expect(world.result.ok).toBe(true);
    const before = JSON.stringify(host.engine.state());

    const notJson = await ask(ws, '{"kind":');
    expect(notJson.result.error!.message).toMatch(/not JSON/);
    const badField = await ask(ws, { kind: 'invoke', id: 7, command: { cmdlet: 'Start-VM', params: 'TEST01' } });
    expect(badField.id).toBe(7);
    expect(badField.result.error!.message).toMatch(/command\.params/);
    expect(badField.result.error!.issues![0]!.path).toBe('command.params');
    const badKind = await ask(ws, { kind: 'drop-tables', id: 8 });
    expect(badKind.result.error!.message).toMatch(/^Invalid request: kind/);
    expect(JSON.stringify(host.engine.state())).toBe(before);

    const started = await ask(ws, { kind: 'invoke', id: 9, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } });
    expect(started.result.ok).toBe(true);
    ws.close();
  });
});
