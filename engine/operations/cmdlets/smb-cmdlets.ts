// Get-SmbClientNetworkInterface and Get-SmbMultichannelConnection (reference:
// Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct" for the fields). The connections are those of the computer as SMB
// client: to every file server holding files of its VMs, and to every computer it has an SMB
// transfer with right now (a storage move to a share, a live migration over SMB), or to the
// servers named in -ServerName. The rows come from the Multichannel planner, with the failure
// counts the network fabric has seen.
import type { CmdletDefinition } from '../../cmdlets/definition';
import { getSmbClientNetworkInterfaceSignature, getSmbMultichannelConnectionSignature } from '../../cmdlets/catalog/network';
import { stringList, targetHosts, findHost } from '../../cmdlets/targets';
import { clientNetworkInterfaces } from '../../net/multichannel-planner';
import { parsePath } from '../../model/paths';
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
