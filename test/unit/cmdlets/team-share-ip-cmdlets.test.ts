// The NetLbfo team-member, SmbShare and NetTCPIP address cmdlets (issue 14), run through the engine
// on the default world (HV01/HV02: NIC1+NIC2 in Team1 under "Production", SMB1 10.10.1.x and SMB2
// 10.10.2.x, 10 GbE iWARP; FS01: MGMT, SMB1, SMB2 and the share VMs, WEB01 running from it). Each
// change is checked where it matters: the Multichannel plan, the team's interface, the move
// pre-checks; each refusal leaves the world and the log as they were.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/engine';
import { hostInterfaces } from '../../../engine/net/interfaces';
import { host, newEngine, ok, refused, worldOf } from './helpers';

type McRow = { ClientInterfaceFriendlyName: string; CurrentChannels: number; ClientRdmaCapable: boolean };
const channels = (e: Engine) =>
  (ok(e, 'Get-SmbMultichannelConnection -ServerName FS01').output as McRow[]).map(
    (r) => `${r.ClientInterfaceFriendlyName}:${r.CurrentChannels}${r.ClientRdmaCapable ? ':rdma' : ''}`,
  );

function watch(e: Engine): string[] {
  const hosts: string[] = [];
  e.onNetworkChanged((h) => hosts.push(h));
  return hosts;
}

