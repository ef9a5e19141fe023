// Get-, Add-, Remove- and Set-NetLbfoTeamMember: changing who is in a NIC team, and whether a
// member is Active or Standby (Microsoft Learn, "Add-NetLbfoTeamMember", "Set-NetLbfoTeamMember",
// "NIC Teaming settings": "Standby adapter ... carries no traffic until an active member fails";
// one standby member at most, and only in a Switch Independent team).
//
// A membership change is a network change: the host's interfaces are rebuilt (engine/net/
// interfaces.ts), so transfers crossing the host are re-planned at once — a joined adapter stops
// being an interface of its own and loses RDMA for SMB (teamed adapters are never RDMA-capable),
// a removed one gets its own address back and, if RDMA is enabled on it, SMB Direct again.
// Refusal texts not shown in a public transcript are plausible and *unconfirmed*.
import { CommandRefusal } from '../errors';
import type { Host, Nic, Team } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import {
  addNetLbfoTeamMemberSignature,
  getNetLbfoTeamMemberSignature,
  removeNetLbfoTeamMemberSignature,
  setNetLbfoTeamMemberSignature,
} from './catalog/network';
import { adaptersOf, cimNotFound } from './net-adapters';
import { checkTeamable, findTeam, MAX_MEMBERS } from './net-lbfo';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

/** One member as MSFT_NetLbfoTeamMember shows it. */
export function memberRow(host: Host, team: Team, nic: Nic) {
  const standby = team.standbyMember !== undefined && sameName(team.standbyMember, nic.name);
  // A standby member carries traffic once no active member is up (engine/net/interfaces.ts).
  const activeUp = team.members.some((m) => !sameName(m, team.standbyMember ?? '') && host.nics.some((n) => sameName(n.name, m) && n.linkUp));
  const operational = !nic.linkUp ? 'Failed' : standby && activeUp ? 'Standby' : 'Active';
  const speed = nic.linkUp ? nic.speedGbps * 1e9 : 0;
  return {
    Name: nic.name,
    InterfaceDescription: adaptersOf(host).find((a) => a.kind === 'nic' && sameName(a.name, nic.name))?.description ?? nic.name,
    Team: team.name,
    AdministrativeMode: standby ? 'Standby' : 'Active',
    OperationalStatus: operational,
    TransmitLinkSpeed: speed,
    ReceiveLinkSpeed: speed,
    FailureReason: nic.linkUp ? 'NoFailure' : 'PhysicalMediaDisconnected',
    PSComputerName: host.name,
  };
}

function nicOf(host: Host, name: string): Nic | undefined {
  return host.nics.find((n) => sameName(n.name, name));
}

/** The rows of a team's members, in the team's order. */
function rowsOf(host: Host, team: Team) {
  return team.members.flatMap((m) => {
    const nic = nicOf(host, m);
    return nic ? [memberRow(host, team, nic)] : [];
  });
}

/** A Standby mode allowed by 2012 R2's rules for this team, or a refusal that says which rule. */
function checkStandby(team: Team, member: string, parameter: string): void {
  if (team.mode !== 'SwitchIndependent') {
    throw new CommandRefusal(`Team '${team.name}' is in ${team.mode} mode: only a Switch Independent team can have a standby member.`, {
      parameter,
      fix: `Set-NetLbfoTeam -Name ${team.name} -TeamingMode SwitchIndependent first, or keep every member Active.`,
    });
  }
  if (team.standbyMember !== undefined && !sameName(team.standbyMember, member)) {
    throw new CommandRefusal(`Team '${team.name}' already has a standby member ('${team.standbyMember}'); a team can have only one.`, {
      parameter,
      fix: `Set-NetLbfoTeamMember -Name ${team.standbyMember} -Team ${team.name} -AdministrativeMode Active first.`,
    });
  }
  if (team.members.every((m) => sameName(m, member))) {
    throw new CommandRefusal(`'${member}' is the only member of team '${team.name}': a team needs at least one active member.`, { parameter });
  }
}

