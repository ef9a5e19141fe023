// Which VM, on which host, going where. These checks come first and stop the rest when they
// fail: without a VM, or without a Hyper-V host to go to, nothing else can be judged.
import { findHost } from '../../model/paths';
import type { Host, Vm, World } from '../../model/world';
import { sameName } from './context';
import { error, type Incompatibility } from './incompatibility';
import { WizardPage } from './wizard-pages';
import { findVmOn, type MoveRequest } from './move-request';

export type Subject = { ok: true; vm: Vm; source: Host; destination: Host } | { ok: false; errors: Incompatibility[] };

export function findSubject(world: World, request: MoveRequest): Subject {
  const vmParameter = request.kind === 'Storage' ? 'VMName' : 'Name';
  const on = findHost(world, request.initiatedOn);
  if (!on || on.role !== 'HyperV') return { ok: false, errors: [computerUnreachable(world, request.initiatedOn, on)] };
  if (on.vmms === 'Stopped') {
    return {
      ok: false,
      errors: [
        error('computer-unreachable', {
          message: objectNotFoundOn(on.name),
          source: on.name,
          fix: `The Virtual Machine Management service is stopped on ${on.name}. Start it: Set-Service vmms -ComputerName ${on.name} -Status Running.`,
          guiFix: `The Virtual Machine Management service is stopped on ${on.name}. Select ${on.name} in Hyper-V Manager and choose Start Service.`,
          parameter: 'ComputerName',
        }),
      ],
    };
  }

  const vm = findVmOn(world, request.vmName, on.name);
  if (!vm) return { ok: false, errors: [vmNotFound(world, request, on, vmParameter)] };
  const source = findHost(world, vm.host);
  // A VM on a host that does not exist is refused by validateWorld; answer sanely anyway.
  if (!source) return { ok: false, errors: [vmNotFound(world, request, on, vmParameter)] };
  if (request.kind === 'Storage') return { ok: true, vm, source, destination: source };

  const wanted = request.destinationHost ?? '';
  const destination = findHost(world, wanted);
  const hyperVHosts = world.hosts
    .filter((h) => h.role === 'HyperV')
    .map((h) => h.name)
    .join(', ');
  if (!destination) {
    return {
      ok: false,
      errors: [
        error('destination-unknown', {
          // Unconfirmed wrapper (the CredSSP text of the Hyper-V module's cmdlet help for Windows Server 2012 R2 names the same stage); the Winsock text is Windows' own.
          message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${wanted}': No such host is known. (0x80072AF9)`,
          source: wanted,
          fix: `Check the destination's name. The Hyper-V hosts in this lab are ${hyperVHosts}.`,
          guiFix: `Go back to "${WizardPage.destination}" and check the name (Browse... lists the computers). The Hyper-V hosts in this lab are ${hyperVHosts}.`,
          parameter: 'DestinationHost',
        }),
      ],
    };
  }
  if (destination.role !== 'HyperV') {
    return {
      ok: false,
      errors: [
        error('destination-not-hyper-v', {
          // Unconfirmed text.
          message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${destination.name}': The Hyper-V role is not installed on '${destination.name}'.`,
          source: destination.name,
          fix: `${destination.name} is a file server, not a Hyper-V host. Choose one of ${hyperVHosts}.`,
          guiFix: `${destination.name} is a file server, not a Hyper-V host. Go back to "${WizardPage.destination}" and name one of ${hyperVHosts}.`,
          parameter: 'DestinationHost',
        }),
      ],
    };
  }
  if (destination.vmms === 'Stopped') {
    return {
      ok: false,
      errors: [
        error('vmms-stopped', {
          // Unconfirmed wrapper, as above; the Winsock text is Windows' own: nothing listens for the
          // migration on a host whose Virtual Machine Management service is stopped.
          message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${destination.name}': No connection could be made because the target machine actively refused it. (0x8007274D)`,
          source: destination.name,
          fix: `The Virtual Machine Management service is stopped on ${destination.name}. Start it: Set-Service vmms -ComputerName ${destination.name} -Status Running.`,
          guiFix: `The Virtual Machine Management service is stopped on ${destination.name}. Select ${destination.name} in Hyper-V Manager and choose Start Service, then try again.`,
          parameter: 'DestinationHost',
        }),
      ],
    };
  }
  if (sameName(destination.name, source.name)) {
    return {
      ok: false,
      errors: [
        error('same-host', {
          // Unconfirmed text.
          message: `The virtual machine '${vm.name}' is already on host '${source.name}'. The source and destination of a live migration must be different hosts.`,
          source: source.name,
          fix: `To move its files on ${source.name}, move its storage instead: Move-VMStorage -VMName '${vm.name}' -DestinationStoragePath <folder> (Move Wizard: "Move the virtual machine's storage").`,
          guiFix: `Go back to "${WizardPage.destination}" and name another computer; to move its files on ${source.name}, go back to "${WizardPage.moveType}" and choose "Move the virtual machine's storage".`,
          parameter: 'DestinationHost',
        }),
      ],
    };
  }
  return { ok: true, vm, source, destination };
}

