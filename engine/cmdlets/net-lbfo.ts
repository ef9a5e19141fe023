// New-, Remove- and Get-NetLbfoTeam: NIC teaming (LBFO) as Windows Server 2012 R2 does it
// (Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming"). The world keeps one address-hash mode, so TransportPorts,
// IPAddresses and MacAddresses all become AddressHash (Get-NetLbfoTeam shows TransportPorts).
// Teaming moves IP configuration to the team interface: the team takes the first member's IPv4
// address and the members lose theirs; removing the team gives it back to the first member (a
// simplification: Windows would fall back to DHCP). Refusal texts are plausible, unconfirmed.
import { CommandRefusal } from '../errors';
import type { Host, Nic, Team } from '../model/world';
import type { CmdletDefinition } from './definition';
import { getNetLbfoTeamSignature, newNetLbfoTeamSignature, removeNetLbfoTeamSignature } from './catalog/network';
import { cimNotFound } from './net-adapters';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

/** The most members a 2012 R2 team takes (Microsoft Learn, "NIC Teaming settings"). */
export const MAX_MEMBERS = 32;

const modeToWorld = { SwitchIndependent: 'SwitchIndependent', Static: 'Static', Lacp: 'LACP' } as const;
const modeFromWorld = { SwitchIndependent: 'SwitchIndependent', Static: 'Static', LACP: 'Lacp' } as const;
const algorithmToWorld = {
  TransportPorts: 'AddressHash',
  IPAddresses: 'AddressHash',
  MacAddresses: 'AddressHash',
  HyperVPort: 'HyperVPort',
  Dynamic: 'Dynamic',
} as const;
const algorithmFromWorld = { AddressHash: 'TransportPorts', HyperVPort: 'HyperVPort', Dynamic: 'Dynamic' } as const;

function teamSummary(host: Host, t: Team) {
  const members = host.nics.filter((n) => t.members.some((m) => sameName(m, n.name)));
  const up = members.filter((n) => n.linkUp).length;
  return {
    Name: t.name,
    Members: [...t.members],
    TeamNics: t.name,
    TeamingMode: modeFromWorld[t.mode],
    LoadBalancingAlgorithm: algorithmFromWorld[t.loadBalancing],
    Status: up === 0 ? 'Down' : up < members.length ? 'Degraded' : 'Up',
    PSComputerName: host.name,
  };
}

/** Refuses an adapter that cannot join a team: already teamed, InfiniBand, or bound to a virtual switch. */
export function checkTeamable(host: Host, nic: Nic, parameter: string): void {
  const team = host.teams.find((t) => t.members.some((m) => sameName(m, nic.name)));
  if (team) throw new CommandRefusal(`Network adapter '${nic.name}' is already a member of team '${team.name}'.`, { parameter });
  if (nic.medium === 'InfiniBand' || nic.rdma.type === 'InfiniBand') {
    throw new CommandRefusal(`Network adapter '${nic.name}' cannot be added to a team: InfiniBand adapters cannot be teamed.`, { parameter });
  }
  const vswitch = host.virtualSwitches.find((s) => s.adapter !== undefined && sameName(s.adapter, nic.name));
  if (vswitch) {
    throw new CommandRefusal(`Network adapter '${nic.name}' is bound to the Hyper-V virtual switch '${vswitch.name}' and cannot be added to a team.`, {
      parameter,
    });
  }
}

/** The team a -Team name names on a host, or Get-NetLbfoTeam's not-found refusal. */
export function findTeam(host: Host, name: string, parameter = 'Team'): Team {
  const team = host.teams.find((t) => sameName(t.name, name));
  if (!team) throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeam', 'Name', name), { parameter, code: 'NotFound' });
  return team;
}

