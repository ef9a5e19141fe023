// Virtual Switch Manager's Apply over a real engine, with the bridge's answers held back: Apply
// sends its commands in turn, and the dialog stays busy (saying which command it waits for) until
// the last one has landed and the host has been read back. Before, the e2e journey read the host
// while the second command was still on its way (the Apply button greys as soon as Apply starts).
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Command, Query } from '../../../engine/contract';
import { SwitchManagerStore } from '../../../renderer/stores/vswitch-manager';

describe('Virtual Switch Manager Apply', () => {
  it('stays busy through both commands and shows both once idle', async () => {
    const engine = new Engine({ world: defaultWorld() });
    engine.invoke({ cmdlet: 'New-VMSwitch', params: { Name: 'Lab', SwitchType: 'Internal', ComputerName: ['HV01'] } });
    const held: (() => void)[] = [];
    const bridge = {
      invoke: (c: Command) => new Promise((resolve) => held.push(() => resolve(engine.invoke(c)))),
      query: async (q: Query) => engine.query(q),
    } as never;
    const confirms: { onConfirm: () => void }[] = [];
    const dialogs = { show: (d: never) => void confirms.push(d) };
    const host = engine.state().world.hosts.find((h) => h.name === 'HV01')!;
    const store = new SwitchManagerStore({ bridge, dialogs }, host, () => {});
    store.setPage('switch:Lab');
    store.set('vlanEnabled', true);
    store.set('vlanId', '20');
    store.setMac('macMinimum', '00-15-5D-20-00-00');
    store.setMac('macMaximum', '00-15-5D-20-00-FF');
    expect(store.commands.map((c) => c.cmdlet)).toEqual(['Set-VMNetworkAdapterVlan', 'Set-VMHost']);

    const applied = store.apply();
    await Promise.resolve();
    confirms[0]!.onConfirm();
    const flush = () => new Promise((r) => setTimeout(r, 0));
    await flush();
    expect(store.applyingText).toBe('Applying changes (1 of 2)…');
    held.shift()!();
    await flush();
    // The first has landed, the second is on its way: still busy, and saying so.
    expect(store.applying).toBe(true);
    expect(store.applyingText).toBe('Applying changes (2 of 2)…');
    expect(engine.state().world.hosts.find((h) => h.name === 'HV01')!.macAddressRange).toBeUndefined();
    held.shift()!();
    expect(await applied).toBe(true);
    expect(store.applying).toBe(false);
    expect(store.applyingText).toBeUndefined();
    expect(store.dirty).toBe(false);
    expect(store.macMinimum).toBe('00-15-5D-20-00-00');
    expect(store.drafts.find((d) => d.name === 'Lab')).toMatchObject({ vlanEnabled: true, vlanId: '20' });
  });
});
