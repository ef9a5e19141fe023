// The datacenter as the engine last described it (WorldView → hosts and VMs), with lookups and the
// current selection resolved against it. Replaced wholesale on every snapshot: the engine sends a
// fresh world whenever its shape changes, so nothing here is patched by hand.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Host, Vm, World } from '../../engine/model/world';
import type { UiStore } from './ui-store';

export class InventoryStore {
  world: World | undefined = undefined;
  /** Sequence number of the last event-log entry the snapshot included. */
  logSeq = 0;

  constructor(private readonly ui: UiStore) {
    makeObservable(this, {
      world: observable.ref,
      logSeq: observable,
      applyWorld: action,
      loaded: computed,
      hosts: computed,
      hyperVHosts: computed,
      managedServers: computed,
      fileServers: computed,
      hostByName: computed,
      vmById: computed,
      vmsByHost: computed,
      selectedHost: computed,
      vmsOfSelectedHost: computed,
      selectedVm: computed,
    });
  }

  applyWorld(world: World, logSeq?: number): void {
    this.world = world;
    if (logSeq !== undefined) this.logSeq = logSeq;
  }

  get loaded(): boolean {
    return this.world !== undefined;
  }

  get hosts(): readonly Host[] {
    return this.world?.hosts ?? [];
  }

  /** Servers shown in the tree: file servers are not Hyper-V servers. */
  get hyperVHosts(): readonly Host[] {
    return this.hosts.filter((h) => h.role === 'HyperV');
  }

  /** The servers in the console tree: the Hyper-V hosts not removed with Remove Server. */
  get managedServers(): readonly Host[] {
    return this.hyperVHosts.filter((h) => !this.ui.isServerRemoved(h.name));
  }

  get fileServers(): readonly Host[] {
    return this.hosts.filter((h) => h.role === 'FileServer');
  }

  get hostByName(): ReadonlyMap<string, Host> {
    return new Map(this.hosts.map((h) => [h.name.toLowerCase(), h]));
  }

  get vmById(): ReadonlyMap<string, Vm> {
    return new Map((this.world?.vms ?? []).map((vm) => [vm.id, vm]));
  }

  get vmsByHost(): ReadonlyMap<string, readonly Vm[]> {
    const map = new Map<string, Vm[]>();
    for (const vm of this.world?.vms ?? []) {
      const key = vm.host.toLowerCase();
      const list = map.get(key);
      if (list) list.push(vm);
      else map.set(key, [vm]);
    }
    return map;
  }

  host(name: string): Host | undefined {
    return this.hostByName.get(name.toLowerCase());
  }

  vm(id: string): Vm | undefined {
    return this.vmById.get(id);
  }

  vmsOn(hostName: string): readonly Vm[] {
    return this.vmsByHost.get(hostName.toLowerCase()) ?? [];
  }

  /** The Hyper-V server selected in the tree, if it still exists. */
  get selectedHost(): Host | undefined {
    const name = this.ui.selectedServerName;
    if (!name) return undefined;
    const host = this.host(name);
    return host?.role === 'HyperV' && !this.ui.isServerRemoved(host.name) ? host : undefined;
  }

  /** The selected server's VMs; none while its Virtual Machine Management service is stopped (nothing can list them). */
  get vmsOfSelectedHost(): readonly Vm[] {
    const host = this.selectedHost;
    return host && host.vmms !== 'Stopped' ? this.vmsOn(host.name) : [];
  }

  /** The selected VM, only while it is on the selected server (a migrated VM leaves the list). */
  get selectedVm(): Vm | undefined {
    const id = this.ui.selectedVmId;
    const host = this.selectedHost;
    if (!id || !host || host.vmms === 'Stopped') return undefined;
    const vm = this.vm(id);
    return vm && vm.host.toLowerCase() === host.name.toLowerCase() ? vm : undefined;
  }

  /** The server to select when none is: last session's, else the one we are signed in on, else the first. */
  defaultServer(remembered: string | undefined): string | undefined {
    const candidates = [remembered, this.world?.session.signedInOn];
    for (const name of candidates) {
      if (!name) continue;
      const host = this.host(name);
      if (host?.role === 'HyperV' && !this.ui.isServerRemoved(host.name)) return host.name;
    }
    return this.managedServers[0]?.name;
  }
}