export const newNetLbfoTeam: CmdletDefinition = {
  signature: newNetLbfoTeamSignature,
  run(ctx, params) {
    const name = String(params.Name);
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const plans = hosts.map((host) => {
      if (host.teams.some((t) => sameName(t.name, name)) || host.nics.some((n) => sameName(n.name, name))) {
        throw new CommandRefusal(`A network adapter or team named '${name}' already exists on '${host.name}'.`, { parameter: 'Name' });
      }
      const members: Nic[] = [];
      for (const pattern of stringList(params.TeamMembers)) {
        const matches = host.nics.filter((n) => wildcardMatch(pattern, n.name));
        if (matches.length === 0 && !hasWildcard(pattern)) {
          throw new CommandRefusal(cimNotFound('MSFT_NetAdapter', 'Name', pattern), {
            parameter: 'TeamMembers',
            code: 'NotFound',
            fix: `Adapters on ${host.name}: ${host.nics.map((n) => n.name).join(', ')}.`,
          });
        }
        for (const nic of matches) if (!members.includes(nic)) members.push(nic);
      }
      if (members.length === 0) throw new CommandRefusal('No network adapters match -TeamMembers.', { parameter: 'TeamMembers', code: 'NotFound' });
      if (members.length > MAX_MEMBERS) throw new CommandRefusal(`A team can have at most ${MAX_MEMBERS} members.`, { parameter: 'TeamMembers' });
      for (const nic of members) checkTeamable(host, nic, 'TeamMembers');
      return { host, members };
    });
    const mode = modeToWorld[(params.TeamingMode as keyof typeof modeToWorld | undefined) ?? 'SwitchIndependent'];
    const loadBalancing = algorithmToWorld[(params.LoadBalancingAlgorithm as keyof typeof algorithmToWorld | undefined) ?? 'Dynamic'];
    const output = plans.map(({ host, members }) => {
      const addressed = members.find((n) => n.ipAddress !== undefined);
      const team: Team = {
        name,
        members: members.map((n) => n.name),
        mode,
        loadBalancing,
        prefixLength: addressed?.prefixLength ?? 24,
        ...(addressed?.ipAddress ? { ipAddress: addressed.ipAddress } : {}),
        memberAddresses: Object.fromEntries(members.flatMap((n) => (n.ipAddress ? [[n.name, { ipAddress: n.ipAddress, prefixLength: n.prefixLength }]] : []))),
      };
      for (const nic of members) delete nic.ipAddress;
      host.teams = [...host.teams, team]; // replaced, not pushed: a defaulted list may be shared
      ctx.log(
        'Information',
        'Microsoft-Windows-MsLbfoProvider',
        `Team '${name}' created on '${host.name}' with members ${team.members.join(', ')} (${mode}, ${loadBalancing}).`,
      );
      ctx.networkChanged(host.name);
      return teamSummary(host, team);
    });
    ctx.worldChanged();
    return { output };
  },
};

export const removeNetLbfoTeam: CmdletDefinition = {
  signature: removeNetLbfoTeamSignature,
  run(ctx, params) {
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const teams: Team[] = [];
      for (const pattern of stringList(params.Name)) {
        const matches = host.teams.filter((t) => wildcardMatch(pattern, t.name));
        if (matches.length === 0 && !hasWildcard(pattern))
          throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeam', 'Name', pattern), { parameter: 'Name', code: 'NotFound' });
        for (const t of matches) if (!teams.includes(t)) teams.push(t);
      }
      for (const t of teams) {
        const vswitch = host.virtualSwitches.find((s) => s.adapter !== undefined && sameName(s.adapter, t.name));
        if (vswitch) {
          throw new CommandRefusal(`Team '${t.name}' cannot be removed: the Hyper-V virtual switch '${vswitch.name}' is bound to it.`, {
            parameter: 'Name',
            fix: 'Bind the virtual switch to another adapter, or remove the switch first.',
          });
        }
      }
      return { host, teams };
    });
    for (const { host, teams } of plans) {
      for (const t of teams) {
        for (const nic of host.nics) {
          const kept = Object.entries(t.memberAddresses).find(([member]) => sameName(member, nic.name))?.[1];
          if (kept && !nic.ipAddress) Object.assign(nic, kept);
        }
        // A team address no member brought with it (a world file's team) goes to the first member.
        const first = host.nics.find((n) => sameName(n.name, t.members[0] ?? ''));
        if (first && t.ipAddress && !first.ipAddress && !Object.values(t.memberAddresses).some((a) => a.ipAddress === t.ipAddress)) {
          first.ipAddress = t.ipAddress;
          first.prefixLength = t.prefixLength;
        }
        host.teams = host.teams.filter((x) => x !== t);
        ctx.log(
          'Information',
          'Microsoft-Windows-MsLbfoProvider',
          `Team '${t.name}' removed from '${host.name}'; ${t.members.join(', ')} are stand-alone adapters again.`,
        );
      }
      if (teams.length) ctx.networkChanged(host.name);
    }
    if (plans.some((p) => p.teams.length)) ctx.worldChanged();
    return {};
  },
};

export const getNetLbfoTeam: CmdletDefinition = {
  signature: getNetLbfoTeamSignature,
  run(ctx, params) {
    const patterns = stringList(params.Name);
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => {
      for (const p of patterns) {
        if (!hasWildcard(p) && !host.teams.some((t) => sameName(t.name, p)))
          throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeam', 'Name', p), { parameter: 'Name', code: 'NotFound' });
      }
      return host.teams.filter((t) => patterns.length === 0 || patterns.some((p) => wildcardMatch(p, t.name))).map((t) => teamSummary(host, t));
    });
    return { output };
  },
};
