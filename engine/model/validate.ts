// Validation of a world: the schema, then the cross-references a schema cannot see. Every error
// names the object and the field (`hosts[HV01].teams[Team1].members[2]`), so a trainer editing a
// lab file finds the line at once. Only truly inconsistent data is refused: a VM whose virtual
// switch is missing on its host is a valid state (live migration pre-checks report it), a VM on a
// host that does not exist is not.
import { macRangeProblem } from '../common/virtual-switch';
import { World, type Host, type Vm } from './world';
import { compileFastParser, FAIL, type FastParser } from './fast-parse';
import { forEachVmFile, hostIndexOf, isUnder, locateVolume, parsePath, pathKey, resolvePath, vmFileField, volumeKey, type VmFile } from './paths';
import { checkVmLimits, HostLoadCheck, VhdOwnerCheck } from './validate-limits';
import { parseSubnet } from '../common/ip-addresses';
import { dcbProblems } from './dcb';

export interface WorldIssue {
  path: string;
  message: string;
}

export type ValidateResult = { ok: true; world: World } | { ok: false; errors: WorldIssue[] };

/**
 * The key that names an element of each list of the world: messages say hosts[HV01] rather than
 * hosts[0], and lab packs patch lists by these names (engine/labs/world-patch.ts).
 */
export const NAMED_LISTS: Readonly<Record<string, string>> = {
  hosts: 'name',
  nics: 'name',
  teams: 'name',
  virtualSwitches: 'name',
  volumes: 'letter',
  shares: 'name',
  vms: 'name',
  checkpoints: 'name',
  policies: 'name',
  trafficClasses: 'name',
};

/** Turns a zod issue path into `hosts[HV01].nics[NIC1].speedGbps`, using names where the input has them. */
export function namedPath(input: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = input;
  let parentKey: string | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = Array.isArray(node) ? (node as unknown[])[seg] : undefined;
      const key = parentKey ? NAMED_LISTS[parentKey] : undefined;
      const label = key && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      out += typeof label === 'string' && label.trim() ? `[${label}]` : `[${seg}]`;
      node = item;
    } else {
      const s = String(seg);
      out += out ? `.${s}` : s;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
      parentKey = s;
    }
  }
  return out || '(root)';
}

/** Schema check plus cross-reference checks; returns the parsed world (defaults applied). */
export function validateWorld(input: unknown): ValidateResult {
  return validate(input, false);
}

function validate(input: unknown, owned: boolean): ValidateResult {
  // Fast path first (same result as zod for valid input); zod explains what is wrong otherwise.
  const fast = owned ? fastWorldInPlace(input) : fastWorld(input);
  let world: World;
  if (fast !== FAIL) {
    world = fast;
  } else {
    const parsed = World.safeParse(input);
    if (!parsed.success) {
      return { ok: false, errors: parsed.error.issues.map((i) => ({ path: namedPath(input, i.path), message: i.message })) };
    }
    world = parsed.data;
  }
  const errors = crossCheck(world);
  return errors.length ? { ok: false, errors } : { ok: true, world };
}

let fastWorldParser: FastParser<World> | undefined;
let fastWorldInPlaceParser: FastParser<World> | undefined;
function fastWorld(input: unknown): World | typeof FAIL {
  fastWorldParser ??= compileFastParser(World);
  return fastWorldParser(input);
}
function fastWorldInPlace(input: unknown): World | typeof FAIL {
  fastWorldInPlaceParser ??= compileFastParser(World, { inPlace: true });
  return fastWorldInPlaceParser(input);
}

