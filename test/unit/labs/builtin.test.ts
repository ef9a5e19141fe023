// Every built-in lab: it loads, its reference solution passes every task, an empty script passes
// none, and a plausible wrong solution fails the very task it gets wrong, with a "found" that tells
// the learner what happened.
import { describe, expect, it } from 'vitest';
import { builtinLabIds, builtinLabProblems, builtinLabs, builtinLabSummaries, findBuiltinLab, runLab, type LabCheckResult } from '../../../engine/labs';

function task(result: LabCheckResult, id: string) {
  const t = result.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`lab ${result.labId} has no task ${id} (tasks: ${result.tasks.map((x) => x.id).join(', ')})`);
  return t;
}

/** The failed checks of a task, as "description | expected | found" lines (what a learner reads). */
function failures(result: LabCheckResult, id: string): string {
  return task(result, id)
    .checks.filter((c) => !c.pass)
    .map((c) => `${c.description} | expected: ${c.expected} | found: ${c.found}`)
    .join('\n');
}

function run(id: string, script: string): LabCheckResult {
  const pack = findBuiltinLab(id);
  if (!pack) throw new Error(`no built-in lab ${id}`);
  return runLab(pack, script).result;
}

describe('built-in labs', () => {
  it('at least twelve load, with unique ids and no problems', () => {
    expect(builtinLabProblems()).toEqual([]);
    const ids = builtinLabIds();
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtinLabSummaries().map((s) => s.id)).toEqual(ids);
  });

  it('every lab has objectives, a briefing with the three parts, hints and a time estimate', () => {
    for (const pack of builtinLabs()) {
      expect(pack.objectives.length, pack.id).toBeGreaterThan(0);
      for (const heading of ['## The situation', '## Why it matters on real iron', '## What to watch in the console'])
        expect(pack.briefing, `${pack.id}: ${heading}`).toContain(heading);
      expect(pack.hints.length, pack.id).toBeGreaterThanOrEqual(3);
      expect(
        pack.hints.every((h) => h.costPoints > 0),
        pack.id,
      ).toBe(true);
      expect(pack.estimatedMinutes, pack.id).toBeGreaterThan(0);
    }
  });

  describe.each(builtinLabIds())('%s', (id) => {
    it('its reference solution passes every task', () => {
      const pack = findBuiltinLab(id)!;
      const { result, report } = runLab(pack, pack.referenceSolution);
      const failed = result.tasks.flatMap((t) =>
        t.checks.filter((c) => !c.pass).map((c) => `${t.id}: ${c.description}: expected ${c.expected}; found ${c.found}`),
      );
      expect(failed).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.score).toBe(result.maxScore);
      expect(report.parseError).toBeUndefined();
    });

    it('an empty script passes no task', () => {
      const result = run(id, '');
      expect(result.tasks.filter((t) => t.pass).map((t) => t.id)).toEqual([]);
      expect(result.score).toBe(0);
      for (const t of result.tasks) for (const c of t.checks) expect(c.found.length, `${t.id}: ${c.description}`).toBeGreaterThan(0);
    });

    it('is deterministic: the same script gives the same grade', () => {
      const pack = findBuiltinLab(id)!;
      expect(runLab(pack, pack.referenceSolution).result).toEqual(runLab(pack, pack.referenceSolution).result);
    });
  });
});

