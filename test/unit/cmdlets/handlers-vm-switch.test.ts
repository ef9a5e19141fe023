// Virtual switches and virtual network adapters, run through the engine on the default world (each
// Hyper-V host: NIC1+NIC2 in Team1 under the External switch "Production", SMB1/SMB2 10 GbE iWARP
// with 10.10.1.x / 10.10.2.x). The trap these cmdlets teach: an External switch over an RDMA
// adapter hides it behind "vEthernet (<switch>)", which is not RDMA-capable in 2012 R2 (Microsoft
// Learn, "Remote Direct Memory Access (RDMA) and Switch Embedded Teaming (SET)").
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/engine';
import { host, newEngine, ok, parseError, refused, vm, worldOf } from './helpers';

function watch(e: Engine): string[] {
  const hosts: string[] = [];
  e.onNetworkChanged((h) => hosts.push(h));
  return hosts;
}

const names = (out: unknown[]) => (out as { Name: string }[]).map((o) => o.Name);

describe('Get-VMSwitch', () => {
  it('lists the switches of the host with their type, adapter and management OS sharing', () => {
    expect(ok(newEngine(), 'Get-VMSwitch').output).toEqual([
      {
        Name: 'Production',
        SwitchType: 'External',
        NetAdapterInterfaceDescription: 'Microsoft Network Adapter Multiplexor Driver',
        NetAdapterName: 'Team1',
        AllowManagementOS: true,
        ManagementOSVlanId: 0,
        Notes: '',
        ComputerName: 'HV01',
      },
    ]);
    expect(names(ok(newEngine(), 'Get-VMSwitch -ComputerName HV01,HV02').output)).toEqual(['Production', 'Production']);
    expect(names(ok(newEngine(), 'Get-VMSwitch P*').output)).toEqual(['Production']);
    expect(ok(newEngine(), 'Get-VMSwitch -SwitchType Internal').output).toEqual([]);
  });

  it('refuses a switch name that matches nothing, naming the switches there', () => {
    const err = refused(newEngine(), 'Get-VMSwitch Backbone');
    expect(err).toMatchObject({
      code: 'NotFound',
      message: 'Hyper-V was unable to find a virtual switch with name "Backbone".',
      fix: 'Virtual switches on HV01: Production.',
    });
  });
});

