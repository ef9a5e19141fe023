// VM Settings' store: what it refuses as the user types (resource control, the start delay, the
// name) and the cmdlets OK sends for the 2012 R2 sections, in the order that makes them valid
// (devices before the boot order, the rename last). The VMs come from the default world:
// TEST01 (generation 1, off, on HV02 with 16 logical processors), DC01 (generation 2, running).
import { describe, expect, it, vi } from 'vitest';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Vm } from '../../../engine/model/world';
import type { InventoryStore } from '../../../renderer/stores/inventory-store';
import { VmSettingsStore, type VmSettingsDeps } from '../../../renderer/stores/settings-vm';

function storeFor(name: string, change?: (vm: Vm) => void): VmSettingsStore {
  const world = defaultWorld();
  const vm = world.vms.find((v) => v.name === name)!;
  change?.(vm);
  const inventory = {
    vm: (id: string) => world.vms.find((v) => v.id === id),
    host: (h: string) => world.hosts.find((x) => x.name === h),
  } as unknown as InventoryStore;
  const deps: VmSettingsDeps = {
    bridge: { invoke: vi.fn(), query: vi.fn(() => Promise.resolve({ ok: true, value: null })) } as unknown as VmSettingsDeps['bridge'],
    dialogs: { show: vi.fn() },
    inventory,
    jobs: { activeMoveByVm: new Map() },
  };
  return new VmSettingsStore(deps, vm, () => {});
}

describe('VM Settings: checks as typed', () => {
  it('refuses a reserve above the limit, out-of-range percentages and weights', () => {
    const s = storeFor('TEST01');
    s.set('reserve', '60');
    s.set('limit', '40');
    expect(s.errors.reserve).toBe('The virtual machine reserve (60%) cannot be greater than the virtual machine limit (40%).');
    s.set('limit', '101');
    expect(s.errors.limit).toBe('The virtual machine limit must be a whole number from 0 to 100 percent.');
    s.set('weight', '10001');
    expect(s.errors.weight).toBe('The relative weight must be a whole number from 0 to 10000.');
    expect(VmSettingsStore.pageOf('weight')).toBe('processor');
  });

  it('refuses an empty name, a start delay beyond a day, and a checkpoint folder that is no path', () => {
    const s = storeFor('TEST01');
    s.set('name', '   ');
    s.set('startDelay', '90000');
    s.set('checkpoints', 'Checkpoints');
    expect(s.errors.name).toBe('Type a name for the virtual machine.');
    expect(s.errors.startDelay).toBe('The startup delay must be a whole number of seconds from 0 to 86400.');
    expect(s.errors.checkpoints).toBeDefined();
    expect(s.commands.map((c) => c.cmdlet)).toEqual([]);
  });
});

describe('VM Settings: the commands OK sends', () => {
  it('generation 1: processor, automatic actions, integration services, BIOS, and Rename-VM last', () => {
    const s = storeFor('TEST01');
    s.set('processors', '4');
    s.set('reserve', '10');
    s.set('startAction', 'Nothing');
    s.setService('Guest Service Interface', true);
    s.setService('Heartbeat', false);
    s.moveBoot('biosOrder', 1, -1);
    s.set('numLock', true);
    s.set('name', 'TEST02');
    expect(s.script.split('\n')).toEqual([
      'Set-VMProcessor -VMName TEST01 -ComputerName HV02 -Count 4 -Reserve 10',
      'Set-VM -Name TEST01 -ComputerName HV02 -AutomaticStartAction Nothing',
      "Enable-VMIntegrationService -Name 'Guest Service Interface' -VMName TEST01 -ComputerName HV02",
      'Disable-VMIntegrationService -Name Heartbeat -VMName TEST01 -ComputerName HV02',
      'Set-VMBios -VMName TEST01 -ComputerName HV02 -StartupOrder IDE,CD,LegacyNetworkAdapter,Floppy -EnableNumLock',
      'Rename-VM -Name TEST01 -NewName TEST02 -ComputerName HV02',
    ]);
  });

  it('generation 2: added devices go before the firmware boot order, a SCSI controller before the drives', () => {
    const s = storeFor('DC01', (vm) => {
      vm.state = 'Off';
    });
    s.add({ kind: 'nic', legacy: false, switchName: 'Production' });
    s.add({ kind: 'dvd', controller: 'SCSI 0', path: 'D:\\ISO\\Setup.iso' });
    s.add({ kind: 'scsi' });
    s.moveBoot('bootOrder', 1, -1);
    s.set('secureBoot', false);
    expect(s.script.split('\n')).toEqual([
      'Add-VMScsiController -VMName DC01 -ComputerName HV01',
      'Add-VMNetworkAdapter -VMName DC01 -SwitchName Production -ComputerName HV01',
      'Add-VMDvdDrive -VMName DC01 -ControllerNumber 0 -Path D:\\ISO\\Setup.iso -ComputerName HV01',
      "Set-VMFirmware -VMName DC01 -ComputerName HV01 -BootOrder 'Network Adapter','SCSI 0:0' -EnableSecureBoot Off",
    ]);
    // The DVD drive shows on its controller's page.
    expect(s.page).toBe('added:2');
    expect(s.controllers.map((c) => c.id)).toEqual(['SCSI Controller']);
  });

  it('sends nothing when nothing changed', () => {
    expect(storeFor('DC01').commands).toEqual([]);
    expect(storeFor('TEST01').commands).toEqual([]);
  });
});
