// NetAdapter, RDMA, NIC teaming and SMB bandwidth limits, run through the engine on the default
// world (each Hyper-V host: NIC1+NIC2 in Team1 under the "Production" switch, SMB1/SMB2 10 GbE iWARP).
// Every change also notifies the network layer (Engine.onNetworkChanged).
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/engine';
import { MB, host, newEngine, ok, refused, worldOf } from './helpers';

function watch(e: Engine): string[] {
  const hosts: string[] = [];
  e.onNetworkChanged((h) => hosts.push(h));
  return hosts;
}

describe('Get-NetAdapter', () => {
  it('lists the NICs, the team interface and the host vNIC with status, speed and team membership', () => {
    expect(ok(newEngine(), 'Get-NetAdapter').output).toEqual([
      {
        Name: 'NIC1',
        InterfaceDescription: 'Intel(R) I350 Gigabit Network Connection',
        ifIndex: 12,
        Status: 'Up',
        LinkSpeed: '1 Gbps',
        TeamName: 'Team1',
        PSComputerName: 'HV01',
      },
      {
        Name: 'NIC2',
        InterfaceDescription: 'Intel(R) I350 Gigabit Network Connection #2',
        ifIndex: 13,
        Status: 'Up',
        LinkSpeed: '1 Gbps',
        TeamName: 'Team1',
        PSComputerName: 'HV01',
      },
      { Name: 'SMB1', InterfaceDescription: 'Chelsio Network Adapter', ifIndex: 14, Status: 'Up', LinkSpeed: '10 Gbps', TeamName: '', PSComputerName: 'HV01' },
      {
        Name: 'SMB2',
        InterfaceDescription: 'Chelsio Network Adapter #2',
        ifIndex: 15,
        Status: 'Up',
        LinkSpeed: '10 Gbps',
        TeamName: '',
        PSComputerName: 'HV01',
      },
      {
        Name: 'Team1',
        InterfaceDescription: 'Microsoft Network Adapter Multiplexor Driver',
        ifIndex: 40,
        Status: 'Up',
        LinkSpeed: '2 Gbps',
        TeamName: '',
        PSComputerName: 'HV01',
      },
      {
        Name: 'vEthernet (Production)',
        InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter',
        ifIndex: 50,
        Status: 'Up',
        LinkSpeed: '2 Gbps',
        TeamName: '',
        PSComputerName: 'HV01',
      },
    ]);
  });

  it('filters by name (wildcards), description, -Physical and -CimSession', () => {
    const names = (text: string) => (ok(newEngine(), text).output as { Name: string; PSComputerName: string }[]).map((a) => `${a.PSComputerName}/${a.Name}`);
    expect(names('Get-NetAdapter SMB*')).toEqual(['HV01/SMB1', 'HV01/SMB2']);
    expect(names('Get-NetAdapter -InterfaceDescription *Multiplexor*')).toEqual(['HV01/Team1']);
    expect(names('Get-NetAdapter vEthernet*')).toEqual(['HV01/vEthernet (Production)']);
    expect(names('Get-NetAdapter -Physical -CimSession FS01')).toEqual(['FS01/MGMT', 'FS01/SMB1', 'FS01/SMB2']);
  });

  it('refuses a name that matches nothing, in the CIM words', () => {
    expect(refused(newEngine(), 'Get-NetAdapter SMB3').message).toBe(
      "No MSFT_NetAdapter objects found with property 'Name' equal to 'SMB3'.  Verify the value of the property and retry.",
    );
    expect(refused(newEngine(), 'Get-NetAdapter -CimSession HV09').code).toBe('NotFound');
  });
});

describe('Enable-NetAdapter / Disable-NetAdapter', () => {
  it('take a link down and up again, log it and notify the network layer', () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Disable-NetAdapter SMB1');
    expect(host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB1')!.linkUp).toBe(false);
    expect(ok(e, 'Get-NetAdapter SMB1').output).toEqual([expect.objectContaining({ Status: 'Disconnected', LinkSpeed: '0 bps' })]);
    expect(e.state().log.at(-1)).toMatchObject({ level: 'Warning', message: "Network adapter 'SMB1' on 'HV01' was disabled; link is down." });
    ok(e, 'Enable-NetAdapter SMB1 -CimSession HV01');
    expect(ok(e, 'Get-NetAdapter SMB1').output).toEqual([expect.objectContaining({ Status: 'Up', LinkSpeed: '10 Gbps' })]);
    expect(changed).toEqual(['HV01', 'HV01']);
  });

  it('a team loses capacity with a member, and reports itself degraded', () => {
    const e = newEngine();
    ok(e, 'Disable-NetAdapter NIC1');
    expect(ok(e, 'Get-NetAdapter Team1').output).toEqual([expect.objectContaining({ Status: 'Up', LinkSpeed: '1 Gbps' })]);
    expect(ok(e, 'Get-NetLbfoTeam').output).toEqual([expect.objectContaining({ Name: 'Team1', Status: 'Degraded' })]);
    ok(e, 'Disable-NetAdapter NIC2');
    expect(ok(e, 'Get-NetLbfoTeam Team1').output).toEqual([expect.objectContaining({ Status: 'Down' })]);
  });

  it('does nothing (no log, no notification) when the link is already so', () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Enable-NetAdapter SMB1');
    expect(changed).toEqual([]);
    expect(e.state().log).toEqual([]);
  });

  it('refuses an unknown adapter and a team interface, changing nothing', () => {
    const e = newEngine();
    const changed = watch(e);
    refused(e, 'Disable-NetAdapter SMB1,SMB9');
    expect(refused(e, 'Disable-NetAdapter Team1').message).toMatch(/'Team1' is a team interface/);
    expect(refused(e, "Disable-NetAdapter 'vEthernet (Production)'").message).toMatch(/is a host virtual network adapter/);
    expect(changed).toEqual([]);
  });
});

