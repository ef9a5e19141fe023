// The power actions as state changes with Hyper-V's rules (engine/common/vm-power-rules.ts):
// Start-VM, Stop-VM (shut down, -TurnOff, -Save), Save-VM, Suspend-VM, Resume-VM.
import { describe, expect, it } from 'vitest';
import { powerActionValid, powerVerdict, type PowerAction, type PowerState } from '../../../engine/common/vm-power-rules';
import { runScript } from '../../../engine/scripting/run-script';
import { newEngine, ok, refused, vm, worldOf } from './helpers';

const state = (e: ReturnType<typeof newEngine>, name: string) => vm(worldOf(e), name).state;

describe('power rules', () => {
  it('every action has a verdict for every state, and only Turn Off leaves a saved VM by discarding its state', () => {
    const states: PowerState[] = ['Running', 'Off', 'Saved', 'Paused', 'Starting', 'Stopping'];
    const actions: PowerAction[] = ['Start', 'ShutDown', 'TurnOff', 'Save', 'Pause', 'Resume'];
    const valid = Object.fromEntries(states.map((s) => [s, actions.filter((a) => powerActionValid(s, a))]));
    expect(valid).toEqual({
      Running: ['ShutDown', 'TurnOff', 'Save', 'Pause'],
      Off: ['Start'],
      Saved: ['Start', 'TurnOff'],
      Paused: ['TurnOff', 'Save', 'Resume'],
      Starting: ['TurnOff'],
      Stopping: ['TurnOff'],
    });
    expect(powerVerdict('Paused', 'Start')).toEqual({ kind: 'refuse', instead: 'Resume' });
  });
});

describe('Save-VM, Suspend-VM, Resume-VM', () => {
  it('pause keeps the uptime running on; save and start begin a new one', () => {
    const e = newEngine();
    e.advance(60_000);
    ok(e, 'Suspend-VM DC01');
    expect(state(e, 'DC01')).toBe('Paused');
    expect(vm(worldOf(e), 'DC01').startedAt).toBe(0);
    ok(e, 'Resume-VM DC01');
    expect(state(e, 'DC01')).toBe('Running');
    expect(vm(worldOf(e), 'DC01').startedAt).toBe(0);
    ok(e, 'Save-VM DC01');
    expect(state(e, 'DC01')).toBe('Saved');
    expect(vm(worldOf(e), 'DC01').startedAt).toBeUndefined();
    ok(e, 'Start-VM DC01');
    expect(state(e, 'DC01')).toBe('Running');
    expect(vm(worldOf(e), 'DC01').startedAt).toBe(60_000);
    const log = e.state().log.map((l) => l.message);
    expect(log).toEqual(expect.arrayContaining(["'DC01' was paused.", "'DC01' was resumed.", "'DC01' was saved.", "'DC01' started successfully."]));
  });

  it('refuses what the state does not allow, naming the state and the action that works, and changes nothing', () => {
    const e = newEngine();
    const save = refused(e, 'Save-VM TEST01 -ComputerName HV02');
    expect(save.message).toBe("'TEST01' failed to change state. The operation cannot be performed while the object is in its current state.");
    expect(save.fix).toBe("'TEST01' is Off.");
    expect(refused(e, 'Suspend-VM TEST01 -ComputerName HV02').fix).toBe("'TEST01' is Off.");
    expect(refused(e, 'Resume-VM TEST01 -ComputerName HV02').fix).toBe("'TEST01' is Off. Use Start-VM instead.");
    ok(e, 'Suspend-VM DC01');
    const start = refused(e, 'Start-VM DC01');
    expect(start.message).toBe("'DC01' failed to start. The operation cannot be performed while the object is in its current state.");
    expect(start.fix).toBe("'DC01' is Paused. Use Resume-VM instead.");
    expect(refused(e, 'Stop-VM DC01').fix).toBe("'DC01' is Paused. Use Stop-VM -TurnOff instead.");
    ok(e, 'Stop-VM DC01 -TurnOff');
    expect(state(e, 'DC01')).toBe('Off');
  });

  it('one refused VM of several changes none of them', () => {
    const e = newEngine();
    refused(e, 'Suspend-VM DC01, TEST01 -ComputerName HV01, HV02');
    expect(state(e, 'DC01')).toBe('Running');
  });

  it('warns when the VM is already in the asked state', () => {
    const e = newEngine();
    ok(e, 'Save-VM DC01');
    const r = ok(e, 'Save-VM DC01');
    expect(r.warnings).toEqual(["The virtual machine 'DC01' is already in the specified state."]);
  });

  it('Turn Off on a saved VM discards its saved state (Delete Saved State)', () => {
    const e = newEngine();
    ok(e, 'Stop-VM DC01 -Save');
    expect(state(e, 'DC01')).toBe('Saved');
    ok(e, 'Stop-VM DC01 -TurnOff');
    expect(state(e, 'DC01')).toBe('Off');
  });

  it('refuses every power action while a move of the VM runs, with the job in the fix', () => {
    const e = newEngine();
    const id = ok(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob').jobIds[0]!;
    for (const text of ['Stop-VM DC01 -TurnOff', 'Save-VM DC01', 'Suspend-VM DC01', 'Stop-VM DC01']) {
      const err = refused(e, text);
      expect(err.message, text).toBe("'DC01' failed to change state. The operation cannot be performed while the object is in its current state.");
      expect(err.fix, text).toContain(`Wait-Job -Id ${id}`);
      expect(err.guiFix, text).toContain('see the Jobs pane');
    }
    e.runUntilIdle();
    ok(e, 'Save-VM DC01');
  });

  it('runs the same from an hvlab run script', () => {
    const e = newEngine();
    const r = runScript(e, 'Suspend-VM WEB01\nSave-VM WEB01\nStart-VM WEB01\nSave-VM TEST01 -ComputerName HV02');
    expect(r.statements.map((s) => s.ok)).toEqual([true, true, true, false]);
    expect(r.statements[3]!.error!.message).toContain('failed to change state');
    expect(r.vms.find((v) => v.name === 'WEB01')!.state).toBe('Running');
  });
});
