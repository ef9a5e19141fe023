// VM Settings' remaining sections as cmdlets, run as the console runs them (parse, then invoke) on
// the default world: DC01, SQL01, WEB01 run on HV01 (generation 2); TEST01 is off on HV02
// (generation 1, its disk at IDE 0:0). Every refusal is checked to change nothing (helpers.refused).
import { describe, expect, it } from 'vitest';
import type { World } from '../../../engine/model/world';
import { host, newEngine, ok, parseError, refused, vm, worldOf } from './helpers';

const dc01Off = (w: World) => {
  vm(w, 'DC01').state = 'Off';
  delete vm(w, 'DC01').startedAt;
};

describe('Set-VM: automatic start and stop actions', () => {
  it('reads 2012 R2 defaults through Get-VM and changes them', () => {
    const e = newEngine(dc01Off);
    expect(ok(e, 'Get-VM DC01').output[0]).toMatchObject({ AutomaticStartAction: 'StartIfRunning', AutomaticStartDelay: 0, AutomaticStopAction: 'Save' });
    ok(e, 'Set-VM DC01 -AutomaticStartAction Start -AutomaticStartDelay 120 -AutomaticStopAction ShutDown');
    expect(ok(e, 'Get-VM DC01').output[0]).toMatchObject({ AutomaticStartAction: 'Start', AutomaticStartDelay: 120, AutomaticStopAction: 'ShutDown' });
    expect(e.state().log.at(-1)!.message).toBe(
      "'DC01' configuration changed: automatic start action: Start; automatic start delay: 120 s; automatic stop action: ShutDown.",
    );
  });

  it('lets the start action change while the VM runs, but not the stop action', () => {
    const e = newEngine();
    ok(e, 'Set-VM DC01 -AutomaticStartAction Nothing');
    expect(vm(worldOf(e), 'DC01').automaticStartAction).toBe('Nothing');
    expect(refused(e, 'Set-VM DC01 -AutomaticStopAction TurnOff')).toMatchObject({
      parameter: 'AutomaticStopAction',
      message: "'DC01' failed to modify device 'Automatic Stop Action'. The operation cannot be performed while the virtual machine is in its current state.",
    });
  });

  it('refuses a value that is not one of the actions, naming the parameter', () => {
    expect(parseError('Set-VM DC01 -AutomaticStartAction Sometimes')).toMatchObject({
      parameter: 'AutomaticStartAction',
      message: expect.stringContaining('Specify one of the following enumerator names and try again: Nothing, StartIfRunning, Start') as unknown,
    });
    expect(parseError('Set-VM DC01 -AutomaticStartDelay -5').parameter).toBe('AutomaticStartDelay');
  });
});

describe('Set-VMProcessor and Get-VMProcessor', () => {
  it('shows the defaults and sets resource control while the VM runs', () => {
    const e = newEngine();
    expect(ok(e, 'Get-VMProcessor DC01').output[0]).toMatchObject({ Count: 2, Reserve: 0, Maximum: 100, RelativeWeight: 100, MaximumCountPerNumaNode: 8 });
    ok(e, 'Set-VMProcessor DC01 -Reserve 10 -Maximum 75 -RelativeWeight 200');
    expect(vm(worldOf(e), 'DC01').processor).toEqual({ reserve: 10, maximum: 75, relativeWeight: 200 });
  });

  it('refuses a reserve above the limit', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMProcessor DC01 -Reserve 60 -Maximum 50')).toMatchObject({
      parameter: 'Reserve',
      message: "'DC01' failed to modify device 'Processor'. The virtual machine reserve (60%) cannot be greater than the virtual machine limit (50%).",
    });
    expect(parseError('Set-VMProcessor DC01 -Maximum 101').parameter).toBe('Maximum');
  });

  it('changes the count only while off, and never above the logical processors of the host', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMProcessor DC01 -Count 4').message).toContain('cannot be performed while the virtual machine is in its current state');
    const off = newEngine(dc01Off);
    const cores = host(worldOf(off), 'HV01').cpu.cores;
    expect(refused(off, `Set-VMProcessor DC01 -Count ${cores + 1}`).message).toContain(`than the host 'HV01' has logical processors (${cores})`);
    ok(off, 'Set-VMProcessor DC01 -Count 4');
    expect(vm(worldOf(off), 'DC01').processorCount).toBe(4);
  });
});