/** The Hyper-V module's message for a computer whose Virtual Machine Management service it cannot reach (from product memory; unconfirmed). */
function objectNotFoundOn(name: string): string {
  return `Hyper-V encountered an error trying to access an object on computer '${name}' because the object was not found. The object might have been deleted, or you might not have permission to perform the task. Verify that the Virtual Machine Management service on the computer is running.`;
}

function computerUnreachable(world: World, name: string, host: Host | undefined): Incompatibility {
  const hyperVHosts = world.hosts
    .filter((h) => h.role === 'HyperV')
    .map((h) => h.name)
    .join(', ');
  if (!host) {
    return error('computer-unreachable', {
      // Unconfirmed wrapper; the Winsock text is Windows' own.
      message: `The operation on computer '${name}' failed: No such host is known. (0x80072AF9)`,
      source: name,
      fix: `Check -ComputerName. The Hyper-V hosts in this lab are ${hyperVHosts}.`,
      guiFix: `Cancel the wizard and start it from a server in the list: ${hyperVHosts}.`,
      parameter: 'ComputerName',
    });
  }
  return error('computer-unreachable', {
    // The Hyper-V module's message when the computer has no Hyper-V (from product memory; unconfirmed).
    message: objectNotFoundOn(host.name),
    source: host.name,
    fix: `${host.name} is not a Hyper-V host. Run the command against one of ${hyperVHosts} (-ComputerName).`,
    guiFix: `${host.name} is not a Hyper-V host. Cancel the wizard and start it from one of ${hyperVHosts}.`,
    parameter: 'ComputerName',
  });
}

function vmNotFound(world: World, request: MoveRequest, on: Host, parameter: string): Incompatibility {
  // PowerShell looks the VM up on the computer it talks to, as Get-VM does (vm-lifecycle.ts uses the same text).
  const elsewhere = world.vms.find((v) => sameName(v.name, request.vmName));
  const here = world.vms.filter((v) => sameName(v.host, on.name)).map((v) => v.name);
  return error('vm-not-found', {
    message: `Hyper-V was unable to find a virtual machine with name "${request.vmName}".`,
    source: request.vmName,
    fix: elsewhere
      ? `'${elsewhere.name}' runs on ${elsewhere.host}, not on ${on.name}. Run the command against ${elsewhere.host} (-ComputerName ${elsewhere.host}) or sign in on ${elsewhere.host}.`
      : `Check the name with Get-VM -ComputerName ${on.name}.${here.length ? ` The virtual machines there are ${here.join(', ')}.` : ''}`,
    guiFix: elsewhere
      ? `'${elsewhere.name}' is now on ${elsewhere.host}. Cancel the wizard, select ${elsewhere.host} in the server list and start the move from there.`
      : `'${request.vmName}' is no longer on ${on.name}. Cancel the wizard.`,
    parameter,
  });
}
