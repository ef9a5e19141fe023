// New-, Get- and Remove-SmbMultichannelConstraint, and Update-SmbMultichannelConnection. A
// constraint tells the SMB client to reach one server only through the named interfaces (Microsoft
// Learn, "New-SmbMultichannelConstraint"; Jose Barreto, "The basics of SMB Multichannel"): the
// world keeps them per client computer as server → interface aliases (host.smb.constraints), and
// the Multichannel planner honours them for every new plan; the SMB transfers crossing the client
// are re-planned at once. Refusal texts for an unknown interface or server are *unconfirmed*.
import { CommandRefusal } from '../errors';
import type { Host } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import {
  getSmbMultichannelConstraintSignature,
  newSmbMultichannelConstraintSignature,
  removeSmbMultichannelConstraintSignature,
  updateSmbMultichannelConnectionSignature,
} from './catalog/smb';
import { adaptersOf, type AdapterView } from './net-adapters';
import { stableGuid } from './stable-guid';
import { findHost, stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

/** One row of Get-SmbMultichannelConstraint (one per server and interface). */
export interface SmbMultichannelConstraintRow {
  ServerName: string;
  InterfaceAlias: string;
  InterfaceIndex: number;
  InterfaceGuid: string;
}

function constraintRows(h: Host): SmbMultichannelConstraintRow[] {
  const adapters = adaptersOf(h);
  const rows: SmbMultichannelConstraintRow[] = [];
  for (const [server, aliases] of Object.entries(h.smb.constraints)) {
    for (const alias of aliases) {
      const a = adapters.find((x) => sameName(x.name, alias));
      rows.push({
        ServerName: server,
        InterfaceAlias: a?.name ?? alias,
        InterfaceIndex: a?.ifIndex ?? 0,
        InterfaceGuid: `{${stableGuid(`${h.name}/${a?.name ?? alias}`, a?.ifIndex ?? 0)}}`,
      });
    }
  }
  return rows;
}

/** The client interfaces named by -InterfaceAlias or -InterfaceIndex; every one must exist. */
function namedInterfaces(h: Host, params: BoundParams): AdapterView[] {
  const adapters = adaptersOf(h);
  const out: AdapterView[] = [];
  const add = (a: AdapterView) => {
    if (!out.includes(a)) out.push(a);
  };
  for (const alias of stringList(params.InterfaceAlias)) {
    const a = adapters.find((x) => sameName(x.name, alias));
    if (!a) throw noInterface(h, `'${alias}'`, 'InterfaceAlias', adapters);
    add(a);
  }
  for (const index of (params.InterfaceIndex as number[] | undefined) ?? []) {
    const a = adapters.find((x) => x.ifIndex === index);
    if (!a) throw noInterface(h, `with index ${index}`, 'InterfaceIndex', adapters);
    add(a);
  }
  return out;
}

function noInterface(h: Host, what: string, parameter: string, adapters: AdapterView[]): CommandRefusal {
  return new CommandRefusal(`No network interface ${what} exists on '${h.name}'.`, {
    parameter,
    code: 'NotFound',
    fix: `Interfaces on ${h.name}: ${adapters.map((a) => `${a.name} (${a.ifIndex})`).join(', ')}.`,
  });
}

/** The key a constraint is kept under: the server's own name when the lab knows it, else as typed. */
function serverKey(ctx: CmdletContext, typed: string): string {
  const server = findHost(ctx, typed);
  if (!server) {
    throw new CommandRefusal(`The SMB server '${typed}' cannot be found: its name does not resolve in this lab.`, {
      parameter: 'ServerName',
      code: 'NotFound',
      fix: `Computers in this lab: ${ctx.world.hosts.map((x) => x.name).join(', ')}.`,
    });
  }
  return server.name;
}

export const newSmbMultichannelConstraint: CmdletDefinition = {
  signature: newSmbMultichannelConstraintSignature,
  run(ctx, params) {
    const server = serverKey(ctx, String(params.ServerName));
    const plans = targetHosts(ctx, params, 'CimSession', false).map((h) => {
      if (sameName(h.name, server)) {
        throw new CommandRefusal(`'${h.name}' is the server itself: a Multichannel constraint applies to the connections a client opens to another server.`, {
          parameter: 'ServerName',
        });
      }
      return { h, interfaces: namedInterfaces(h, params) };
    });
    const output: SmbMultichannelConstraintRow[] = [];
    for (const { h, interfaces } of plans) {
      const key = Object.keys(h.smb.constraints).find((k) => sameName(k, server)) ?? server;
      const had = h.smb.constraints[key] ?? [];
      const added = interfaces.map((a) => a.name).filter((n) => !had.some((x) => sameName(x, n)));
      h.smb.constraints = { ...h.smb.constraints, [key]: [...had, ...added] };
      if (added.length) {
        ctx.log('Information', 'Microsoft-Windows-SMBClient', `SMB Multichannel constraint on '${h.name}': connections to ${key} may use ${added.join(', ')}.`);
        ctx.networkChanged(h.name);
      }
      output.push(...constraintRows(h).filter((r) => sameName(r.ServerName, key) && interfaces.some((a) => a.name === r.InterfaceAlias)));
    }
    ctx.worldChanged();
    return { output };
  },
};

/** The constraint rows of a host that -ServerName, -InterfaceAlias and -InterfaceIndex select (wildcards allowed). */
function selectConstraints(h: Host, params: BoundParams): SmbMultichannelConstraintRow[] {
  const servers = stringList(params.ServerName);
  const aliases = stringList(params.InterfaceAlias);
  const indexes = (params.InterfaceIndex as number[] | undefined) ?? [];
  const rows = constraintRows(h).filter(
    (r) =>
      (servers.length === 0 || servers.some((s) => wildcardMatch(s, r.ServerName) || sameName(s.split('.')[0]!, r.ServerName))) &&
      (aliases.length === 0 || aliases.some((a) => wildcardMatch(a, r.InterfaceAlias))) &&
      (indexes.length === 0 || indexes.includes(r.InterfaceIndex)),
  );
  for (const s of servers) {
    if (!hasWildcard(s) && !rows.some((r) => sameName(r.ServerName, s) || sameName(s.split('.')[0]!, r.ServerName))) {
      throw new CommandRefusal(
        `No MSFT_SmbMultichannelConstraint objects found with property 'ServerName' equal to '${s}'.  Verify the value of the property and retry.`,
        { parameter: 'ServerName', code: 'NotFound' },
      );
    }
  }
  return rows;
}

export const getSmbMultichannelConstraint: CmdletDefinition = {
  signature: getSmbMultichannelConstraintSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const many = hosts.length > 1;
    return { output: hosts.flatMap((h) => selectConstraints(h, params).map((r) => (many ? { ...r, PSComputerName: h.name } : r))) };
  },
};