describe('a plausible wrong solution fails the task it gets wrong', () => {
  it('storage-single-location: moving to the local SSD instead of the share', () => {
    const r = run('storage-single-location', String.raw`Move-VMStorage SQL01 -DestinationStoragePath E:\SQL01`);
    expect(task(r, 'move-all').pass).toBe(false);
    expect(failures(r, 'move-all')).toContain(String.raw`configuration is at E:\SQL01`);
    expect(task(r, 'stay-online').pass).toBe(true);
  });

  it('storage-single-location: shutting SQL01 down for the move', () => {
    const r = run(
      'storage-single-location',
      String.raw`Stop-VM SQL01
Move-VMStorage SQL01 -DestinationStoragePath \\FS01\VMs\SQL01
Start-VM SQL01`,
    );
    expect(task(r, 'move-all').pass).toBe(true);
    expect(task(r, 'stay-online').pass).toBe(false);
    expect(failures(r, 'stay-online')).toContain("'SQL01' was shut down");
  });

  it('storage-per-item: everything to the SSD with one -DestinationStoragePath', () => {
    const r = run('storage-per-item', String.raw`Move-VMStorage SQL01 -DestinationStoragePath E:\VHDs\SQL01`);
    expect(task(r, 'disks-on-ssd').pass).toBe(true);
    expect(task(r, 'small-files-on-d').pass).toBe(false);
    expect(failures(r, 'small-files-on-d')).toContain(String.raw`configuration is at E:\VHDs\SQL01`);
  });

  it('storage-disks-only: moving all of APP01 instead of its disk', () => {
    const r = run('storage-disks-only', String.raw`Move-VMStorage APP01 -ComputerName HV02 -DestinationStoragePath E:\VHDs\APP01`);
    expect(task(r, 'disk-moved').pass).toBe(true);
    expect(task(r, 'rest-stays').pass).toBe(false);
    expect(failures(r, 'rest-stays')).toContain(String.raw`checkpoint location is at E:\VHDs\APP01`);
  });

  it('storage-disks-only: forgetting -ComputerName HV02 leaves nothing moved and says why', () => {
    const pack = findBuiltinLab('storage-disks-only')!;
    const { result, report } = runLab(
      pack,
      String.raw`Move-VMStorage APP01 -Vhds @(@{SourceFilePath='D:\VMs\APP01\Virtual Hard Disks\APP01.vhdx'; DestinationFilePath='E:\VHDs\APP01\APP01.vhdx'})`,
    );
    expect(report.statements[0]!.error?.message).toContain('unable to find a virtual machine');
    expect(task(result, 'disk-moved').pass).toBe(false);
  });

  it('smart-paging-restart: restarting without moving the smart paging location', () => {
    const r = run('smart-paging-restart', 'Restart-VM WEB01 -Force');
    expect(task(r, 'restart').pass).toBe(false);
    expect(failures(r, 'restart')).toContain('a restart failed');
    expect(failures(r, 'restart')).toContain('not enough space');
    expect(failures(r, 'restart')).toContain('WEB01 is Off');
    expect(task(r, 'location').pass).toBe(false);
  });

  it('smart-paging-restart: freeing memory by shutting SQL01 down', () => {
    const r = run(
      'smart-paging-restart',
      String.raw`Move-VMStorage WEB01 -SmartPagingFilePath D:\SmartPaging\WEB01
Stop-VM SQL01
Restart-VM WEB01 -Force`,
    );
    expect(task(r, 'location').pass).toBe(true);
    expect(task(r, 'restart').pass).toBe(false);
    expect(task(r, 'others-untouched').pass).toBe(false);
    expect(failures(r, 'others-untouched')).toContain("'SQL01' was shut down");
  });

  it('smart-paging-restart: HV01 is not over-committed — a static VM restarts, and WEB01 balloons its smart paging file away', () => {
    const pack = findBuiltinLab('smart-paging-restart')!;
    const MiB = 1024 ** 2;
    const { result, report } = runLab(
      pack,
      String.raw`Restart-VM APP01 -Force
Move-VMStorage WEB01 -SmartPagingFilePath D:\SmartPaging\WEB01
Restart-VM WEB01 -Force
Start-Sleep -Seconds 200
(Get-VM WEB01).MemoryAssigned
Start-Sleep -Seconds 200
Get-VM WEB01 | Select-Object MemoryAssigned, MemoryDemand, MemoryStatus`,
    );
    // The static APP01 gives its 10 GB back and takes it again: no Smart Paging, no refusal.
    expect(report.statements[0]!.ok).toBe(true);
    expect(report.statements[0]!.warnings).toEqual([]);
    // WEB01 held 2 GB (its minimum: its workload wants 1.6 GB); HV01 can give it 3712 MB of its 6 GB.
    expect(report.statements[2]!.warnings[0]).toMatch(/2432 MB smart paging file at D:\\SmartPaging\\WEB01/);
    // 200 s later: 60 s of boot, then 140 s at the balloon rate, still above the 3712 MB that fit.
    const said = (start: string) => report.statements.find((x) => x.text.startsWith(start))!.output;
    expect(said('(Get-VM WEB01)')).toEqual([6144 * MiB - 140 * 16 * MiB]);
    // In the end: the file is gone and WEB01 is back at its 2 GB minimum.
    expect(said('Get-VM WEB01 |')).toEqual([{ MemoryAssigned: 2048 * MiB, MemoryDemand: 1600 * MiB, MemoryStatus: 'OK' }]);
    expect(report.vms.find((v) => v.name === 'WEB01')!.smartPagingFile).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('live-migration-transports: setting the option on HV01 only (the source decides)', () => {
    const r = run(
      'live-migration-transports',
      `Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP
Move-VM WEB01 HV02
Set-VMHost -VirtualMachineMigrationPerformanceOption SMB
Move-VM WEB01 HV01 -ComputerName HV02
Set-VMHost -VirtualMachineMigrationPerformanceOption Compression
Move-VM WEB01 HV02`,
    );
    expect(task(r, 'tcpip').pass).toBe(true);
    expect(task(r, 'compression').pass).toBe(true);
    expect(task(r, 'smb').pass).toBe(false);
    const found = failures(r, 'smb');
    expect(found).toContain('job 2: live migration of WEB01 HV02 → HV01, Completed, Compression');
    expect(found).toContain('job 1: live migration of WEB01 HV01 → HV02, Completed, TCP/IP');
    expect(task(r, 'fastest').pass).toBe(false);
  });

  it('smb-multichannel-rdma: moving without giving SMB2 its RDMA back', () => {
    const r = run('smb-multichannel-rdma', String.raw`Move-VMStorage SQL01 -DestinationStoragePath \\FS01\VMs\SQL01`);
    expect(task(r, 'rdma-operational').pass).toBe(false);
    expect(failures(r, 'rdma-operational')).toContain('SMB2: RDMA is disabled on the adapter.');
    expect(task(r, 'two-channels').pass).toBe(false);
    expect(failures(r, 'two-channels')).toContain('SMB Direct (iWARP) x1');
    expect(failures(r, 'two-channels')).toContain('channels: HV01:SMB1 → FS01:SMB1 (RDMA)');
    expect(task(r, 'online').pass).toBe(true);
  });

  it('nic-failure-failover: pulling the cable before the moves start', () => {
    const r = run(
      'nic-failure-failover',
      String.raw`Disable-NetAdapter -Name SMB1 -Confirm:$false
Move-VMStorage SQL01 -DestinationStoragePath \\FS01\VMs\SQL01 -AsJob
Move-VM WEB01 HV02 -AsJob
Wait-Job -Id 1,2`,
    );
    expect(task(r, 'tcp-fails').pass).toBe(false);
    expect(failures(r, 'tcp-fails')).toMatch(/job 2: live migration of WEB01 HV01 → HV02, Completed, TCP\/IP/);
    expect(task(r, 'smb-survives').pass).toBe(false);
    expect(failures(r, 'smb-survives')).toContain('no notes');
  });

  it('rdma-team-trap: migrating through the team', () => {
    const r = run('rdma-team-trap', 'Move-VM SQL01 HV02');
    expect(task(r, 'smb-direct').pass).toBe(false);
    expect(failures(r, 'smb-direct')).toContain('SMB: SMB Multichannel (RSS) x1');
    expect(task(r, 'rdma-operational').pass).toBe(false);
    expect(failures(r, 'rdma-operational')).toContain("Teamed adapters do not support RDMA (member of team 'LMTeam')");
  });

  it('rdma-team-trap: enabling RDMA again changes nothing', () => {
    const r = run(
      'rdma-team-trap',
      `Enable-NetAdapterRdma -Name RDMA1,RDMA2 -CimSession HV01,HV02
Move-VM SQL01 HV02`,
    );
    expect(task(r, 'team-gone').pass).toBe(false);
    expect(failures(r, 'team-gone')).toContain('team LMTeam with RDMA1 and RDMA2');
    expect(task(r, 'smb-direct').pass).toBe(false);
  });

  it('smb-bandwidth-limit: capping VirtualMachine traffic instead of LiveMigration', () => {
    const r = run(
      'smb-bandwidth-limit',
      String.raw`Set-SmbBandwidthLimit -Category VirtualMachine -BytesPerSecond 750MB -CimSession HV01,HV02
Move-VMStorage -VMName SQL01 -DestinationStoragePath \\FS01\VMs\SQL01 -AsJob
Move-VM -Name WEB01 -DestinationHost HV02
Wait-Job -Id 1`,
    );
    expect(task(r, 'limit-set').pass).toBe(false);
    expect(failures(r, 'limit-set')).toContain('no LiveMigration limit on HV01 (limits set: VirtualMachine 750 MB/s)');
    expect(task(r, 'migrate-capped').pass).toBe(false);
    expect(failures(r, 'migrate-capped')).toMatch(/memory at [\d.]+ GB\/s/);
    expect(task(r, 'storage-protected').pass).toBe(false);
  });

  it('shared-nothing-live-migration: forgetting -IncludeStorage', () => {
    const pack = findBuiltinLab('shared-nothing-live-migration')!;
    const { result, report } = runLab(pack, 'Move-VM DC01 HV02');
    expect(report.statements[0]!.error?.message).toContain('without its storage');
    expect(task(result, 'moved').pass).toBe(false);
    expect(failures(result, 'moved')).toContain('DC01 is on HV01');
  });

  it('credssp-kerberos: Kerberos on the destination only', () => {
    const pack = findBuiltinLab('credssp-kerberos')!;
    const { result, report } = runLab(
      pack,
      `Set-VMHost -ComputerName HV03 -VirtualMachineMigrationAuthenticationType Kerberos
Move-VM APP01 HV03 -ComputerName HV02`,
    );
    expect(report.statements[1]!.error?.message).toContain('0x8009030E');
    expect(task(result, 'kerberos').pass).toBe(false);
    expect(failures(result, 'kerberos')).toContain('live migration authentication: CredSSP');
    expect(task(result, 'moved').pass).toBe(false);
  });

  it('processor-compatibility: a cold move instead of compatibility mode', () => {
    const r = run(
      'processor-compatibility',
      `Stop-VM APP01
Move-VM APP01 HV05
Start-VM APP01 -ComputerName HV05`,
    );
    expect(task(r, 'compatibility').pass).toBe(false);
    expect(failures(r, 'compatibility')).toContain('processor compatibility for migration is disabled');
    expect(task(r, 'moved-live').pass).toBe(false);
    expect(failures(r, 'moved-live')).toContain('the VM was off, so it was not a live move');
  });

  it('processor-compatibility: Set-VMProcessor on the running VM is refused', () => {
    const pack = findBuiltinLab('processor-compatibility')!;
    const { result, report } = runLab(
      pack,
      `Set-VMProcessor APP01 -CompatibilityForMigrationEnabled $true
Move-VM APP01 HV05`,
    );
    expect(report.statements[0]!.error?.message).toContain('cannot be performed while the virtual machine is in its current state');
    expect(task(result, 'compatibility').pass).toBe(false);
    expect(failures(result, 'moved-live')).toContain('APP01 is on HV01');
  });
});
