// The Virtual Machine Management service (vmms): Hyper-V Manager's Stop Service / Start Service,
// Set-Service -ComputerName -Status, Stop-/Start-Service on the local computer, Get-Service.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { host, newEngine, ok, refused, worldOf } from './helpers';

const VMMS_MESSAGE =
  "Hyper-V encountered an error trying to access an object on computer 'HV02' because the object was not found. The object might have been deleted, or you might not have permission to perform the task. Verify that the Virtual Machine Management service on the computer is running.";

describe('the Virtual Machine Management service', () => {
  it('Set-Service -Status Stopped on HV02: its VMs keep running, every Hyper-V cmdlet against it is refused; Running brings it back', () => {
    const e = newEngine();
    const states = () => worldOf(e).vms.map((v) => [v.name, v.state]);
    const before = states();
    ok(e, 'Set-Service vmms -ComputerName HV02 -Status Stopped');
    expect(host(worldOf(e), 'HV02').vmms).toBe('Stopped');
    expect(states()).toEqual(before);
    const err = refused(e, 'Get-VM -ComputerName HV02');
    expect(err.message).toBe(VMMS_MESSAGE);
    expect(err.fix).toContain('Start-Service vmms');
    expect(refused(e, 'Stop-VM APP01 -ComputerName HV02 -TurnOff').message).toBe(VMMS_MESSAGE);
    // Not a Hyper-V cmdlet: the adapters still answer.
    ok(e, 'Get-NetAdapter -CimSession HV02');
    expect(ok(e, 'Get-Service vmms -ComputerName HV01,HV02').output).toEqual([
      { Status: 'Running', Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management', MachineName: 'HV01' },
      { Status: 'Stopped', Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management', MachineName: 'HV02' },
    ]);
    expect(e.state().log.at(-1)).toMatchObject({ source: 'Service Control Manager', eventId: 7036 });

    ok(e, 'Set-Service vmms -ComputerName HV02 -Status Running');
    expect(host(worldOf(e), 'HV02').vmms).toBeUndefined();
    ok(e, 'Get-VM -ComputerName HV02');
  });

  it('a move to a host whose service is stopped fails its pre-check; so does one from it', () => {
    const e = newEngine();
    ok(e, 'Set-Service vmms -ComputerName HV02 -Status Stopped');
    const to = refused(e, 'Move-VM DC01 HV02');
    expect(to.message).toContain("Failed to establish a connection with host 'HV02'");
    expect(to.fix).toContain('Set-Service vmms -ComputerName HV02 -Status Running');
    const from = refused(e, 'Move-VM APP01 HV01 -ComputerName HV02');
    expect(from.message).toBe(VMMS_MESSAGE);
  });

  it('Stop-Service and Start-Service act on the computer the console is signed in on; unknown names and Paused are refused', () => {
    const e = newEngine();
    ok(e, 'Stop-Service vmms');
    expect(host(worldOf(e), 'HV01').vmms).toBe('Stopped');
    expect(host(worldOf(e), 'HV02').vmms).toBeUndefined();
    ok(e, 'Stop-Service vmms'); // already stopped: nothing to do, no error
    expect(ok(e, 'Start-Service vmms -PassThru').output).toEqual([
      { Status: 'Running', Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management', MachineName: 'HV01' },
    ]);
    expect(refused(e, 'Stop-Service spooler').message).toBe("Cannot find any service with service name 'spooler'.");
    expect(refused(e, 'Get-Service vmms -ComputerName FS01').message).toBe("Cannot find any service with service name 'vmms'.");
    expect(refused(e, 'Set-Service vmms -ComputerName HV02 -Status Paused').message).toContain('cannot be suspended');
    expect(host(worldOf(e), 'HV02').vmms).toBeUndefined();
  });

  it('is refused while a move involves the host, and the stopped state survives a save and load', () => {
    const e = newEngine();
    ok(e, 'Move-VM WEB01 HV02');
    const err = refused(e, 'Set-Service vmms -ComputerName HV02 -Status Stopped');
    expect(err.message).toContain("Cannot stop vmms service on computer 'HV02'");
    expect(host(worldOf(e), 'HV02').vmms).toBeUndefined();

    const f = newEngine();
    ok(f, 'Set-Service vmms -ComputerName HV02 -Status Stopped');
    const decoded = decodeState(encodeState(f.state()));
    expect(decoded.ok && decoded.state.world.hosts.find((h) => h.name === 'HV02')?.vmms).toBe('Stopped');
  });
});
