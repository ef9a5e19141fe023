// preload/index.ts against a fake contextBridge and ipcRenderer: exactly the Bridge reaches the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../engine/contract';

const { fakes } = await vi.hoisted(async () => ({ fakes: await import('./fake-electron') }));
vi.mock('electron', () => {
  const mod: Record<string, unknown> = {};
  for (const key of Object.keys(fakes.electron))
    Object.defineProperty(mod, key, { enumerable: true, get: () => fakes.electron[key as keyof typeof fakes.electron] });
  return mod;
});

type Exposed = Record<string, (...args: unknown[]) => unknown>;
let posted: [unknown, string][] = [];

async function load() {
  vi.resetModules();
  const e = fakes.resetFakeElectron();
  posted = [];
  vi.stubGlobal('window', { location: { origin: 'hvlab://console' }, postMessage: (m: unknown, o: string) => posted.push([m, o]) });
  await import('../../../preload/index');
  expect(e.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = e.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Exposed];
  return { e, key, api };
}

beforeEach(() => vi.unstubAllGlobals());

describe('preload', () => {
  it("exposes 'hvlab' with exactly the Bridge's invoke, query, clock, run, lab, scenario and subscribe — functions only", async () => {
    const { key, api } = await load();
    expect(key).toBe('hvlab');
    expect(Object.keys(api).sort()).toEqual(['clock', 'invoke', 'lab', 'query', 'run', 'scenario', 'subscribe']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('turns each call into one contract Request on hvlab:request and returns its result', async () => {
    const { e, api } = await load();
    e.ipcRenderer.invoke.mockImplementation(async (_channel: string, req: { id: number }) => ({
      kind: 'result',
      id: req.id,
      result: { ok: true, value: 'v' },
    }));
    await expect(api.invoke!({ cmdlet: 'Get-VM', params: {} })).resolves.toEqual({ ok: true, value: 'v' });
    await api.query!({ name: 'world' });
    await api.clock!({ action: 'runUntilIdle' });
    await api.scenario!({ type: 'save' });
    expect(e.ipcRenderer.invoke.mock.calls).toEqual([
      ['hvlab:request', { kind: 'invoke', id: 1, command: { cmdlet: 'Get-VM', params: {} } }],
      ['hvlab:request', { kind: 'query', id: 2, query: { name: 'world' } }],
      ['hvlab:request', { kind: 'clock', id: 3, control: { action: 'runUntilIdle' } }],
      ['hvlab:request', { kind: 'scenario', id: 4, action: { type: 'save' } }],
    ]);
  });

  it('answers an IPC failure with an error result instead of a rejection', async () => {
    const { e, api } = await load();
    e.ipcRenderer.invoke.mockRejectedValue(new Error('No handler registered'));
    await expect(api.query!({ name: 'jobs' })).resolves.toEqual({
      ok: false,
      error: { code: 'Internal', message: 'The desktop bridge failed: No handler registered' },
    });
  });

  it('subscribe hands the page EngineEvents only (never the IPC event), announces itself once, and unsubscribes', async () => {
    const { e, api } = await load();
    const seen: unknown[][] = [];
    const unsubscribe = api.subscribe!((...args: unknown[]) => seen.push(args)) as () => void;
    api.subscribe!(() => {});
    expect(e.ipcRenderer.send.mock.calls).toEqual([['hvlab:subscribe']]);
    const event: EngineEvent = { type: 'clock', clock: { now: 5, speed: 1, idle: true } };
    e.ipcRenderer.emit('hvlab:event', { sender: e.ipcRenderer, senderId: 0 }, event);
    expect(seen).toEqual([[event]]);
    unsubscribe();
    unsubscribe();
    e.ipcRenderer.emit('hvlab:event', { sender: e.ipcRenderer }, event);
    expect(seen).toHaveLength(1);
    expect(e.ipcRenderer.listenerCount('hvlab:event')).toBe(1);
    expect(() => api.subscribe!('not a function')).toThrow(TypeError);
  });

  it('posts known menu commands to the page window, and drops anything else', async () => {
    const { e } = await load();
    e.ipcRenderer.emit('hvlab:menu', {}, 'move');
    e.ipcRenderer.emit('hvlab:menu', {}, 'rm -rf');
    e.ipcRenderer.emit('hvlab:menu', {}, { type: 'hvlab:menu', command: 'move' });
    expect(posted).toEqual([[{ type: 'hvlab:menu', command: 'move' }, 'hvlab://console']]);
  });
});
