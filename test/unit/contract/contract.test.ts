import { describe, expect, it } from 'vitest';
import { Request, Command, Query, EngineEvent, CONTRACT_VERSION } from '../../../engine/contract';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';

describe('the contract', () => {
  it('accepts each kind of request', () => {
    expect(Request.safeParse({ kind: 'invoke', id: 1, command: { cmdlet: 'Get-VM', params: {} } }).success).toBe(true);
    expect(Request.safeParse({ kind: 'query', id: 2, query: { name: 'world' } }).success).toBe(true);
    expect(Request.safeParse({ kind: 'query', id: 3, query: { name: 'vm', vm: 'SQL01' } }).success).toBe(true);
    expect(Request.safeParse({ kind: 'clock', id: 4, control: { action: 'setSpeed', speed: 60 } }).success).toBe(true);
  });

  it('names the field at fault in a bad request', () => {
    const r = Request.safeParse({ kind: 'invoke', id: 1, command: { cmdlet: 'not a cmdlet' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['command', 'cmdlet']);
    const extra = Command.safeParse({ cmdlet: 'Get-VM', params: {}, sneaky: 1 });
    expect(extra.success).toBe(false);
    expect(Query.safeParse({ name: 'vm' }).success).toBe(false);
    expect(Request.safeParse({ kind: 'clock', id: 1, control: { action: 'setSpeed', speed: 7 } }).success).toBe(false);
    expect(Request.safeParse({ kind: 'invoke', id: -1, command: { cmdlet: 'Get-VM' } }).success).toBe(false);
  });

  it('carries a version, and engine events validate against their schemas', () => {
    const engine = new Engine({ world: defaultWorld() });
    const view = engine.view();
    expect(view.contractVersion).toBe(CONTRACT_VERSION);
    expect(EngineEvent.safeParse({ type: 'world', view }).success).toBe(true);
    expect(EngineEvent.safeParse({ type: 'world', view: { ...view, contractVersion: 99 } }).success).toBe(false);
  });
});

describe('Engine.invoke', () => {
  it('refuses an unknown parameter in PowerShell words and changes nothing', () => {
    const engine = new Engine({ world: defaultWorld() });
    const before = JSON.stringify(engine.state());
    const r = engine.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02', Foo: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe("A parameter cannot be found that matches parameter name 'Foo'.");
      expect(r.error.parameter).toBe('Foo');
    }
    expect(JSON.stringify(engine.state())).toBe(before);
  });

  it('refuses an unknown cmdlet', () => {
    const r = new Engine({ world: defaultWorld() }).invoke({ cmdlet: 'Format-Disk', params: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^The term 'Format-Disk' is not recognized/);
  });

  it('starts a VM that is off, logs it and tells subscribers', () => {
    const engine = new Engine({ world: defaultWorld() });
    const events: string[] = [];
    engine.subscribe((e) => events.push(e.type));
    const r = engine.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } });
    expect(r.ok).toBe(true);
    const vm = engine.query({ name: 'vm', vm: 'TEST01' });
    expect(vm.ok && (vm.value as { state: string }).state).toBe('Running');
    expect(events).toContain('world');
    expect(events).toContain('log');
    const log = engine.query({ name: 'eventLog' });
    expect(log.ok && (log.value as { message: string }[]).at(-1)?.message).toBe("'TEST01' started successfully.");
  });
});
