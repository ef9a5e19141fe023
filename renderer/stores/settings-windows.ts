// The open settings dialog, if any: Hyper-V Settings or Virtual Switch Manager of a host, or the settings of a VM.
import { action, makeObservable, observable } from 'mobx';
import type { Host, Vm } from '../../engine/model/world';
import { HostSettingsStore, type HostSettingsDeps } from './settings-host';
import { VmSettingsStore, type VmSettingsDeps } from './settings-vm';
import { SwitchManagerStore } from './vswitch-manager';

export class SettingsWindows {
  hostSettings: HostSettingsStore | undefined = undefined;
  vmSettings: VmSettingsStore | undefined = undefined;
  switchManager: SwitchManagerStore | undefined = undefined;

  constructor(private readonly deps: HostSettingsDeps & VmSettingsDeps) {
    makeObservable(this, {
      hostSettings: observable.ref,
      vmSettings: observable.ref,
      switchManager: observable.ref,
      openHost: action,
      openVm: action,
      openSwitchManager: action,
      close: action,
    });
  }

  openHost(host: Host): void {
    this.close();
    const store: HostSettingsStore = new HostSettingsStore(this.deps, host.name, host.migration, () => this.close(store));
    this.hostSettings = store;
    void store.load();
  }

  openVm(vm: Vm): void {
    this.close();
    const store: VmSettingsStore = new VmSettingsStore(this.deps, vm, () => this.close(store));
    this.vmSettings = store;
  }

  /** Virtual Switch Manager... of a host. */
  openSwitchManager(host: Host): void {
    this.close();
    const store: SwitchManagerStore = new SwitchManagerStore(this.deps, host, () => this.close(store));
    this.switchManager = store;
    void store.load();
  }

  close(which?: HostSettingsStore | VmSettingsStore | SwitchManagerStore): void {
    if (which && which !== this.hostSettings && which !== this.vmSettings && which !== this.switchManager) return;
    this.vmSettings?.dispose();
    this.hostSettings = undefined;
    this.vmSettings = undefined;
    this.switchManager = undefined;
  }
}
