// A move, as the engine reasons about it, whichever door it came through: the Move Wizard's
// Finish, `Move-VM` / `Move-VMStorage` typed in the console, or `Compare-VM` asking what would
// happen. toMoveRequest() turns the bound parameters of those three cmdlets into one shape, so the
// pre-checks and the operations never look at PowerShell parameter names again.
//
// Parameter sets follow the 2012 R2 help (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft's
// winserver2012r2-ps Move-VM, Move-VMStorage and Compare-VM pages):
//   Move-VMStorage -VMName  -DestinationStoragePath                 → one folder
//   Move-VMStorage -VMName [-VirtualMachinePath] [-SnapshotFilePath]
//                          [-SmartPagingFilePath] [-Vhds]          → per item ("disks only" = just -Vhds)
//   Move-VM / Compare-VM -Name -DestinationHost                     → only the virtual machine
//   ... -IncludeStorage -DestinationStoragePath                     → everything to one folder
//   ... [-IncludeStorage] -VirtualMachinePath/-SnapshotFilePath/-SmartPagingFilePath/-Vhds → per item
import { CommandRefusal } from '../../errors';
import { findHost } from '../../model/paths';
import type { Vm, World } from '../../model/world';

export type MoveKind = 'Storage' | 'Live';

/** One -Vhds entry: @{SourceFilePath=...; DestinationFilePath=...}. */
export interface VhdMove {
  source: string;
  destination: string;
}

export type Placement =
  /** Move Wizard: "Move all of the virtual machine's data to a single location" (-DestinationStoragePath). */
  | { mode: 'SingleFolder'; folder: string }
  /**
   * "...to different locations" / "by selecting where to move the items" / "Move only the virtual
   * machine's virtual hard disks". Items not named here stay where they are.
   */
  | { mode: 'PerItem'; configuration?: string; snapshots?: string; smartPaging?: string; vhds: VhdMove[] }
  /** "Move only the virtual machine": every file stays; they must be on shared storage. */
  | { mode: 'VmOnly' };

export interface MoveRequest {
  kind: MoveKind;
  vmName: string;
  /** Live only: the host the VM goes to (canonical spelling when the computer exists). */
  destinationHost?: string;
  /**
   * Live only: whether any storage moves with the VM. True for -IncludeStorage, and also when a
   * destination path is given without it (the 2012 R2 help puts all of them in one parameter set;
   * what the real cmdlet does with a path but no -IncludeStorage is unconfirmed — we move storage).
   * Always false for Storage moves, where the question does not arise.
   */
  includeStorage: boolean;
  placement: Placement;
  retainVhdCopiesOnSource: boolean;
  /** Move-VMStorage only; about paths a failover cluster does not know. No cluster here: carried, unused. */
  allowUnverifiedPaths: boolean;
  /**
   * The Hyper-V host the command talks to: -ComputerName if given, else the computer the console
   * runs on (world.session.signedInOn). PowerShell looks the VM up there, as Get-VM does.
   */
  initiatedOn: string;
}

export type MoveCmdletName = 'Move-VM' | 'Move-VMStorage' | 'Compare-VM';

