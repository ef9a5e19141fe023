// Virtual Machine Connection follows the VM: what its screen shows for each state and uptime, its
// guest session (Ctrl+Alt+Delete, sign in) starting over after a restart, and its toolbar running
// the Manager's own actions.
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../../engine/model/default-world';
import type { World } from '../../../engine/model/world';
import { GUEST_BOOT_MS } from '../../../renderer/stores/vm-connect';
import { rootWithWorld } from '../../support/renderer-root';
import { vmActions } from '../../../renderer/actions/catalogue';

function withVm(change: (w: World) => void) {
  const world = defaultWorld();
  change(world);
  return world;
}

describe('Virtual Machine Connection', () => {
  it('shows what the VM state gives, and follows a new world without being told', () => {
    const world = withVm((w) => {
      w.vms[0]!.state = 'Off';
      delete w.vms[0]!.startedAt;
    });
    const { root } = rootWithWorld(world);
    const vm = world.vms[0]!;
    root.vmConnect.open(vm);
    expect(root.vmConnect.screen).toEqual({ kind: 'off' });

    const started = structuredClone(world);
    started.vms[0]!.state = 'Running';
    started.vms[0]!.startedAt = 1_000;
    root.inventory.applyWorld(started);
    root.clock.apply({ now: 1_000 + GUEST_BOOT_MS / 2, speed: 1, idle: true });
    expect(root.vmConnect.screen).toEqual({ kind: 'booting', percent: 50 });
    root.clock.apply({ now: 1_000 + GUEST_BOOT_MS, speed: 1, idle: true });
    expect(root.vmConnect.screen).toEqual({ kind: 'lock' });

    root.vmConnect.ctrlAltDel();
    expect(root.vmConnect.screen.kind).toBe('signin');
    root.vmConnect.signIn();
    expect(root.vmConnect.screen.kind).toBe('desktop');
    root.vmConnect.ctrlAltDel();
    expect(root.vmConnect.screen.kind).toBe('security');
    root.vmConnect.cancelSecurity();
    expect(root.vmConnect.screen.kind).toBe('desktop');

    // Reset elsewhere: a new boot starts at the lock screen again.
    const restarted = structuredClone(started);
    restarted.vms[0]!.startedAt = 50_000;
    root.inventory.applyWorld(restarted);
    root.clock.apply({ now: 50_000 + GUEST_BOOT_MS, speed: 1, idle: true });
    expect(root.vmConnect.screen.kind).toBe('lock');

    const saved = structuredClone(restarted);
    saved.vms[0]!.state = 'Saved';
    root.inventory.applyWorld(saved);
    expect(root.vmConnect.screen.kind).toBe('saved');

    const deleted = structuredClone(saved);
    deleted.vms.shift();
    root.inventory.applyWorld(deleted);
    expect(root.vmConnect.screen.kind).toBe('gone');
    expect(root.vmConnect.vmName).toBe(vm.name);
  });

  it('Connect... is the first action of a VM in every state, and opens the window on that VM', () => {
    for (const state of ['Off', 'Running', 'Paused', 'Saved', 'Starting', 'Stopping'] as const) {
      const world = withVm((w) => {
        w.vms[0]!.state = state;
      });
      const { root } = rootWithWorld(world);
      const vm = world.vms[0]!;
      const first = vmActions(root, vm)[0]!;
      expect(first).toMatchObject({ id: 'connect', label: 'Connect...', enabled: true });
      first.run();
      expect(root.vmConnect.vmId).toBe(vm.id);
    }
  });
});
