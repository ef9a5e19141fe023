// The one formatter against 2012 R2 transcripts, written out from the documentation (Microsoft
// Learn, Get-VM, Get-VMHost, Get-Job and Measure-Object example outputs) with this lab's values.
import { describe, expect, it } from 'vitest';
import { formatForHost } from '../../../engine/common/ps-format';

const vm = (Name: string, State: string, CPUUsage: number, MB: number, Uptime: number) => ({
  typeName: 'Microsoft.HyperV.PowerShell.VirtualMachine',
  properties: { Name, State, CPUUsage, MemoryAssigned: MB * 1024 * 1024, Uptime, Status: 'Operating normally', ComputerName: 'HV01' },
});

describe('default views, as Windows Server 2012 R2 prints them', () => {
  it('Get-VM: Name State CPUUsage(%) MemoryAssigned(M) Uptime Status, left-aligned, uptime as hh:mm:ss', () => {
    const text = formatForHost([vm('DC01', 'Running', 3, 2048, 3_723_000), vm('TEST01', 'Off', 0, 0, 0)], 120).join('\n');
    expect(text).toBe(
      [
        '',
        'Name   State   CPUUsage(%) MemoryAssigned(M) Uptime   Status',
        '----   -----   ----------- ----------------- ------   ------',
        'DC01   Running 3           2048              01:02:03 Operating normally',
        'TEST01 Off     0           0                 00:00:00 Operating normally',
        '',
      ].join('\n'),
    );
  });

  it("Get-Job: the job view's fixed column widths", () => {
    const job = { Id: 1, Name: 'Job1', PSJobTypeName: 'BackgroundJob', State: 'Running', HasMoreData: false, Location: 'HV01', Command: 'Move-VM WEB01 HV02' };
    expect(formatForHost([{ typeName: 'System.Management.Automation.Job', properties: job }], 120)).toEqual([
      '',
      'Id     Name            PSJobTypeName   State         HasMoreData     Location             Command',
      '--     ----            -------------   -----         -----------     --------             -------',
      '1      Job1            BackgroundJob   Running       False           HV01                 Move-VM WEB01 HV02',
      '',
    ]);
  });

  it('an object without a view: a table up to 4 properties, a list from 5; Format-List pads names', () => {
    const small = { typeName: 'X', properties: { A: 1, B: 'two' } };
    expect(formatForHost([small])).toEqual(['', 'A B', '- -', '1 two', '']);
    const big = { typeName: 'Y', properties: { Alpha: 1, B: 2, C: 3, D: [1, 2, 3, 4, 5], E: true } };
    expect(formatForHost([big])).toEqual(['', 'Alpha : 1', 'B     : 2', 'C     : 3', 'D     : {1, 2, 3, 4...}', 'E     : True', '']);
  });

  it('cuts cells that do not fit with "..." and keeps the table within the width', () => {
    const rows = [{ typeName: 'Z', properties: { Name: 'N', Path: `C:\\${'x'.repeat(200)}` } }];
    const lines = formatForHost(rows, 60);
    for (const l of lines) expect(l.length).toBeLessThan(60);
    expect(lines[3]).toMatch(/\.\.\.$/);
  });
});

