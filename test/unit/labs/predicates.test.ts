// Each predicate on hand-built evidence: pass and fail, what it says it expected and what it found.
import { describe, expect, it } from 'vitest';
import { Job, type LogEntry } from '../../../engine/model/jobs';
import { defaultWorld } from '../../../engine/model/default-world';
import type { World } from '../../../engine/model/world';
import { Check, describeCheck, evaluateCheck, type LabEvidence } from '../../../engine/labs';
import { memoryTransport, transportOption, dataStageRate } from '../../../engine/labs/predicates';

const MB = 1024 ** 2;

function job(over: Record<string, unknown>): Job {
  return Job.parse({
    id: '1',
    cmdlet: 'Move-VM',
    commandText: 'Move-VM',
    kind: 'LiveMigration',
    vmName: 'WEB01',
    source: 'HV01',
    destination: 'HV02',
    state: 'Completed',
    createdAt: 0,
    startedAt: 0,
    endedAt: 5000,
    ...over,
  });
}

function stage(name: string, bytesDone: number, startedAt: number, endedAt: number) {
  return { name, status: 'Done', bytesDone, bytesTotal: bytesDone, startedAt, endedAt };
}

function evidence(over: Partial<LabEvidence> & { world?: World } = {}): LabEvidence {
  const world = over.world ?? defaultWorld();
  return { world, initialWorld: defaultWorld(), jobs: [], log: [], now: 10_000, ...over };
}

function ev(check: unknown, e: LabEvidence) {
  return evaluateCheck(Check.parse(check), e);
}

let seq = 0;
function log(message: string, eventId?: number, at = 1000): LogEntry {
  return { seq: ++seq, at, level: 'Information', source: 'Hyper-V-Worker', message, ...(eventId !== undefined ? { eventId } : {}) };
}