describe('Get-/Add-/Remove-/Set-NetLbfoTeamMember', () => {
  it("lists a team's members with their mode and status", () => {
    const rows = ok(newEngine(), 'Get-NetLbfoTeamMember -Team Team1').output;
    expect(rows).toEqual([
      expect.objectContaining({ Name: 'NIC1', Team: 'Team1', AdministrativeMode: 'Active', OperationalStatus: 'Active', FailureReason: 'NoFailure' }),
      expect.objectContaining({ Name: 'NIC2', Team: 'Team1', AdministrativeMode: 'Active', OperationalStatus: 'Active' }),
    ]);
    expect(refused(newEngine(), 'Get-NetLbfoTeamMember -Team Team9').message).toContain("'Team9'");
  });

  it('adding an RDMA adapter to the team takes it out of SMB Direct and re-plans; removing it gives back its address and RDMA', () => {
    const e = newEngine();
    const changed = watch(e);
    expect(channels(e)).toEqual(['SMB1:2:rdma', 'SMB2:2:rdma']);
    ok(e, 'Add-NetLbfoTeamMember -Name SMB2 -Team Team1');
    expect(changed).toEqual(['HV01']);
    const w = worldOf(e);
    expect(host(w, 'HV01').teams[0]!.members).toEqual(['NIC1', 'NIC2', 'SMB2']);
    expect(host(w, 'HV01').nics.find((n) => n.name === 'SMB2')!.ipAddress).toBeUndefined();
    expect(channels(e)).toEqual(['SMB1:2:rdma']);
    ok(e, 'Remove-NetLbfoTeamMember -Name SMB2 -Team Team1');
    expect(host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB2')!.ipAddress).toBe('10.10.2.11');
    expect(channels(e)).toEqual(['SMB1:2:rdma', 'SMB2:2:rdma']);
  });

  it('refuses what 2012 R2 does not allow, changing nothing', () => {
    const e = newEngine();
    expect(refused(e, 'Add-NetLbfoTeamMember -Name NIC1 -Team Team1').message).toBe("Network adapter 'NIC1' is already a member of team 'Team1'.");
    expect(refused(e, 'Add-NetLbfoTeamMember -Name NIC9 -Team Team1').message).toContain("'NIC9'");
    expect(refused(e, 'Remove-NetLbfoTeamMember -Name NIC1,NIC2 -Team Team1').message).toContain('at least one member');
    ok(e, 'Set-NetLbfoTeamMember -Name NIC2 -Team Team1 -AdministrativeMode Standby');
    expect(refused(e, 'Set-NetLbfoTeamMember -Name NIC1 -Team Team1 -AdministrativeMode Standby').message).toContain('only one');
  });

  it('a Standby member carries nothing while an active one is up, and takes over when it fails', () => {
    const e = newEngine();
    const team = () => hostInterfaces(host(worldOf(e), 'HV01')).find((i) => i.alias === 'vEthernet (Production)')!; // Team1 is under the switch
    expect(team().upMembers).toEqual(['NIC1', 'NIC2']);
    ok(e, 'Set-NetLbfoTeamMember NIC2 -Team Team1 -AdministrativeMode Standby');
    expect(host(worldOf(e), 'HV01').teams[0]!.standbyMember).toBe('NIC2');
    expect(team()).toMatchObject({ upMembers: ['NIC1'], linkSpeedGbps: 1 });
    const rows = ok(e, 'Get-NetLbfoTeamMember NIC2').output;
    expect(rows[0]).toMatchObject({ AdministrativeMode: 'Standby', OperationalStatus: 'Standby' });
    ok(e, 'Disable-NetAdapter NIC1');
    expect(team().upMembers).toEqual(['NIC2']);
    expect(ok(e, 'Get-NetLbfoTeamMember NIC2').output[0]).toMatchObject({ OperationalStatus: 'Active' });
    ok(e, 'Set-NetLbfoTeamMember NIC2 -Team Team1 -AdministrativeMode Active');
    expect(host(worldOf(e), 'HV01').teams[0]!.standbyMember).toBeUndefined();
  });
});

describe('Get-/New-/Remove-SmbShare, Grant-/Get-SmbShareAccess', () => {
  it('Get-SmbShare lists the administrative shares and the folders shared, by name', () => {
    const rows = ok(newEngine(), 'Get-SmbShare -CimSession FS01').output as { Name: string; Path: string; Description: string }[];
    expect(rows.map((r) => r.Name)).toEqual(['ADMIN$', 'C$', 'D$', 'IPC$', 'VMs'].filter((n) => rows.some((r) => r.Name === n)));
    expect(rows.find((r) => r.Name === 'VMs')).toMatchObject({ Path: 'D:\\Shares\\VMs', Description: '' });
    expect(rows.find((r) => r.Name === 'ADMIN$')).toMatchObject({ Path: 'C:\\Windows', Description: 'Remote Admin' });
  });

  it("a storage move to a new share is refused with Hyper-V's access-denied text until the host's computer account has Full access", () => {
    const e = newEngine();
    ok(e, 'New-SmbShare -Name VMs2 -Path D:\\Shares\\VMs2 -CimSession FS01');
    expect(host(worldOf(e), 'FS01').shares.find((s) => s.name === 'VMs2')).toMatchObject({ fullControl: [], readAccess: ['Everyone'] });
    expect(refused(e, 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs2\\DC01').message).toContain(
      "User 'CONTOSO\\HV01$' failed to access '\\\\FS01\\VMs2\\DC01': General access denied error (0x80070005).",
    );
    // Change is not enough: Hyper-V needs Full Control.
    ok(e, "Grant-SmbShareAccess -Name VMs2 -AccountName 'CONTOSO\\HV01$' -AccessRight Change -CimSession FS01 -Force");
    refused(e, 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs2\\DC01');
    const acl = ok(e, "Grant-SmbShareAccess -Name VMs2 -AccountName 'contoso\\hv01$' -AccessRight Full -CimSession FS01 -Force").output;
    expect(acl).toContainEqual(expect.objectContaining({ AccountName: 'CONTOSO\\HV01$', AccessControlType: 'Allow', AccessRight: 'Full' }));
    expect(acl).not.toContainEqual(expect.objectContaining({ AccountName: 'CONTOSO\\HV01$', AccessRight: 'Change' }));
    expect(ok(e, 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs2\\DC01').jobIds).toHaveLength(1);
  });

  it('a deny entry wins over Full access', () => {
    const e = newEngine();
    ok(e, "New-SmbShare VMs3 D:\\VMs3 -FullAccess 'CONTOSO\\HV01$' -NoAccess 'CONTOSO\\HV01$' -CimSession FS01");
    refused(e, 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs3\\DC01');
    expect(ok(e, 'Get-SmbShareAccess VMs3 -CimSession FS01').output).toContainEqual(expect.objectContaining({ AccessControlType: 'Deny' }));
  });

  it('refuses a name in use, a path on no volume, an account that does not resolve and removing a share VMs run from', () => {
    const e = newEngine();
    expect(refused(e, 'New-SmbShare -Name vms -Path D:\\Other -CimSession FS01').message).toBe('The name has already been shared.');
    expect(refused(e, 'New-SmbShare -Name X -Path Q:\\X -CimSession FS01').message).toBe('The system cannot find the file specified.');
    expect(refused(e, 'New-SmbShare -Name X -Path D:\\X -FullAccess NOBODY\\HV01$ -CimSession FS01').message).toBe(
      'No mapping between account names and security IDs was done.',
    );
    expect(refused(e, 'Remove-SmbShare -Name VMs -CimSession FS01 -Force').message).toContain('WEB01');
    expect(refused(e, 'Get-SmbShare -Name Nope -CimSession FS01').code).toBe('NotFound');
    ok(e, 'New-SmbShare -Name Scratch -Path D:\\Scratch -CimSession FS01');
    ok(e, 'Remove-SmbShare -Name Scratch -CimSession FS01 -Force');
    expect(host(worldOf(e), 'FS01').shares.map((s) => s.name)).toEqual(['VMs']);
  });
});

describe('New-/Remove-NetIPAddress', () => {
  it('removing an address takes the interface out of Multichannel and ping; a new one on the subnet brings it back', () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Remove-NetIPAddress -IPAddress 10.10.2.11');
    expect(changed).toEqual(['HV01']);
    expect(channels(e)).toEqual(['SMB1:2:rdma']);
    expect(ok(e, 'Test-Connection 10.10.2.20 -Quiet').output).toEqual([false]);
    const rows = ok(e, 'New-NetIPAddress -InterfaceAlias SMB2 -IPAddress 10.10.2.11 -PrefixLength 24').output;
    expect(rows.map((r) => (r as { PolicyStore: string }).PolicyStore)).toEqual(['ActiveStore', 'PersistentStore']);
    expect(channels(e)).toEqual(['SMB1:2:rdma', 'SMB2:2:rdma']);
    expect(ok(e, 'Test-Connection 10.10.2.20 -Quiet').output).toEqual([true]);
  });

  it('an address on another subnet is not paired with the server', () => {
    const e = newEngine();
    ok(e, 'Remove-NetIPAddress -InterfaceAlias SMB2');
    ok(e, 'New-NetIPAddress 10.10.9.11 -InterfaceAlias SMB2');
    expect(channels(e)).toEqual(['SMB1:2:rdma']);
  });

  it('refuses a second address, an address in use, a bad address and an unknown interface, changing nothing', () => {
    const e = newEngine();
    expect(refused(e, 'New-NetIPAddress -InterfaceAlias SMB1 -IPAddress 10.10.1.99').message).toContain('one IPv4 address per interface');
    ok(e, 'Remove-NetIPAddress -IPAddress 10.10.2.11');
    expect(refused(e, 'New-NetIPAddress -InterfaceAlias SMB2 -IPAddress 10.10.1.11').message).toBe('Instance MSFT_NetIPAddress already exists');
    expect(refused(e, 'New-NetIPAddress -InterfaceAlias SMB2 -IPAddress 10.10.2.20').message).toContain('FS01');
    expect(refused(e, 'New-NetIPAddress -InterfaceAlias SMB2 -IPAddress 10.10.2.300').message).toContain('not a valid IPv4 address');
    expect(refused(e, 'New-NetIPAddress -InterfaceAlias NIC1 -IPAddress 10.10.5.1').message).toContain("'InterfaceAlias' equal to 'NIC1'");
    expect(refused(e, 'Remove-NetIPAddress -IPAddress 10.99.99.99').code).toBe('NotFound');
  });
});
