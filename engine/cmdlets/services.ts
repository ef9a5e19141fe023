// Get-Service, Stop-Service, Start-Service and Set-Service over the one service this lab models:
// vmms, Hyper-V's Virtual Machine Management service, on each Hyper-V host (Microsoft Learn,
// "Hyper-V Virtual Machine Management service"). Stopping it leaves the VMs running (their worker
// processes carry on) but nothing can manage them: every Hyper-V cmdlet against that host is
// refused (targets.ts), Hyper-V Manager's server shows no VMs, and a move to or from it fails.
// *Unconfirmed*: stopping it while a move involves the host is refused here (in Windows the move
// would fail instead); the refusal's wording is modelled on Stop-Service's own.
import { CommandRefusal } from '../errors';
import type { Host } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { getServiceSignature, setServiceSignature, startServiceSignature, stopServiceSignature } from './catalog/services';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatcher } from './wildcard';

export const VMMS = { name: 'vmms', displayName: 'Hyper-V Virtual Machine Management' } as const;

/** Whether a host's Virtual Machine Management service runs (absent in the world: it does). */
export function vmmsRunning(host: Host): boolean {
  return host.role === 'HyperV' && host.vmms !== 'Stopped';
}

interface ServiceRow {
  Status: 'Running' | 'Stopped';
  Name: string;
  DisplayName: string;
  MachineName: string;
}

function row(host: Host): ServiceRow {
  return { Status: vmmsRunning(host) ? 'Running' : 'Stopped', Name: VMMS.name, DisplayName: VMMS.displayName, MachineName: host.name };
}

/** PowerShell's own message for a name no service has. */
function noSuchService(name: string): CommandRefusal {
  return new CommandRefusal(`Cannot find any service with service name '${name}'.`, {
    parameter: 'Name',
    code: 'NotFound',
    fix: `This lab models one service, ${VMMS.name} (${VMMS.displayName}), on each Hyper-V host.`,
  });
}

/** The hosts' vmms for the names given (wildcards allowed); an exact name no host has is refused. */
function services(hosts: readonly Host[], names: readonly string[]): Host[] {
  const out: Host[] = [];
  for (const name of names) {
    const match = wildcardMatcher(name);
    const found = hosts.filter((h) => h.role === 'HyperV' && (match(VMMS.name) || sameName(name, VMMS.displayName)));
    if (found.length === 0 && !hasWildcard(name)) throw noSuchService(name);
    for (const h of found) if (!out.includes(h)) out.push(h);
  }
  return out;
}

function setRunning(ctx: CmdletContext, host: Host, running: boolean): void {
  if (vmmsRunning(host) === running) return;
  if (!running) {
    const move = ctx.operations?.activeJobs().find((j) => [j.source, j.destination].some((h) => h !== undefined && sameName(h, host.name)));
    if (move) {
      throw new CommandRefusal(
        `Service '${VMMS.displayName} (${VMMS.name})' cannot be stopped due to the following error: Cannot stop ${VMMS.name} service on computer '${host.name}'.`,
        {
          parameter: 'Name',
          fix: `A move of ${move.vmName ?? 'a virtual machine'} involves ${host.name} (job ${move.id}). Wait for it to finish or cancel it (Stop-Job ${move.id}), then stop the service.`,
          guiFix: `A move of ${move.vmName ?? 'a virtual machine'} involves ${host.name}. Wait for it in the Jobs pane, or cancel it there, then choose Stop Service again.`,
        },
      );
    }
  }
  if (running) delete host.vmms;
  else host.vmms = 'Stopped';
  // The Service Control Manager's event 7036 ("The <service> service entered the <state> state.").
  ctx.log(
    'Information',
    'Service Control Manager',
    `${host.name}: The ${VMMS.displayName} service entered the ${running ? 'running' : 'stopped'} state.`,
    7036,
  );
  ctx.worldChanged();
}

function localHosts(ctx: CmdletContext): Host[] {
  return targetHosts(ctx, {}, 'ComputerName', false);
}

function changeLocal(running: boolean) {
  return (ctx: CmdletContext, params: BoundParams) => {
    const changed = services(localHosts(ctx), stringList(params.Name));
    for (const host of changed) setRunning(ctx, host, running);
    return params.PassThru ? { output: changed.map(row) } : {};
  };
}

export const getService: CmdletDefinition = {
  signature: getServiceSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', false);
    const names = stringList(params.Name);
    return { output: services(hosts, names.length ? names : ['*']).map(row) };
  },
};

export const stopService: CmdletDefinition = { signature: stopServiceSignature, run: changeLocal(false) };
export const startService: CmdletDefinition = { signature: startServiceSignature, run: changeLocal(true) };

export const setService: CmdletDefinition = {
  signature: setServiceSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', false);
    const changed = services(hosts, stringList(params.Name));
    const status = params.Status === undefined ? undefined : String(params.Status);
    if (status === 'Paused') {
      // vmms does not accept pause and continue (its service status reports no such control).
      throw new CommandRefusal(
        `Service '${VMMS.displayName} (${VMMS.name})' cannot be suspended because the service does not support being suspended or resumed.`,
        {
          parameter: 'Status',
        },
      );
    }
    if (status !== undefined) for (const host of changed) setRunning(ctx, host, status === 'Running');
    return params.PassThru ? { output: changed.map(row) } : {};
  },
};
