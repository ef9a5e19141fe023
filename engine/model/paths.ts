// Windows paths as Hyper-V sees them: local `D:\VMs\X` and UNC `\\FS01\VMs\X`. Windows compares
// paths case-insensitively and accepts `/` for `\`, so every comparison here goes through
// pathKey(). A path resolves, as seen from one computer, to the computer and volume that hold the
// bytes: that is what decides free space and which volume a copy reads or writes.
import type { Host, Share, Vm, World } from './world';
import { explainPathProblem, nameProblem, pathTextProblem } from '../common/windows-paths';
import { ownsAddress, parseIp } from '../common/ip-addresses';

export type ParsedPath = { kind: 'local'; drive: string; segments: string[] } | { kind: 'unc'; server: string; share: string; segments: string[] };

/** Parses a Windows path; undefined when it is neither `X:\...` nor `\\server\share\...`. */
export function parsePath(path: string): ParsedPath | undefined {
  const p = path.trim().replace(/\//g, '\\');
  const local = /^([A-Za-z]):(\\.*)?$/.exec(p);
  if (local) {
    const segments = splitSegments(local[2] ?? '');
    if (!segments) return undefined;
    return { kind: 'local', drive: local[1]!.toUpperCase(), segments };
  }
  const unc = /^\\\\([^\\]+)\\([^\\]+)(\\.*)?$/.exec(p);
  if (unc) {
    const segments = splitSegments(unc[3] ?? '');
    if (!segments) return undefined;
    return { kind: 'unc', server: unc[1]!, share: unc[2]!, segments };
  }
  return undefined;
}

// A name Windows refuses (engine/common/windows-paths.ts: reserved characters, control characters,
// device names such as NUL, a trailing period or space) makes the path invalid.
function splitSegments(rest: string): string[] | undefined {
  const segments = rest.split('\\').filter((s) => s.length > 0 && s !== '.');
  const out: string[] = [];
  for (const s of segments) {
    if (nameProblem(s)) return undefined;
    if (s === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(s);
    }
  }
  return out;
}

export function formatPath(p: ParsedPath): string {
  const tail = p.segments.join('\\');
  if (p.kind === 'local') return `${p.drive}:\\${tail}`;
  return `\\\\${p.server}\\${p.share}${tail ? `\\${tail}` : ''}`;
}

/** Canonical spelling: backslashes, upper-case drive letter, no doubled or trailing separators. */
export function normalizePath(path: string): string {
  const p = parsePath(path);
  return p ? formatPath(p) : path.trim();
}

/** Key for case-insensitive comparison (Windows file systems and SMB are case-insensitive). */
export function pathKey(path: string): string {
  return normalizePath(path).toLowerCase();
}

export function samePath(a: string, b: string): boolean {
  return pathKey(a) === pathKey(b);
}

/** True when `path` is `folder` or lies under it. */
export function isUnder(path: string, folder: string): boolean {
  const p = pathKey(path);
  const f = pathKey(folder).replace(/\\$/, '');
  return p === f || p.startsWith(`${f}\\`);
}

export function joinPath(base: string, ...parts: string[]): string {
  const joined = [base.replace(/[\\/]+$/, ''), ...parts.map((s) => s.replace(/^[\\/]+|[\\/]+$/g, ''))].filter((s) => s.length > 0).join('\\');
  return normalizePath(/^[A-Za-z]:$/.test(joined) ? `${joined}\\` : joined);
}

/** Last segment (file or folder name), '' for a root. */
export function baseName(path: string): string {
  const p = parsePath(path);
  return p?.segments.at(-1) ?? '';
}

/** Parent folder; a root is its own parent. */
export function parentPath(path: string): string {
  const p = parsePath(path);
  if (!p) return path;
  return formatPath({ ...p, segments: p.segments.slice(0, -1) });
}

export interface ResolvedPath {
  /** The computer whose volume holds the bytes. */
  computer: string;
  /** Drive letter of that volume on that computer. */
  volume: string;
  /** Set when reached through SMB: the share name on `computer`. */
  share?: string;
  /** True when the bytes are on another computer than the one looking (SMB traffic). */
  remote: boolean;
  /** The same location as a local path on `computer`. */
  localPath: string;
}

export type ResolveResult = { ok: true; value: ResolvedPath } | { ok: false; message: string };

/**
 * Finds a host by computer name — case-insensitive, and `FS01.contoso.com` matches `FS01` — or by
 * one of its IP addresses (10.10.1.11, or IPv6 in any spelling), as Windows resolves a computer
 * named by address: an adapter's or a team's.
 */
export function findHost(world: World, name: string): Host | undefined {
  if (parseIp(name)) return world.hosts.find((h) => ownsAddress(h, name));
  const key = name.toLowerCase();
  const short = key.split('.')[0]!;
  return world.hosts.find((h) => h.name.toLowerCase() === key) ?? world.hosts.find((h) => h.name.toLowerCase() === short);
}

/**
 * Where a path's bytes live, as seen from `fromHost`. Admin shares (`\\HV02\D$\...`) resolve to
 * that drive. Checks that the volume and share exist, not that the folder does: the simulation
 * tracks files, not empty folders.
 */
export function resolvePath(world: World, fromHost: string, path: string, hostIndex?: ReadonlyMap<string, Host>): ResolveResult {
  const p = parsePath(path);
  if (!p) return { ok: false, message: invalidPathMessage(path) };
  const lookup = (n: string): Host | undefined =>
    hostIndex?.get(n.toLowerCase()) ?? hostIndex?.get(n.toLowerCase().split('.')[0]!) ?? (hostIndex ? undefined : findHost(world, n));
  if (p.kind === 'local') {
    const host = lookup(fromHost);
    if (!host) return { ok: false, message: `computer "${fromHost}" does not exist` };
    if (!host.volumes.some((v) => v.letter === p.drive)) return { ok: false, message: `volume ${p.drive}: does not exist on ${host.name}` };
    return { ok: true, value: { computer: host.name, volume: p.drive, remote: false, localPath: formatPath(p) } };
  }
  const server = lookup(p.server);
  if (!server) return { ok: false, message: `computer "${p.server}" in "${path}" does not exist` };
  const remote = server.name.toLowerCase() !== fromHost.toLowerCase();
  const admin = /^([A-Za-z])\$$/.exec(p.share);
  if (admin) {
    const drive = admin[1]!.toUpperCase();
    if (!server.volumes.some((v) => v.letter === drive)) return { ok: false, message: `volume ${drive}: does not exist on ${server.name}` };
    return {
      ok: true,
      value: { computer: server.name, volume: drive, share: p.share, remote, localPath: formatPath({ kind: 'local', drive, segments: p.segments }) },
    };
  }
  const share = server.shares.find((s) => s.name.toLowerCase() === p.share.toLowerCase());
  if (!share) return { ok: false, message: `share "${p.share}" does not exist on ${server.name}` };
  const target = parsePath(share.path);
  if (!target || target.kind !== 'local')
    return { ok: false, message: `share "${share.name}" on ${server.name} points at "${share.path}", which is not a local path` };
  if (!server.volumes.some((v) => v.letter === target.drive))
    return { ok: false, message: `share "${share.name}" on ${server.name} is on volume ${target.drive}:, which does not exist` };
  return {
    ok: true,
    value: {
      computer: server.name,
      volume: target.drive,
      share: share.name,
      remote,
      localPath: formatPath({ ...target, segments: [...target.segments, ...p.segments] }),
    },
  };
}

/**
 * The volume holding a path's bytes, without building the local path: the hot loop of
 * validation and free-space accounting over large worlds. Same rules as resolvePath().
 * Returns "computer|L" (volumeKey) or an error message prefixed with "!".
 */
const NO_WORLD = { hosts: [] } as unknown as World;

// Per-host letter → volumeKey, cached by host object; rebuilt if the volume list changes length.
const volumeKeyCache = new WeakMap<Host, { n: number; keys: Map<string, string> }>();
function volumeKeysOf(host: Host): Map<string, string> {
  const c = volumeKeyCache.get(host);
  if (c && c.n === host.volumes.length) return c.keys;
  const keys = new Map<string, string>();
  for (let i = 0; i < host.volumes.length; i++) keys.set(host.volumes[i]!.letter, volumeKey(host.name, host.volumes[i]!.letter));
  volumeKeyCache.set(host, { n: host.volumes.length, keys });
  return keys;
}

// A share's folder, parsed once per spelling: every file reached through the share needs its drive.
const shareTargetCache = new WeakMap<Share, { path: string; target: ParsedPath | undefined }>();
function shareTarget(share: Share): ParsedPath | undefined {
  const c = shareTargetCache.get(share);
  if (c && c.path === share.path) return c.target;
  const target = parsePath(share.path);
  shareTargetCache.set(share, { path: share.path, target });
  return target;
}

function isSep(c: number): boolean {
  return c === 92 || c === 47; // \ or /
}

// Searched from a position (lastIndex), so the path is never sliced. SUSPECT finds whatever might
// break a naming rule (a reserved or control character, a device name such as NUL or nul.vhdx, a
// name ending in a period or space, which `.` and `..` also do; anything outside printable ASCII,
// which may be a blank trim() removes): such a path takes the full resolver, which says which
// rule. Its first class is printable ASCII less `"*:<>?|`, negated: one class scans fastest
// (about 0.1 µs a path). UNUSUAL_CHAR: anything outside printable ASCII.
const SUSPECT = /[^ !#-)+-9;=@-{}~]|[\\/](?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?=[\\/. ]|$)|[ .](?=[\\/]|$)/gi;
const UNUSUAL_CHAR = /[^ -~]/g;
function found(re: RegExp, path: string, from: number): boolean {
  re.lastIndex = from;
  return re.test(path);
}

// Drive letter by character code, either case: "D" for both D and d, without toUpperCase (which
// showed in profiles at tens of thousands of paths).
const DRIVE_LETTER: (string | undefined)[] = [];
for (let c = 65; c <= 90; c++) DRIVE_LETTER[c] = DRIVE_LETTER[c + 32] = String.fromCharCode(c);

function invalidPathMessage(path: string): string {
  const problem = pathTextProblem(path, 'file');
  const why = problem && problem.kind !== 'notFullPath' && problem.kind !== 'tooLong' ? explainPathProblem(problem) : undefined;
  return why ? `"${path}" is not a valid path: ${why}` : `"${path}" is not a valid path; use a local path such as D:\\VMs or a share such as \\\\FS01\\VMs`;
}

export function locateVolume(fromHost: string, path: string, hostIndex: ReadonlyMap<string, Host>): string {
  // The usual spellings are read here without parsePath's regex, split and copies (several
  // allocations per file, and a large world has tens of thousands of files). A forbidden
  // character in a file or folder name makes any spelling invalid; anything else unusual (`..`,
  // blanks around it, characters outside printable ASCII) takes the full resolver.
  const n = path.length;
  const c0 = path.charCodeAt(0);
  const drive = DRIVE_LETTER[c0];
  if (drive !== undefined && path.charCodeAt(1) === 58 && (n === 2 || isSep(path.charCodeAt(2)))) {
    if (found(SUSPECT, path, 2)) return locateSlowly(fromHost, path, hostIndex);
    const host = hostIndex.get(fromHost) ?? hostIndex.get(fromHost.toLowerCase());
    if (!host) return `!computer "${fromHost}" does not exist`;
    return volumeKeysOf(host).get(drive) ?? `!volume ${drive}: does not exist on ${host.name}`;
  }
  if (n >= 5 && isSep(c0) && isSep(path.charCodeAt(1))) {
    // \\server\share\rest: server and share are one segment each; only rest's names are checked.
    let i = 2;
    while (i < n && !isSep(path.charCodeAt(i))) i++;
    const serverEnd = i;
    const shareStart = ++i;
    while (i < n && !isSep(path.charCodeAt(i))) i++;
    const shareEnd = i;
    if (serverEnd === 2 || shareEnd === shareStart || path.charCodeAt(n - 1) === 32) return locateSlowly(fromHost, path, hostIndex);
    if (found(SUSPECT, path, shareEnd) || found(UNUSUAL_CHAR, path, 2)) return locateSlowly(fromHost, path, hostIndex);
    const serverName = path.slice(2, serverEnd);
    const lower = serverName.toLowerCase();
    const server = hostIndex.get(lower) ?? hostIndex.get(lower.split('.')[0]!);
    if (!server) return `!computer "${serverName}" in "${path}" does not exist`;
    const shareName = path.slice(shareStart, shareEnd);
    const admin = shareName.length === 2 && shareName.charCodeAt(1) === 36 /* $ */ ? DRIVE_LETTER[shareName.charCodeAt(0)] : undefined;
    if (admin !== undefined) return volumeKeysOf(server).get(admin) ?? `!volume ${admin}: does not exist on ${server.name}`;
    const shareKey = shareName.toLowerCase();
    const share = server.shares.find((s) => s.name.toLowerCase() === shareKey);
    if (!share) return `!share "${shareName}" does not exist on ${server.name}`;
    const target = shareTarget(share);
    if (!target || target.kind !== 'local') return `!share "${share.name}" on ${server.name} points at "${share.path}", which is not a local path`;
    return volumeKeysOf(server).get(target.drive) ?? `!share "${share.name}" on ${server.name} is on volume ${target.drive}:, which does not exist`;
  }
  return locateSlowly(fromHost, path, hostIndex);
}

function locateSlowly(fromHost: string, path: string, hostIndex: ReadonlyMap<string, Host>): string {
  // With an index the full resolver needs no world.
  const r = resolvePath(NO_WORLD, fromHost, path, hostIndex);
  return r.ok ? volumeKey(r.value.computer, r.value.volume) : `!${r.message}`;
}

export interface VmFile {
  /** What the file is, for messages: 'vhd', 'configuration', 'checkpoint', 'smartPaging'. */
  kind: 'vhd' | 'configuration' | 'checkpoint' | 'smartPaging';
  path: string;
  sizeBytes: number;
  /** Field path inside the VM, e.g. vhds[0].path. */
  field: string;
}

/**
 * Every file of a VM the simulation tracks. The configuration file lives in the configuration
 * folder (its size is configurationSizeBytes); checkpoint files and the smart paging file carry
 * their own paths.
 */
export function vmFiles(vm: Vm): VmFile[] {
  const files: VmFile[] = [];
  forEachVmFile(vm, (kind, path, sizeBytes, i, j) => files.push({ kind, path, sizeBytes, field: vmFileField(kind, i, j) }));
  return files;
}

/**
 * Allocation-free walk over a VM's files. `i` is the index of the disk or checkpoint, `j` of the
 * file within a checkpoint; vmFileField() names the field from them when a message needs it.
 */
export function forEachVmFile(vm: Vm, visit: (kind: VmFile['kind'], path: string, sizeBytes: number, i: number, j: number) => void): void {
  visit('configuration', vm.paths.configuration, vm.configurationSizeBytes, 0, 0);
  for (let i = 0; i < vm.vhds.length; i++) {
    const d = vm.vhds[i]!;
    visit('vhd', d.path, d.sizeBytes, i, 0);
  }
  for (let i = 0; i < vm.checkpoints.length; i++) {
    const files = vm.checkpoints[i]!.files;
    for (let j = 0; j < files.length; j++) visit('checkpoint', files[j]!.path, files[j]!.sizeBytes, i, j);
  }
  if (vm.smartPagingFile) visit('smartPaging', vm.smartPagingFile.path, vm.smartPagingFile.sizeBytes, 0, 0);
}

/** Field path inside the VM of a file forEachVmFile visited, e.g. vhds[0].path. */
export function vmFileField(kind: VmFile['kind'], i: number, j: number): string {
  switch (kind) {
    case 'configuration':
      return 'paths.configuration';
    case 'vhd':
      return `vhds[${i}].path`;
    case 'checkpoint':
      return `checkpoints[${i}].files[${j}].path`;
    case 'smartPaging':
      return 'smartPagingFile.path';
  }
}

export interface VolumeUsage {
  computer: string;
  volume: string;
  capacityBytes: number;
  otherDataBytes: number;
  /** Bytes of VM files (any host's VMs, locally or through a share) on this volume. */
  vmFilesBytes: number;
  usedBytes: number;
  /** May be negative in an invalid world; validateWorld refuses that. */
  freeBytes: number;
}

function volumeKey(computer: string, letter: string): string {
  return `${computer.toLowerCase()}|${letter.toUpperCase()}`;
}

export function hostIndexOf(world: World): Map<string, Host> {
  // Keyed by lower-case name, and by the exact spelling too (saves a toLowerCase per lookup).
  const m = new Map<string, Host>();
  const hosts = world.hosts;
  for (let i = 0; i < hosts.length; i++) {
    const key = hosts[i]!.name.toLowerCase();
    if (!m.has(key)) m.set(key, hosts[i]!);
  }
  for (let i = 0; i < hosts.length; i++) if (!m.has(hosts[i]!.name)) m.set(hosts[i]!.name, hosts[i]!);
  return m;
}

/**
 * Bytes of VM files per volume, for the whole world at once ("computer|L" → bytes): every VM's
 * files, the virtual hard disk files no VM has attached (world.vhdFiles) and exported VMs' files.
 */
export function vmFileBytesByVolume(world: World, hostIndex = hostIndexOf(world)): Map<string, number> {
  const used = new Map<string, number>();
  for (const vm of world.vms) {
    forEachVmFile(vm, (_kind, path, sizeBytes) => {
      const k = locateVolume(vm.host, path, hostIndex);
      if (k.startsWith('!')) return;
      used.set(k, (used.get(k) ?? 0) + sizeBytes);
    });
  }
  for (const d of world.vhdFiles ?? []) {
    const k = locateVolume(d.computer, d.path, hostIndex);
    if (!k.startsWith('!')) used.set(k, (used.get(k) ?? 0) + d.sizeBytes);
  }
  for (const e of world.exports ?? []) {
    forEachVmFile(e.vm, (_kind, path, sizeBytes) => {
      const k = locateVolume(e.computer, path, hostIndex);
      if (!k.startsWith('!')) used.set(k, (used.get(k) ?? 0) + sizeBytes);
    });
  }
  return used;
}

/** Space on one volume: other data plus every VM file that resolves to it. */
export function volumeUsage(world: World, host: string, letter: string, byVolume?: Map<string, number>): VolumeUsage | undefined {
  const h = findHost(world, host);
  const v = h?.volumes.find((x) => x.letter === letter.toUpperCase());
  if (!h || !v) return undefined;
  const vmFilesBytes = (byVolume ?? vmFileBytesByVolume(world)).get(volumeKey(h.name, v.letter)) ?? 0;
  const usedBytes = v.otherDataBytes + vmFilesBytes;
  return {
    computer: h.name,
    volume: v.letter,
    capacityBytes: v.capacityBytes,
    otherDataBytes: v.otherDataBytes,
    vmFilesBytes,
    usedBytes,
    freeBytes: v.capacityBytes - usedBytes,
  };
}

export function freeBytes(world: World, host: string, letter: string): number | undefined {
  return volumeUsage(world, host, letter)?.freeBytes;
}

/**
 * The configuration file of an exported VM: `<export folder>\Virtual Machines\<ID>.xml`, what
 * Import-VM -Path names (Microsoft Learn, "Export-VM" and "Import-VM", Windows Server 2012 R2).
 */
export function exportConfigurationPath(folder: string, vmId: string): string {
  return joinPath(folder, 'Virtual Machines', `${vmId}.xml`);
}

export { volumeKey };
