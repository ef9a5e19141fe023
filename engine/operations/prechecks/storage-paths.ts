// Checks on the paths a move names: that they are paths, reach a volume that exists, name the
// VM's own disks under the same file names, and do not land on a file that is already there.
// Texts: the Win32 parts are Windows' own; the Hyper-V wrappers are unconfirmed.
import { baseName, forEachVmFile, hostIndexOf, normalizePath, parsePath, resolvePath, samePath } from '../../model/paths';
import { explainPathProblem, MAX_FILE_PATH_CHARS } from '../../common/windows-paths';
import { sameName, type Precheck } from './context';
import { error, type Incompatibility } from './incompatibility';
import { chooseAnotherFolder, firstSentence, WizardOption, WizardPage } from './wizard-pages';

/** Every path the request names must be well-formed and reachable from the destination host. */
export const pathsValid: Precheck = ({ placement }) => {
  const out: Incompatibility[] = [];
  const seen = new Set<string>();
  for (const r of placement.requestedPaths) {
    if (r.located.ok) continue;
    const key = `${r.parameter}|${r.path.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const p = r.located.problem;
    out.push(
      error('path-invalid', {
        message: `Failed to verify the path '${r.path}' on '${p.seenFrom}': ${p.win32}`,
        source: r.path,
        fix: p.fix,
        guiFix: `${chooseAnotherFolder(r.parameter, r.parameter === 'Vhds' ? baseName(r.path) : undefined)}: one that ${p.seenFrom} can reach (Browse... lists its volumes and shares). ${firstSentence(p.fix)}`,
        parameter: r.parameter,
      }),
    );
  }
  // The files Hyper-V would write under a folder that is itself short enough may still pass
  // MAX_PATH ("<folder>\\Virtual Hard Disks\\<disk>", "<folder>\\Snapshots\\<GUID>\\<GUID>.bin"):
  // the longest one per parameter is reported.
  const longest = new Map<string, (typeof placement.files)[number]>();
  for (const f of placement.files) {
    if (f.action === 'stay' || f.kind === 'configuration' || !f.parameter || f.destinationPath.length <= MAX_FILE_PATH_CHARS) continue;
    if (seen.has(`${f.parameter}|${f.destinationPath.toLowerCase()}`)) continue;
    const prior = longest.get(f.parameter);
    if (!prior || prior.destinationPath.length < f.destinationPath.length) longest.set(f.parameter, f);
  }
  for (const [parameter, f] of longest) {
    if (placement.requestedPaths.some((r) => r.parameter === parameter && !r.located.ok)) continue;
    out.push(
      error('path-invalid', {
        message: `Failed to create '${f.destinationPath}': The filename or extension is too long. (0x800700CE)`,
        source: f.label,
        fix: `${explainPathProblem({ kind: 'tooLong', length: f.destinationPath.length, limit: MAX_FILE_PATH_CHARS, what: 'file' })} Choose a shorter destination folder.`,
        parameter,
      }),
    );
  }
  return out;
};

/**
 * -Vhds entries must name disks of this VM, once each; and "the VHD file name must be identical in
 * source and destination" (the Hyper-V module's cmdlet help for Windows Server 2012 R2; the Move-VM help says the same).
 */
export const vhdEntries: Precheck = ({ vm, placement }) => {
  const out: Incompatibility[] = [];
  const attached = vm.vhds.map((d) => d.path).join(', ');
  for (const i of placement.vhdIssues) {
    out.push(
      error('vhd-not-attached', {
        message:
          i.issue === 'notAttached'
            ? `The virtual hard disk '${i.source}' is not attached to virtual machine '${vm.name}'.`
            : `The virtual hard disk '${i.source}' is listed more than once in -Vhds.`,
        source: baseName(i.source) || i.source,
        fix:
          i.issue === 'notAttached'
            ? `SourceFilePath must be the path of one of the VM's disks${attached ? `: ${attached}` : ' (it has none)'}.`
            : 'Give each disk one entry.',
        guiFix: `The disks of '${vm.name}' changed since the wizard opened. Cancel the wizard and start it again.`,
        parameter: 'Vhds',
      }),
    );
  }
  for (const f of placement.files) {
    if (f.kind !== 'vhd' || f.parameter !== 'Vhds') continue;
    const from = baseName(f.sourcePath);
    const to = baseName(f.destinationPath);
    if (sameName(from, to)) continue;
    const folder = parsePath(f.destinationPath) ? f.destinationPath.replace(/[\\/][^\\/]*$/, '') : f.destinationPath;
    out.push(
      error('vhd-name-changed', {
        message: `The virtual hard disk '${f.sourcePath}' cannot be moved to '${f.destinationPath}': the file name must be the same in the source and the destination path.`,
        source: from,
        fix: `Keep the file name: DestinationFilePath = '${folder}\\${from}'. To rename the disk, move it first and rename it with the VM off.`,
        guiFix: `A virtual hard disk keeps its file name when it moves; choose only its folder. ${chooseAnotherFolder('Vhds', from)}.`,
        parameter: 'Vhds',
      }),
    );
  }
  return out;
};