/** Cross-reference checks on an already schema-valid world. */
export function crossCheck(world: World): WorldIssue[] {
  const errors: WorldIssue[] = [];
  const err = (path: string, message: string): void => {
    errors.push({ path, message });
  };
  const hostIndex = hostIndexOf(world);

  // Computer names are case-insensitive in Windows. VM names are unique per computer: one set of
  // lower-case names per computer name (shared by computers that clash), found by host object.
  const vmNamesByName = new Map<string, Set<string>>();
  const vmNamesOn = new Map<Host, Set<string>>();
  const hosts = world.hosts;
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!;
    const k = h.name.toLowerCase();
    let vmNames = vmNamesByName.get(k);
    if (vmNames) err(`hosts[${h.name}].name`, `duplicate computer name "${h.name}"`);
    else vmNamesByName.set(k, (vmNames = new Set()));
    vmNamesOn.set(h, vmNames);
    checkHost(h, hostIndex, err);
  }
  if (!hostIndex.has(world.session.signedInOn.toLowerCase())) {
    err('session.signedInOn', `host "${world.session.signedInOn}" does not exist`);
  }

  // The VM loop allocates nothing per VM on the happy path but its lower-case name: a field's
  // path (vms[VM1].id) is written only for an error.
  const usedByVolume = new Map<string, number>();
  const hostLoad = new HostLoadCheck();
  const vhdOwners = new VhdOwnerCheck();
  const seenVmIds = new Map<string, string>();
  const vms = world.vms;
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i]!;
    const idKey = vm.id.toLowerCase();
    const prior = seenVmIds.get(idKey);
    if (prior !== undefined) err(`vms[${vm.name}].id`, `duplicate VM id "${vm.id}" (also used by ${prior})`);
    else seenVmIds.set(idKey, vm.name);
    const host = hostIndex.get(vm.host) ?? hostIndex.get(vm.host.toLowerCase());
    if (!host) {
      err(`vms[${vm.name}].host`, `host "${vm.host}" does not exist`);
      continue;
    }
    if (host.role !== 'HyperV') err(`vms[${vm.name}].host`, `host "${host.name}" is a file server, not a Hyper-V host`);
    const vmNames = vmNamesOn.get(host)!;
    const before = vmNames.size;
    vmNames.add(vm.name.toLowerCase());
    if (vmNames.size === before) err(`vms[${vm.name}].name`, `duplicate VM name "${vm.name}" on ${host.name}`);
    hostLoad.add(host, vm);
    checkVm(vm, hostIndex, usedByVolume, vhdOwners, err);
  }
  hostLoad.report(err);
  vhdOwners.report(world, hostIndex, err);
  if (world.vhdFiles.length) checkUnattachedVhds(world, hostIndex, usedByVolume, err);
  if (world.exports.length) checkExports(world, hostIndex, usedByVolume, err);

  // Free space: other data plus every VM file resolving to the volume must fit.
  const used = usedByVolume;
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!;
    for (let j = 0; j < h.volumes.length; j++) {
      const v = h.volumes[j]!;
      const total = v.otherDataBytes + (used.get(volumeKey(h.name, v.letter)) ?? 0);
      if (total > v.capacityBytes) {
        err(
          `hosts[${h.name}].volumes[${v.letter}].capacityBytes`,
          `files on ${h.name} ${v.letter}: take ${total} bytes, more than its capacity of ${v.capacityBytes} bytes`,
        );
      }
    }
  }
  return errors;
}

type Err = (path: string, message: string) => void;

/** Reports items of a host's list whose `key` (name or letter) repeats, case-insensitively: `hosts[HV01].nics[NIC1].name`. */
function dupes<K extends string>(items: readonly Record<K, string>[], list: string, key: K, what: string, h: Host, err: Err): void {
  if (items.length < 2) return;
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const name = items[i]![key];
    const k = name.toLowerCase();
    if (seen.has(k)) err(`hosts[${h.name}].${list}[${name}].${key}`, `duplicate ${what} "${name}" on ${h.name}`);
    seen.add(k);
  }
}