function changed(ctx: CmdletContext, host: Host, message: string): void {
  ctx.log('Information', 'Microsoft-Windows-MsLbfoProvider', message);
  ctx.networkChanged(host.name);
  ctx.worldChanged();
}

export const getNetLbfoTeamMember: CmdletDefinition = {
  signature: getNetLbfoTeamMemberSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const teams = stringList(params.Team);
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => {
      for (const t of teams) if (!hasWildcard(t)) findTeam(host, t);
      const rows = host.teams.filter((t) => teams.length === 0 || teams.some((p) => wildcardMatch(p, t.name))).flatMap((t) => rowsOf(host, t));
      for (const n of names) {
        if (!hasWildcard(n) && !rows.some((r) => sameName(r.Name, n)))
          throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeamMember', 'Name', n), { parameter: 'Name', code: 'NotFound' });
      }
      return rows.filter((r) => names.length === 0 || names.some((p) => wildcardMatch(p, r.Name)));
    });
    return { output };
  },
};

export const addNetLbfoTeamMember: CmdletDefinition = {
  signature: addNetLbfoTeamMemberSignature,
  run(ctx, params) {
    const name = String(params.Name);
    const standby = params.AdministrativeMode === 'Standby';
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const team = findTeam(host, String(params.Team));
      const nic = nicOf(host, name);
      if (!nic) {
        throw new CommandRefusal(cimNotFound('MSFT_NetAdapter', 'Name', name), {
          parameter: 'Name',
          code: 'NotFound',
          fix: `Adapters on ${host.name}: ${host.nics.map((n) => n.name).join(', ')}.`,
        });
      }
      checkTeamable(host, nic, 'Name');
      if (team.members.length >= MAX_MEMBERS) throw new CommandRefusal(`A team can have at most ${MAX_MEMBERS} members.`, { parameter: 'Name' });
      if (standby) checkStandby({ ...team, members: [...team.members, nic.name] }, nic.name, 'AdministrativeMode');
      return { host, team, nic };
    });
    const output = plans.map(({ host, team, nic }) => {
      // Windows unbinds TCP/IP from a member but keeps its settings: removing it from the team gives them back.
      const kept = nic.ipAddress ? { [nic.name]: { ipAddress: nic.ipAddress, prefixLength: nic.prefixLength } } : {};
      const next: Team = {
        ...team,
        members: [...team.members, nic.name],
        memberAddresses: { ...team.memberAddresses, ...kept },
        ...(standby ? { standbyMember: nic.name } : {}),
      };
      if (next.ipAddress === undefined && nic.ipAddress !== undefined) {
        next.ipAddress = nic.ipAddress;
        next.prefixLength = nic.prefixLength;
      }
      delete nic.ipAddress;
      host.teams = host.teams.map((t) => (t === team ? next : t));
      changed(ctx, host, `Adapter '${nic.name}' added to team '${team.name}' on '${host.name}'${standby ? ' as a standby member' : ''}.`);
      return memberRow(host, next, nic);
    });
    return params.PassThru ? { output } : {};
  },
};

