// Get-VMMemory, Rename-NetAdapter, Get-/Set-NetAdapterAdvancedProperty, Get-NetAdapterRss,
// Get-NetIPAddress and Test-Connection on the default world, with their effect on the network
// model and refusals that change nothing.
import { describe, expect, it } from 'vitest';
import { planTransfer } from '../../../engine/net/transfer-planner';
import { GB, host, newEngine, ok, parseError, refused, worldOf } from './helpers';

describe('Get-VMMemory', () => {
  it("shows a VM's memory settings; an unknown VM is refused in Hyper-V's words", () => {
    const e = newEngine();
    expect(ok(e, 'Get-VMMemory -VMName SQL01').output).toEqual([
      { VMName: 'SQL01', ComputerName: 'HV01', DynamicMemoryEnabled: true, Startup: 8 * GB, Minimum: 4 * GB, Maximum: 32 * GB, Buffer: 20, Priority: 80 },
    ]);
    ok(e, 'Set-VMMemory WEB01 -Buffer 30');
    expect(ok(e, 'Get-VMMemory WEB*').output).toEqual([expect.objectContaining({ VMName: 'WEB01', Buffer: 30 })]);
    expect(refused(e, 'Get-VMMemory NOPE').message).toBe('Hyper-V was unable to find a virtual machine with name "NOPE".');
  });
});