// Written without a closure, array, iterator or path string per item on the happy path (a
// thousand hosts; this runs once, cold, so for-of would allocate an iterator result per item).
function checkHost(h: Host, hostIndex: Map<string, Host>, err: Err): void {
  const at = `hosts[${h.name}]`;
  dupes(h.nics, 'nics', 'name', 'network adapter name', h, err);
  dupes(h.teams, 'teams', 'name', 'team name', h, err);
  dupes(h.virtualSwitches, 'virtualSwitches', 'name', 'virtual switch name', h, err);
  dupes(h.volumes, 'volumes', 'letter', 'volume letter', h, err);
  dupes(h.shares, 'shares', 'name', 'share name', h, err);

  const nics = new Map<string, Host['nics'][number]>();
  for (let i = 0; i < h.nics.length; i++) nics.set(h.nics[i]!.name.toLowerCase(), h.nics[i]!);
  // A team is an interface of its own: its name must not clash with an adapter's.
  for (let i = 0; i < h.teams.length; i++) {
    const t = h.teams[i]!;
    if (nics.has(t.name.toLowerCase())) err(`${at}.teams[${t.name}].name`, `team name "${t.name}" is already the name of a network adapter on ${h.name}`);
  }

  for (let i = 0; i < h.nics.length; i++) {
    const n = h.nics[i]!;
    if (n.rdma.type === 'InfiniBand' && n.medium !== 'InfiniBand')
      err(`${at}.nics[${n.name}].rdma.type`, 'RDMA type InfiniBand needs an InfiniBand adapter (medium is Ethernet)');
    if ((n.rdma.type === 'iWARP' || n.rdma.type === 'RoCE') && n.medium === 'InfiniBand')
      err(`${at}.nics[${n.name}].rdma.type`, `RDMA type ${n.rdma.type} runs over Ethernet, but the adapter's medium is InfiniBand`);
    if (n.rdma.enabled && n.rdma.type === 'none')
      err(`${at}.nics[${n.name}].rdma.enabled`, 'RDMA cannot be enabled on an adapter that is not RDMA-capable (rdma.type is none)');
  }

  const teamOf = new Map<string, string>();
  for (let ti = 0; ti < h.teams.length; ti++) {
    const t = h.teams[ti]!;
    const inThis = new Set<string>();
    for (let i = 0; i < t.members.length; i++) {
      const m = t.members[i]!;
      const key = m.toLowerCase();
      const nic = nics.get(key);
      if (!nic) {
        err(`${at}.teams[${t.name}].members[${i}]`, `adapter "${m}" does not exist on ${h.name}`);
        continue;
      }
      if (inThis.has(key)) {
        err(`${at}.teams[${t.name}].members[${i}]`, `adapter "${m}" is listed twice in team ${t.name}`);
        continue;
      }
      inThis.add(key);
      const other = teamOf.get(key);
      if (other) err(`${at}.teams[${t.name}].members[${i}]`, `adapter "${m}" is already a member of team ${other}`);
      else teamOf.set(key, t.name);
      if (nic.medium === 'InfiniBand') err(`${at}.teams[${t.name}].members[${i}]`, `adapter "${m}" is InfiniBand: InfiniBand cannot be teamed by the OS`);
      if (nic.ipAddress) err(`${at}.nics[${nic.name}].ipAddress`, `adapter "${nic.name}" is a member of team ${t.name} and cannot have its own IP address`);
    }
  }

  const switchOf = new Map<string, string>();
  for (let i = 0; i < h.virtualSwitches.length; i++) {
    const s = h.virtualSwitches[i]!;
    const sat = `${at}.virtualSwitches[${s.name}]`;
    if (s.type === 'External' && !s.adapter) {
      err(`${sat}.adapter`, 'an External virtual switch must be bound to a network adapter or team');
      continue;
    }
    if (!s.adapter) continue;
    if (s.type !== 'External') {
      err(`${sat}.adapter`, `only an External virtual switch is bound to an adapter (this one is ${s.type})`);
      continue;
    }
    const key = s.adapter.toLowerCase();
    let team: Host['teams'][number] | undefined;
    for (let j = 0; j < h.teams.length; j++) {
      const t = h.teams[j]!;
      if (t.name.toLowerCase() === key) {
        team = t;
        break;
      }
    }
    const nic = nics.get(key);
    if (!team && !nic) {
      err(`${sat}.adapter`, `adapter "${s.adapter}" does not exist on ${h.name}`);
      continue;
    }
    if (nic && teamOf.has(key)) err(`${sat}.adapter`, `adapter "${s.adapter}" is a member of team ${teamOf.get(key)}; bind the switch to the team`);
    if (nic && nic.medium === 'InfiniBand') err(`${sat}.adapter`, `adapter "${s.adapter}" is InfiniBand; a Hyper-V virtual switch needs an Ethernet adapter`);
    const other = switchOf.get(key);
    if (other) err(`${sat}.adapter`, `adapter "${s.adapter}" is already bound to virtual switch ${other}`);
    else switchOf.set(key, s.name);
    const ip = (team ?? nic)?.ipAddress;
    if (ip && !s.allowManagementOS)
      err(`${sat}.allowManagementOS`, `"${s.adapter}" has IP address ${ip}, but the switch does not share it with the management operating system`);
  }

  if (h.macAddressRange) {
    const problem = macRangeProblem(h.macAddressRange.minimum, h.macAddressRange.maximum);
    if (problem) err(`${at}.macAddressRange`, problem);
  }

  for (let i = 0; i < h.shares.length; i++) {
    const sh = h.shares[i]!;
    const p = parsePath(sh.path);
    const sat = `${at}.shares[${sh.name}].path`;
    if (!p || p.kind !== 'local') err(sat, `"${sh.path}" must be a local folder such as D:\\Shares\\VMs`);
    else if (!h.volumes.some((v) => v.letter === p.drive)) err(sat, `volume ${p.drive}: does not exist on ${h.name}`);
  }

  const networks = h.migration.networks;
  for (let i = 0; i < networks.length; i++) {
    const subnet = networks[i]!.subnet;
    if (!parseSubnet(subnet)) err(`${at}.migration.networks[${i}].subnet`, `"${subnet}" is not a valid IPv4 or IPv6 subnet`);
  }

  if (h.dcb) for (const p of dcbProblems(h.dcb)) err(`${at}.dcb.${p.path}`, p.message);

  let aliases: Set<string> | undefined; // built only for a host with constraints
  const constraints = h.smb.constraints;
  for (const server in constraints) {
    const list = constraints[server]!;
    aliases ??= new Set(
      [...h.nics.map((n) => n.name), ...h.teams.map((t) => t.name), ...h.virtualSwitches.map((s) => `vEthernet (${s.name})`)].map((s) => s.toLowerCase()),
    );
    if (!hostIndex.has(server.toLowerCase()) && !hostIndex.has(server.toLowerCase().split('.')[0]!))
      err(`${at}.smb.constraints[${server}]`, `server "${server}" does not exist`);
    list.forEach((a, i) => {
      if (!aliases!.has(a.toLowerCase())) err(`${at}.smb.constraints[${server}][${i}]`, `interface "${a}" does not exist on ${h.name}`);
    });
  }
}

