// An admin's script run as `hvlab run` runs it (runScript): the SMB cmdlets change how the engine
// moves bytes, not only what they print. Each script copies DC01 (40 GiB VHD) from HV01 to the
// file server FS01's share and the job's report says which interfaces and how many connections
// carried it, and how long it took.
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptReport } from '../../../engine/scripting/run-script';
import { engineOf, ok } from './support';

const COPY = 'Move-VMStorage DC01 -DestinationStoragePath \\\\FS01\\VMs\\DC01';

function copyJob(r: ScriptReport) {
  expect(r.ok, JSON.stringify(r.statements.filter((s) => !s.ok).map((s) => s.error))).toBe(true);
  const job = r.jobs.find((j) => j.cmdlet === 'Move-VMStorage')!;
  expect(job.result).toBe('Completed');
  return job;
}

const connections = (job: ReturnType<typeof copyJob>) => job.channels.reduce((n, c) => n + c.connections, 0);

describe('hvlab run: SMB Multichannel settings steer a storage move to a share', () => {
  it('Multichannel off on the client: one connection over TCP, no SMB Direct, and a slower copy; the prompt shows one channel', () => {
    const base = copyJob(runScript(engineOf(), COPY));
    expect(base.transport).toBe('SMB Direct (iWARP) x2');
    expect(base.channels.map((c) => c.client)).toEqual(['HV01:SMB1', 'HV01:SMB2']);
    expect(connections(base)).toBe(4);

    const r = runScript(
      engineOf(),
      [
        'Set-SmbClientConfiguration -EnableMultiChannel $false -Force',
        `${COPY} -AsJob`,
        'Get-SmbMultichannelConnection -ServerName FS01',
        'Wait-Job -Id 1',
        'Set-SmbClientConfiguration -EnableMultiChannel $true -Force',
      ].join('\n'),
    );
    const job = copyJob(r);
    expect(job.channels).toEqual([{ client: 'HV01:SMB1', server: 'FS01:SMB1', rdma: false, connections: 1 }]);
    expect(job.transport).not.toContain('SMB Direct');
    expect(job.durationMs!).toBeGreaterThan(1.5 * base.durationMs!);
    const shown = r.statements.find((s) => s.cmdlet === 'Get-SmbMultichannelConnection')!.output as { CurrentChannels: number; ClientRdmaCapable: boolean }[];
    expect(shown.map((c) => c.CurrentChannels)).toEqual([1]);
  });

  it('Multichannel off on the file server has the same effect for every client', () => {
    const job = copyJob(runScript(engineOf(), ['Set-SmbServerConfiguration -EnableMultiChannel $false -CimSession FS01 -Force', COPY].join('\n')));
    expect(connections(job)).toBe(1);
    expect(job.channels[0]!.rdma).toBe(false);
  });

  it('a Multichannel constraint keeps the copy on the named interface; removing it mid-copy spreads it again', () => {
    const constrained = copyJob(
      runScript(engineOf(), ['New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB2 -Force', COPY, 'Get-SmbMultichannelConstraint'].join('\n')),
    );
    expect(constrained.channels).toEqual([{ client: 'HV01:SMB2', server: 'FS01:SMB2', rdma: true, connections: 2 }]);
    expect(constrained.transport).toBe('SMB Direct (iWARP) x1');
    expect(constrained.nics).toEqual(['HV01:SMB2', 'FS01:SMB2']);

    // Mid-copy (the prompt, then the script goes on): the constraint goes and the copy spreads again.
    const e = engineOf();
    ok(e, 'New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB2 -Force');
    ok(e, `${COPY} -AsJob`);
    e.advance(5000);
    expect(e.state().jobs[0]!.state).toBe('Running');
    const r = runScript(
      e,
      [
        'Remove-SmbMultichannelConstraint -ServerName FS01 -Force',
        'Update-SmbMultichannelConnection -ServerName FS01',
        'Get-SmbMultichannelConnection -ServerName FS01',
        'Wait-Job -Id 1',
      ].join('\n'),
    );
    expect((r.statements[2]!.output as { ClientInterfaceFriendlyName: string }[]).map((c) => c.ClientInterfaceFriendlyName)).toEqual(['SMB1', 'SMB2']);
    expect(r.ok).toBe(true);
    const job = e.state().jobs[0]!;
    expect(job.state).toBe('Completed');
    // Re-planned when the constraint went: the job keeps the plan in force at the end.
    expect(job.channels.map((c) => c.client).sort()).toEqual(['HV01:SMB1', 'HV01:SMB2']);
    // (Not faster here: one 10 GbE iWARP link already outruns DC01's source volume, D: at 1,100 MB/s.)
    expect(e.state().world.hosts[0]!.smb.constraints).toEqual({});
  });
});