describe('VM placement and state', () => {
  it('vmFilesUnder: all items, or some; paths compare case-insensitively and through shares', () => {
    const e = evidence();
    expect(ev({ type: 'vmFilesUnder', vm: 'WEB01', path: '\\\\fs01\\vms' }, e).pass).toBe(true);
    expect(ev({ type: 'vmFilesUnder', vm: 'WEB01', path: '\\\\FS01.contoso.com\\VMs\\WEB01' }, e).pass).toBe(true);
    const sql = ev({ type: 'vmFilesUnder', vm: 'SQL01', path: 'E:\\SQL01', items: ['vhds'] }, e);
    expect(sql.pass).toBe(false);
    expect(sql.description).toBe("SQL01's virtual hard disks are under E:\\SQL01");
    expect(sql.found).toBe(
      'SQL01.vhdx is at D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx; SQL01-Data.vhdx is at D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx',
    );
    // APP01's checkpoint file counts as a checkpoint item.
    const app = ev({ type: 'vmFilesUnder', vm: 'APP01', path: 'D:\\VMs\\APP01', items: ['snapshots'] }, e);
    expect(app.pass).toBe(true);
    expect(app.found).toContain("checkpoint 'APP01 - (11/20/2026 - 9:14:02 AM)'");
  });

  it('vmFilesUnder with host: a local path on another host is a different folder', () => {
    const e = evidence();
    const r = ev({ type: 'vmFilesUnder', vm: 'DC01', path: 'D:\\VMs\\DC01', host: 'HV02' }, e);
    expect(r.pass).toBe(false);
    expect(r.found).toContain('(DC01 is on HV01)');
    expect(ev({ type: 'vmFilesUnder', vm: 'DC01', path: 'D:\\VMs\\DC01', host: 'HV01' }, e).pass).toBe(true);
    expect(ev({ type: 'vmFilesUnder', vm: 'DC01', path: '\\\\HV01\\D$\\VMs' }, e).pass).toBe(true);
  });

  it('vmOnHost, vmState, vmMemoryDynamic, processorCompatibility, vmNotesContain', () => {
    const world = defaultWorld();
    world.vms.find((v) => v.name === 'WEB01')!.notes = 'SMB Direct won: RDMA';
    const e = evidence({ world });
    expect(ev({ type: 'vmOnHost', vm: 'web01', host: 'hv01' }, e)).toMatchObject({ pass: true, found: 'WEB01 is on HV01' });
    expect(ev({ type: 'vmState', vm: 'TEST01', state: 'Running' }, e)).toMatchObject({ pass: false, found: 'TEST01 is Off' });
    expect(ev({ type: 'vmMemoryDynamic', vm: 'SQL01' }, e).pass).toBe(true);
    expect(ev({ type: 'vmMemoryDynamic', vm: 'DC01', enabled: false }, e)).toMatchObject({ pass: true, description: 'DC01 uses static memory' });
    expect(ev({ type: 'processorCompatibility', vm: 'DC01' }, e)).toMatchObject({ pass: false, found: 'processor compatibility for migration is disabled' });
    expect(ev({ type: 'vmNotesContain', vm: 'WEB01', anyOf: ['rdma'] }, e).pass).toBe(true);
    expect(ev({ type: 'vmNotesContain', vm: 'DC01', anyOf: ['rdma'] }, e)).toMatchObject({ pass: false, found: 'no notes' });
  });

  it('a VM that is gone fails with a clear found', () => {
    const world = defaultWorld();
    world.vms = world.vms.filter((v) => v.name !== 'DC01');
    expect(ev({ type: 'vmOnHost', vm: 'DC01', host: 'HV01' }, evidence({ world }))).toMatchObject({ pass: false, found: 'no virtual machine named DC01' });
  });

  it('vmNeverOff: the log shows stops and failed restarts; the start state counts', () => {
    expect(ev({ type: 'vmNeverOff', vm: 'DC01' }, evidence()).pass).toBe(true);
    const stopped = ev(
      { type: 'vmNeverOff', vm: 'DC01' },
      evidence({ log: [log("'DC01' was shut down.", 18508), log("'DC01' started successfully.", 18601)] }),
    );
    expect(stopped.pass).toBe(false);
    expect(stopped.found).toContain("'DC01' was shut down.");
    // Another VM's stop is not DC01's.
    expect(ev({ type: 'vmNeverOff', vm: 'DC01' }, evidence({ log: [log("'DC01X' was turned off.", 18508)] })).pass).toBe(true);
    expect(ev({ type: 'vmNeverOff', vm: 'DC01' }, evidence({ log: [log("'DC01' failed to restart. No room.", 12030)] })).pass).toBe(false);
    expect(ev({ type: 'vmNeverOff', vm: 'TEST01' }, evidence())).toMatchObject({ pass: false, found: 'TEST01 was Off when the lab started' });
  });

  it('smartPagingLocation and smartPagingUsed', () => {
    const world = defaultWorld();
    world.vms.find((v) => v.name === 'WEB01')!.paths.smartPaging = 'D:\\SmartPaging\\WEB01';
    const e = evidence({
      world,
      log: [
        log(
          "'WEB01' is using a smart paging file (D:\\SmartPaging\\WEB01\\vm-web01.slp, 2432 MB) to restart because the host cannot give it its startup memory. (Virtual machine ID vm-web01)",
          20451,
        ),
      ],
    });
    expect(ev({ type: 'smartPagingLocation', vm: 'WEB01', pathUnder: 'd:\\smartpaging' }, e).pass).toBe(true);
    expect(ev({ type: 'smartPagingLocation', vm: 'WEB01', volume: 'd' }, e).pass).toBe(true);
    expect(ev({ type: 'smartPagingLocation', vm: 'WEB01', volume: 'E' }, e)).toMatchObject({
      pass: false,
      found: 'smart paging file location is D:\\SmartPaging\\WEB01',
    });
    expect(ev({ type: 'smartPagingUsed', vm: 'WEB01', pathUnder: 'D:\\SmartPaging' }, e)).toMatchObject({
      pass: true,
      found: 'smart paging file D:\\SmartPaging\\WEB01\\vm-web01.slp',
    });
    expect(ev({ type: 'smartPagingUsed', vm: 'WEB01', pathUnder: 'E:\\' }, e)).toMatchObject({
      pass: false,
      found: 'a smart paging file was used at D:\\SmartPaging\\WEB01\\vm-web01.slp',
    });
    expect(ev({ type: 'smartPagingUsed', vm: 'DC01' }, e)).toMatchObject({ pass: false, found: 'DC01 did not restart with a smart paging file' });
  });
});