function checkVm(vm: Vm, hostIndex: Map<string, Host>, used: Map<string, number>, vhdOwners: VhdOwnerCheck, err: Err): void {
  const m = vm.memory;
  if (m.minimumBytes > m.startupBytes)
    err(`vms[${vm.name}].memory.minimumBytes`, `minimum memory (${m.minimumBytes}) is more than startup memory (${m.startupBytes})`);
  if (m.maximumBytes < m.startupBytes)
    err(`vms[${vm.name}].memory.maximumBytes`, `maximum memory (${m.maximumBytes}) is less than startup memory (${m.startupBytes})`);
  for (let i = 0; i < vm.vhds.length; i++) {
    const d = vm.vhds[i]!;
    if (d.sizeBytes > d.maxSizeBytes && d.type !== 'Fixed') {
      // A dynamic file can outgrow its maximum only by metadata; more means corrupt data.
      if (d.sizeBytes > d.maxSizeBytes * 1.01 + 64 * 1024 ** 2)
        err(`vms[${vm.name}].vhds[${i}].sizeBytes`, `file size ${d.sizeBytes} exceeds the disk's maximum size ${d.maxSizeBytes}`);
    }
  }
  if (vm.checkpoints.length || typeof vm.parentSnapshotId === 'string') checkCheckpoints(vm, `vms[${vm.name}]`, err);
  checkVmLimits(vm, err);
  // The three folders must be valid paths on an existing volume or share. They are usually one
  // folder (Hyper-V's default), which also holds the configuration file: each is located once.
  const { configuration, snapshots, smartPaging } = vm.paths;
  const inConfiguration = locateVolume(vm.host, configuration, hostIndex);
  const inSnapshots = snapshots === configuration ? inConfiguration : locateVolume(vm.host, snapshots, hostIndex);
  const inSmartPaging =
    smartPaging === configuration ? inConfiguration : smartPaging === snapshots ? inSnapshots : locateVolume(vm.host, smartPaging, hostIndex);
  if (inConfiguration.charCodeAt(0) === 33) err(`vms[${vm.name}].paths.configuration`, inConfiguration.slice(1));
  if (inSnapshots.charCodeAt(0) === 33) err(`vms[${vm.name}].paths.snapshots`, inSnapshots.slice(1));
  if (inSmartPaging.charCodeAt(0) === 33) err(`vms[${vm.name}].paths.smartPaging`, inSmartPaging.slice(1));
  // Every file the simulation tracks, counted on its volume: forEachVmFile's walk, unrolled here
  // because its callback would be a closure per VM (~3 ms over 10,000 VMs). A file in the
  // configuration folder has that folder's answer, whose error was reported above.
  if (inConfiguration.charCodeAt(0) !== 33) used.set(inConfiguration, (used.get(inConfiguration) ?? 0) + vm.configurationSizeBytes);
  for (let i = 0; i < vm.vhds.length; i++) {
    const d = vm.vhds[i]!;
    const k = countFile(vm, 'vhd', d.path, d.sizeBytes, inConfiguration, hostIndex, used, err, i, 0);
    if (k !== undefined) vhdOwners.add(vm, i, k);
  }
  for (let i = 0; i < vm.checkpoints.length; i++) {
    const files = vm.checkpoints[i]!.files;
    for (let j = 0; j < files.length; j++) countFile(vm, 'checkpoint', files[j]!.path, files[j]!.sizeBytes, inConfiguration, hostIndex, used, err, i, j);
  }
  if (vm.smartPagingFile) countFile(vm, 'smartPaging', vm.smartPagingFile.path, vm.smartPagingFile.sizeBytes, inConfiguration, hostIndex, used, err, 0, 0);
}