describe('integration services', () => {
  it('lists the six 2012 R2 services, Guest Service Interface off by default', () => {
    const e = newEngine();
    const out = ok(e, 'Get-VMIntegrationService -VMName DC01').output as { Name: string; Enabled: boolean }[];
    expect(out.map((s) => [s.Name, s.Enabled])).toEqual([
      ['Shutdown', true],
      ['Time Synchronization', true],
      ['Key-Value Pair Exchange', true],
      ['Heartbeat', true],
      ['VSS', true],
      ['Guest Service Interface', false],
    ]);
  });

  it('enables and disables by name, with wildcards, while the VM runs', () => {
    const e = newEngine();
    ok(e, "Enable-VMIntegrationService -Name 'Guest Service Interface' -VMName DC01");
    ok(e, 'Disable-VMIntegrationService Time* DC01');
    expect(vm(worldOf(e), 'DC01').integrationServices).toEqual({ 'Guest Service Interface': true, 'Time Synchronization': false });
    expect(ok(e, "Get-VMIntegrationService DC01 'Time Synchronization'").output).toMatchObject([{ Name: 'Time Synchronization', Enabled: false }]);
  });

  it('refuses a service that does not exist, naming the ones there are', () => {
    const e = newEngine();
    expect(refused(e, 'Disable-VMIntegrationService -Name Clipboard -VMName DC01')).toMatchObject({
      parameter: 'Name',
      code: 'NotFound',
      message: 'Hyper-V was unable to find an integration service with name "Clipboard".',
    });
  });

  it('without the Shutdown service a VM cannot be shut down, only turned off', () => {
    const e = newEngine();
    ok(e, 'Disable-VMIntegrationService Shutdown DC01');
    expect(refused(e, 'Stop-VM DC01').message).toBe("The virtual machine 'DC01' cannot be shut down because its Shutdown integration service is not enabled.");
    ok(e, 'Stop-VM DC01 -TurnOff');
    expect(vm(worldOf(e), 'DC01').state).toBe('Off');
  });
});

describe('BIOS (generation 1) and firmware (generation 2)', () => {
  it('Set-VMBios changes the startup order of an off generation 1 VM', () => {
    const e = newEngine();
    expect(ok(e, 'Get-VMBios TEST01 -ComputerName HV02').output[0]).toMatchObject({
      StartupOrder: ['CD', 'IDE', 'LegacyNetworkAdapter', 'Floppy'],
      NumLockEnabled: false,
    });
    ok(e, 'Set-VMBios TEST01 -ComputerName HV02 -StartupOrder IDE,CD,Floppy,LegacyNetworkAdapter -EnableNumLock');
    expect(vm(worldOf(e), 'TEST01').bios).toEqual({ startupOrder: ['IDE', 'CD', 'Floppy', 'LegacyNetworkAdapter'], numLock: true });
  });

  it('refuses an incomplete startup order, and the BIOS cmdlets on generation 2', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMBios TEST01 -ComputerName HV02 -StartupOrder IDE,CD')).toMatchObject({ parameter: 'StartupOrder' });
    expect(refused(e, 'Set-VMBios DC01 -StartupOrder IDE,CD,Floppy,LegacyNetworkAdapter').message).toBe(
      'Generation 2 virtual machines do not support the VMBios cmdlets. Use Get-VMFirmware and Set-VMFirmware instead.',
    );
    expect(refused(e, 'Get-VMFirmware TEST01 -ComputerName HV02').message).toBe(
      'Generation 1 virtual machines do not support the VMFirmware cmdlets. Use Get-VMBios and Set-VMBios instead.',
    );
  });

  it('Set-VMFirmware puts the network adapter first and turns Secure Boot off, only while off', () => {
    const running = newEngine();
    expect(refused(running, "Set-VMFirmware DC01 -FirstBootDevice 'Network Adapter'").parameter).toBe('FirstBootDevice');
    const e = newEngine(dc01Off);
    const before = ok(e, 'Get-VMFirmware DC01').output[0] as { BootOrder: { Location: string }[]; SecureBoot: string };
    expect(before.BootOrder.map((b) => b.Location)).toEqual(['SCSI 0:0', 'Network Adapter']);
    expect(before.SecureBoot).toBe('On');
    ok(e, "Set-VMFirmware DC01 -FirstBootDevice 'Network Adapter' -EnableSecureBoot Off");
    const after = ok(e, 'Get-VMFirmware DC01').output[0] as { BootOrder: { Location: string; BootType: string }[]; SecureBoot: string };
    expect(after.BootOrder.map((b) => [b.BootType, b.Location])).toEqual([
      ['Network', 'Network Adapter'],
      ['Drive', 'SCSI 0:0'],
    ]);
    expect(after.SecureBoot).toBe('Off');
  });

  it('refuses a boot device the VM does not have, or one named twice', () => {
    const e = newEngine(dc01Off);
    expect(refused(e, "Set-VMFirmware DC01 -BootOrder 'SCSI 0:5'")).toMatchObject({ parameter: 'BootOrder', message: "'DC01' has no boot device 'SCSI 0:5'." });
    expect(refused(e, "Set-VMFirmware DC01 -BootOrder 'SCSI 0:0','scsi 0:0'").message).toContain('twice');
  });

  it('a DVD drive added later goes to the end of the boot order', () => {
    const e = newEngine(dc01Off);
    ok(e, "Set-VMFirmware DC01 -BootOrder 'Network Adapter','SCSI 0:0'");
    ok(e, 'Add-VMDvdDrive DC01 -Path D:\\ISO\\Setup.iso');
    const order = (ok(e, 'Get-VMFirmware DC01').output[0] as { BootOrder: { Location: string; Device: string }[] }).BootOrder;
    expect(order.map((b) => `${b.Device} ${b.Location}`)).toEqual(['Network Adapter Network Adapter', 'Hard Drive SCSI 0:0', 'DVD Drive SCSI 0:1']);
  });
});

