import { describe, expect, it } from 'vitest';
import { CommandRefusal } from '../../../engine/errors';
import { bindingMessages, toMoveRequest } from '../../../engine/operations/prechecks';
import { world } from './helpers';

function refusal(f: () => unknown): CommandRefusal {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CommandRefusal);
    return e as CommandRefusal;
  }
  throw new Error('expected a CommandRefusal');
}

describe('toMoveRequest', () => {
  const w = world();

  it('Move-VMStorage -DestinationStoragePath is a move to a single folder', () => {
    expect(toMoveRequest('Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'E:\\VMs\\SQL01' }, w)).toEqual({
      kind: 'Storage',
      vmName: 'SQL01',
      includeStorage: false,
      placement: { mode: 'SingleFolder', folder: 'E:\\VMs\\SQL01' },
      retainVhdCopiesOnSource: false,
      allowUnverifiedPaths: false,
      initiatedOn: 'HV01',
    });
  });

  it('Move-VMStorage per-item parameters are a per-item move; -Vhds alone is "disks only"', () => {
    const r = toMoveRequest(
      'Move-VMStorage',
      {
        VMName: 'SQL01',
        VirtualMachinePath: 'E:\\Config',
        SnapshotFilePath: 'E:\\Snaps',
        SmartPagingFilePath: 'E:\\Paging',
        Vhds: [{ SourceFilePath: 'D:\\a.vhdx', DestinationFilePath: 'E:\\a.vhdx' }],
        RetainVhdCopiesOnSource: true,
        AllowUnverifiedPaths: true,
      },
      w,
    );
    expect(r.placement).toEqual({
      mode: 'PerItem',
      configuration: 'E:\\Config',
      snapshots: 'E:\\Snaps',
      smartPaging: 'E:\\Paging',
      vhds: [{ source: 'D:\\a.vhdx', destination: 'E:\\a.vhdx' }],
    });
    expect(r.retainVhdCopiesOnSource).toBe(true);
    expect(r.allowUnverifiedPaths).toBe(true);
    const disksOnly = toMoveRequest('Move-VMStorage', { VMName: 'SQL01', Vhds: [{ sourcefilepath: 'D:\\a.vhdx', DESTINATIONFILEPATH: 'E:\\a.vhdx' }] }, w);
    expect(disksOnly.placement).toEqual({ mode: 'PerItem', vhds: [{ source: 'D:\\a.vhdx', destination: 'E:\\a.vhdx' }] });
  });

  it("-DestinationStoragePath with a per-item parameter is PowerShell's parameter set error, on all three cmdlets", () => {
    const e = refusal(() => toMoveRequest('Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'E:\\X', SnapshotFilePath: 'E:\\S' }, w));
    expect(e.message).toBe('Parameter set cannot be resolved using the specified named parameters.');
    expect(e.details).toMatchObject({ parameter: 'SnapshotFilePath', code: 'InvalidParameter' });
    for (const cmdlet of ['Move-VM', 'Compare-VM']) {
      const e2 = refusal(() =>
        toMoveRequest(
          cmdlet,
          {
            Name: 'SQL01',
            DestinationHost: 'HV02',
            IncludeStorage: true,
            DestinationStoragePath: 'E:\\X',
            Vhds: [{ SourceFilePath: 'a', DestinationFilePath: 'b' }],
          },
          w,
        ),
      );
      expect(e2.message).toBe(bindingMessages.cannotResolve);
      expect(e2.details.parameter).toBe('Vhds');
    }
  });

  it('missing mandatory parameters and parameters of another cmdlet are refused as PowerShell does', () => {
    expect(refusal(() => toMoveRequest('Move-VM', { Name: 'SQL01' }, w)).message).toBe(
      'Cannot process command because of one or more missing mandatory parameters: DestinationHost.',
    );
    expect(refusal(() => toMoveRequest('Move-VMStorage', {}, w)).message).toBe(
      'Cannot process command because of one or more missing mandatory parameters: VMName.',
    );
    expect(refusal(() => toMoveRequest('Move-VMStorage', { VMName: 'SQL01', DestinationHost: 'HV02' }, w)).message).toBe(
      "A parameter cannot be found that matches parameter name 'DestinationHost'.",
    );
    expect(refusal(() => toMoveRequest('Move-VM', { Name: 'SQL01', DestinationHost: 'HV02', AllowUnverifiedPaths: true }, w)).details.parameter).toBe(
      'AllowUnverifiedPaths',
    );
    expect(refusal(() => toMoveRequest('Move-VMStorage', { VMName: 'SQL01', Vhds: [{ SourceFilePath: 'D:\\a.vhdx' }] }, w)).details.parameter).toBe('Vhds');
    expect(refusal(() => toMoveRequest('Get-VM', { Name: 'SQL01' }, w)).details.code).toBe('Internal');
  });

  it('Move-VM without storage parameters moves only the virtual machine', () => {
    expect(toMoveRequest('Move-VM', { Name: 'WEB01', DestinationHost: 'hv02.contoso.com' }, w)).toEqual({
      kind: 'Live',
      vmName: 'WEB01',
      destinationHost: 'HV02',
      includeStorage: false,
      placement: { mode: 'VmOnly' },
      retainVhdCopiesOnSource: false,
      allowUnverifiedPaths: false,
      initiatedOn: 'HV01',
    });
  });

  it('Move-VM / Compare-VM -IncludeStorage -DestinationStoragePath is a single folder; per-item parameters imply storage', () => {
    for (const cmdlet of ['Move-VM', 'Compare-VM']) {
      const r = toMoveRequest(cmdlet, { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'E:\\VMs\\SQL01' }, w);
      expect(r).toMatchObject({ kind: 'Live', includeStorage: true, placement: { mode: 'SingleFolder', folder: 'E:\\VMs\\SQL01' } });
    }
    const perItem = toMoveRequest('Move-VM', { vmname: 'SQL01', destinationhost: 'HV02', VirtualMachinePath: 'E:\\C' }, w);
    expect(perItem).toMatchObject({ vmName: 'SQL01', includeStorage: true, placement: { mode: 'PerItem', configuration: 'E:\\C', vhds: [] } });
  });

  it('Move-VM -IncludeStorage without a path keeps every path, now on the destination', () => {
    const r = toMoveRequest('Move-VM', { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true }, w);
    expect(r.placement).toEqual({
      mode: 'PerItem',
      configuration: 'D:\\VMs\\SQL01',
      snapshots: 'D:\\VMs\\SQL01',
      smartPaging: 'D:\\VMs\\SQL01',
      vhds: [
        { source: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', destination: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx' },
        { source: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx', destination: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx' },
      ],
    });
  });

  it("initiatedOn is the console's computer unless -ComputerName says otherwise", () => {
    const on = (p: Record<string, unknown>) => toMoveRequest('Move-VMStorage', { VMName: 'APP01', DestinationStoragePath: 'E:\\X', ...p }, w).initiatedOn;
    expect(on({})).toBe('HV01');
    expect(on({ ComputerName: 'hv02' })).toBe('HV02');
    expect(on({ ComputerName: ['.'] })).toBe('HV01');
    expect(on({ ComputerName: 'localhost' })).toBe('HV01');
    // With several computers the cmdlet acts on the one that has the VM.
    expect(on({ ComputerName: ['HV01', 'HV02'] })).toBe('HV02');
    expect(on({ ComputerName: 'HV09' })).toBe('HV09');
    const moved = world((x) => {
      x.session.signedInOn = 'HV02';
    });
    expect(toMoveRequest('Move-VM', { Name: 'APP01', DestinationHost: 'HV01' }, moved).initiatedOn).toBe('HV02');
  });

  it('does not change the world', () => {
    const w2 = world();
    const before = structuredClone(w2);
    toMoveRequest('Move-VM', { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true }, w2);
    expect(w2).toEqual(before);
  });
});
