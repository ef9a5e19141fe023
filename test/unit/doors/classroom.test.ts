// `hvlab serve --classroom` (issue "Trainers"), over real HTTP and WebSockets: the join page, one
// engine and data folder per learner (each an EngineClient on its own data folder, its engine
// served in this thread over a MessageChannel as test/support/in-process-engine.ts does), the
// token and Host/Origin checks, cross-learner isolation, the trainer page (progress, reset, end and
// export), and a learner's work surviving a restart of the host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { EngineClient } from '../../../doors/worker/engine-client';
import { startClassroom, type ClassroomServer } from '../../../doors/classroom/classroom-server';
import { inProcessEngine } from '../../support/in-process-engine';
import { findBuiltinLab, gradeClass } from '../../../engine/labs';

const LAB = 'storage-single-location';
const LAN = 'classroom-pc.lan';
let dir: string;
let server: ClassroomServer;

async function start(): Promise<ClassroomServer> {
  return startClassroom({
    dataDir: join(dir, 'classroom'),
    labs: [{ id: LAB, title: findBuiltinLab(LAB)!.title }],
    rendererDir: join(dir, 'renderer'),
    listen: '127.0.0.1',
    lanHosts: [LAN],
    openDoor: (learnerDir) =>
      EngineClient.start(() => inProcessEngine(), { dataDir: learnerDir, nativeDialogs: false, doorSettingKeys: [], watchJobs: false, startClock: false }),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-classroom-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  server = await start();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function http(method: string, path: string, options: { headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<Reply> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.web.port,
        method,
        path,
        headers: {
          Host: `${LAN}:${server.web.port}`,
          ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://${LAN}:${server.web.port}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function join_(name: string, code = server.room.code): Promise<string> {
  const r = await http('POST', '/join', { form: { name, code } });
  expect(r.status).toBe(303);
  const token = new URL(String(r.headers.location), 'http://x').searchParams.get('token');
  expect(token).toBeTruthy();
  return token!;
}

function openSocket(token: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.web.port}/bridge?token=${encodeURIComponent(token)}`, {
      headers: { Host: `${LAN}:${server.web.port}`, Origin: `http://${LAN}:${server.web.port}`, ...headers },
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

let nextId = 1;
function ask(ws: WebSocket, msg: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as { kind: string; id: number; result: { ok: boolean; value?: unknown; error?: { message: string } } };
      if (m.kind === 'result' && m.id === id) {
        ws.off('message', onMessage);
        resolve(m.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ ...msg, id }));
  });
}

async function vmState(ws: WebSocket, name: string): Promise<string> {
  const r = await ask(ws, { kind: 'query', query: { name: 'world' } });
  const vms = (r.value as { world: { vms: { name: string; state: string }[] } }).world.vms;
  return vms.find((v) => v.name === name)!.state;
}

let ada = '';
let alan = '';

describe('a classroom', () => {
  it('the join page takes a name and the session code; a wrong code or no name is refused with the reason', async () => {
    const page = await http('GET', '/join');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Session code');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    const wrong = await http('POST', '/join', { form: { name: 'Eve', code: 'NOPE42' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('That is not the session code');
    const noName = await http('POST', '/join', { form: { name: '  ', code: server.room.code } });
    expect(noName.body).toContain('Type your name.');
    ada = await join_('Ada');
    alan = await join_('Alan');
    expect(ada).not.toBe(alan);
    // The same name again gets the same console back.
    expect(await join_('ada')).toBe(ada);
  });

  it('each learner has a world of their own with the lab running: what one does never reaches another', async () => {
    const a = await openSocket(ada);
    const b = await openSocket(alan);
    const list = await ask(a, { kind: 'lab', action: { type: 'list' } });
    expect((list.value as { activeLabId: string }).activeLabId).toBe(LAB);
    expect(await ask(a, { kind: 'run', text: 'Stop-VM -Name SQL01 -Force' })).toMatchObject({ ok: true });
    expect(await vmState(a, 'SQL01')).toBe('Off');
    expect(await vmState(b, 'SQL01')).toBe('Running');
    // Alan does the task; only Alan's lab passes it.
    await ask(b, { kind: 'run', text: 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01' });
    await ask(b, { kind: 'clock', control: { action: 'runUntilIdle' } });
    const checkB = await ask(b, { kind: 'lab', action: { type: 'check' } });
    expect((checkB.value as { score: number }).score).toBe(25);
    const checkA = await ask(a, { kind: 'lab', action: { type: 'check' } });
    expect((checkA.value as { score: number }).score).toBe(0);
    a.close();
    b.close();
  });

  it('tokens: the console opens only with a learner token, never the trainer token, a wrong one, another Host or Origin', async () => {
    await expect(openSocket('wrong-token-wrong-token')).rejects.toThrow('refused 401');
    await expect(openSocket('')).rejects.toThrow('refused 401');
    await expect(openSocket(server.room.trainerToken)).rejects.toThrow('refused 401');
    await expect(openSocket(ada, { Host: `evil.example:${server.web.port}` })).rejects.toThrow('refused 403');
    await expect(openSocket(ada, { Origin: 'http://evil.example' })).rejects.toThrow('refused 403');
    // The LAN name and loopback are both accepted.
    (await openSocket(ada, { Host: `127.0.0.1:${server.web.port}`, Origin: `http://127.0.0.1:${server.web.port}` })).close();
    expect((await http('GET', '/', { headers: { Host: `evil.example:${server.web.port}` } })).status).toBe(403);
  });

  it('the trainer page needs the trainer token and shows every learner, live; its forms need this host as Origin', async () => {
    expect((await http('GET', '/trainer?token=nope')).status).toBe(401);
    expect((await http('GET', `/trainer?token=${encodeURIComponent(ada)}`)).status).toBe(401);
    const page = await http('GET', `/trainer?token=${encodeURIComponent(server.room.trainerToken)}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<meta http-equiv="refresh" content="3;/);
    expect(page.body).toContain(server.room.code);
    expect(page.body).toMatch(/<td>Alan<\/td>[\s\S]*?data-field="tasks">2 \/ 2 <span class="done">✓ completed/);
    expect(page.body).toMatch(/<td>Ada<\/td>[\s\S]*?data-field="tasks">0 \/ 2</);
    // Learners' tokens never appear on it.
    expect(page.body).not.toContain(ada);
    const forged = await http('POST', '/trainer/reset', {
      form: { token: server.room.trainerToken, learner: 'l1' },
      headers: { Origin: 'http://evil.example' },
    });
    expect(forged.status).toBe(403);
    const noToken = await http('POST', '/trainer/reset', { form: { token: 'x', learner: 'l1' } });
    expect(noToken.status).toBe(401);
  });

  it('reset starts a learner’s lab over; export writes every result file, which hvlab lab grade regrades', async () => {
    const a = await openSocket(ada);
    expect(await vmState(a, 'SQL01')).toBe('Off');
    const reset = await http('POST', '/trainer/reset', { form: { token: server.room.trainerToken, learner: 'l1' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toContain('Ada’s lab was started over.');
    expect(await vmState(a, 'SQL01')).toBe('Running');
    a.close();
    const exported = await http('POST', '/trainer/export', { form: { token: server.room.trainerToken } });
    expect(exported.body).toContain('2 result files written');
    const folder = join(dir, 'classroom', 'results');
    const files = readdirSync(folder).sort();
    expect(files).toEqual([`${LAB}-result-Ada.json`, `${LAB}-result-Alan.json`]);
    const book = gradeClass(
      findBuiltinLab(LAB)!,
      files.map((f) => ({ source: f, text: readFileSync(join(folder, f), 'utf8') })),
    );
    expect(book.rows.map((r) => [r.learner, r.status, r.score])).toEqual([
      ['Ada', 'graded', 0],
      ['Alan', 'graded', 25],
    ]);
  });

  it('a learner’s work survives a restart of the host: the same links, the same world', async () => {
    await server.close();
    server = await start();
    const b = await openSocket(alan);
    const view = await ask(b, { kind: 'lab', action: { type: 'show', labId: LAB } });
    expect(view.value).toMatchObject({ completed: true, score: 25 });
    const r = await ask(b, { kind: 'run', text: 'Get-VM -Name SQL01 | Select-Object -ExpandProperty Path' });
    expect(JSON.stringify(r.value)).toContain('FS01');
    b.close();
    expect(existsSync(join(dir, 'classroom', 'learners', 'l2', 'world.json'))).toBe(true);
  });

  it('end: results exported and the learners’ links no longer open a console', async () => {
    const ended = await http('POST', '/trainer/end', { form: { token: server.room.trainerToken } });
    expect(ended.body).toContain('Session ended.');
    await expect(openSocket(ada)).rejects.toThrow('refused 401');
    expect((await http('POST', '/join', { form: { name: 'Late', code: server.room.code } })).body).toContain('This session has ended.');
  });
});