describe('New-VMSwitch', () => {
  it('an External switch over an RDMA adapter: vEthernet takes its address, RDMA is no longer operational, and the cmdlet warns', () => {
    const e = newEngine();
    const changed = watch(e);
    const r = ok(e, 'New-VMSwitch -Name Storage -NetAdapterName SMB1');
    expect(r.output).toEqual([
      expect.objectContaining({
        Name: 'Storage',
        SwitchType: 'External',
        NetAdapterName: 'SMB1',
        NetAdapterInterfaceDescription: 'Chelsio Network Adapter',
        AllowManagementOS: true,
      }),
    ]);
    expect(r.warnings).toEqual([
      "'SMB1' is an RDMA adapter (iWARP). In Windows Server 2012 R2 RDMA is not available through a Hyper-V virtual switch, so once the switch 'Storage' is bound to it the host's traffic on it goes through 'vEthernet (Storage)', which is not RDMA-capable: SMB Direct stops using it and SMB (storage on file shares, live migration over SMB) falls back to TCP/IP. Keep RDMA adapters outside virtual switches and let SMB Multichannel use them directly.",
    ]);
    expect(changed).toEqual(['HV01']);
    expect(ok(e, 'Get-NetAdapterRdma SMB1').output).toEqual([
      expect.objectContaining({
        Enabled: true,
        Operational: false,
        OperationalReason: "RDMA is not available through a Hyper-V virtual switch in Windows Server 2012 R2 (bound to 'Storage').",
      }),
    ]);
    const smb = ok(e, 'Get-SmbClientNetworkInterface').output as { FriendlyName: string; RdmaCapable: boolean; IpAddresses: string[] }[];
    expect(smb.find((i) => i.FriendlyName === 'vEthernet (Storage)')).toMatchObject({ RdmaCapable: false });
    expect(smb.find((i) => i.FriendlyName === 'SMB2')).toMatchObject({ RdmaCapable: true });
    expect(smb.some((i) => i.FriendlyName === 'SMB1')).toBe(false);
    expect(ok(e, 'Get-VMNetworkAdapter -ManagementOS -Name Storage').output).toEqual([
      expect.objectContaining({ Name: 'Storage', IsManagementOs: true, SwitchName: 'Storage', IPAddresses: ['10.10.1.11'] }),
    ]);
    expect(e.state().log.at(-1)).toMatchObject({
      message: "Virtual switch 'Storage' created on 'HV01' (External on 'SMB1', shared with the management operating system as 'vEthernet (Storage)').",
    });
  });

  it('warns for a team of RDMA adapters too', () => {
    const e = newEngine();
    ok(e, 'New-NetLbfoTeam RdmaTeam SMB1,SMB2');
    const r = ok(e, 'New-VMSwitch Converged -NetAdapterName RdmaTeam');
    expect(r.warnings[0]).toMatch(
      /^The team 'RdmaTeam' is made of RDMA adapters \(SMB1, SMB2\)\. In Windows Server 2012 R2 RDMA is not available through a Hyper-V virtual switch/,
    );
  });

  it('gives no warning for an adapter without RDMA, and binds by interface description', () => {
    const e = newEngine((w) => {
      host(w, 'HV01').nics.push({
        name: 'NIC3',
        speedGbps: 10,
        medium: 'Ethernet',
        rdma: { type: 'none', enabled: false },
        rssQueues: 8,
        linkUp: true,
        prefixLength: 24,
      });
    });
    const r = ok(e, "New-VMSwitch Lab -NetAdapterInterfaceDescription 'Intel(R) Ethernet 10G 2P X520 Adapter'");
    expect(r.warnings).toEqual([]);
    expect(host(worldOf(e), 'HV01').virtualSwitches.at(-1)).toMatchObject({ name: 'Lab', type: 'External', adapter: 'NIC3', allowManagementOS: true });
  });

  it("-AllowManagementOS $false takes the adapter's address from the host; removing the switch gives it back", () => {
    const e = newEngine();
    const r = ok(e, 'New-VMSwitch VMsOnly -NetAdapterName SMB2 -AllowManagementOS $false');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/the host can no longer use it at all: SMB Direct loses it/);
    expect(r.warnings[1]).toBe(
      "'SMB2' on 'HV01' is no longer shared with the management operating system: the host loses its address 10.10.2.11 there until the switch shares it again or is removed.",
    );
    const w = worldOf(e);
    expect(host(w, 'HV01').nics.find((n) => n.name === 'SMB2')!.ipAddress).toBeUndefined();
    expect(ok(e, 'Get-VMNetworkAdapter -ManagementOS').output).toHaveLength(1);
    ok(e, 'Remove-VMSwitch VMsOnly -Force');
    expect(host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB2')!.ipAddress).toBe('10.10.2.11');
  });

  it('Internal and Private switches: a host vNIC for Internal only', () => {
    const e = newEngine();
    ok(e, 'New-VMSwitch Inside -SwitchType Internal');
    ok(e, 'New-VMSwitch Isolated -SwitchType Private');
    expect(ok(e, 'Get-VMSwitch -SwitchType Internal,Private').output).toEqual([
      expect.objectContaining({ Name: 'Inside', SwitchType: 'Internal', AllowManagementOS: true, NetAdapterName: '' }),
      expect.objectContaining({ Name: 'Isolated', SwitchType: 'Private', AllowManagementOS: false, NetAdapterName: '' }),
    ]);
    expect(names(ok(e, 'Get-VMNetworkAdapter -ManagementOS').output)).toEqual(['Production', 'Inside']);
    expect(names(ok(e, 'Get-NetAdapter vEthernet*').output)).toEqual(['vEthernet (Production)', 'vEthernet (Inside)']);
  });

  it('refuses what Hyper-V refuses, changing nothing', () => {
    const e = newEngine();
    const changed = watch(e);
    expect(refused(e, 'New-VMSwitch Again -NetAdapterName Team1').message).toBe(
      "Failed while adding virtual Ethernet switch connections. External Ethernet adapter 'Microsoft Network Adapter Multiplexor Driver' is already bound to the Microsoft Virtual Switch protocol.",
    );
    expect(refused(e, 'New-VMSwitch Member -NetAdapterName NIC1')).toMatchObject({
      message:
        "Failed while adding virtual Ethernet switch connections. Network adapter 'NIC1' is a member of team 'Team1'; bind the switch to the team interface 'Team1' instead.",
      parameter: 'NetAdapterName',
    });
    expect(refused(e, 'New-VMSwitch Nowhere -NetAdapterName SMB9')).toMatchObject({
      code: 'NotFound',
      message: "No MSFT_NetAdapter objects found with property 'Name' equal to 'SMB9'.  Verify the value of the property and retry.",
    });
    expect(refused(e, "New-VMSwitch Nested -NetAdapterName 'vEthernet (Production)'").message).toMatch(/is a Hyper-V virtual network adapter/);
    expect(refused(e, 'New-VMSwitch production -SwitchType Private').message).toBe("A virtual switch named 'Production' already exists on 'HV01'.");
    expect(refused(e, 'New-VMSwitch Two -NetAdapterName SMB1 -ComputerName HV01,HV09').code).toBe('NotFound');
    // External comes from -NetAdapterName, as documented: -SwitchType takes Internal or Private only.
    expect(parseError('New-VMSwitch Wrong -SwitchType External').message).toMatch(
      /Specify one of the following enumerator names and try again: Internal, Private/,
    );
    expect(changed).toEqual([]);
  });
});

