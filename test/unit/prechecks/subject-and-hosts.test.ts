// Pre-checks on the VM, the hosts and authentication: one pass and one fail per check.
import { describe, expect, it } from 'vitest';
import { check, clean, host, none, only, vm, world } from './helpers';

const live = { Name: 'WEB01', DestinationHost: 'HV02' };

describe('VM and destination', () => {
  it('passes a VM-only move of WEB01 (files on \\\\FS01\\VMs) in the default world', () => {
    const r = check(world(), 'Move-VM', live);
    clean(r);
    expect(r.placement?.mode).toBe('VmOnly');
  });

  it('vm-not-found: the VM is looked up on the computer the command runs on', () => {
    const r = check(world(), 'Move-VM', { Name: 'NOPE01', DestinationHost: 'HV02' });
    expect(r.errors).toEqual([
      {
        check: 'vm-not-found',
        severity: 'error',
        message: 'Hyper-V was unable to find a virtual machine with name "NOPE01".',
        source: 'NOPE01',
        fix: 'Check the name with Get-VM -ComputerName HV01. The virtual machines there are DC01, SQL01, WEB01.',
        guiFix: "'NOPE01' is no longer on HV01. Cancel the wizard.",
        parameter: 'Name',
      },
    ]);
    expect(r.placement).toBeUndefined();
    const elsewhere = only(check(world(), 'Move-VMStorage', { VMName: 'app01', DestinationStoragePath: 'E:\\X' }), 'vm-not-found');
    expect(elsewhere.fix).toBe("'APP01' runs on HV02, not on HV01. Run the command against HV02 (-ComputerName HV02) or sign in on HV02.");
    expect(elsewhere.parameter).toBe('VMName');
    none(check(world(), 'Move-VMStorage', { VMName: 'app01', DestinationStoragePath: 'E:\\X', ComputerName: 'HV02' }), 'vm-not-found');
  });

  it('computer-unreachable: -ComputerName that does not exist or is not a Hyper-V host', () => {
    const missing = only(check(world(), 'Move-VM', { ...live, ComputerName: 'HV09' }), 'computer-unreachable');
    expect(missing.message).toBe("The operation on computer 'HV09' failed: No such host is known. (0x80072AF9)");
    expect(missing.parameter).toBe('ComputerName');
    const fs = only(check(world(), 'Move-VM', { ...live, ComputerName: 'FS01' }), 'computer-unreachable');
    expect(fs.message).toMatch(/^Hyper-V encountered an error trying to access an object on computer 'FS01' because the object was not found\./);
    expect(fs.fix).toBe('FS01 is not a Hyper-V host. Run the command against one of HV01, HV02 (-ComputerName).');
  });

  it('destination-unknown, destination-not-hyper-v and same-host stop the checks', () => {
    const unknown = check(world(), 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV09' });
    expect(unknown.errors.map((e) => e.check)).toEqual(['destination-unknown']);
    expect(unknown.errors[0]).toMatchObject({
      message:
        "Virtual machine migration operation failed at migration Source. Failed to establish a connection with host 'HV09': No such host is known. (0x80072AF9)",
      fix: "Check the destination's name. The Hyper-V hosts in this lab are HV01, HV02.",
      parameter: 'DestinationHost',
    });
    const fs = check(world(), 'Move-VM', { Name: 'WEB01', DestinationHost: 'fs01.contoso.com' });
    expect(fs.errors.map((e) => e.check)).toEqual(['destination-not-hyper-v']);
    expect(fs.errors[0]!.fix).toBe('FS01 is a file server, not a Hyper-V host. Choose one of HV01, HV02.');
    const same = check(world(), 'Move-VM', { Name: 'WEB01', DestinationHost: 'hv01' });
    expect(same.errors.map((e) => e.check)).toEqual(['same-host']);
    expect(same.errors[0]).toMatchObject({
      message: "The virtual machine 'WEB01' is already on host 'HV01'. The source and destination of a live migration must be different hosts.",
      parameter: 'DestinationHost',
    });
    expect(same.errors[0]!.fix).toContain('Move-VMStorage');
  });

  it('vm-state: live moves take Running or Off VMs; storage moves also Saved and Paused, never a transition', () => {
    const saved = world((w) => {
      vm(w, 'WEB01').state = 'Saved';
    });
    expect(only(check(saved, 'Move-VM', live), 'vm-state')).toEqual({
      check: 'vm-state',
      severity: 'error',
      message: "The operation cannot be performed while the virtual machine 'WEB01' is in its current state (Saved).",
      source: 'WEB01',
      fix: "Start 'WEB01' (Start-VM) and move it while it runs, or shut it down and move it while it is off.",
      guiFix: "Cancel the wizard, start 'WEB01' (Start) and move it while it runs, or shut it down and move it while it is off.",
      parameter: 'Name',
    });
    none(check(saved, 'Move-VMStorage', { VMName: 'WEB01', DestinationStoragePath: 'E:\\VMs\\WEB01' }), 'vm-state');
    const paused = world((w) => {
      vm(w, 'WEB01').state = 'Paused';
    });
    expect(only(check(paused, 'Move-VM', live), 'vm-state').fix).toContain('Resume-VM');
    const off = world((w) => {
      vm(w, 'WEB01').state = 'Off';
    });
    clean(check(off, 'Move-VM', live));
    const starting = world((w) => {
      vm(w, 'DC01').state = 'Starting';
    });
    expect(only(check(starting, 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: 'E:\\VMs\\DC01' }), 'vm-state').parameter).toBe('VMName');
  });

  it('vm-exists-on-destination: a VM of the same name already on the destination', () => {
    const w = world((x) => {
      x.vms.push({
        ...structuredClone(vm(x, 'WEB01')),
        id: 'vm-web01-copy',
        host: 'HV02',
        paths: { configuration: '\\\\FS01\\VMs\\WEB01-B', snapshots: '\\\\FS01\\VMs\\WEB01-B', smartPaging: '\\\\FS01\\VMs\\WEB01-B' },
        vhds: [],
      });
    });
    expect(only(check(w, 'Move-VM', live), 'vm-exists-on-destination')).toMatchObject({
      message: "A virtual machine named 'WEB01' already exists on 'HV02'.",
      parameter: 'DestinationHost',
    });
    none(check(world(), 'Move-VM', live), 'vm-exists-on-destination');
  });
});

