// A RootStore over a fake bridge holding a world: commands are recorded and answered OK, the world
// is applied at once (no snapshot round trip), animation frames never come. For tests of the
// renderer's stores and action lists that need no engine.
import type { Command, WorldView } from '../../engine/contract';
import { defaultWorld } from '../../engine/model/default-world';
import type { World } from '../../engine/model/world';
import { alwaysConnected, type LabBridge } from '../../renderer/bridge/connection';
import { RootStore } from '../../renderer/stores/root-store';

export function rootWithWorld(world: World = defaultWorld(), storage?: Pick<Storage, 'getItem' | 'setItem'>) {
  const invoked: Command[] = [];
  const view: WorldView = { contractVersion: 1, world, jobs: [], clock: { now: 0, speed: 1, idle: true }, logSeq: 0 };
  const bridge: LabBridge = {
    connection: alwaysConnected('dev'),
    invoke: async (command) => {
      invoked.push(command);
      return { ok: true, value: { output: [], jobIds: [], warnings: [], commandText: '' } };
    },
    query: async () => ({ ok: true, value: view }) as never,
    clock: async () => ({ ok: true, value: view.clock }),
    run: async () => ({ ok: true, value: { statements: [] } }),
    subscribe: () => () => {},
  };
  const root = new RootStore(bridge, { scheduler: { request: () => {} }, ...(storage ? { ui: { storage } } : {}) });
  root.inventory.applyWorld(world);
  return { root, invoked };
}