describe('Set-VMSwitch, Rename-VMSwitch, Remove-VMSwitch', () => {
  it('stops sharing, shares again, rebinds and converts, keeping the host address with the adapter', () => {
    const e = newEngine();
    ok(e, 'New-VMSwitch S -NetAdapterName SMB1');
    const nic = () => host(worldOf(e), 'HV01').nics.find((n) => n.name === 'SMB1')!;
    ok(e, 'Set-VMSwitch S -AllowManagementOS $false');
    expect(nic().ipAddress).toBeUndefined();
    const again = ok(e, 'Set-VMSwitch S -AllowManagementOS $true');
    expect(nic().ipAddress).toBe('10.10.1.11');
    expect(again.warnings[0]).toMatch(/^'SMB1' is an RDMA adapter \(iWARP\)/);
    ok(e, 'Set-VMSwitch S -SwitchType Private');
    expect(host(worldOf(e), 'HV01').virtualSwitches.at(-1)).toEqual({ name: 'S', type: 'Private', allowManagementOS: false });
    expect(ok(e, 'Get-NetAdapterRdma SMB1').output).toEqual([expect.objectContaining({ Operational: true })]);
    const bound = ok(e, 'Set-VMSwitch S -NetAdapterName SMB2 -Passthru');
    expect(bound.output).toEqual([expect.objectContaining({ SwitchType: 'External', NetAdapterName: 'SMB2' })]);
    expect(bound.warnings).toHaveLength(1);
    expect(refused(e, 'Set-VMSwitch S -NetAdapterName Team1').message).toMatch(/already bound to the Microsoft Virtual Switch protocol/);
    expect(refused(e, 'Set-VMSwitch S -SwitchType Internal -AllowManagementOS $false').parameter).toBe('AllowManagementOS');
  });

  it('renaming keeps the connected adapters connected; removing disconnects them and says so', () => {
    const e = newEngine();
    ok(e, 'Rename-VMSwitch Production Front');
    expect(vm(worldOf(e), 'DC01').networkAdapters[0]!.switchName).toBe('Front');
    expect(ok(e, 'Get-VMNetworkAdapter DC01').output).toEqual([expect.objectContaining({ SwitchName: 'Front', VMName: 'DC01', IsManagementOs: false })]);
    expect(vm(worldOf(e), 'APP01').networkAdapters[0]!.switchName).toBe('Production'); // HV02's switch is another one
    const r = ok(e, 'Remove-VMSwitch Front -Force');
    expect(r.warnings).toEqual([
      "These virtual network adapters were connected to 'Front' and are now not connected: DC01/Network Adapter, SQL01/Network Adapter, WEB01/Network Adapter.",
    ]);
    expect(vm(worldOf(e), 'DC01').networkAdapters[0]!.switchName).toBeUndefined();
    expect(host(worldOf(e), 'HV01').virtualSwitches).toEqual([]);
    // The team's address is the host's again, on the team interface.
    expect(names(ok(e, 'Get-NetAdapter Team1').output)).toEqual(['Team1']);
    expect(ok(e, 'Get-VMSwitch').output).toEqual([]);
  });

  it('pipes from Get-VMSwitch', () => {
    const e = newEngine();
    ok(e, 'New-VMSwitch Old -SwitchType Private');
    ok(e, 'Get-VMSwitch Old | Remove-VMSwitch -Force');
    expect(names(ok(e, 'Get-VMSwitch').output)).toEqual(['Production']);
  });
});

