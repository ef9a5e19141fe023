// Get-VMProcessor, the integration services (Get-/Enable-/Disable-VMIntegrationService), the BIOS of
// a generation 1 VM (Get-/Set-VMBios) and the firmware of a generation 2 VM (Get-/Set-VMFirmware):
// VM Settings' Processor, Integration Services, BIOS and Firmware sections. Names, texts and
// defaults are engine/common/vm-configuration.ts's. As with Set-VM, every VM named is checked
// before any changes, and none changes while a move of it is queued or running.
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import {
  BIOS_DEVICES,
  INTEGRATION_SERVICES,
  biosStartupOrder,
  firmwareBootOrder,
  integrationServiceEnabled,
  numaNodeOf,
  processorControlOf,
  type BiosDevice,
} from '../common/vm-configuration';
import { refuseWhileMoving } from '../operations/configuration-lock';
import {
  disableVmIntegrationServiceSignature,
  enableVmIntegrationServiceSignature,
  getVmBiosSignature,
  getVmFirmwareSignature,
  getVmIntegrationServiceSignature,
  getVmProcessorSignature,
  setVmBiosSignature,
  setVmFirmwareSignature,
} from './catalog/vm-configuration';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { hostOfVm, stringList, targetVms } from './targets';
import { hasWildcard, wildcardMatch } from './wildcard';

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Changes, logged once per VM; the world is marked changed when anything changed. */
function commit(ctx: CmdletContext, changes: { vm: Vm; what: string[] }[]): void {
  let changed = false;
  for (const { vm, what } of changes) {
    if (!what.length) continue;
    changed = true;
    ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' configuration changed: ${what.join('; ')}.`);
  }
  if (changed) ctx.worldChanged();
}

/** What Get-VMProcessor writes (Set-VMProcessor -Passthru too): the properties the lab models. */
export function processorSummary(ctx: CmdletContext, vm: Vm) {
  const control = processorControlOf(vm.processor);
  const host = hostOfVm(ctx, vm);
  const node = host ? numaNodeOf({ cores: host.cpu.cores, memoryBytes: host.memoryBytes }) : undefined;
  return {
    VMName: vm.name,
    ComputerName: vm.host,
    Count: vm.processorCount,
    CompatibilityForMigrationEnabled: vm.compatibilityForMigration,
    Reserve: control.reserve,
    Maximum: control.maximum,
    RelativeWeight: control.relativeWeight,
    MaximumCountPerNumaNode: node?.processors ?? vm.processorCount,
    MaximumCountPerNumaSocket: 1,
  };
}

export const getVmProcessor: CmdletDefinition = {
  signature: getVmProcessorSignature,
  run(ctx, params) {
    return { output: targetVms(ctx, params, 'VMName').map((vm) => processorSummary(ctx, vm)) };
  },
};

// ── Integration services ────────────────────────────────────────────────────────────────────

/** The services -Name picks (wildcards allowed); an unknown name is refused with the ones there are. */
function pickServices(params: BoundParams): (typeof INTEGRATION_SERVICES)[number][] {
  const names = stringList(params.Name);
  if (!names.length) return [...INTEGRATION_SERVICES];
  for (const n of names) {
    if (!hasWildcard(n) && !INTEGRATION_SERVICES.some((s) => wildcardMatch(n, s.name))) {
      // *Unconfirmed* wording (Hyper-V's "unable to find" pattern).
      throw new CommandRefusal(`Hyper-V was unable to find an integration service with name "${n}".`, {
        parameter: 'Name',
        code: 'NotFound',
        fix: `The integration services of a 2012 R2 virtual machine: ${INTEGRATION_SERVICES.map((s) => s.name).join(', ')}.`,
      });
    }
  }
  return INTEGRATION_SERVICES.filter((s) => names.some((n) => wildcardMatch(n, s.name)));
}

function serviceObject(vm: Vm, service: (typeof INTEGRATION_SERVICES)[number]) {
  const enabled = integrationServiceEnabled(vm.integrationServices, service.name);
  // The guest reports a service only while it runs (the lab's guests have the 2012 R2 components).
  const running = vm.state === 'Running';
  return {
    VMName: vm.name,
    ComputerName: vm.host,
    Name: service.name,
    Enabled: enabled,
    PrimaryStatusDescription: enabled && running ? 'OK' : '',
    SecondaryStatusDescription: '',
  };
}

export const getVmIntegrationService: CmdletDefinition = {
  signature: getVmIntegrationServiceSignature,
  run(ctx, params) {
    const services = pickServices(params);
    return { output: targetVms(ctx, params, 'VMName').flatMap((vm) => services.map((s) => serviceObject(vm, s))) };
  },
};