describe('RDMA', () => {
  it('lists only RDMA-capable adapters, enabled and operational', () => {
    expect(ok(newEngine(), 'Get-NetAdapterRdma').output).toEqual([
      {
        Name: 'SMB1',
        InterfaceDescription: 'Chelsio Network Adapter',
        Enabled: true,
        RdmaType: 'iWARP',
        Operational: true,
        OperationalReason: '',
        PSComputerName: 'HV01',
      },
      {
        Name: 'SMB2',
        InterfaceDescription: 'Chelsio Network Adapter #2',
        Enabled: true,
        RdmaType: 'iWARP',
        Operational: true,
        OperationalReason: '',
        PSComputerName: 'HV01',
      },
    ]);
    expect(refused(newEngine(), 'Get-NetAdapterRdma NIC1').message).toBe(
      "No MSFT_NetAdapterRdmaSettingData objects found with property 'Name' equal to 'NIC1'.  Verify the value of the property and retry.",
    );
  });

  it('disables and enables RDMA, notifying the network layer', () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Disable-NetAdapterRdma SMB2 -CimSession HV02');
    expect(host(worldOf(e), 'HV02').nics.find((n) => n.name === 'SMB2')!.rdma.enabled).toBe(false);
    expect(ok(e, 'Get-NetAdapterRdma SMB2 -CimSession HV02').output).toEqual([
      expect.objectContaining({ Enabled: false, Operational: false, OperationalReason: 'RDMA is disabled on the adapter.' }),
    ]);
    ok(e, 'Get-NetAdapter SMB2 -CimSession HV02 | Enable-NetAdapterRdma');
    expect(host(worldOf(e), 'HV02').nics.find((n) => n.name === 'SMB2')!.rdma.enabled).toBe(true);
    expect(changed).toEqual(['HV02', 'HV02']);
  });

  it('the trap: teaming RDMA adapters keeps RDMA Enabled but no longer Operational', () => {
    const e = newEngine();
    ok(e, 'New-NetLbfoTeam SMBTeam SMB1,SMB2');
    ok(e, 'Enable-NetAdapterRdma SMB*');
    expect(ok(e, 'Get-NetAdapterRdma SMB1').output).toEqual([
      expect.objectContaining({ Enabled: true, Operational: false, OperationalReason: "Teamed adapters do not support RDMA (member of team 'SMBTeam')." }),
    ]);
  });
});