/**
 * Two files of the move may not land on one path, and none may land on a file that is already
 * there and stays (another VM's disk, or one of this VM's files the move leaves in place).
 * The configuration is a folder several VMs may share (each has its own <GUID>.xml), so it is not
 * a file here. "The file exists. (0x80070050)" is Windows' own text.
 */
export const destinationsFree: Precheck = ({ world, vm, placement }) => {
  const out: Incompatibility[] = [];
  const key = (computer: string, localPath: string): string => `${computer.toLowerCase()}|${localPath.toLowerCase()}`;
  const moving = placement.files.filter((f) => f.kind !== 'configuration' && f.action !== 'stay' && f.destination.ok);

  // Files that will still be where they are now.
  const existing = new Map<string, string>();
  const hostIndex = hostIndexOf(world);
  for (const other of world.vms) {
    forEachVmFile(other, (kind, path) => {
      if (kind === 'configuration') return;
      const r = resolvePath(world, other.host, path, hostIndex);
      if (r.ok) existing.set(key(r.value.computer, r.value.localPath), `a file of '${other.name}'`);
    });
  }
  // A virtual hard disk file no VM has attached is a file there too (New-VHD, a removed drive).
  for (const d of world.vhdFiles) existing.set(key(d.computer, normalizePath(d.path)), 'a virtual hard disk that no virtual machine uses');
  for (const f of placement.files) {
    if (f.action !== 'stay' && f.source.ok) existing.delete(key(f.source.at.computer, f.source.at.localPath));
  }

  const claimed = new Map<string, string>();
  for (const f of moving) {
    if (!f.destination.ok) continue;
    const k = key(f.destination.at.computer, f.destination.at.localPath);
    const owner = existing.get(k);
    const twin = claimed.get(k);
    if (owner !== undefined || twin !== undefined) {
      out.push(
        error('file-exists', {
          message: `Failed to create '${f.destinationPath}': The file exists. (0x80070050)`,
          source: f.label,
          fix:
            owner !== undefined
              ? `'${f.destinationPath}' already holds ${owner}. Choose another folder for '${f.label}'.`
              : `'${twin}' and '${f.label}' of '${vm.name}' would both be written to '${f.destinationPath}'. Give them different folders (-Vhds per disk).`,
          guiFix:
            owner !== undefined
              ? `'${f.destinationPath}' already holds ${owner}. ${chooseAnotherFolder(f.parameter, f.kind === 'vhd' ? f.label : undefined)} for '${f.label}'.`
              : `'${twin}' and '${f.label}' would both be written to '${f.destinationPath}'. ${chooseAnotherFolder(f.parameter, f.kind === 'vhd' ? f.label : undefined)} for one of them.`,
          parameter: f.parameter,
        }),
      );
    } else {
      claimed.set(k, f.label);
    }
  }
  return out;
};

/**
 * A storage move whose every file and location is already where it is asked to go moves nothing.
 * Hyper-V's reaction is unconfirmed; the lab refuses it, so that neither Move-VMStorage nor the
 * Move Wizard's Finish starts a job that does nothing (issue 12: a move with nothing to move
 * cannot Finish, and says why).
 */
export const nothingToMove: Precheck = ({ vm, placement, live }) => {
  if (live) return [];
  const { configuration, snapshots, smartPaging } = placement.locations;
  const changes =
    placement.files.some((f) => f.action !== 'stay' || !samePath(f.destinationPath, f.sourcePath)) ||
    configuration.changed ||
    snapshots.changed ||
    smartPaging.changed;
  if (changes || placement.vhdIssues.length > 0) return [];
  const single = placement.mode === 'SingleFolder';
  return [
    error('nothing-to-move', {
      message: `There is nothing to move: the files of '${vm.name}' are already in the locations given.`,
      source: vm.name,
      fix: 'Choose a different destination folder, or name the items to move (-VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath, -Vhds).',
      guiFix: single
        ? `Go back to "${WizardPage.location}" and choose a folder other than the one the files of '${vm.name}' are in now (${configuration.before}).`
        : `Every item selected is already in the folder chosen for it. Go back to "${WizardPage.items}" and select the items to move, then choose a new folder for each; or go back to "${WizardPage.storageOptions}" and choose "${WizardOption.storageSingle}".`,
      parameter: single ? 'DestinationStoragePath' : undefined,
    }),
  ];
};