describe('Get-/Set-NetAdapterAdvancedProperty', () => {
  it('lists Jumbo Packet, RSS queues and NetworkDirect with their valid values', () => {
    const rows = ok(newEngine(), 'Get-NetAdapterAdvancedProperty -Name SMB1').output as {
      DisplayName: string;
      DisplayValue: string;
      ValidDisplayValues: string[];
    }[];
    expect(rows.map((r) => [r.DisplayName, r.DisplayValue])).toEqual([
      ['Jumbo Packet', 'Disabled'],
      ['Maximum Number of RSS Queues', '8 Queues'],
      ['NetworkDirect Functionality', 'Enabled'],
    ]);
    expect(rows[0]!.ValidDisplayValues).toEqual(['Disabled', '4088 Bytes', '9014 Bytes']);
    // No NetworkDirect on a plain 1 GbE adapter.
    expect(ok(newEngine(), 'Get-NetAdapterAdvancedProperty NIC1').output).toHaveLength(2);
  });

  it('jumbo frames at both ends cut the wire bytes per payload byte of TCP paths by the framing arithmetic; one end alone changes nothing', () => {
    const wireCost = (setup: string[], kind: 'LiveMigrationTcp' | 'SmbFileCopy') => {
      const e = newEngine();
      for (const line of setup) ok(e, line);
      if (kind === 'SmbFileCopy') ok(e, 'Disable-NetAdapterRdma SMB*');
      const r = planTransfer(worldOf(e), { id: 't', kind, source: { host: 'HV01' }, destination: { host: kind === 'SmbFileCopy' ? 'FS01' : 'HV02' } });
      if (!r.ok) throw new Error(r.reason);
      return r.plan.paths[0]!.uses.find((u) => u.resource.includes('SMB'))!.perByte;
    };
    const on = (cim: string) => `Set-NetAdapterAdvancedProperty -Name SMB* -DisplayName "Jumbo Packet" -DisplayValue "9014 Bytes" -CimSession ${cim}`;
    for (const kind of ['LiveMigrationTcp', 'SmbFileCopy'] as const) {
      const plain = wireCost([], kind);
      const far = kind === 'SmbFileCopy' ? 'FS01' : 'HV02';
      expect(wireCost([on('HV01')], kind)).toBe(plain);
      // (1460/1538) / (8960/9038): 4.4 % fewer bytes on the wire per byte carried.
      expect(plain / wireCost([on('HV01'), on(far)], kind)).toBeCloseTo(8960 / 9038 / (1460 / 1538), 6);
    }
  });

  it('*NumRssQueues 1 makes the adapter non-RSS for SMB; *NetworkDirect Disabled turns RDMA off', () => {
    const e = newEngine();
    ok(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -DisplayName "Maximum Number of RSS Queues" -DisplayValue "1 Queue"');
    expect(host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB1')!.rssQueues).toBe(1);
    ok(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -RegistryKeyword *NetworkDirect -RegistryValue 0');
    expect(host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB1')!.rdma.enabled).toBe(false);
    const ifaces = ok(e, 'Get-SmbClientNetworkInterface').output as { FriendlyName: string; RssCapable: boolean; RdmaCapable: boolean }[];
    expect(ifaces.find((i) => i.FriendlyName === 'SMB1')).toMatchObject({ RssCapable: false, RdmaCapable: false });
  });

  it('refuses a value the driver does not list, an unknown property and a team interface, naming what is wrong; nothing changes', () => {
    const e = newEngine();
    const bad = refused(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -DisplayName "Jumbo Packet" -DisplayValue "9000 Bytes"');
    expect(bad.message).toBe('No matching keyword value found. The following are valid keyword values: Disabled, 4088 Bytes, 9014 Bytes');
    expect(bad.parameter).toBe('DisplayValue');
    expect(refused(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -RegistryKeyword *JumboPacket -RegistryValue 9000').parameter).toBe('RegistryValue');
    expect(refused(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -DisplayName "Speed & Duplex" -DisplayValue Auto').code).toBe('NotFound');
    expect(refused(e, 'Set-NetAdapterAdvancedProperty -Name Team1 -DisplayName "Jumbo Packet" -DisplayValue "9014 Bytes"').parameter).toBe('Name');
    expect(refused(e, 'Set-NetAdapterAdvancedProperty -Name SMB1 -DisplayName "Jumbo Packet"').parameter).toBe('DisplayValue');
  });
});

describe('Get-NetAdapterRss', () => {
  it('shows RSS on with the queues of each physical adapter', () => {
    const rows = ok(newEngine(), 'Get-NetAdapterRss').output as { Name: string; Enabled: boolean; NumberOfReceiveQueues: number }[];
    expect(rows.map((r) => [r.Name, r.Enabled, r.NumberOfReceiveQueues])).toEqual([
      ['NIC1', true, 4],
      ['NIC2', true, 4],
      ['SMB1', true, 8],
      ['SMB2', true, 8],
    ]);
  });
});

describe('Rename-NetAdapter', () => {
  it('renames a team member and an SMB adapter; the team, the SMB constraint and moves follow', () => {
    const e = newEngine();
    ok(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB2 -Force');
    ok(e, 'Rename-NetAdapter -Name NIC1 -NewName Mgmt-A');
    ok(e, 'Rename-NetAdapter SMB2 Storage2');
    const hv01 = host(worldOf(e), 'HV01');
    expect(hv01.nics.map((n) => n.name)).toEqual(['Mgmt-A', 'NIC2', 'SMB1', 'Storage2']);
    expect(hv01.teams[0]!.members).toEqual(['Mgmt-A', 'NIC2']);
    expect(hv01.smb.constraints).toEqual({ FS01: ['Storage2'] });
    const mc = ok(e, 'Get-SmbMultichannelConnection -ServerName FS01').output as { ClientInterfaceFriendlyName: string }[];
    expect(mc.map((c) => c.ClientInterfaceFriendlyName)).toEqual(['Storage2']);
  });

  it('refuses a name in use, a team interface and a name that matches nothing; nothing changes', () => {
    const e = newEngine();
    expect(refused(e, 'Rename-NetAdapter SMB1 SMB2').message).toBe(
      '{Object Exists} An attempt was made to create an object and the object name already existed.',
    );
    expect(refused(e, 'Rename-NetAdapter Team1 Team2').parameter).toBe('Name');
    expect(refused(e, 'Rename-NetAdapter SMB9 X').code).toBe('NotFound');
    expect(parseError('Rename-NetAdapter SMB1').message).toBe('Cannot process command because of one or more missing mandatory parameters: NewName.');
  });
});

describe('Get-NetIPAddress', () => {
  it("lists the interfaces' addresses and the loopback; filters by family, alias and index", () => {
    const e = newEngine();
    const rows = ok(e, 'Get-NetIPAddress -AddressFamily IPv4').output as {
      IPAddress: string;
      InterfaceAlias: string;
      InterfaceIndex: number;
      PrefixLength: number;
    }[];
    expect(rows.map((r) => [r.IPAddress, r.InterfaceAlias, r.InterfaceIndex, r.PrefixLength])).toEqual([
      ['10.10.1.11', 'SMB1', 14, 24],
      ['10.10.2.11', 'SMB2', 15, 24],
      ['192.168.1.11', 'vEthernet (Production)', 50, 24],
      ['127.0.0.1', 'Loopback Pseudo-Interface 1', 1, 8],
    ]);
    expect(ok(e, 'Get-NetIPAddress -InterfaceAlias SMB2 -CimSession FS01').output).toEqual([
      expect.objectContaining({ IPAddress: '10.10.2.20', InterfaceIndex: 14 }),
    ]);
    expect(refused(e, 'Get-NetIPAddress -IPAddress 10.9.9.9').code).toBe('NotFound');
  });
});

describe('Test-Connection', () => {
  it('pings a computer over a network both see; -Quiet says $false when none connects them', () => {
    const e = newEngine();
    const rows = ok(e, 'Test-Connection FS01 -Count 2').output as { Source: string; Destination: string; IPV4Address: string; BufferSize: number }[];
    expect(rows).toEqual([
      { Source: 'HV01', Destination: 'FS01', IPV4Address: '192.168.1.20', IPV6Address: '', BufferSize: 32, ResponseTime: 0, StatusCode: 0 },
      { Source: 'HV01', Destination: 'FS01', IPV4Address: '192.168.1.20', IPV6Address: '', BufferSize: 32, ResponseTime: 0, StatusCode: 0 },
    ]);
    expect(ok(e, 'Test-Connection 10.10.2.20 -Source HV02 -Quiet').output).toEqual([true]);
    ok(e, 'Disable-NetAdapter SMB*');
    // Management still reaches FS01 (192.168.1.0/24), not its SMB2 address.
    expect(ok(e, 'Test-Connection 10.10.2.20 -Quiet').output).toEqual([false]);
    expect(ok(e, 'Test-Connection FS01 -Count 1').output).toEqual([expect.objectContaining({ IPV4Address: '192.168.1.20' })]);
    expect(refused(e, 'Test-Connection 10.10.2.20').message).toBe("Testing connection to computer '10.10.2.20' failed: Error due to lack of resources");
    expect(refused(e, 'Test-Connection NOPE').message).toBe("Testing connection to computer 'NOPE' failed: Error due to lack of resources");
    expect(parseError('Test-Connection FS01 -Count 0').parameter).toBe('Count');
  });
});