export const removeNetLbfoTeamMember: CmdletDefinition = {
  signature: removeNetLbfoTeamMemberSignature,
  run(ctx, params) {
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const team = findTeam(host, String(params.Team));
      const leaving: string[] = [];
      for (const pattern of stringList(params.Name)) {
        const matches = team.members.filter((m) => wildcardMatch(pattern, m));
        if (matches.length === 0 && !hasWildcard(pattern))
          throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeamMember', 'Name', pattern), {
            parameter: 'Name',
            code: 'NotFound',
            fix: `Members of ${team.name}: ${team.members.join(', ')}.`,
          });
        for (const m of matches) if (!leaving.includes(m)) leaving.push(m);
      }
      if (leaving.length > 0 && leaving.length >= team.members.length) {
        throw new CommandRefusal(`A team needs at least one member: removing ${leaving.join(', ')} would leave team '${team.name}' empty.`, {
          parameter: 'Name',
          fix: `Remove-NetLbfoTeam -Name ${team.name} removes the team itself.`,
        });
      }
      return { host, team, leaving };
    });
    const output = plans.flatMap(({ host, team, leaving }) => {
      if (leaving.length === 0) return [];
      const rows = leaving.flatMap((m) => {
        const nic = nicOf(host, m);
        return nic ? [memberRow(host, team, nic)] : [];
      });
      const isLeaving = (m: string) => leaving.some((l) => sameName(l, m));
      const members = team.members.filter((m) => !isLeaving(m));
      const memberAddresses = Object.fromEntries(Object.entries(team.memberAddresses).filter(([m]) => !isLeaving(m)));
      const next: Team = { ...team, members, memberAddresses };
      if (team.standbyMember !== undefined && isLeaving(team.standbyMember)) delete next.standbyMember;
      // The team interface keeps its own address; each leaving adapter gets back the one it brought (if any).
      for (const m of leaving) {
        const nic = nicOf(host, m);
        const kept = Object.entries(team.memberAddresses).find(([k]) => sameName(k, m))?.[1];
        if (nic && kept && kept.ipAddress !== team.ipAddress) Object.assign(nic, kept);
      }
      host.teams = host.teams.map((t) => (t === team ? next : t));
      changed(ctx, host, `Adapter(s) ${leaving.join(', ')} removed from team '${team.name}' on '${host.name}'.`);
      return rows;
    });
    return params.PassThru ? { output } : {};
  },
};

export const setNetLbfoTeamMember: CmdletDefinition = {
  signature: setNetLbfoTeamMemberSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const teams = stringList(params.Team);
    const mode = params.AdministrativeMode as 'Active' | 'Standby' | undefined;
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      for (const t of teams) if (!hasWildcard(t)) findTeam(host, t);
      const chosen = host.teams
        .filter((t) => teams.length === 0 || teams.some((p) => wildcardMatch(p, t.name)))
        .flatMap((team) => team.members.filter((m) => names.length === 0 || names.some((p) => wildcardMatch(p, m))).map((member) => ({ team, member })));
      for (const n of names) {
        if (!hasWildcard(n) && !chosen.some((c) => sameName(c.member, n)))
          throw new CommandRefusal(cimNotFound('MSFT_NetLbfoTeamMember', 'Name', n), { parameter: 'Name', code: 'NotFound' });
      }
      if (mode === 'Standby') {
        const perTeam = new Map<Team, string[]>();
        for (const c of chosen) perTeam.set(c.team, [...(perTeam.get(c.team) ?? []), c.member]);
        for (const [team, members] of perTeam) {
          if (members.length > 1) {
            throw new CommandRefusal(`Only one member of team '${team.name}' can be Standby; ${members.join(', ')} were chosen.`, { parameter: 'Name' });
          }
          checkStandby(team, members[0]!, 'AdministrativeMode');
        }
      }
      return { host, chosen };
    });
    const output = plans.flatMap(({ host, chosen }) => {
      let any = false;
      for (const { team, member } of chosen) {
        const current = host.teams.find((t) => sameName(t.name, team.name))!;
        const isStandby = current.standbyMember !== undefined && sameName(current.standbyMember, member);
        if (mode === 'Standby' && !isStandby) {
          host.teams = host.teams.map((t) => (t === current ? { ...t, standbyMember: member } : t));
          any = true;
        } else if (mode === 'Active' && isStandby) {
          const next = { ...current };
          delete next.standbyMember;
          host.teams = host.teams.map((t) => (t === current ? next : t));
          any = true;
        }
      }
      if (any) changed(ctx, host, `Team member(s) ${chosen.map((c) => c.member).join(', ')} on '${host.name}' set to ${mode}.`);
      return chosen.flatMap(({ team, member }) => {
        const t = host.teams.find((x) => sameName(x.name, team.name))!;
        const nic = nicOf(host, member);
        return nic ? [memberRow(host, t, nic)] : [];
      });
    });
    return params.PassThru ? { output } : {};
  },
};