describe('VM network adapters', () => {
  it("connect to a switch of the VM's host, disconnect, and live migration then needs no switch on the destination", () => {
    const e = newEngine();
    ok(e, 'New-VMSwitch Lab -SwitchType Private');
    ok(e, 'Connect-VMNetworkAdapter -VMName WEB01 -SwitchName Lab');
    expect(vm(worldOf(e), 'WEB01').networkAdapters[0]!.switchName).toBe('Lab');
    // HV02 has no switch "Lab": the move's pre-check says so, with the fix that now exists.
    const blocked = refused(e, 'Move-VM WEB01 HV02');
    expect(blocked.message).toContain("Could not find Ethernet switch 'Lab'.");
    ok(e, 'Disconnect-VMNetworkAdapter WEB01');
    expect(vm(worldOf(e), 'WEB01').networkAdapters[0]!.switchName).toBeUndefined();
    expect(ok(e, 'Get-VMNetworkAdapter WEB01').output).toEqual([expect.objectContaining({ SwitchName: '', Connected: false })]);
    ok(e, 'Move-VM WEB01 HV02');
  });

  it("refuses a switch that is not on the VM's host, and an adapter name that matches nothing", () => {
    const e = newEngine();
    expect(refused(e, 'Connect-VMNetworkAdapter WEB01 -SwitchName Nope')).toMatchObject({
      parameter: 'SwitchName',
      message: 'Hyper-V was unable to find a virtual switch with name "Nope".',
    });
    expect(refused(e, "Connect-VMNetworkAdapter WEB01 -Name 'Legacy Adapter' -SwitchName Production").message).toBe(
      "'WEB01' has no network adapter named 'Legacy Adapter'.",
    );
  });

  it("gives each adapter a stable MAC address from the host's range, which Set-VMHost changes", () => {
    const e = newEngine();
    expect(ok(e, 'Get-VMHost').output).toEqual([expect.objectContaining({ MacAddressMinimum: '00155D010B00', MacAddressMaximum: '00155D010BFF' })]);
    const mac = () => (ok(e, 'Get-VMNetworkAdapter DC01').output as { MacAddress: string }[])[0]!.MacAddress;
    expect(mac()).toMatch(/^00155D010B[0-9A-F]{2}$/);
    expect(mac()).toBe(mac());
    ok(e, 'Set-VMHost -MacAddressMinimum 00-15-5D-20-00-00 -MacAddressMaximum 00155D2000FF');
    expect(mac()).toMatch(/^00155D2000[0-9A-F]{2}$/);
    expect(refused(e, 'Set-VMHost -MacAddressMinimum 00155D2001FF').message).toBe(
      "The MAC address range 00-15-5D-20-01-FF to 00-15-5D-20-00-FF of 'HV01' cannot be used. The minimum MAC address must not be greater than the maximum.",
    );
    expect(refused(e, 'Set-VMHost -MacAddressMaximum 12345').message).toBe("'12345' is not a valid MAC address.");
  });

  it('VLANs: the management OS adapter of a switch and a VM adapter, access or untagged', () => {
    const e = newEngine();
    ok(e, 'Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName Production -Access -VlanId 20');
    expect(host(worldOf(e), 'HV01').virtualSwitches[0]!.managementVlanId).toBe(20);
    expect(ok(e, 'Get-VMNetworkAdapterVlan -ManagementOS').output).toEqual([
      expect.objectContaining({ VMNetworkAdapterName: 'Production', OperationMode: 'Access', AccessVlanId: 20 }),
    ]);
    ok(e, 'Set-VMNetworkAdapterVlan DC01 -Access -VlanId 30');
    expect(vm(worldOf(e), 'DC01').networkAdapters[0]!.vlanId).toBe(30);
    ok(e, 'Set-VMNetworkAdapterVlan DC01 -Untagged');
    expect(vm(worldOf(e), 'DC01').networkAdapters[0]!.vlanId).toBeUndefined();
    expect(refused(e, 'Set-VMNetworkAdapterVlan DC01 -Access').message).toBe('-Access needs -VlanId: the VLAN, 1 to 4094.');
    expect(parseError('Set-VMNetworkAdapterVlan DC01 -Access -VlanId 4095').parameter).toBe('VlanId');
    expect(refused(e, 'Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName Nope -Access -VlanId 2').code).toBe('NotFound');
  });

  it('a host vNIC on another VLAN no longer reaches untagged peers: SMB loses that path', () => {
    const e = newEngine();
    ok(e, 'New-VMSwitch Storage -NetAdapterName SMB1');
    const before = (ok(e, 'Get-SmbMultichannelConnection -ServerName FS01 -IncludeNotSelected').output as { ClientInterfaceIndex: number }[]).length;
    ok(e, 'Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName Storage -Access -VlanId 7');
    const after = ok(e, 'Get-SmbMultichannelConnection -ServerName FS01 -IncludeNotSelected').output.length;
    expect(after).toBeLessThan(before);
  });
});
