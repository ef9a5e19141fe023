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