describe('jobs', () => {
  const tcp = job({
    id: '1',
    transport: 'TCP/IP',
    stages: [stage('Memory transfer', 2048 * MB, 1500, 5500)],
    measuredDowntimeMs: 50,
    startedAt: 0,
    endedAt: 6000,
  });
  const smb = job({
    id: '2',
    transport: 'SMB: SMB Direct (iWARP) x2',
    source: 'HV02',
    destination: 'HV01',
    stages: [stage('Memory transfer', 2048 * MB, 1500, 2500)],
    measuredDowntimeMs: 40,
    startedAt: 0,
    endedAt: 3000,
    channels: [
      { client: 'HV02:SMB1', server: 'HV01:SMB1', rdma: true, connections: 2 },
      { client: 'HV02:SMB2', server: 'HV01:SMB2', rdma: true, connections: 2 },
    ],
  });
  const shared = job({
    id: '3',
    vmName: 'DC01',
    transport: 'SMB Direct (iWARP) x2 (storage) + Compression (memory)',
    stages: [stage('Storage copy', 40 * 1024 * MB, 1500, 40000), stage('Memory transfer', 2048 * MB, 40000, 42000)],
    measuredDowntimeMs: 47,
  });
  const failed = job({
    id: '4',
    state: 'Failed',
    transport: 'TCP/IP',
    error: { message: 'HV01 configuration changed: the live migration connection over SMB1 → SMB1 was lost' },
  });
  const offMove = job({
    id: '5',
    vmName: 'TEST01',
    transport: 'SMB Direct (iWARP) x2',
    stages: [stage('Storage copy', 1e9, 0, 1000), { name: 'Memory transfer', status: 'Skipped' }],
  });

  it('memoryTransport and transportOption read the job transport, shared-nothing and Off VMs included', () => {
    expect(transportOption(memoryTransport(tcp))).toBe('TCPIP');
    expect(transportOption(memoryTransport(smb))).toBe('SMB');
    expect(memoryTransport(shared)).toBe('Compression');
    expect(memoryTransport(offMove)).toBeUndefined();
    expect(dataStageRate(smb)).toBeCloseTo(2048 * MB, 0);
  });

  it('jobCompleted with conditions; found lists the jobs', () => {
    const e = evidence({ jobs: [tcp, smb] });
    expect(ev({ type: 'jobCompleted', vm: 'WEB01', kind: 'LiveMigration', transport: 'SMB', atLeastChannels: 2, rdma: true }, e).pass).toBe(true);
    const capped = ev({ type: 'jobCompleted', vm: 'WEB01', kind: 'LiveMigration', rateAtMost: 600 * MB }, e);
    expect(capped.pass).toBe(true); // the TCP one ran at 512 MB/s
    expect(capped.found).toContain('job 1');
    const tooFast = ev({ type: 'jobCompleted', vm: 'WEB01', transport: 'SMB', rateAtMost: 600 * MB }, e);
    expect(tooFast.pass).toBe(false);
    expect(tooFast.found).toContain('data moved at 2 GB/s');
    expect(tooFast.description).toBe('A move of WEB01 completed, using SMB and at no more than 600 MB/s');
    expect(ev({ type: 'jobCompleted', vm: 'SQL01' }, e)).toMatchObject({ pass: false, found: 'no move of SQL01' });
  });

  it('jobFailed, noJobFailed', () => {
    const e = evidence({ jobs: [tcp, failed] });
    expect(ev({ type: 'jobFailed', vm: 'WEB01', kind: 'LiveMigration', errorContains: 'WAS LOST' }, e).pass).toBe(true);
    expect(ev({ type: 'jobFailed', vm: 'WEB01', errorContains: 'disk full' }, e).pass).toBe(false);
    const none = ev({ type: 'noJobFailed' }, e);
    expect(none.pass).toBe(false);
    expect(none.found).toContain('job 4');
    expect(ev({ type: 'noJobFailed', vm: 'SQL01' }, e)).toMatchObject({ pass: true, found: '0 moves, none failed' });
  });

  it('migrationTransport by option or text', () => {
    const e = evidence({ jobs: [tcp, smb, shared] });
    expect(ev({ type: 'migrationTransport', vm: 'WEB01', option: 'SMB', contains: 'smb direct' }, e).pass).toBe(true);
    expect(ev({ type: 'migrationTransport', vm: 'WEB01', option: 'Compression' }, e).pass).toBe(false);
    // Shared-nothing: the memory part decides the option, not the storage part's SMB.
    expect(ev({ type: 'migrationTransport', vm: 'DC01', option: 'Compression' }, e).pass).toBe(true);
    expect(ev({ type: 'migrationTransport', vm: 'DC01', option: 'SMB' }, e).pass).toBe(false);
  });

  it('migrationDowntimeBelow: every live move, and an Off VM move does not count as live', () => {
    expect(ev({ type: 'migrationDowntimeBelow', vm: 'WEB01', ms: 100 }, evidence({ jobs: [tcp, smb] })).pass).toBe(true);
    expect(ev({ type: 'migrationDowntimeBelow', vm: 'WEB01', ms: 45 }, evidence({ jobs: [tcp, smb] }))).toMatchObject({
      pass: false,
      found: 'blackouts: job 1: 50 ms; job 2: 40 ms',
    });
    expect(ev({ type: 'migrationDowntimeBelow', vm: 'TEST01', ms: 1000 }, evidence({ jobs: [offMove] })).pass).toBe(false);
    expect(ev({ type: 'migrationDowntimeBelow', vm: 'WEB01', ms: 1000 }, evidence()).found).toBe('no completed live migration of WEB01');
  });

  it('fastestMigration needs a comparison', () => {
    expect(ev({ type: 'fastestMigration', vm: 'WEB01', transport: 'SMB' }, evidence({ jobs: [tcp, smb] })).pass).toBe(true);
    expect(ev({ type: 'fastestMigration', vm: 'WEB01', transport: 'TCPIP' }, evidence({ jobs: [tcp, smb] })).pass).toBe(false);
    expect(ev({ type: 'fastestMigration', vm: 'WEB01', transport: 'SMB' }, evidence({ jobs: [smb] })).pass).toBe(false);
  });
});