describe('Add Hardware', () => {
  it('adds a network adapter connected to a switch, only while off', () => {
    const running = newEngine();
    expect(refused(running, 'Add-VMNetworkAdapter DC01 -SwitchName Production').message).toBe(
      "'DC01' failed to add device 'Synthetic Ethernet Port'. The operation cannot be performed while the virtual machine is in its current state.",
    );
    const e = newEngine(dc01Off);
    ok(e, 'Add-VMNetworkAdapter DC01 -SwitchName production -Name Backup');
    expect(vm(worldOf(e), 'DC01').networkAdapters.at(-1)).toEqual({ name: 'Backup', switchName: 'Production' });
    expect(refused(e, 'Add-VMNetworkAdapter DC01 -SwitchName Nowhere')).toMatchObject({ parameter: 'SwitchName', code: 'NotFound' });
  });

  it('adds a legacy network adapter to generation 1 only', () => {
    const e = newEngine(dc01Off);
    expect(refused(e, 'Add-VMNetworkAdapter DC01 -IsLegacy $true').parameter).toBe('IsLegacy');
    ok(e, 'Add-VMNetworkAdapter TEST01 -IsLegacy $true -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').networkAdapters.at(-1)).toEqual({ name: 'Legacy Network Adapter', legacy: true });
  });

  it('adds SCSI controllers up to four', () => {
    const e = newEngine();
    ok(e, 'Add-VMScsiController TEST01 -ComputerName HV02');
    ok(e, 'Add-VMScsiController TEST01 -ComputerName HV02');
    ok(e, 'Add-VMScsiController TEST01 -ComputerName HV02');
    ok(e, 'Add-VMScsiController TEST01 -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').scsiControllers).toBe(4);
    expect(refused(e, 'Add-VMScsiController TEST01 -ComputerName HV02').message).toBe(
      "'TEST01' failed to add device 'SCSI Controller'. A virtual machine can have at most 4 SCSI controllers.",
    );
  });

  it('adds a DVD drive on IDE to generation 1, at the first free location', () => {
    const e = newEngine();
    ok(e, 'Add-VMDvdDrive TEST01 -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').dvdDrives.at(-1)).toEqual({ controller: 'IDE 0:1' });
    expect(refused(e, 'Add-VMDvdDrive TEST01 -ComputerName HV02 -Path D:\\ISO\\setup.img').parameter).toBe('Path');
  });
});

describe('Set-VMHost: default folders and NUMA spanning', () => {
  it('changes the default folders, which New-VM then uses', () => {
    const e = newEngine();
    ok(e, 'Set-VMHost -VirtualMachinePath D:\\VMs -VirtualHardDiskPath D:\\VHDs -NumaSpanningEnabled $false');
    expect(ok(e, 'Get-VMHost').output[0]).toMatchObject({ VirtualMachinePath: 'D:\\VMs', VirtualHardDiskPath: 'D:\\VHDs', NumaSpanningEnabled: false });
    ok(e, 'New-VM -Name LAB01 -NewVHDPath LAB01.vhdx -NewVHDSizeBytes 20GB -Generation 2');
    const lab = vm(worldOf(e), 'LAB01');
    expect(lab.paths.configuration).toBe('D:\\VMs');
    expect(lab.vhds[0]!.path).toBe('D:\\VHDs\\LAB01.vhdx');
  });

  it('with NUMA spanning off, a VM that does not fit in one NUMA node does not start', () => {
    const e = newEngine();
    ok(e, 'Set-VMProcessor TEST01 -Count 9 -ComputerName HV02');
    ok(e, 'Set-VMHost -ComputerName HV02 -NumaSpanningEnabled $false');
    expect(refused(e, 'Start-VM TEST01 -ComputerName HV02').message).toBe(
      "'TEST01' failed to start. NUMA spanning is disabled on HV02 and the virtual machine's 9 virtual processors do not fit in one NUMA node (8 logical processors).",
    );
    ok(e, 'Set-VMHost -ComputerName HV02 -NumaSpanningEnabled $true');
    ok(e, 'Start-VM TEST01 -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').state).toBe('Running');
  });

  it('refuses a folder on a drive the host does not have', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMHost -VirtualMachinePath Q:\\VMs')).toMatchObject({ parameter: 'VirtualMachinePath' });
  });
});