describe('host settings', () => {
  it('migration-disabled: on the source and on the destination', () => {
    const src = world((w) => {
      host(w, 'HV01').migration.enabled = false;
    });
    expect(only(check(src, 'Move-VM', live), 'migration-disabled')).toEqual({
      check: 'migration-disabled',
      severity: 'error',
      message: "Virtual machine migration operation failed at migration Source. Live migrations are not enabled on host 'HV01'.",
      source: 'HV01',
      fix: 'Enable-VMMigration -ComputerName HV01 (Hyper-V Settings on HV01 → Live Migrations → "Enable incoming and outgoing live migrations").',
      guiFix: 'Cancel the wizard, open Hyper-V Settings on HV01 → Live Migrations and tick "Enable incoming and outgoing live migrations", then move again.',
    });
    const dst = world((w) => {
      host(w, 'HV02').migration.enabled = false;
    });
    expect(only(check(dst, 'Move-VM', live), 'migration-disabled')).toMatchObject({
      message: "Virtual machine migration operation failed at migration Destination. The host 'HV02' is not configured to accept incoming live migrations.",
      source: 'HV02',
      parameter: 'DestinationHost',
    });
    // Storage moves do not use the migration service's live migration setting.
    none(check(src, 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: 'E:\\VMs\\DC01' }), 'migration-disabled');
  });

  it('down-level-destination: 2012 R2 → 2012 refused, 2012 → 2012 R2 fine', () => {
    const down = world((w) => {
      host(w, 'HV02').os = '2012';
    });
    expect(only(check(down, 'Move-VM', live), 'down-level-destination')).toMatchObject({
      message:
        "The virtual machine 'WEB01' cannot be moved to 'HV02': its configuration version 5.0 is not supported by Windows Server 2012. Moving a virtual machine to an earlier version of Hyper-V is not supported.",
      parameter: 'DestinationHost',
    });
    const up = world((w) => {
      host(w, 'HV01').os = '2012';
    });
    none(check(up, 'Move-VM', live), 'down-level-destination');
  });

  it('different-domain: hosts in different domains', () => {
    const w = world((x) => {
      host(x, 'HV02').domain = 'FABRIKAM';
    });
    expect(only(check(w, 'Move-VM', live), 'different-domain').message).toBe(
      "Virtual machine migration operation failed at migration Source. Failed to establish a connection with host 'HV02': HV01 (domain CONTOSO) and HV02 (domain FABRIKAM) are not in the same or trusted domains.",
    );
    none(check(world(), 'Move-VM', live), 'different-domain');
  });

  it('no-migration-network: the destination accepts live migrations on none of its addresses', () => {
    const w = world((x) => {
      host(x, 'HV02').migration.networks = [{ subnet: '172.16.0.0/16', priority: 0 }];
    });
    const e = only(check(w, 'Move-VM', live), 'no-migration-network');
    expect(e.message).toBe(
      "Virtual machine migration operation failed at migration Source. Failed to establish a connection with host 'HV02': No connection could be made because the target machine actively refused it. (0x8007274D)",
    );
    expect(e.fix).toContain('172.16.0.0/16');
    expect(e.fix).toContain('10.10.1.12/24');
    const any = world((x) => {
      host(x, 'HV02').migration.networks = [];
      host(x, 'HV02').migration.useAnyNetwork = true;
    });
    none(check(any, 'Move-VM', live), 'no-migration-network');
  });
});