describe('hosts and network', () => {
  it('hostSetting compares strings case-insensitively, other values exactly', () => {
    const e = evidence();
    expect(ev({ type: 'hostSetting', host: 'HV01', field: 'migration.authentication', equals: 'kerberos' }, e).pass).toBe(true);
    expect(ev({ type: 'hostSetting', host: 'HV01', field: 'migration.maximumLiveMigrations', equals: 2 }, e).pass).toBe(true);
    expect(ev({ type: 'hostSetting', host: 'HV01', field: 'migration.useAnyNetwork', equals: true }, e)).toMatchObject({
      pass: false,
      found: 'use any available network for live migration: false',
    });
  });

  it('bandwidthLimit bounds', () => {
    const world = defaultWorld();
    world.hosts[0]!.smb.bandwidthLimits = { LiveMigration: 750 * MB };
    const e = evidence({ world });
    expect(ev({ type: 'bandwidthLimit', host: 'HV01', category: 'LiveMigration', atMost: 750 * MB }, e).pass).toBe(true);
    expect(ev({ type: 'bandwidthLimit', host: 'HV01', category: 'LiveMigration', atMost: 500 * MB }, e)).toMatchObject({
      pass: false,
      found: 'LiveMigration limit 750 MB/s',
    });
    expect(ev({ type: 'bandwidthLimit', host: 'HV02', category: 'LiveMigration' }, e)).toMatchObject({
      pass: false,
      found: 'no LiveMigration limit on HV02 (no limits set)',
    });
  });

  it('teamExists and nicRdmaOperational say why', () => {
    const e = evidence();
    expect(ev({ type: 'teamExists', host: 'HV01', team: 'Team1' }, e)).toMatchObject({ pass: true, found: 'team Team1 with NIC1 and NIC2' });
    expect(ev({ type: 'nicRdmaOperational', host: 'HV01', nic: 'SMB1' }, e).pass).toBe(true);
    expect(ev({ type: 'nicRdmaOperational', host: 'HV01', nic: 'NIC1' }, e)).toMatchObject({ pass: false, found: 'NIC1: The adapter is not RDMA-capable.' });
  });
});

describe('composition and sentences', () => {
  it('not, allOf, anyOf', () => {
    const e = evidence();
    const notTeam = ev({ type: 'not', check: { type: 'teamExists', host: 'HV01', team: 'Team1' } }, e);
    expect(notTeam).toMatchObject({ pass: false, description: 'HV01 has no NIC team named Team1', expected: 'HV01 has no NIC team named Team1' });
    const all = ev(
      {
        type: 'allOf',
        checks: [
          { type: 'vmOnHost', vm: 'DC01', host: 'HV01' },
          { type: 'vmOnHost', vm: 'APP01', host: 'HV01' },
        ],
      },
      e,
    );
    expect(all.pass).toBe(false);
    expect(all.found).toBe('APP01 is on HV01: APP01 is on HV02');
    const any = ev(
      {
        type: 'anyOf',
        checks: [
          { type: 'vmOnHost', vm: 'APP01', host: 'HV01' },
          { type: 'vmOnHost', vm: 'APP01', host: 'HV02' },
        ],
      },
      e,
    );
    expect(any.pass).toBe(true);
    expect(any.description).toBe('One of: APP01 is on HV01; or APP01 is on HV02');
  });

  it("a trainer's description replaces the generated sentence", () => {
    expect(describeCheck(Check.parse({ type: 'vmOnHost', vm: 'DC01', host: 'HV02', description: 'DC01 now runs on the new host' }))).toBe(
      'DC01 now runs on the new host',
    );
  });

  it('the sentences of the spec read as written', () => {
    expect(describeCheck(Check.parse({ type: 'vmFilesUnder', vm: 'SQL01', path: '\\\\FS01\\VMs', items: ['vhds'] }))).toBe(
      "SQL01's virtual hard disks are under \\\\FS01\\VMs",
    );
    expect(describeCheck(Check.parse({ type: 'jobCompleted', vm: 'SQL01', kind: 'StorageMove', atLeastChannels: 2, rdma: true }))).toBe(
      'A storage move of SQL01 completed, over at least 2 RDMA SMB channels',
    );
    expect(describeCheck(Check.parse({ type: 'bandwidthLimit', host: 'HV01', category: 'LiveMigration', atMost: 750 * MB }))).toBe(
      'HV01 limits SMB LiveMigration traffic to at most 750 MB/s',
    );
  });
});
