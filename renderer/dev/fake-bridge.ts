// DEVELOPMENT ONLY — never imported by main.tsx or shipped in the build (vite builds index.html
// only). A stand-in engine for viewing the console without a host: a small hand-written world,
// optionally padded with ?vms=N extra VMs, a storage move and a live migration whose progress
// creeps up, and a VM named BROKEN whose Start-VM is refused with a fix. Its numbers are made up;
// the real results come from engine/.
import type {
  ClockControl, ClockState, Command, CommandOutput, EngineEvent, Query, QueryResult, Result, WorldView,
} from '../../engine/contract';
import type { Job } from '../../engine/model/jobs';
import type { Host, Vm, World } from '../../engine/model/world';
import { alwaysConnected, type LabBridge } from '../bridge/connection';

const GiB = 1024 ** 3;

// The objects below are cast from partial literals so the fake keeps compiling as the model grows.
function host(name: string, role: Host['role'] = 'HyperV'): Host {
  return {
    name, role, os: '2012R2', domain: 'CONTOSO',
    cpu: { vendor: 'Intel', family: 'Xeon', cores: 16, ghz: 2.6 },
    memoryBytes: 128 * GiB, nics: [], teams: [], virtualSwitches: [{ name: 'Production', type: 'External', allowManagementOS: true } as Host['virtualSwitches'][number]],
    volumes: [{ letter: 'D', label: 'VMs', capacityBytes: 2e12, otherDataBytes: 0, readBytesPerSec: 1e9, writeBytesPerSec: 9e8 }],
    shares: [],
    migration: { enabled: true, authentication: 'Kerberos', performanceOption: 'Compression', maximumLiveMigrations: 2, maximumStorageMigrations: 2, useAnyNetwork: true, networks: [] },
    smb: { multichannelEnabled: true, connectionsPerRssInterface: 4, connectionsPerRdmaInterface: 2, connectionsPerNonRssInterface: 1, maximumConnectionCountPerServer: 32, bandwidthLimits: {}, constraints: {} },
    delegation: [],
  } as Partial<Host> as Host;
}

function vm(id: string, name: string, hostName: string, state: Vm['state'], extra: Partial<Vm> = {}): Vm {
  const folder = `D:\\VMs\\${name}`;
  return {
    id, name, host: hostName, generation: 2, configurationVersion: '5.0', state,
    ...(state === 'Running' ? { startedAt: 0 } : {}),
    processorCount: 2, compatibilityForMigration: false,
    memory: { dynamic: false, startupBytes: 4 * GiB, minimumBytes: 4 * GiB, maximumBytes: 4 * GiB, bufferPercent: 20, weight: 5000 },
    workload: { memoryDirtyBytesPerSec: 0, compressionRatio: 2, diskWriteBytesPerSec: 0, cpuDemandPercent: 7 },
    paths: { configuration: folder, snapshots: folder, smartPaging: folder },
    configurationSizeBytes: 65536,
    vhds: [{ path: `${folder}\\Virtual Hard Disks\\${name}.vhdx`, sizeBytes: 40 * GiB, maxSizeBytes: 127 * GiB, type: 'Dynamic', controller: 'SCSI 0:0' }],
    passThroughDisks: [], networkAdapters: [{ name: 'Network Adapter', switchName: 'Production' }], checkpoints: [], notes: '',
    ...extra,
  } as Partial<Vm> as Vm;
}

function job(id: string, kind: Job['kind'], vmId: string, vmName: string, percent: number): Job {
  return {
    id, cmdlet: kind === 'LiveMigration' ? 'Move-VM' : 'Move-VMStorage', commandText: '', kind, vmId, vmName,
    state: 'Running', stages: [], percent, createdAt: 0, startedAt: 0, precopyPasses: [], channels: [], cancellable: true,
  } as Partial<Job> as Job;
}