/** PowerShell's binder messages (same text as engine/cmdlets/parameter-sets.ts). */
export const bindingMessages = {
  cannotResolve: 'Parameter set cannot be resolved using the specified named parameters.',
  missingMandatory: (names: readonly string[]) => `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
  noSuchParameter: (name: string) => `A parameter cannot be found that matches parameter name '${name}'.`,
  // Unconfirmed: the text PowerShell gives for a -Vhds hashtable without the two keys.
  badVhds:
    "Each -Vhds entry must be a hashtable with the keys SourceFilePath and DestinationFilePath, e.g. @{SourceFilePath='D:\\VMs\\A\\a.vhdx'; DestinationFilePath='E:\\VMs\\A\\a.vhdx'}.",
};

const PER_ITEM = ['VirtualMachinePath', 'SnapshotFilePath', 'SmartPagingFilePath', 'Vhds'] as const;

/** Parameters that exist on one of the three cmdlets but not on another (2012 R2 help). */
const NOT_ON: Record<MoveCmdletName, readonly string[]> = {
  'Move-VMStorage': ['DestinationHost', 'IncludeStorage'],
  'Move-VM': ['AllowUnverifiedPaths'],
  'Compare-VM': ['AllowUnverifiedPaths'],
};

/**
 * Normalizes the bound parameters of Move-VM, Move-VMStorage or Compare-VM. Parameter names are
 * matched case-insensitively, and -Name / -VMName are the same parameter (alias) on all three.
 * Throws CommandRefusal (code InvalidParameter) with PowerShell's binder message when the
 * parameters do not form a valid parameter set — the same refusal the console's binder gives,
 * so a command object built by a wizard or a lab cannot sneak past it.
 */
export function toMoveRequest(cmdlet: string, params: Readonly<Record<string, unknown>>, world: World): MoveRequest {
  const name = canonicalCmdlet(cmdlet);
  const p = new ParamReader(params);
  for (const bad of NOT_ON[name]) if (p.has(bad)) throw refuse(bindingMessages.noSuchParameter(bad), bad);

  const vmName = p.string('Name') ?? p.string('VMName');
  const missing: string[] = [];
  if (vmName === undefined) missing.push(name === 'Move-VMStorage' ? 'VMName' : 'Name');
  const destination = p.string('DestinationHost');
  if (name !== 'Move-VMStorage' && destination === undefined) missing.push('DestinationHost');
  if (missing.length > 0) throw refuse(bindingMessages.missingMandatory(missing), missing[0]);

  const singleFolder = p.string('DestinationStoragePath');
  const perItemGiven = PER_ITEM.filter((k) => p.has(k));
  if (singleFolder !== undefined && perItemGiven.length > 0) {
    // Move-VMStorage: two parameter sets, so PowerShell itself refuses. Move-VM / Compare-VM have
    // one set in the 2012 R2 help; the cmdlet refuses the mix too (its own text is unconfirmed),
    // and we give the binder's message for all three so the lesson is the same.
    throw refuse(bindingMessages.cannotResolve, perItemGiven[0]);
  }

  const initiatedOn = resolveInitiatedOn(p.strings('ComputerName'), world, vmName!);
  const retainVhdCopiesOnSource = p.flag('RetainVhdCopiesOnSource');
  const allowUnverifiedPaths = p.flag('AllowUnverifiedPaths');
  const vhds = perItemGiven.includes('Vhds') ? readVhds(p.value('Vhds')) : [];
  const perItem = (): Placement => {
    const out: Placement = { mode: 'PerItem', vhds };
    const configuration = p.string('VirtualMachinePath');
    const snapshots = p.string('SnapshotFilePath');
    const smartPaging = p.string('SmartPagingFilePath');
    if (configuration !== undefined) out.configuration = configuration;
    if (snapshots !== undefined) out.snapshots = snapshots;
    if (smartPaging !== undefined) out.smartPaging = smartPaging;
    return out;
  };

  if (name === 'Move-VMStorage') {
    const placement: Placement = singleFolder !== undefined ? { mode: 'SingleFolder', folder: singleFolder } : perItem();
    return { kind: 'Storage', vmName: vmName!, includeStorage: false, placement, retainVhdCopiesOnSource, allowUnverifiedPaths, initiatedOn };
  }

  let placement: Placement;
  if (singleFolder !== undefined) placement = { mode: 'SingleFolder', folder: singleFolder };
  else if (perItemGiven.length > 0) placement = perItem();
  else if (p.flag('IncludeStorage')) placement = samePathsOnDestination(world, vmName!, initiatedOn);
  else placement = { mode: 'VmOnly' };
  return {
    kind: 'Live',
    vmName: vmName!,
    destinationHost: canonicalHost(world, destination!),
    includeStorage: placement.mode !== 'VmOnly',
    placement,
    retainVhdCopiesOnSource,
    allowUnverifiedPaths,
    initiatedOn,
  };
}

/**
 * `Move-VM <vm> <host> -IncludeStorage` with no path: every file goes to the same path on the
 * destination host. Unconfirmed — the 2012 R2 help does not say; the WMI migration service keeps
 * each resource's path when no new one is given, which is what this models. A VM that cannot be
 * found yields an empty per-item placement; the pre-checks then report the missing VM.
 */
function samePathsOnDestination(world: World, vmName: string, initiatedOn: string): Placement {
  const vm = findVmOn(world, vmName, initiatedOn);
  if (!vm) return { mode: 'PerItem', vhds: [] };
  return {
    mode: 'PerItem',
    configuration: vm.paths.configuration,
    snapshots: vm.paths.snapshots,
    smartPaging: vm.paths.smartPaging,
    vhds: vm.vhds.map((d) => ({ source: d.path, destination: d.path })),
  };
}

/** The VM called `name` (case-insensitive, as Hyper-V matches names) on `host`. */
export function findVmOn(world: World, name: string, host: string): Vm | undefined {
  const n = name.toLowerCase();
  const h = host.toLowerCase();
  return world.vms.find((v) => v.host.toLowerCase() === h && v.name.toLowerCase() === n);
}

function resolveInitiatedOn(computerNames: string[] | undefined, world: World, vmName: string): string {
  const local = world.session.signedInOn;
  if (!computerNames || computerNames.length === 0) return canonicalHost(world, local);
  const hosts = computerNames.map((n) => canonicalHost(world, n === '.' || n.toLowerCase() === 'localhost' ? local : n));
  // -ComputerName HV01,HV02: the cmdlet acts on whichever of them has the VM.
  return hosts.find((h) => findVmOn(world, vmName, h)) ?? hosts[0]!;
}

/** A computer's own spelling when it exists (FQDNs and case folded), else the name as typed. */
export function canonicalHost(world: World, name: string): string {
  const n = name === '.' || name.toLowerCase() === 'localhost' ? world.session.signedInOn : name;
  return findHost(world, n)?.name ?? n;
}

function readVhds(value: unknown): VhdMove[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (!item || typeof item !== 'object') throw refuse(bindingMessages.badVhds, 'Vhds');
    const entries = Object.entries(item as Record<string, unknown>);
    const get = (key: string): unknown => entries.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const source = get('SourceFilePath');
    const destination = get('DestinationFilePath');
    if (typeof source !== 'string' || typeof destination !== 'string' || !source.trim() || !destination.trim()) {
      throw refuse(bindingMessages.badVhds, 'Vhds');
    }
    return { source: source.trim(), destination: destination.trim() };
  });
}

function canonicalCmdlet(cmdlet: string): MoveCmdletName {
  const found = (['Move-VM', 'Move-VMStorage', 'Compare-VM'] as const).find((c) => c.toLowerCase() === cmdlet.toLowerCase());
  if (!found) throw new CommandRefusal(`toMoveRequest does not handle '${cmdlet}'; it handles Move-VM, Move-VMStorage and Compare-VM.`, { code: 'Internal' });
  return found;
}

function refuse(message: string, parameter: string | undefined): CommandRefusal {
  return new CommandRefusal(message, { code: 'InvalidParameter', ...(parameter ? { parameter } : {}) });
}

/** Case-insensitive access to bound parameters; absent, undefined and false switches count as not given. */
class ParamReader {
  private readonly byKey = new Map<string, unknown>();

  constructor(params: Readonly<Record<string, unknown>>) {
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) this.byKey.set(k.toLowerCase(), v);
  }

  value(name: string): unknown {
    return this.byKey.get(name.toLowerCase());
  }

  has(name: string): boolean {
    const v = this.value(name);
    return v !== undefined && v !== false;
  }

  flag(name: string): boolean {
    const v = this.value(name);
    return v === true || v === 'true' || v === '$true';
  }

  string(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const s = (Array.isArray(v) ? String(v[0] ?? '') : String(v)).trim();
    return s.length > 0 ? s : undefined;
  }

  strings(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    return (Array.isArray(v) ? v : [v]).map((x) => String(x).trim()).filter((s) => s.length > 0);
  }
}
