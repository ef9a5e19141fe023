// Which computers and virtual machines a command acts on. A Hyper-V cmdlet acts on the computers
// in -ComputerName, a CIM cmdlet on those in -CimSession, and without either on the computer the
// console is signed in on (world.session.signedInOn) — as PowerShell acts on the local machine.
// A VM is looked up only on those computers: Set-VMMemory SQL01 run on HV02 does not find a VM
// that lives on HV01 (the fix says to add -ComputerName HV01), exactly the trap the exam sets.
import { CommandRefusal } from '../errors';
import type { Host, Vm } from '../model/world';
import type { CmdletContext } from './definition';
import { findHost as findHostByName } from '../model/paths';
import type { BoundParams } from './signature';
import { hasWildcard, sameName, wildcardMatcher } from './wildcard';

const localNames = new Set(['localhost', '.', '127.0.0.1', '::1']);

export function stringList(v: BoundParams[string] | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return [String(v)];
}

/** A host by the name a user typed: short name, FQDN (HV01.contoso.com), one of its IP addresses, or localhost. */
export function findHost(ctx: CmdletContext, typed: string): Host | undefined {
  return findHostByName(ctx.world, localNames.has(typed.toLowerCase()) ? ctx.world.session.signedInOn : typed);
}

/**
 * The computers a command acts on. Unknown names are refused in the words of the transport; the
 * texts are unconfirmed and shared with the move pre-checks (engine/operations/prechecks/subject.ts).
 */
export function targetHosts(ctx: CmdletContext, params: BoundParams, parameter: 'ComputerName' | 'CimSession', hyperV: boolean): Host[] {
  const typed = stringList(params[parameter]);
  const names = typed.length ? typed : [ctx.world.session.signedInOn];
  const hyperVHosts = ctx.world.hosts
    .filter((h) => h.role === 'HyperV')
    .map((h) => h.name)
    .join(', ');
  const hosts: Host[] = [];
  for (const name of names) {
    const host = findHost(ctx, name);
    if (!host) {
      const message = hyperV
        ? `The operation on computer '${name}' failed: No such host is known. (0x80072AF9)`
        : `The WinRM client cannot process the request because the server name '${name}' cannot be resolved.`;
      throw new CommandRefusal(message, { parameter, code: 'NotFound', fix: `Computers in this lab: ${ctx.world.hosts.map((h) => h.name).join(', ')}.` });
    }
    if (hyperV && host.role !== 'HyperV') {
      throw new CommandRefusal(objectNotFoundOn(host.name), {
        parameter,
        fix: `${host.name} is not a Hyper-V host. Run the command against one of ${hyperVHosts} (-ComputerName).`,
      });
    }
    if (hyperV && host.vmms === 'Stopped') throw vmmsStopped(host, parameter);
    if (!hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

/**
 * A Hyper-V cmdlet against a host whose Virtual Machine Management service is stopped: the Hyper-V
 * module's message for a computer it cannot reach the service on (the same one as for a computer
 * without Hyper-V, which names the service), with how to start it.
 */
/** The Hyper-V module's message when it cannot reach a computer's Virtual Machine Management service (unconfirmed; shared with the move pre-checks' wording). */
function objectNotFoundOn(name: string): string {
  return `Hyper-V encountered an error trying to access an object on computer '${name}' because the object was not found. The object might have been deleted, or you might not have permission to perform the task. Verify that the Virtual Machine Management service on the computer is running.`;
}

export function vmmsStopped(host: Host, parameter: string): CommandRefusal {
  return new CommandRefusal(objectNotFoundOn(host.name), {
    parameter,
    fix: `The Virtual Machine Management service is stopped on ${host.name}. Start it: Set-Service vmms -ComputerName ${host.name} -Status Running (or Start-Service vmms on ${host.name}).`,
    guiFix: `The Virtual Machine Management service is stopped on ${host.name}. Select ${host.name} in Hyper-V Manager and choose Start Service.`,
  });
}

export function vmNotFound(ctx: CmdletContext, name: string, parameter: string): CommandRefusal {
  const elsewhere = ctx.world.vms.find((v) => sameName(v.name, name));
  return new CommandRefusal(`Hyper-V was unable to find a virtual machine with name "${name}".`, {
    parameter,
    code: 'NotFound',
    ...(elsewhere ? { fix: `'${elsewhere.name}' runs on ${elsewhere.host}: add -ComputerName ${elsewhere.host}.` } : {}),
  });
}

/** The VMs named by `parameter` (wildcards allowed) on the hosts of -ComputerName. */
export function targetVms(ctx: CmdletContext, params: BoundParams, parameter: string): Vm[] {
  const hosts = targetHosts(ctx, params, 'ComputerName', true);
  // A Set keeps `-Name *` over thousands of VMs linear (an array's includes() made it quadratic).
  const on = new Set(hosts.map((h) => h.name.toLowerCase()));
  const out = new Set<Vm>();
  for (const name of stringList(params[parameter])) {
    const match = wildcardMatcher(name);
    const matches = ctx.world.vms.filter((vm) => on.has(vm.host.toLowerCase()) && match(vm.name));
    if (matches.length === 0 && !hasWildcard(name)) throw vmNotFound(ctx, name, parameter);
    for (const vm of matches) out.add(vm);
  }
  return [...out];
}

export function hostOfVm(ctx: CmdletContext, vm: Vm): Host | undefined {
  return ctx.world.hosts.find((h) => sameName(h.name, vm.host));
}
