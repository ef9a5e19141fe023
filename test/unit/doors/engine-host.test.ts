import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import { manualTimer } from '../../support/manual-timer';
import type { EngineEvent } from '../../../engine/contract';
import type { EngineState } from '../../../engine/engine';
import type { StateStore } from '../../../engine/persistence/state-store';

function memoryStore(): StateStore & { saves: EngineState[] } {
  const saves: EngineState[] = [];
  return { saves, load: () => ({}), save: (s) => saves.push(s) };
}

describe('EngineHost and its clock', () => {
  it('advances simulated time at the chosen speed, from the wall clock', () => {
    const wall = manualTimer();
    const host = new EngineHost({ timer: wall.timer });
    wall.pass(1000);
    expect(host.engine.now).toBe(1000);
    host.handle({ kind: 'clock', id: 1, control: { action: 'setSpeed', speed: 60 } });
    wall.pass(1000);
    expect(host.engine.now).toBe(61_000);
    host.handle({ kind: 'clock', id: 2, control: { action: 'setSpeed', speed: 0 } });
    wall.pass(5000);
    expect(host.engine.now).toBe(61_000);
    host.dispose();
  });

  it('sends at most four clock messages a second', () => {
    const wall = manualTimer();
    const host = new EngineHost({ timer: wall.timer });
    const events: EngineEvent[] = [];
    host.subscribe((e) => events.push(e));
    wall.pass(10_000);
    expect(events.length).toBeLessThanOrEqual(40);
    expect(events.length).toBeGreaterThanOrEqual(39);
    host.dispose();
  });

  it('saves after a successful command, not after a refused one, and on dispose', () => {
    const wall = manualTimer();
    const store = memoryStore();
    const host = new EngineHost({ timer: wall.timer, store });
    expect(host.handle({ kind: 'invoke', id: 1, command: { cmdlet: 'Start-VM', params: { Name: 'NOPE' } } }).result.ok).toBe(false);
    expect(store.saves).toHaveLength(0);
    expect(host.handle({ kind: 'invoke', id: 2, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } }).result.ok).toBe(true);
    expect(store.saves).toHaveLength(1);
    expect(store.saves[0]!.world.vms.find((v) => v.name === 'TEST01')!.state).toBe('Running');
    host.dispose();
  });

  it('answers a request it cannot parse with its id and the field at fault', () => {
    const host = new EngineHost({ startClock: false });
    const r = host.handle({ kind: 'query', id: 5, query: { name: 'vm' } });
    expect(r.id).toBe(5);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) expect(r.result.error.issues?.[0]?.path).toBe('query.vm');
    host.dispose();
  });
});

describe('world snapshots to subscribers', () => {
  it('are coalesced per turn and carry the door clock speed', async () => {
    const wall = manualTimer();
    const host = new EngineHost({ timer: wall.timer });
    host.handle({ kind: 'clock', id: 1, control: { action: 'setSpeed', speed: 10 } });
    const views: EngineEvent[] = [];
    host.subscribe((e) => e.type === 'world' && views.push(e));
    host.handle({ kind: 'invoke', id: 2, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } });
    host.handle({ kind: 'invoke', id: 3, command: { cmdlet: 'Stop-VM', params: { Name: 'TEST01', TurnOff: true, ComputerName: 'HV02' } } });
    await Promise.resolve();
    expect(views).toHaveLength(1);
    const view = views[0]!;
    expect(view.type === 'world' && view.view.clock.speed).toBe(10);
    host.dispose();
  });
});