/**
 * Adds a VM file's bytes to its volume and returns the volume's key, or reports why its path has
 * none (vhds[0].path, checkpoints[0].files[1].path, smartPagingFile.path).
 */
function countFile(
  vm: Vm,
  kind: VmFile['kind'],
  path: string,
  sizeBytes: number,
  inConfiguration: string,
  hostIndex: Map<string, Host>,
  used: Map<string, number>,
  err: Err,
  i: number,
  j: number,
): string | undefined {
  const k = path === vm.paths.configuration ? inConfiguration : locateVolume(vm.host, path, hostIndex);
  if (k.charCodeAt(0) === 33 /* ! */) {
    err(`vms[${vm.name}].${vmFileField(kind, i, j)}`, k.slice(1));
    return undefined;
  }
  used.set(k, (used.get(k) ?? 0) + sizeBytes);
  return k;
}

function checkCheckpoints(vm: Vm, at: string, err: Err): void {
  const cpIds = new Set<string>();
  vm.checkpoints.forEach((c) => {
    if (cpIds.has(c.id.toLowerCase())) err(`${at}.checkpoints[${c.name}].id`, `duplicate checkpoint id "${c.id}"`);
    cpIds.add(c.id.toLowerCase());
  });
  vm.checkpoints.forEach((c) => {
    if (c.parentId && !cpIds.has(c.parentId.toLowerCase())) err(`${at}.checkpoints[${c.name}].parentId`, `parent checkpoint "${c.parentId}" does not exist`);
  });
  if (typeof vm.parentSnapshotId === 'string' && !cpIds.has(vm.parentSnapshotId.toLowerCase())) {
    err(`${at}.parentSnapshotId`, `checkpoint "${vm.parentSnapshotId}" does not exist`);
  }
}