describe('more 2012 R2 views (transcripts written out from the Microsoft Learn examples, with this lab’s values)', () => {
  const smb = 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/';
  const share = (Name: string, Path: string, Description: string) => ({
    typeName: `${smb}MSFT_SmbShare`,
    properties: { Name, ScopeName: '*', Path, Description, ShareState: 'Online', PSComputerName: 'FS01' },
  });

  it('Get-SmbShare: the view gives no widths, so 4 columns share 120 characters (29 each) and a long description ends in "..."', () => {
    const lines = formatForHost(
      [share('ADMIN$', 'C:\\Windows', 'Remote Admin'), share('ClusterStorage$', 'C:\\ClusterStorage', 'Cluster Shared Volumes Default Share')],
      120,
    );
    expect(lines).toEqual([
      '',
      `${'Name'.padEnd(29)} ${'ScopeName'.padEnd(29)} ${'Path'.padEnd(29)} Description`,
      `${'----'.padEnd(29)} ${'---------'.padEnd(29)} ${'----'.padEnd(29)} -----------`,
      `${'ADMIN$'.padEnd(29)} ${'*'.padEnd(29)} ${'C:\\Windows'.padEnd(29)} Remote Admin`,
      `${'ClusterStorage$'.padEnd(29)} ${'*'.padEnd(29)} ${'C:\\ClusterStorage'.padEnd(29)} Cluster Shared Volumes Def...`,
      '',
    ]);
  });

  it('Get-NetAdapter: the view cuts names at 25 and descriptions at 39 characters, ifIndex and LinkSpeed right-aligned', () => {
    const nic = {
      typeName: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter',
      properties: {
        Name: 'vEthernet (Default Switch)',
        InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter #2 for the lab',
        ifIndex: 52,
        Status: 'Up',
        MacAddress: '00-15-5D-01-0A-05',
        LinkSpeed: '10 Gbps',
      },
    };
    const [, header, , row] = formatForHost([nic], 120);
    expect(header).toBe('Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed');
    expect(row).toBe('vEthernet (Default Swi... Hyper-V Virtual Ethernet Adapter #2 ...      52 Up           00-15-5D-01-0A-05        10 Gbps');
  });

  it('Get-NetLbfoTeam and Get-NetLbfoTeamMember print lists of their view, without PSComputerName; Format-List * shows it', () => {
    const team = {
      typeName: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetLbfoTeam',
      properties: {
        Name: 'Team1',
        Members: ['NIC1', 'NIC2'],
        TeamNics: 'Team1',
        TeamingMode: 'SwitchIndependent',
        LoadBalancingAlgorithm: 'Dynamic',
        Status: 'Up',
        PSComputerName: 'HV01',
      },
    };
    expect(formatForHost([team])).toEqual([
      '',
      'Name                   : Team1',
      'Members                : {NIC1, NIC2}',
      'TeamNics               : Team1',
      'TeamingMode            : SwitchIndependent',
      'LoadBalancingAlgorithm : Dynamic',
      'Status                 : Up',
      '',
    ]);
    expect(formatForHost([team], 120, { view: 'list', allProperties: true })).toContain('PSComputerName         : HV01');
    const member = {
      typeName: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetLbfoTeamMember',
      properties: {
        Name: 'NIC2',
        InterfaceDescription: 'Intel(R) Ethernet Server Adapter I350 #2',
        Team: 'Team1',
        AdministrativeMode: 'Standby',
        OperationalStatus: 'Standby',
        TransmitLinkSpeed: 1e9,
        ReceiveLinkSpeed: 1e9,
        FailureReason: 'NoFailure',
        PSComputerName: 'HV01',
      },
    };
    expect(formatForHost([member])).toEqual([
      '',
      'Name                    : NIC2',
      'InterfaceDescription    : Intel(R) Ethernet Server Adapter I350 #2',
      'Team                    : Team1',
      'AdministrativeMode      : Standby',
      'OperationalStatus       : Standby',
      'TransmitLinkSpeed(Gbps) : 1',
      'ReceiveLinkSpeed(Gbps)  : 1',
      'FailureReason           : NoFailure',
      '',
    ]);
  });

  it('Get-VMMemory shows megabytes; Get-SmbClientNetworkInterface its speed in Gbps; Get-Service its fixed widths', () => {
    const mem = {
      typeName: 'Microsoft.HyperV.PowerShell.VMMemory',
      properties: { VMName: 'SQL01', ComputerName: 'HV01', DynamicMemoryEnabled: false, Startup: 8 * 1024 ** 3, Minimum: 512 * 1024 ** 2, Maximum: 1024 ** 4 },
    };
    expect(formatForHost([mem]).slice(1, 4)).toEqual([
      'VMName DynamicMemoryEnabled Minimum(M) Startup(M) Maximum(M)',
      '------ -------------------- ---------- ---------- ----------',
      'SQL01  False                512        8192       1048576',
    ]);
    const nic = {
      typeName: `${smb}MSFT_SmbClientNetworkInterface`,
      properties: { InterfaceIndex: 14, RssCapable: true, RdmaCapable: true, LinkSpeed: 1e10, IpAddresses: ['10.10.1.11'], FriendlyName: 'SMB1' },
    };
    expect(formatForHost([nic])[3]).toBe('14              True        True         10 Gbps {10.10.1.11} SMB1');
    const svc = {
      typeName: 'System.ServiceProcess.ServiceController',
      properties: { Status: 'Running', Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management' },
    };
    expect(formatForHost([svc]).slice(1, 4)).toEqual([
      'Status   Name               DisplayName',
      '------   ----               -----------',
      'Running  vmms               Hyper-V Virtual Machine Management',
    ]);
  });
});
