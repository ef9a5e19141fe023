// The SmbShare cmdlets that configure and show SMB Multichannel, run through the engine on the
// default world (HV01/HV02: SMB1 and SMB2, 10 GbE iWARP, plus Team1 under "Production"; FS01:
// MGMT, SMB1, SMB2 and the share VMs). Each change is checked in the world and in what the
// Multichannel planner then does, and each refusal leaves the world and the log as they were.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/engine';
import { host, newEngine, ok, parseError, refused, worldOf } from './helpers';

function watch(e: Engine): string[] {
  const hosts: string[] = [];
  e.onNetworkChanged((h) => hosts.push(h));
  return hosts;
}

type McRow = { ClientInterfaceFriendlyName: string; Selected: boolean; CurrentChannels: number; ClientRdmaCapable: boolean };
const selectedChannels = (e: Engine) =>
  (ok(e, 'Get-SmbMultichannelConnection -ServerName FS01').output as McRow[]).map((r) => `${r.ClientInterfaceFriendlyName}:${r.CurrentChannels}`);

describe('Get-/Set-SmbClientConfiguration', () => {
  it("prints 2012 R2's properties with the modelled ones from the world", () => {
    const [c] = ok(newEngine(), 'Get-SmbClientConfiguration').output as Record<string, unknown>[];
    expect(c).toMatchObject({ EnableMultiChannel: true, ConnectionCountPerRssNetworkInterface: 4, MaximumConnectionCountPerServer: 32, SessionTimeout: 60 });
    expect(Object.keys(c!)[0]).toBe('ConnectionCountPerRssNetworkInterface');
  });

  it('-EnableMultiChannel $false: the client opens one connection to FS01 and no SMB Direct; $true brings both back', () => {
    const e = newEngine();
    const changed = watch(e);
    expect(selectedChannels(e)).toEqual(['SMB1:2', 'SMB2:2']);
    ok(e, 'Set-SmbClientConfiguration -EnableMultiChannel $false -Force');
    expect(host(worldOf(e), 'HV01').smb.multichannelEnabled).toBe(false);
    expect(changed).toEqual(['HV01']);
    expect(selectedChannels(e)).toEqual(['SMB1:1']);
    expect((ok(e, 'Get-SmbClientConfiguration').output[0] as { EnableMultiChannel: boolean }).EnableMultiChannel).toBe(false);
    expect(e.state().log.at(-1)!.message).toContain('EnableMultiChannel = false');
    ok(e, 'Set-SmbClientConfiguration -EnableMultiChannel $true -Force');
    expect(selectedChannels(e)).toEqual(['SMB1:2', 'SMB2:2']);
  });

  it('the connection counts per RSS interface and per server feed the planner (RSS tier once RDMA is off)', () => {
    const e = newEngine();
    ok(e, 'Disable-NetAdapterRdma SMB*');
    expect(selectedChannels(e)).toEqual(['SMB1:4', 'SMB2:4']);
    ok(e, 'Set-SmbClientConfiguration -ConnectionCountPerRssNetworkInterface 8 -Force');
    expect(selectedChannels(e)).toEqual(['SMB1:8', 'SMB2:8']);
    ok(e, 'Set-SmbClientConfiguration -MaximumConnectionCountPerServer 10 -Force');
    expect(selectedChannels(e)).toEqual(['SMB1:5', 'SMB2:5']);
    expect(host(worldOf(e), 'HV01').smb).toMatchObject({ connectionsPerRssInterface: 8, maximumConnectionCountPerServer: 10 });
  });

  it('setting a value it already has changes nothing and logs nothing', () => {
    const e = newEngine();
    const changed = watch(e);
    const before = e.state().log.length;
    ok(e, 'Set-SmbClientConfiguration -EnableMultiChannel $true -Force');
    expect(changed).toEqual([]);
    expect(e.state().log).toHaveLength(before);
  });

  it('refuses a count out of range, naming the parameter, and an unknown computer; nothing changes', () => {
    const e = newEngine();
    expect(parseError('Set-SmbClientConfiguration -ConnectionCountPerRssNetworkInterface 17 -Force').message).toBe(
      "Cannot validate argument on parameter 'ConnectionCountPerRssNetworkInterface'. The 17 argument is greater than the maximum allowed range of 16. Supply an argument that is less than or equal to 16 and then try the command again.",
    );
    expect(parseError('Set-SmbClientConfiguration -MaximumConnectionCountPerServer 0 -Force').parameter).toBe('MaximumConnectionCountPerServer');
    expect(parseError('Set-SmbClientConfiguration -EnableMultiChannel maybe').parameter).toBe('EnableMultiChannel');
    expect(refused(e, 'Set-SmbClientConfiguration -EnableMultiChannel $false -CimSession HV09 -Force').code).toBe('NotFound');
  });
});

