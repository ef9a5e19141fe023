// The lab packs that ship with the product (assets/labs/*.json), in the order a course takes them:
// storage moves, Smart Paging, live migration transports, the network lessons, then the host
// prerequisites. They are imported as modules — not read from disk — so every door (Electron main,
// the browser host, the CLI, tests) gets them the same way and a bundle carries them. Each is
// validated like any trainer's pack the first time the list is asked for; a built-in pack that
// fails is a bug, and the tests prove every reference solution passes.
import storageSingleLocation from '../../assets/labs/storage-single-location.json' with { type: 'json' };
import storagePerItem from '../../assets/labs/storage-per-item.json' with { type: 'json' };
import storageDisksOnly from '../../assets/labs/storage-disks-only.json' with { type: 'json' };
import smartPagingRestart from '../../assets/labs/smart-paging-restart.json' with { type: 'json' };
import liveMigrationTransports from '../../assets/labs/live-migration-transports.json' with { type: 'json' };
import smbMultichannelRdma from '../../assets/labs/smb-multichannel-rdma.json' with { type: 'json' };
import nicFailureFailover from '../../assets/labs/nic-failure-failover.json' with { type: 'json' };
import rdmaTeamTrap from '../../assets/labs/rdma-team-trap.json' with { type: 'json' };
import smbBandwidthLimit from '../../assets/labs/smb-bandwidth-limit.json' with { type: 'json' };
import sharedNothingLiveMigration from '../../assets/labs/shared-nothing-live-migration.json' with { type: 'json' };
import credsspKerberos from '../../assets/labs/credssp-kerberos.json' with { type: 'json' };
import processorCompatibility from '../../assets/labs/processor-compatibility.json' with { type: 'json' };
import { summarizeLab, type LabPack, type LabSummary } from './pack';
import { loadLabPack, type LabPackIssue } from './pack-loader';

const SOURCES: readonly unknown[] = [
  storageSingleLocation,
  storagePerItem,
  storageDisksOnly,
  smartPagingRestart,
  liveMigrationTransports,
  smbMultichannelRdma,
  nicFailureFailover,
  rdmaTeamTrap,
  smbBandwidthLimit,
  sharedNothingLiveMigration,
  credsspKerberos,
  processorCompatibility,
];

export interface BuiltinLabProblem {
  index: number;
  id: string;
  errors: LabPackIssue[];
}

let loaded: { packs: LabPack[]; problems: BuiltinLabProblem[] } | undefined;

function load(): { packs: LabPack[]; problems: BuiltinLabProblem[] } {
  if (loaded) return loaded;
  const packs: LabPack[] = [];
  const problems: BuiltinLabProblem[] = [];
  SOURCES.forEach((source, index) => {
    const r = loadLabPack(source);
    if (r.ok) packs.push(r.pack);
    else {
      const id = typeof source === 'object' && source !== null && 'id' in source ? String(source.id) : `#${index + 1}`;
      problems.push({ index, id, errors: r.errors });
    }
  });
  loaded = { packs, problems };
  return loaded;
}

/** The built-in labs that loaded (a copy of each, so callers may not change the shared ones). */
export function builtinLabs(): LabPack[] {
  return load().packs.map((p) => structuredClone(p));
}

/** Built-in packs that failed validation (empty in a correct build; the tests assert it). */
export function builtinLabProblems(): BuiltinLabProblem[] {
  return load().problems;
}

export function builtinLabIds(): string[] {
  return load().packs.map((p) => p.id);
}

export function findBuiltinLab(id: string): LabPack | undefined {
  const p = load().packs.find((x) => x.id === id.trim().toLowerCase());
  return p ? structuredClone(p) : undefined;
}

export function builtinLabSummaries(): LabSummary[] {
  return load().packs.map(summarizeLab);
}
