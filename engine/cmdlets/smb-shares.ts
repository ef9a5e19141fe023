// Get-, New- and Remove-SmbShare, Grant- and Get-SmbShareAccess: the file server's shares, which
// the world keeps per host (host.shares), and who may use them (Microsoft Learn, "New-SmbShare",
// "Grant-SmbShareAccess", "Get-SmbShareAccess"; for Hyper-V over SMB, "Deploy Hyper-V over SMB":
// every Hyper-V host's computer account and the administrators need Full Control).
//
// What a share grants feeds the move pre-checks directly: a Move-VMStorage (or live move) to
// \\FS01\Share is refused with Hyper-V's access-denied text unless the host's computer account has
// Full Control and is not denied (engine/operations/prechecks/shared-storage.ts reads the same
// lists these cmdlets write). Besides the folders New-SmbShare shares, a Windows server shares
// ADMIN$, IPC$ and each volume's X$; Get-SmbShare lists them as Windows does (sorted by name).
//
// Refusal texts: "The name has already been shared." and "The system cannot find the file
// specified." are Windows' messages for NERR_DuplicateShare and ERROR_FILE_NOT_FOUND; "No mapping
// between account names and security IDs was done." is Windows' ERROR_NONE_MAPPED. Which one each
// case gets, and the refusal to remove a share in use by running VMs, are *unconfirmed* choices.
import { CommandRefusal } from '../errors';
import type { Host, Share, World } from '../model/world';
import { forEachVmFile, parsePath } from '../model/paths';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { getSmbShareAccessSignature, getSmbShareSignature, grantSmbShareAccessSignature, newSmbShareSignature, removeSmbShareSignature } from './catalog/smb';
import { cimNotFound } from './net-adapters';
import { findHost, stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

/** The built-in accounts the lab resolves besides DOMAIN\name ones. */
const WELL_KNOWN = ['Everyone', 'Authenticated Users', 'BUILTIN\\Administrators', 'BUILTIN\\Users', 'NT AUTHORITY\\SYSTEM'];

/** A row of Get-SmbShare. */
function shareRow(host: Host, name: string, path: string, description: string, special: boolean, encrypt = false) {
  return {
    Name: name,
    ScopeName: '*',
    Path: path,
    Description: description,
    ShareState: 'Online',
    ShareType: name === 'IPC$' ? 'InterprocessCommunication' : 'FileSystemDirectory',
    Special: special,
    EncryptData: encrypt,
    FolderEnumerationMode: 'Unrestricted',
    CachingMode: special ? 'None' : 'Manual',
    ContinuouslyAvailable: false,
    ConcurrentUserLimit: 0,
    PSComputerName: host.name,
  };
}

/** Every share of a host as Get-SmbShare lists them: the administrative ones and the folders shared, by name. */
export function sharesOf(host: Host) {
  const rows = [
    shareRow(host, 'ADMIN$', 'C:\\Windows', 'Remote Admin', true),
    shareRow(host, 'IPC$', '', 'Remote IPC', true),
    ...host.volumes.map((v) => shareRow(host, `${v.letter}$`, `${v.letter}:\\`, 'Default share', true)),
    ...host.shares.map((s) => shareRow(host, s.name, s.path, s.description ?? '', false, s.encryptData)),
  ];
  return rows.sort((a, b) => a.Name.toUpperCase().localeCompare(b.Name.toUpperCase()));
}

function accessRows(host: Host, s: Share) {
  const row = (AccountName: string, AccessControlType: 'Allow' | 'Deny', AccessRight: string) => ({
    Name: s.name,
    ScopeName: '*',
    AccountName,
    AccessControlType,
    AccessRight,
    PSComputerName: host.name,
  });
  return [
    ...(s.noAccess ?? []).map((a) => row(a, 'Deny', 'Full')),
    ...s.fullControl.map((a) => row(a, 'Allow', 'Full')),
    ...(s.changeAccess ?? []).map((a) => row(a, 'Allow', 'Change')),
    ...(s.readAccess ?? []).map((a) => row(a, 'Allow', 'Read')),
  ];
}

/** The shares (folders shared, not the administrative ones) that -Name names; a plain name that matches none is refused. */
function namedShares(host: Host, params: BoundParams): Share[] {
  const out: Share[] = [];
  for (const pattern of stringList(params.Name)) {
    const matches = host.shares.filter((s) => wildcardMatch(pattern, s.name));
    if (matches.length === 0 && !hasWildcard(pattern)) throw noShare(host, pattern);
    for (const s of matches) if (!out.includes(s)) out.push(s);
  }
  return out;
}

function noShare(host: Host, name: string): CommandRefusal {
  return new CommandRefusal(cimNotFound('MSFT_SmbShare', 'Name', name), {
    parameter: 'Name',
    code: 'NotFound',
    fix: host.shares.length ? `Shares on ${host.name}: ${host.shares.map((s) => s.name).join(', ')}.` : `${host.name} shares no folders yet (New-SmbShare).`,
  });
}

/**
 * An account name as Windows resolves it: a well-known one, or DOMAIN\name in a domain of the lab
 * (DOMAIN\HV01$, DOMAIN\Domain Computers, DOMAIN\Domain Admins...). Returns the canonical spelling.
 */
function resolveAccount(world: World, typed: string, parameter: string): string {
  const known = WELL_KNOWN.find((a) => sameName(a, typed) || sameName(a.replace(/^BUILTIN\\/, ''), typed));
  if (known) return known;
  const m = /^([^\\]+)\\(.+)$/.exec(typed.trim());
  const domains = [...new Set(world.hosts.map((h) => h.domain))];
  const domain = m ? domains.find((d) => sameName(d, m[1]!)) : undefined;
  if (m && domain) {
    const computer = /^(.+)\$$/.exec(m[2]!);
    if (!computer) return `${domain}\\${m[2]!}`;
    const host = world.hosts.find((h) => sameName(h.name, computer[1]!) && sameName(h.domain, domain));
    if (host) return `${domain}\\${host.name}$`;
  }
  throw new CommandRefusal('No mapping between account names and security IDs was done.', {
    parameter,
    fix: `Name an account of the lab's domain${domains.length > 1 ? 's' : ''} (${domains.join(', ')}): a Hyper-V host's computer account is ${domains[0] ?? 'CONTOSO'}\\HOST$ (the host name and a dollar sign); or Everyone.`,
  });
}

function accounts(world: World, params: BoundParams, parameter: string): string[] {
  const out: string[] = [];
  for (const a of stringList(params[parameter])) {
    const r = resolveAccount(world, a, parameter);
    if (!out.some((x) => sameName(x, r))) out.push(r);
  }
  return out;
}

/** VMs whose files a running worker process holds open on a share (they would lose their disks). */
function vmsUsing(ctx: CmdletContext, server: Host, share: Share): string[] {
  const names: string[] = [];
  for (const vm of ctx.world.vms) {
    if (vm.state === 'Off' || vm.state === 'Saved') continue;
    let uses = false;
    forEachVmFile(vm, (_k, path) => {
      const p = parsePath(path);
      if (p?.kind === 'unc' && sameName(p.share, share.name) && findHost(ctx, p.server) === server) uses = true;
    });
    if (uses) names.push(vm.name);
  }
  return names;
}

export const getSmbShare: CmdletDefinition = {
  signature: getSmbShareSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const scopes = stringList(params.ScopeName);
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => {
      const rows = sharesOf(host);
      for (const n of names) if (!hasWildcard(n) && !rows.some((r) => sameName(r.Name, n))) throw noShare(host, n);
      return rows.filter(
        (r) =>
          (names.length === 0 || names.some((p) => wildcardMatch(p, r.Name))) && (scopes.length === 0 || scopes.some((p) => wildcardMatch(p, r.ScopeName))),
      );
    });
    return { output };
  },
};