describe('Get-/Set-SmbServerConfiguration', () => {
  it('-EnableMultiChannel $false on the file server: every client gets one connection to it', () => {
    const e = newEngine();
    const changed = watch(e);
    expect((ok(e, 'Get-SmbServerConfiguration -CimSession FS01').output[0] as { EnableMultiChannel: boolean }).EnableMultiChannel).toBe(true);
    ok(e, 'Set-SmbServerConfiguration -EnableMultiChannel $false -CimSession FS01 -Force');
    expect(changed).toEqual(['FS01']);
    expect(host(worldOf(e), 'FS01').smbServer?.multichannelEnabled).toBe(false);
    // The file server's own client setting is untouched.
    expect(host(worldOf(e), 'FS01').smb.multichannelEnabled).toBe(true);
    expect(selectedChannels(e)).toEqual(['SMB1:1']);
    expect(ok(e, 'Get-SmbMultichannelConnection -ServerName FS01 -CimSession HV02').output).toHaveLength(1);
    expect((ok(e, 'Get-SmbServerConfiguration -CimSession FS01').output[0] as { EnableMultiChannel: boolean }).EnableMultiChannel).toBe(false);
  });
});

describe('New-/Get-/Remove-SmbMultichannelConstraint', () => {
  it('a constraint limits the interfaces HV01 uses to reach FS01; removing it gives both back', () => {
    const e = newEngine();
    const changed = watch(e);
    const made = ok(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB2 -Force').output;
    expect(made).toEqual([
      { ServerName: 'FS01', InterfaceAlias: 'SMB2', InterfaceIndex: 15, InterfaceGuid: expect.stringMatching(/^\{[0-9A-F-]{36}\}$/) as unknown },
    ]);
    expect(host(worldOf(e), 'HV01').smb.constraints).toEqual({ FS01: ['SMB2'] });
    expect(changed).toEqual(['HV01']);
    expect(selectedChannels(e)).toEqual(['SMB2:2']);
    // HV02 has no constraint: both interfaces.
    expect(ok(e, 'Get-SmbMultichannelConnection -ServerName FS01 -CimSession HV02').output).toHaveLength(2);
    // By index (Get-NetAdapter's ifIndex of SMB1), added to the same constraint.
    expect((ok(e, 'Get-NetAdapter SMB1').output[0] as { ifIndex: number }).ifIndex).toBe(14);
    ok(e, 'New-SmbMultichannelConstraint FS01 14 -Force');
    expect(host(worldOf(e), 'HV01').smb.constraints).toEqual({ FS01: ['SMB2', 'SMB1'] });
    expect((ok(e, 'Get-SmbMultichannelConstraint').output as { InterfaceAlias: string }[]).map((r) => r.InterfaceAlias)).toEqual(['SMB2', 'SMB1']);
    expect(ok(e, 'Get-SmbMultichannelConstraint -InterfaceAlias SMB1').output).toHaveLength(1);
    ok(e, 'Remove-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB2 -Force');
    expect(host(worldOf(e), 'HV01').smb.constraints).toEqual({ FS01: ['SMB1'] });
    expect(selectedChannels(e)).toEqual(['SMB1:2']);
    ok(e, 'Remove-SmbMultichannelConstraint -Force');
    expect(host(worldOf(e), 'HV01').smb.constraints).toEqual({});
    expect(selectedChannels(e)).toEqual(['SMB1:2', 'SMB2:2']);
  });

  it('a constraint to an interface that cannot see the server leaves no path: the planner refuses the copy', () => {
    const e = newEngine();
    ok(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias Team1 -Force');
    // Team1's address lives on the host vNIC vEthernet (Production), so the constraint names no usable interface.
    expect(ok(e, 'Get-SmbMultichannelConnection -ServerName FS01').output).toEqual([]);
  });

  it('refuses an unknown interface, index or server and the server itself; nothing changes', () => {
    const e = newEngine();
    const bad = refused(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB3 -Force');
    expect(bad.message).toBe("No network interface 'SMB3' exists on 'HV01'.");
    expect(bad.parameter).toBe('InterfaceAlias');
    expect(bad.fix).toContain('SMB1 (14)');
    expect(refused(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceIndex 99 -Force').parameter).toBe('InterfaceIndex');
    expect(refused(e, 'New-SmbMultichannelConstraint -ServerName FS09 -InterfaceAlias SMB1 -Force').parameter).toBe('ServerName');
    expect(refused(e, 'New-SmbMultichannelConstraint -ServerName HV01 -InterfaceAlias SMB1 -Force').parameter).toBe('ServerName');
    expect(parseError('New-SmbMultichannelConstraint -ServerName FS01 -Force').message).toBe(
      'Cannot process command because of one or more missing mandatory parameters: InterfaceIndex.',
    );
    expect(refused(e, 'Remove-SmbMultichannelConstraint -ServerName FS01 -Force').message).toBe(
      "No MSFT_SmbMultichannelConstraint objects found with property 'ServerName' equal to 'FS01'.  Verify the value of the property and retry.",
    );
  });
});

describe('Update-SmbMultichannelConnection', () => {
  it("re-plans the client's SMB transfers; an unknown server is refused", () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Update-SmbMultichannelConnection -ServerName FS01');
    expect(changed).toEqual(['HV01']);
    expect(refused(e, 'Update-SmbMultichannelConnection -ServerName NOPE').parameter).toBe('ServerName');
  });
});

describe('Get-SmbServerNetworkInterface', () => {
  it("lists the file server's addresses with RSS, RDMA and link speed, indexes matching Get-NetAdapter", () => {
    const e = newEngine();
    const rows = ok(e, 'Get-SmbServerNetworkInterface -CimSession FS01').output as {
      FriendlyName: string;
      InterfaceIndex: number;
      RdmaCapable: boolean;
      IpAddress: string;
    }[];
    expect(rows.map((r) => [r.FriendlyName, r.InterfaceIndex, r.RdmaCapable, r.IpAddress])).toEqual([
      ['MGMT', 12, false, '192.168.1.20'],
      ['SMB1', 13, true, '10.10.1.20'],
      ['SMB2', 14, true, '10.10.2.20'],
    ]);
    const adapters = ok(e, 'Get-NetAdapter -CimSession FS01').output as { Name: string; ifIndex: number }[];
    expect(adapters.map((a) => [a.Name, a.ifIndex])).toEqual([
      ['MGMT', 12],
      ['SMB1', 13],
      ['SMB2', 14],
    ]);
    // A host vNIC keeps the index Get-NetAdapter gives it.
    const hv01 = ok(e, 'Get-SmbServerNetworkInterface').output as { FriendlyName: string; InterfaceIndex: number; RssCapable: boolean }[];
    expect(hv01.find((r) => r.FriendlyName === 'vEthernet (Production)')).toMatchObject({ InterfaceIndex: 50, RssCapable: false });
  });
});

describe('Get-SmbConnection', () => {
  it("lists the share WEB01's files are open on, as the computer account, with dialect 3.02; a stopped VM closes them", () => {
    const e = newEngine();
    expect(ok(e, 'Get-SmbConnection').output).toEqual([
      { ServerName: 'FS01', ShareName: 'VMs', UserName: 'CONTOSO\\HV01$', Credential: 'CONTOSO\\HV01$', Dialect: '3.02', NumOpens: 2 },
    ]);
    expect(ok(e, 'Get-SmbConnection -ServerName FS02').output).toEqual([]);
    expect(ok(e, 'Get-SmbConnection -CimSession HV02').output).toEqual([]);
    ok(e, 'Stop-VM WEB01 -TurnOff -Force');
    expect(ok(e, 'Get-SmbConnection').output).toEqual([]);
  });

  it('a storage move to the share opens a connection while it copies', () => {
    const e = newEngine();
    ok(e, 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs\\DC01 -AsJob');
    e.advance(1000);
    const rows = ok(e, 'Get-SmbConnection -ServerName FS01').output as { NumOpens: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.NumOpens).toBe(3);
  });
});