function toggleServices(enabled: boolean): CmdletDefinition['run'] {
  return (ctx, params) => {
    const services = pickServices(params);
    const vms = targetVms(ctx, params, 'VMName');
    for (const vm of vms) refuseWhileMoving(ctx.operations, vm, 'VMName');
    const changes = vms.map((vm) => {
      const what: string[] = [];
      for (const s of services) {
        if (integrationServiceEnabled(vm.integrationServices, s.name) === enabled) continue;
        vm.integrationServices = { ...vm.integrationServices, [s.name]: enabled };
        what.push(`integration service '${s.name}' ${enabled ? 'enabled' : 'disabled'}`);
      }
      return { vm, what };
    });
    commit(ctx, changes);
    return params.Passthru ? { output: vms.flatMap((vm) => services.map((s) => serviceObject(vm, s))) } : {};
  };
}

export const enableVmIntegrationService: CmdletDefinition = { signature: enableVmIntegrationServiceSignature, run: toggleServices(true) };
export const disableVmIntegrationService: CmdletDefinition = { signature: disableVmIntegrationServiceSignature, run: toggleServices(false) };

// ── BIOS (generation 1) and firmware (generation 2) ─────────────────────────────────────────

/** Hyper-V's refusal of the BIOS cmdlets on a generation 2 VM, and of the firmware ones on generation 1. */
function wrongGeneration(vm: Vm, want: 'Bios' | 'Firmware'): CommandRefusal {
  return want === 'Bios'
    ? new CommandRefusal('Generation 2 virtual machines do not support the VMBios cmdlets. Use Get-VMFirmware and Set-VMFirmware instead.', {
        parameter: 'VMName',
        code: 'InvalidParameter',
        fix: `'${vm.name}' is a generation 2 virtual machine: it has UEFI firmware, not a BIOS.`,
      })
    : new CommandRefusal('Generation 1 virtual machines do not support the VMFirmware cmdlets. Use Get-VMBios and Set-VMBios instead.', {
        parameter: 'VMName',
        code: 'InvalidParameter',
        fix: `'${vm.name}' is a generation 1 virtual machine: it has a BIOS, not UEFI firmware.`,
      });
}

/** The startup devices and Secure Boot change only while the VM is off (Hyper-V Manager greys them out; *unconfirmed* for the boot order). */
function needsOff(vm: Vm, device: 'BIOS' | 'Firmware', parameter: string): CommandRefusal {
  return new CommandRefusal(
    `'${vm.name}' failed to modify device '${device}'. The operation cannot be performed while the virtual machine is in its current state.`,
    { parameter, fix: `The virtual machine is ${vm.state}; turn it off first: Stop-VM -Name ${psQuote(vm.name)}` },
  );
}

export function biosSummary(vm: Vm) {
  return {
    VMName: vm.name,
    ComputerName: vm.host,
    StartupOrder: biosStartupOrder(vm.bios?.startupOrder, vm.bootDevice),
    NumLockEnabled: vm.bios?.numLock ?? false,
  };
}

export const getVmBios: CmdletDefinition = {
  signature: getVmBiosSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    for (const vm of vms) if (vm.generation !== 1) throw wrongGeneration(vm, 'Bios');
    return { output: vms.map(biosSummary) };
  },
};

export const setVmBios: CmdletDefinition = {
  signature: setVmBiosSignature,
  run(ctx, params) {
    if (params.EnableNumLock === true && params.DisableNumLock === true) {
      throw new CommandRefusal('Specify either -EnableNumLock or -DisableNumLock, not both.', { parameter: 'DisableNumLock', code: 'InvalidParameter' });
    }
    const order = params.StartupOrder !== undefined ? (stringList(params.StartupOrder) as BiosDevice[]) : undefined;
    if (order) {
      const missing = BIOS_DEVICES.filter((d) => !order.includes(d));
      if (order.length !== BIOS_DEVICES.length || missing.length) {
        // *Unconfirmed* wording; the rule (each of the four devices once) is Set-VMBios's.
        throw new CommandRefusal(
          `The startup order must name each of the four devices once: ${BIOS_DEVICES.join(', ')}.${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}`,
          { parameter: 'StartupOrder', code: 'InvalidParameter' },
        );
      }
    }
    const numLock = params.EnableNumLock === true ? true : params.DisableNumLock === true ? false : undefined;
    const vms = targetVms(ctx, params, 'VMName');
    for (const vm of vms) {
      if (vm.generation !== 1) throw wrongGeneration(vm, 'Bios');
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      if (vm.state !== 'Off' && (order !== undefined || numLock !== undefined)) throw needsOff(vm, 'BIOS', order ? 'StartupOrder' : 'EnableNumLock');
    }
    const changes = vms.map((vm) => {
      const what: string[] = [];
      if (order && order.join() !== biosStartupOrder(vm.bios?.startupOrder, vm.bootDevice).join()) {
        vm.bios = { ...vm.bios, startupOrder: order };
        what.push(`BIOS startup order: ${order.join(', ')}`);
      }
      if (numLock !== undefined && numLock !== (vm.bios?.numLock ?? false)) {
        vm.bios = { ...vm.bios, numLock };
        what.push(`Num Lock ${numLock ? 'on' : 'off'}`);
      }
      return { vm, what };
    });
    commit(ctx, changes);
    return params.Passthru ? { output: vms.map(biosSummary) } : {};
  },
};