export const newSmbShare: CmdletDefinition = {
  signature: newSmbShareSignature,
  run(ctx, params) {
    const name = String(params.Name);
    const typedPath = String(params.Path);
    if (/[\\/:*?"<>|]/.test(name) || name.trim() !== name) {
      throw new CommandRefusal('The share name contains characters that are not valid.', {
        parameter: 'Name',
        fix: 'A share name cannot contain \\ / : * ? " < > |.',
      });
    }
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      if (host.shares.some((s) => sameName(s.name, name)) || sharesOf(host).some((r) => sameName(r.Name, name))) {
        throw new CommandRefusal('The name has already been shared.', {
          parameter: 'Name',
          fix: `Get-SmbShare -Name ${name} -CimSession ${host.name} shows the share.`,
        });
      }
      const p = parsePath(typedPath);
      if (!p || p.kind !== 'local') {
        throw new CommandRefusal('The system cannot find the file specified.', {
          parameter: 'Path',
          fix: `-Path is a local folder on ${host.name}, such as D:\\Shares\\${name}.`,
        });
      }
      if (!host.volumes.some((v) => v.letter === p.drive)) {
        throw new CommandRefusal('The system cannot find the file specified.', {
          parameter: 'Path',
          fix: `${host.name} has no volume ${p.drive}:; its volumes are ${host.volumes.map((v) => `${v.letter}:`).join(', ')}.`,
        });
      }
      const path = `${p.drive}:\\${p.segments.join('\\')}`;
      return { host, path };
    });
    const full = accounts(ctx.world, params, 'FullAccess');
    const change = accounts(ctx.world, params, 'ChangeAccess');
    const read = accounts(ctx.world, params, 'ReadAccess');
    const none = accounts(ctx.world, params, 'NoAccess');
    const output = plans.map(({ host, path }) => {
      const share: Share = {
        name,
        path,
        fullControl: full,
        ...(change.length ? { changeAccess: change } : {}),
        // New-SmbShare without any access parameter grants Everyone Read (Microsoft Learn, "New-SmbShare", -ReadAccess).
        ...(read.length || (!full.length && !change.length && !none.length) ? { readAccess: read.length ? read : ['Everyone'] } : {}),
        ...(none.length ? { noAccess: none } : {}),
        ...(params.Description !== undefined ? { description: String(params.Description) } : {}),
        encryptData: params.EncryptData === true,
      };
      host.shares = [...host.shares, share];
      ctx.log('Information', 'Microsoft-Windows-SMBServer', `Share '${name}' created on '${host.name}' for ${path}.`);
      return shareRow(host, share.name, share.path, share.description ?? '', false, share.encryptData);
    });
    ctx.worldChanged();
    return { output };
  },
};

