// Checks on the VM itself: its state, its name on the destination, its pass-through disks.
import type { VmState } from '../../model/world';
import { sameName, type Precheck } from './context';
import { error, warning } from './incompatibility';
import { WizardPage } from './wizard-pages';

/**
 * States a move accepts. Unconfirmed in detail, chosen as follows:
 * - Live: Running (a live migration, Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499) or Off (a move of the configuration and files
 *   with no memory to copy — Move-VM moves an Off VM too). Saved and Paused are refused: Hyper-V
 *   live-migrates running VMs, and this model has no saved-state files whose move it could simulate.
 * - Storage: Running (storage migration moves a running VM's disks on the fly, the ADMIN Magazine article on Hyper-V with SMB 3 in Windows Server 2012 R2/Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"),
 *   Off, Saved and Paused (the files are still, which is the easy case).
 * - Starting / Stopping are transitions: never.
 */
const ALLOWED: Record<'Live' | 'Storage', readonly VmState[]> = {
  Live: ['Running', 'Off'],
  Storage: ['Running', 'Off', 'Saved', 'Paused'],
};

export const vmState: Precheck = ({ vm, request }) => {
  if (ALLOWED[request.kind].includes(vm.state)) return [];
  const fixes: Record<VmState, string> = {
    Saved: `Start '${vm.name}' (Start-VM) and move it while it runs, or shut it down and move it while it is off.`,
    Paused: `Resume '${vm.name}' (Resume-VM) and move it while it runs, or shut it down and move it while it is off.`,
    Starting: `Wait until '${vm.name}' has started, then move it.`,
    Stopping: `Wait until '${vm.name}' is off, then move it.`,
    Running: '',
    Off: '',
  };
  // The same advice as the actions of the virtual machine in Hyper-V Manager name it.
  const guiFixes: Record<VmState, string> = {
    ...fixes,
    Saved: `Cancel the wizard, start '${vm.name}' (Start) and move it while it runs, or shut it down and move it while it is off.`,
    Paused: `Cancel the wizard, resume '${vm.name}' (Resume) and move it while it runs, or shut it down and move it while it is off.`,
  };
  return [
    error('vm-state', {
      // The wording Stop-VM uses in this engine (vm-lifecycle.ts); unconfirmed for moves.
      message: `The operation cannot be performed while the virtual machine '${vm.name}' is in its current state (${vm.state}).`,
      source: vm.name,
      fix: fixes[vm.state],
      guiFix: guiFixes[vm.state],
      parameter: request.kind === 'Storage' ? 'VMName' : 'Name',
    }),
  ];
};

/**
 * Hyper-V itself tells VMs apart by ID, but this world keeps names unique per host
 * (model/validate.ts), so a second VM of the same name on the destination would make the world
 * invalid. The text is unconfirmed.
 */
export const nameOnDestination: Precheck = ({ world, vm, destination, live }) => {
  if (!live) return [];
  const other = world.vms.find((v) => v.id !== vm.id && sameName(v.host, destination.name) && sameName(v.name, vm.name));
  if (!other) return [];
  return [
    error('vm-exists-on-destination', {
      message: `A virtual machine named '${vm.name}' already exists on '${destination.name}'.`,
      source: vm.name,
      fix: `Rename one of them first (Rename-VM '${other.name}' -NewName <name> -ComputerName ${destination.name}), or choose another destination host.`,
      guiFix: `Go back to "${WizardPage.destination}" and name another computer, or rename one of the two virtual machines first.`,
      parameter: 'DestinationHost',
    }),
  ];
};

/**
 * Pass-through disks are physical disks of the host: they cannot be moved (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?", end of
 * storage semantics; Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499 "VHDs only (no pass-through)"). A live migration without a cluster cannot
 * take them along, so it is refused. A storage move only moves files: it goes ahead and the
 * pass-through disk simply stays attached — a warning (our reading; the product's text is unconfirmed).
 */
export const passThroughDisks: Precheck = ({ vm, live }) =>
  vm.passThroughDisks.map((d) => {
    const what = `physical disk ${d.diskNumber} on ${d.controller}`;
    return live
      ? error('pass-through-disk', {
          message: `The virtual machine '${vm.name}' cannot be moved because it is attached to a pass-through disk (${what}). Pass-through disks cannot be moved.`,
          source: `Hard Drive (${d.controller})`,
          fix: `Remove the pass-through disk from '${vm.name}' (Remove-VMHardDiskDrive), after copying its data into a VHDX if the VM needs it, then move the VM.`,
          guiFix: `Cancel the wizard. In the settings of '${vm.name}', remove the pass-through disk (after copying its data into a virtual hard disk if the VM needs it), then move the VM.`,
        })
      : warning('pass-through-disk', {
          message: `The pass-through disk (${what}) of '${vm.name}' is not moved: pass-through disks cannot be moved. Only the virtual machine's files move.`,
          source: `Hard Drive (${d.controller})`,
          fix: `Nothing to do if the disk should stay. To move its data, copy it into a VHDX attached to '${vm.name}' and remove the pass-through disk.`,
        });
  });