export function firmwareSummary(vm: Vm) {
  return {
    VMName: vm.name,
    ComputerName: vm.host,
    SecureBoot: (vm.firmware?.secureBoot ?? true) ? 'On' : 'Off',
    BootOrder: firmwareBootOrder(vm, vm.firmware?.bootOrder).map((e) => ({ BootType: e.bootType, Device: e.device, Location: e.key, Description: e.detail })),
  };
}

export const getVmFirmware: CmdletDefinition = {
  signature: getVmFirmwareSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    for (const vm of vms) if (vm.generation !== 2) throw wrongGeneration(vm, 'Firmware');
    return { output: vms.map(firmwareSummary) };
  },
};

/** -BootOrder / -FirstBootDevice as the VM's new boot order of device keys; refuses a device it does not have. */
function plannedBootOrder(vm: Vm, params: BoundParams): string[] | undefined {
  const current = firmwareBootOrder(vm, vm.firmware?.bootOrder);
  const keys = current.map((e) => e.key);
  const resolve = (typed: string, parameter: string): string => {
    const found = keys.find((k) => k.toUpperCase() === typed.trim().toUpperCase().replace(/\s+/g, ' '));
    if (found === undefined) {
      // *Unconfirmed* wording.
      throw new CommandRefusal(`'${vm.name}' has no boot device '${typed}'.`, {
        parameter,
        code: 'InvalidParameter',
        fix: `Its boot devices: ${keys.map((k) => `'${k}'`).join(', ') || 'none'} (Get-VMFirmware lists them).`,
      });
    }
    return found;
  };
  if (params.BootOrder !== undefined) {
    const typed = stringList(params.BootOrder).map((t) => resolve(t, 'BootOrder'));
    const twice = typed.find((k, i) => typed.indexOf(k) !== i);
    if (twice !== undefined) {
      throw new CommandRefusal(`The boot order names '${twice}' twice: name each device once.`, { parameter: 'BootOrder', code: 'InvalidParameter' });
    }
    // Devices left out keep their relative order after the named ones (firmwareBootOrder appends them).
    return typed;
  }
  if (params.FirstBootDevice !== undefined) {
    const first = resolve(String(params.FirstBootDevice), 'FirstBootDevice');
    return [first, ...keys.filter((k) => k !== first)];
  }
  return undefined;
}

export const setVmFirmware: CmdletDefinition = {
  signature: setVmFirmwareSignature,
  run(ctx, params) {
    if (params.BootOrder !== undefined && params.FirstBootDevice !== undefined) {
      throw new CommandRefusal('Specify either -BootOrder or -FirstBootDevice, not both.', { parameter: 'FirstBootDevice', code: 'InvalidParameter' });
    }
    const vms = targetVms(ctx, params, 'VMName');
    const plans = vms.map((vm) => {
      if (vm.generation !== 2) throw wrongGeneration(vm, 'Firmware');
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      const order = plannedBootOrder(vm, params);
      if (vm.state !== 'Off' && (order !== undefined || params.EnableSecureBoot !== undefined)) {
        throw needsOff(vm, 'Firmware', order ? (params.BootOrder !== undefined ? 'BootOrder' : 'FirstBootDevice') : 'EnableSecureBoot');
      }
      return { vm, order };
    });
    const secureBoot = params.EnableSecureBoot !== undefined ? params.EnableSecureBoot === 'On' : undefined;
    const changes = plans.map(({ vm, order }) => {
      const what: string[] = [];
      if (order) {
        const before = firmwareBootOrder(vm, vm.firmware?.bootOrder).map((e) => e.key);
        const after = firmwareBootOrder(vm, order).map((e) => e.key);
        if (before.join('\n') !== after.join('\n')) {
          vm.firmware = { ...vm.firmware, bootOrder: after };
          what.push(`boot order: ${after.join(', ')}`);
        }
      }
      if (secureBoot !== undefined && secureBoot !== (vm.firmware?.secureBoot ?? true)) {
        vm.firmware = { ...vm.firmware, secureBoot };
        what.push(`Secure Boot ${secureBoot ? 'on' : 'off'}`);
      }
      return { vm, what };
    });
    commit(ctx, changes);
    return params.Passthru ? { output: vms.map(firmwareSummary) } : {};
  },
};