export const removeSmbShare: CmdletDefinition = {
  signature: removeSmbShareSignature,
  run(ctx, params) {
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const shares = namedShares(host, params);
      for (const s of shares) {
        const vms = vmsUsing(ctx, host, s);
        if (vms.length) {
          throw new CommandRefusal(`The share '${s.name}' is in use: ${vms.join(', ')} run${vms.length === 1 ? 's' : ''} from files on it.`, {
            parameter: 'Name',
            fix: `Stop ${vms.length === 1 ? 'the virtual machine' : 'those virtual machines'} or move ${vms.length === 1 ? 'its' : 'their'} storage off \\\\${host.name}\\${s.name} first (Move-VMStorage).`,
          });
        }
      }
      return { host, shares };
    });
    for (const { host, shares } of plans) {
      if (!shares.length) continue;
      host.shares = host.shares.filter((s) => !shares.includes(s));
      for (const s of shares)
        ctx.log('Information', 'Microsoft-Windows-SMBServer', `Share '${s.name}' removed from '${host.name}'; ${s.path} keeps its files.`);
    }
    if (plans.some((p) => p.shares.length)) ctx.worldChanged();
    return {};
  },
};

export const grantSmbShareAccess: CmdletDefinition = {
  signature: grantSmbShareAccessSignature,
  run(ctx, params) {
    const right = params.AccessRight as 'Full' | 'Change' | 'Read';
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => ({ host, shares: namedShares(host, params) }));
    const names = accounts(ctx.world, params, 'AccountName');
    const output = plans.flatMap(({ host, shares }) =>
      shares.flatMap((s) => {
        // An account has one allow entry per share: granting replaces its earlier right (Grant-SmbShareAccess sets, it does not add up).
        const others = (list: readonly string[] | undefined) => (list ?? []).filter((a) => !names.some((n) => sameName(n, a)));
        const next: Share = {
          ...s,
          fullControl: [...others(s.fullControl), ...(right === 'Full' ? names : [])],
          changeAccess: [...others(s.changeAccess), ...(right === 'Change' ? names : [])],
          readAccess: [...others(s.readAccess), ...(right === 'Read' ? names : [])],
        };
        host.shares = host.shares.map((x) => (x === s ? next : x));
        ctx.log('Information', 'Microsoft-Windows-SMBServer', `${names.join(', ')} granted ${right} access to share '${s.name}' on '${host.name}'.`);
        return accessRows(host, next);
      }),
    );
    if (plans.some((p) => p.shares.length)) ctx.worldChanged();
    return { output };
  },
};

export const getSmbShareAccess: CmdletDefinition = {
  signature: getSmbShareAccessSignature,
  run(ctx, params) {
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => namedShares(host, params).flatMap((s) => accessRows(host, s)));
    return { output };
  },
};