describe('NIC teams', () => {
  it("creates a team: members, mode, load balancing, and the first member's address moves to it", () => {
    const e = newEngine();
    const changed = watch(e);
    const out = ok(e, 'New-NetLbfoTeam SMBTeam SMB1,SMB2 -TeamingMode LACP -LoadBalancingAlgorithm IPAddresses').output;
    expect(out).toEqual([
      {
        Name: 'SMBTeam',
        Members: ['SMB1', 'SMB2'],
        TeamNics: 'SMBTeam',
        TeamingMode: 'Lacp',
        LoadBalancingAlgorithm: 'TransportPorts',
        Status: 'Up',
        PSComputerName: 'HV01',
      },
    ]);
    const hv01 = host(worldOf(e), 'HV01');
    expect(hv01.teams.at(-1)).toEqual({
      name: 'SMBTeam',
      members: ['SMB1', 'SMB2'],
      mode: 'LACP',
      loadBalancing: 'AddressHash',
      ipAddress: '10.10.1.11',
      prefixLength: 24,
      memberAddresses: { SMB1: { ipAddress: '10.10.1.11', prefixLength: 24 }, SMB2: { ipAddress: '10.10.2.11', prefixLength: 24 } },
    });
    expect(hv01.nics.filter((n) => n.name.startsWith('SMB')).map((n) => n.ipAddress)).toEqual([undefined, undefined]);
    expect(ok(e, 'Get-NetAdapter SMBTeam').output).toEqual([
      expect.objectContaining({ LinkSpeed: '20 Gbps', InterfaceDescription: 'Microsoft Network Adapter Multiplexor Driver #2' }),
    ]);
    expect(changed).toEqual(['HV01']);

    ok(e, 'Get-NetLbfoTeam SMBTeam | Remove-NetLbfoTeam');
    const after = host(worldOf(e), 'HV01');
    expect(after.teams.map((t) => t.name)).toEqual(['Team1']);
    // Each member gets its own address back, so SMB Multichannel finds both RDMA adapters again.
    expect(after.nics.filter((n) => n.name.startsWith('SMB')).map((n) => n.ipAddress)).toEqual(['10.10.1.11', '10.10.2.11']);
    expect(changed).toEqual(['HV01', 'HV01']);
  });

  it('defaults to switch-independent, dynamic', () => {
    const e = newEngine();
    ok(e, 'New-NetLbfoTeam T2 -TeamMembers SMB1 -CimSession HV02');
    expect(host(worldOf(e), 'HV02').teams.at(-1)).toMatchObject({ mode: 'SwitchIndependent', loadBalancing: 'Dynamic' });
  });

  it.each([
    ['New-NetLbfoTeam T2 NIC1,SMB1', "Network adapter 'NIC1' is already a member of team 'Team1'."],
    ['New-NetLbfoTeam T2 SMB1,SMB7', "No MSFT_NetAdapter objects found with property 'Name' equal to 'SMB7'.  Verify the value of the property and retry."],
    ['New-NetLbfoTeam SMB1 SMB2', "A network adapter or team named 'SMB1' already exists on 'HV01'."],
    ['New-NetLbfoTeam T2 IB*', "Network adapter 'IB1' cannot be added to a team: InfiniBand adapters cannot be teamed."],
    ['New-NetLbfoTeam T2 VS1', "Network adapter 'VS1' is bound to the Hyper-V virtual switch 'Lab' and cannot be added to a team."],
    ['Remove-NetLbfoTeam Team1', "Team 'Team1' cannot be removed: the Hyper-V virtual switch 'Production' is bound to it."],
    ['Remove-NetLbfoTeam Nope', "No MSFT_NetLbfoTeam objects found with property 'Name' equal to 'Nope'.  Verify the value of the property and retry."],
  ])('%s is refused, changing nothing', (text, message) => {
    const e = newEngine((w) => {
      const hv01 = host(w, 'HV01');
      hv01.nics.push(
        { name: 'IB1', speedGbps: 56, medium: 'InfiniBand', rdma: { type: 'InfiniBand', enabled: true }, rssQueues: 8, linkUp: true, prefixLength: 24 },
        { name: 'VS1', speedGbps: 10, medium: 'Ethernet', rdma: { type: 'none', enabled: false }, rssQueues: 8, linkUp: true, prefixLength: 24 },
      );
      hv01.virtualSwitches.push({ name: 'Lab', type: 'External', adapter: 'VS1', allowManagementOS: false });
    });
    const changed = watch(e);
    expect(refused(e, text).message).toBe(message);
    expect(changed).toEqual([]);
  });
});

describe('SMB bandwidth limits', () => {
  it('sets, lists and removes a category limit, notifying the network layer', () => {
    const e = newEngine();
    const changed = watch(e);
    ok(e, 'Set-SmbBandwidthLimit -Category LiveMigration -BytesPerSecond 750MB');
    ok(e, 'Set-SmbBandwidthLimit -Category VirtualMachine -BytesPerSecond 1GB -CimSession HV02');
    expect(host(worldOf(e), 'HV01').smb.bandwidthLimits).toEqual({ LiveMigration: 750 * MB });
    expect(ok(e, 'Get-SmbBandwidthLimit').output).toEqual([{ Category: 'LiveMigration', BytesPerSecond: 750 * MB, PSComputerName: 'HV01' }]);
    expect(ok(e, 'Get-SmbBandwidthLimit Default')).toMatchObject({ output: [] });
    ok(e, 'Remove-SmbBandwidthLimit -CimSession HV01,HV02');
    expect(host(worldOf(e), 'HV01').smb.bandwidthLimits).toEqual({});
    expect(host(worldOf(e), 'HV02').smb.bandwidthLimits).toEqual({});
    expect(changed).toEqual(['HV01', 'HV02', 'HV01', 'HV02']);
  });

  it('refuses less than 1 MB/s from a hand-built command object too, changing nothing', () => {
    const e = newEngine();
    const before = e.state();
    const r = e.invoke({ cmdlet: 'Set-SmbBandwidthLimit', params: { Category: 'Default', BytesPerSecond: 1000 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/The 1000 argument is less than the minimum allowed range of 1048576/);
    expect(e.state()).toEqual(before);
  });
});