describe('authentication', () => {
  const credssp = (signedInOn: string) =>
    world((w) => {
      host(w, 'HV01').migration.authentication = 'CredSSP';
      w.session.signedInOn = signedInOn;
    });

  it('credssp-not-on-source: CredSSP works only when signed in on the source host', () => {
    clean(check(credssp('HV01'), 'Move-VM', live));
    const r = check(credssp('HV02'), 'Move-VM', { ...live, ComputerName: 'HV01' });
    expect(r.errors).toEqual([
      {
        check: 'credssp-not-on-source',
        severity: 'error',
        message:
          "Virtual machine migration operation failed at migration Source. Failed to establish a connection with host 'HV02': No credentials are available in the security package (0x8009030E).",
        source: 'HV01',
        fix: "With CredSSP you must be signed in on the source host: sign in on HV01 and start the move there. Or switch both hosts to Kerberos (Set-VMHost -VirtualMachineMigrationAuthenticationType Kerberos) and configure constrained delegation on HV01 for 'cifs' and 'Microsoft Virtual System Migration Service' to HV02.",
        guiFix:
          "With CredSSP you must be signed in on the source host: sign in on HV01 and start the move there. Or choose Kerberos in Hyper-V Settings → Live Migrations → Advanced Features on both hosts, and configure constrained delegation on HV01 for 'cifs' and 'Microsoft Virtual System Migration Service' to HV02.",
      },
    ]);
  });

  it("kerberos-delegation: the source must be trusted to delegate to the destination's cifs and migration service", () => {
    const w = world((x) => {
      host(x, 'HV01').delegation = ['cifs/FS01', 'cifs/HV02'];
    });
    const e = only(check(w, 'Move-VM', live), 'kerberos-delegation');
    expect(e.message).toBe(
      "Virtual machine migration operation failed at migration Source. The Virtual Machine Management Service failed to authenticate the connection for a Virtual Machine migration with host 'HV02': No credentials are available in the security package (0x8009030E).",
    );
    expect(e.fix).toContain("'Microsoft Virtual System Migration Service/HV02'");
    expect(e.fix).not.toContain("'cifs/HV02'");
    // Fully qualified entries count, whatever their case.
    const fqdn = world((x) => {
      host(x, 'HV01').delegation = ['CIFS/hv02.contoso.com', 'microsoft virtual system migration service/HV02.contoso.com', 'cifs/fs01.contoso.com'];
    });
    none(check(fqdn, 'Move-VM', live), 'kerberos-delegation');
  });

  it('kerberos-delegation: files left on a file server need cifs/<file server> too', () => {
    const w = world((x) => {
      host(x, 'HV01').delegation = host(x, 'HV01').delegation.filter((d) => d !== 'cifs/FS01');
    });
    expect(only(check(w, 'Move-VM', live), 'kerberos-delegation').fix).toContain("'cifs/FS01'");
    // A shared-nothing move of DC01 (local files, all copied) does not touch FS01.
    none(check(w, 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\DC01' }), 'kerberos-delegation');
  });
});
