// Get-SmbClientNetworkInterface and Get-SmbMultichannelConnection (reference:
// Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct" for the fields). The connections are those of the computer as SMB
// client: to every file server holding files of its VMs, and to every computer it has an SMB
// transfer with right now (a storage move to a share, a live migration over SMB), or to the
// servers named in -ServerName. The rows come from the Multichannel planner, with the failure
// counts the network fabric has seen.
import type { CmdletDefinition } from '../../cmdlets/definition';
import { getSmbClientNetworkInterfaceSignature, getSmbMultichannelConnectionSignature } from '../../cmdlets/catalog/network';
import { getSmbConnectionSignature, getSmbServerNetworkInterfaceSignature } from '../../cmdlets/catalog/smb';
import { stringList, targetHosts, findHost } from '../../cmdlets/targets';
import { wildcardMatch } from '../../cmdlets/wildcard';
import { clientNetworkInterfaces } from '../../net/multichannel-planner';
import { hostInterfaces } from '../../net/interfaces';
import type { Host } from '../../model/world';
import { forEachVmFile, parsePath } from '../../model/paths';
import { vmFiles } from '../../model/paths';
import { CommandRefusal } from '../../errors';
import { operationsOf } from './common';

export const getSmbClientNetworkInterface: CmdletDefinition = {
  signature: getSmbClientNetworkInterfaceSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const many = hosts.length > 1;
    return { output: hosts.flatMap((h) => clientNetworkInterfaces(h).map((r) => (many ? { ...r, PSComputerName: h.name } : r))) };
  },
};

export const getSmbMultichannelConnection: CmdletDefinition = {
  signature: getSmbMultichannelConnectionSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const clients = targetHosts(ctx, params, 'CimSession', false);
    const named = stringList(params.ServerName);
    const many = clients.length > 1;
    const output: unknown[] = [];
    for (const client of clients) {
      let servers: string[];
      if (named.length) {
        servers = named.map((n) => {
          const h = findHost(ctx, n);
          if (!h)
            throw new CommandRefusal(
              `No MSFT_SmbMultichannelConnection objects found with property 'ServerName' equal to '${n}'. Verify the value of the property and retry.`,
              { parameter: 'ServerName', code: 'NotFound' },
            );
          return h.name;
        });
      } else {
        const set = new Set<string>();
        for (const vm of ctx.world.vms) {
          if (vm.host.toLowerCase() !== client.name.toLowerCase()) continue;
          for (const f of vmFiles(vm)) {
            const p = parsePath(f.path);
            if (p?.kind === 'unc') set.add(findHost(ctx, p.server)?.name ?? p.server);
          }
        }
        for (const id of ops.fabric.liveTransfers()) {
          const plan = ops.fabric.planOf(id);
          if (plan?.client && plan.server && plan.client.toLowerCase() === client.name.toLowerCase()) set.add(plan.server);
        }
        servers = [...set].filter((s) => s.toLowerCase() !== client.name.toLowerCase()).sort();
      }
      for (const server of servers) {
        for (const row of ops.fabric.multichannelConnections(client.name, server)) {
          if (!row.Selected && params.IncludeNotSelected !== true) continue;
          output.push(many ? { ...row, PSComputerName: client.name } : row);
        }
      }
    }
    return { output };
  },
};

/** One row of Get-SmbServerNetworkInterface (Microsoft Learn, "Get-SmbServerNetworkInterface"): one per IP address. */
export function serverNetworkInterfaces(host: Host) {
  return hostInterfaces(host)
    .filter((i) => i.ip)
    .map((i) => ({
      ScopeName: '*',
      InterfaceIndex: i.index,
      RssCapable: i.rss,
      RdmaCapable: i.rdma,
      /** bits per second. */
      LinkSpeed: i.linkSpeedGbps * 1e9,
      IpAddress: i.ip!,
      FriendlyName: i.alias,
    }));
}

export const getSmbServerNetworkInterface: CmdletDefinition = {
  signature: getSmbServerNetworkInterfaceSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const many = hosts.length > 1;
    return { output: hosts.flatMap((h) => serverNetworkInterfaces(h).map((r) => (many ? { ...r, PSComputerName: h.name } : r))) };
  },
};

/** VM states in which the VM's worker process holds its files open (*unconfirmed* for Saved: the lab counts it closed). */
const HOLDS_FILES_OPEN = new Set(['Running', 'Paused', 'Starting', 'Stopping']);

/**
 * Get-SmbConnection: the sessions the computer, as SMB client, has to shares (Microsoft Learn,
 * "Get-SmbConnection"): a share holding files of a VM that runs here (the VM's worker process
 * holds its configuration, disks and checkpoint files open), and a share an SMB transfer is
 * copying through right now (a storage move, one open file). Hyper-V opens them as the computer
 * account (CONTOSO\HV01$). Dialect 3.02 between two 2012 R2 computers, else 3.00 (Microsoft Learn,
 * "SMB 3.0 and 3.02 dialects"). A session with no open file is not listed: the lab does not keep
 * idle sessions.
 */
export const getSmbConnection: CmdletDefinition = {
  signature: getSmbConnectionSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const clients = targetHosts(ctx, params, 'CimSession', false);
    const servers = stringList(params.ServerName);
    const shares = stringList(params.ShareName);
    const many = clients.length > 1;
    const output: unknown[] = [];
    for (const client of clients) {
      const opens = new Map<string, { server: Host; share: string; n: number }>();
      const open = (server: Host | undefined, share: string, n: number) => {
        if (!server || server === client) return;
        const key = `${server.name}\\${share}`.toLowerCase();
        const row = opens.get(key) ?? { server, share: server.shares.find((s) => s.name.toLowerCase() === share.toLowerCase())?.name ?? share, n: 0 };
        row.n += n;
        opens.set(key, row);
      };
      for (const vm of ctx.world.vms) {
        if (vm.host.toLowerCase() !== client.name.toLowerCase() || !HOLDS_FILES_OPEN.has(vm.state)) continue;
        forEachVmFile(vm, (_kind, path) => {
          const p = parsePath(path);
          if (p?.kind === 'unc') open(findHost(ctx, p.server), p.share, 1);
        });
      }
      for (const id of ops.fabric.liveTransfers()) {
        const plan = ops.fabric.planOf(id);
        if (!plan?.client || !plan.server || plan.client.toLowerCase() !== client.name.toLowerCase()) continue;
        const end = plan.request.source.host.toLowerCase() === plan.server.toLowerCase() ? plan.request.source : plan.request.destination;
        if (end.share) open(findHost(ctx, plan.server), end.share, 1);
      }
      const rows = [...opens.values()]
        .filter((r) => servers.length === 0 || servers.some((s) => wildcardMatch(s, r.server.name) || findHost(ctx, s) === r.server))
        .filter((r) => shares.length === 0 || shares.some((s) => wildcardMatch(s, r.share)))
        .sort((a, b) => a.server.name.localeCompare(b.server.name) || a.share.localeCompare(b.share));
      for (const r of rows) {
        const account = `${client.domain}\\${client.name}$`;
        const row = {
          ServerName: r.server.name,
          ShareName: r.share,
          UserName: account,
          Credential: account,
          Dialect: client.os === '2012R2' && r.server.os === '2012R2' ? '3.02' : '3.00',
          NumOpens: r.n,
        };
        output.push(many ? { ...row, PSComputerName: client.name } : row);
      }
    }
    return { output };
  },
};