export const removeSmbMultichannelConstraint: CmdletDefinition = {
  signature: removeSmbMultichannelConstraintSignature,
  run(ctx, params) {
    const plans = targetHosts(ctx, params, 'CimSession', false).map((h) => ({ h, rows: selectConstraints(h, params) }));
    let any = false;
    for (const { h, rows } of plans) {
      if (rows.length === 0) continue;
      any = true;
      const next: Record<string, string[]> = {};
      for (const [server, aliases] of Object.entries(h.smb.constraints)) {
        const kept = aliases.filter((a) => !rows.some((r) => r.ServerName === server && sameName(r.InterfaceAlias, a)));
        if (kept.length) next[server] = kept;
      }
      h.smb.constraints = next;
      ctx.log(
        'Information',
        'Microsoft-Windows-SMBClient',
        `SMB Multichannel constraints removed on '${h.name}': ${rows.map((r) => `${r.ServerName} via ${r.InterfaceAlias}`).join(', ')}.`,
      );
      ctx.networkChanged(h.name);
    }
    if (any) ctx.worldChanged();
    return {};
  },
};

export const updateSmbMultichannelConnection: CmdletDefinition = {
  signature: updateSmbMultichannelConnectionSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    for (const typed of stringList(params.ServerName)) serverKey(ctx, typed);
    // The lab's plans already follow every change; this re-plans the computer's SMB transfers
    // again, as the real cmdlet makes the client re-evaluate its interfaces now.
    for (const h of hosts) ctx.networkChanged(h.name);
    return {};
  },
};