/** Parses JSON text; a syntax error says where (line, column). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; errors: WorldIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    } else if (text.trim() === '') {
      where = ': the file is empty';
    }
    const detail = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON${where}${where.startsWith(':') ? '' : `: ${detail}`}` }] };
  }
}

/** JSON text → validated world. */
export function parseWorldJson(text: string): ValidateResult {
  const j = parseJsonText(text);
  if (!j.ok) return j;
  return validate(j.value, true);
}

/**
 * Exported virtual machines: each in a local folder of an existing computer, one export per
 * folder, every file under that folder on an existing volume and counted in its space.
 */
function checkExports(world: World, hostIndex: Map<string, Host>, used: Map<string, number>, err: Err): void {
  const seen = new Set<string>();
  world.exports.forEach((e, i) => {
    const at = `exports[${i}]`;
    const host = hostIndex.get(e.computer.toLowerCase());
    if (!host) {
      err(`${at}.computer`, `computer "${e.computer}" does not exist`);
      return;
    }
    if (parsePath(e.folder)?.kind !== 'local') {
      err(`${at}.folder`, `"${e.folder}" must be a local path on ${host.name} (such as D:\\Exports\\WEB01)`);
      return;
    }
    const where = `${host.name.toLowerCase()}|${pathKey(e.folder)}`;
    if (seen.has(where)) err(`${at}.folder`, `'${e.folder}' on ${host.name} holds two exports`);
    seen.add(where);
    forEachVmFile(e.vm, (kind, path, sizeBytes, i2, j) => {
      const field = `${at}.vm.${vmFileField(kind, i2, j)}`;
      if (!isUnder(path, e.folder)) {
        err(field, `'${path}' is not in the export folder '${e.folder}'`);
        return;
      }
      const k = locateVolume(host.name, path, hostIndex);
      if (k.charCodeAt(0) === 33) err(field, k.slice(1));
      else used.set(k, (used.get(k) ?? 0) + sizeBytes);
    });
  });
}

/**
 * Virtual hard disk files no VM has attached: each on an existing computer's local volume, once,
 * not also attached to a VM, and counted in its volume's space like any VM file.
 */
function checkUnattachedVhds(world: World, hostIndex: Map<string, Host>, used: Map<string, number>, err: Err): void {
  const attached = new Set<string>();
  for (const vm of world.vms) {
    for (const d of vm.vhds) {
      const r = resolvePath(world, vm.host, d.path, hostIndex);
      if (r.ok) attached.add(`${r.value.computer.toLowerCase()}|${pathKey(r.value.localPath)}`);
    }
  }
  const seen = new Set<string>();
  world.vhdFiles.forEach((d, i) => {
    const at = `vhdFiles[${i}]`;
    const host = hostIndex.get(d.computer.toLowerCase());
    if (!host) {
      err(`${at}.computer`, `computer "${d.computer}" does not exist`);
      return;
    }
    const parsed = parsePath(d.path);
    if (parsed?.kind !== 'local') {
      err(`${at}.path`, `"${d.path}" must be a local path on ${host.name} (such as D:\\VMs\\disk.vhdx)`);
      return;
    }
    const k = locateVolume(host.name, d.path, hostIndex);
    if (k.charCodeAt(0) === 33) {
      err(`${at}.path`, k.slice(1));
      return;
    }
    used.set(k, (used.get(k) ?? 0) + d.sizeBytes);
    const where = `${host.name.toLowerCase()}|${pathKey(d.path)}`;
    if (seen.has(where)) err(`${at}.path`, `'${d.path}' on ${host.name} is listed twice`);
    seen.add(where);
    if (attached.has(where)) err(`${at}.path`, `'${d.path}' on ${host.name} is attached to a virtual machine, so it cannot also be listed as unattached`);
    if (d.type === 'Differencing' && !d.parentPath) err(`${at}.parentPath`, 'a differencing disk needs its parent disk');
    if (d.type !== 'Fixed' && d.sizeBytes > d.maxSizeBytes * 1.01 + 64 * 1024 ** 2)
      err(`${at}.sizeBytes`, `file size ${d.sizeBytes} exceeds the disk's maximum size ${d.maxSizeBytes}`);
  });
}