export function createFakeBridge(extraVms: number): LabBridge {
  const listeners = new Set<(e: EngineEvent) => void>();
  const clock: ClockState = { now: 3_725_000, speed: 1, idle: false };
  const vms: Vm[] = [
    vm('dc01', 'DC01', 'HV01', 'Running', { workload: { memoryDirtyBytesPerSec: 0, compressionRatio: 2, diskWriteBytesPerSec: 0, cpuDemandPercent: 3 } }),
    vm('sql01', 'SQL01', 'HV01', 'Running', {
      startedAt: -90_061_000,
      memory: { dynamic: true, startupBytes: 8 * GiB, minimumBytes: 4 * GiB, maximumBytes: 32 * GiB, bufferPercent: 20, weight: 8000 },
      checkpoints: [
        { id: 'c1', name: 'SQL01 - Before SP1 (11/20/2026 - 9:14:02 AM)', createdAt: 0, files: [] },
        { id: 'c2', name: 'SQL01 - After SP1 (11/21/2026 - 8:02:44 AM)', createdAt: 10, parentId: 'c1', files: [] },
        { id: 'c3', name: 'SQL01 - Test branch (11/21/2026 - 3:30:10 PM)', createdAt: 5, parentId: 'c1', files: [] },
      ],
      notes: 'Production database. Move storage to E: before the weekend.',
    }),
    vm('web01', 'WEB01', 'HV01', 'Running'),
    vm('broken', 'BROKEN', 'HV01', 'Off'),
    vm('saved01', 'SAVED01', 'HV01', 'Saved'),
    vm('app01', 'APP01', 'HV02', 'Running'),
  ];
  for (let i = 0; i < extraVms; i++) vms.push(vm(`gen-${i}`, `VM${String(i).padStart(5, '0')}`, 'HV01', i % 3 === 0 ? 'Off' : 'Running'));
  const world: World = {
    schemaVersion: 1, name: 'Fake development world', seed: 1,
    session: { signedInOn: 'HV01', user: 'CONTOSO\\Administrator' },
    hosts: [host('HV01'), host('HV02'), host('FS01', 'FileServer')],
    vms,
  };
  const jobs: Job[] = [job('j1', 'StorageMove', 'sql01', 'SQL01', 37), job('j2', 'LiveMigration', 'web01', 'WEB01', 12)];

  const view = (): WorldView => ({ contractVersion: 1, world: structuredClone(world), jobs: structuredClone(jobs), clock: { ...clock }, logSeq: 0 });
  const emit = (e: EngineEvent) => listeners.forEach((l) => l(e));

  setInterval(() => {
    if (clock.speed === 0) return;
    clock.now += 250 * clock.speed;
    for (const j of jobs) j.percent = (j.percent + 0.4 * clock.speed) % 100;
    emit({ type: 'jobs', jobs: structuredClone(jobs), clock: { ...clock } });
  }, 250);

  const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

  return {
    connection: alwaysConnected('dev'),
    invoke(command: Command): Promise<Result<CommandOutput>> {
      const name = String(command.params.Name ?? '');
      const target = world.vms.find((v) => v.name === name);
      if (!target) return Promise.resolve({ ok: false, error: { code: 'NotFound', message: `Hyper-V was unable to find a virtual machine with name "${name}".`, parameter: 'Name' } });
      if (command.cmdlet === 'Start-VM' && target.name === 'BROKEN') {
        return Promise.resolve({ ok: false, error: {
          code: 'CommandRefused',
          message: "'BROKEN' failed to start. Not enough memory in the system to start the virtual machine BROKEN.",
          fix: 'Lower the startup memory of BROKEN, or stop another virtual machine on HV01 to free memory.',
          parameter: 'Name', messageId: 3050,
        } });
      }
      if (command.cmdlet === 'Start-VM') {
        target.state = 'Running';
        target.startedAt = clock.now;
      } else if (command.cmdlet === 'Stop-VM') {
        target.state = command.params.Save ? 'Saved' : 'Off';
        delete target.startedAt;
      }
      setTimeout(() => emit({ type: 'world', view: view() }), 50);
      return ok({ output: [], jobIds: [], warnings: [], commandText: `${command.cmdlet} -Name ${name}` });
    },
    query<Q extends Query>(query: Q): Promise<Result<QueryResult<Q>>> {
      if (query.name === 'world') return ok(view() as QueryResult<Q>);
      return Promise.resolve({ ok: false, error: { code: 'NotFound', message: `The fake bridge does not answer '${query.name}'.` } });
    },
    clock(control: ClockControl): Promise<Result<ClockState>> {
      if (control.action === 'setSpeed') clock.speed = control.speed;
      else for (const j of jobs) j.percent = 99;
      return ok({ ...clock });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
