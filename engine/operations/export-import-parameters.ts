// Export and import of virtual machines (Export-VM, Import-VM, Hyper-V Manager's Export... and
// Import Virtual Machine wizard): the facts the lab follows, with their sources, and the choices
// it makes where Microsoft publishes none (*unconfirmed*). Kept apart from the move parameters
// (parameters.ts) so the two can be corrected independently.
//
// Facts:
// - Export-VM makes `<Path>\<VM name>` with three folders: `Virtual Machines` (the configuration,
//   `<ID>.xml` in 2012 R2), `Virtual Hard Disks` and `Snapshots` (Microsoft Learn, "Export-VM",
//   Windows Server 2012 R2 module help).
// - Windows Server 2012 R2 exports a running virtual machine, or one of its checkpoints, without
//   stopping it ("What's New in Hyper-V in Windows Server 2012 R2": "Live export / Export of a
//   running VM"); Windows Server 2012 needed the VM off or saved ("ExportSystemDefinition method of
//   the Msvm_VirtualSystemManagementService class": "The virtual system must be in a powered off or
//   saved state for the export to succeed").
// - Import-VM has three kinds (Microsoft Learn, "Import-VM"; the Import Virtual Machine wizard's
//   Choose Import Type page): register in place (no -Copy: the VM uses the files where they are,
//   same unique ID), restore (-Copy: files copied, same unique ID), copy (-Copy -GenerateNewId:
//   files copied, a new unique ID — "useful when you want to import multiple copies"). With -Copy
//   and no folders, files go to the host's default virtual machine and virtual hard disk folders.

export const ExportImportParameters = {
  /**
   * Setup of an export or import job before bytes move (folders created, configuration read).
   * *Unconfirmed*: the same half second as a storage move's setup (parameters.ts storageSetupMs).
   */
  setupMs: 500,
  /**
   * What a live (running) export captures. *Unconfirmed*: 2012 R2 takes a point-in-time copy of the
   * disks and configuration; the lab exports it as an Off VM (the imported VM starts from its disks,
   * as after a crash-consistent copy), and mirrors no guest writes into the export.
   */
  liveExportState: 'Off' as const,
} as const;

const who = (vm: string) => `'${vm}'`;

/** Texts of the refusals and log lines. Wording *unconfirmed* unless a source is named. */
export const ExportImportTexts = {
  exportFailed: (vm: string) => `${who(vm)} failed to export.`,
  /** Windows Server 2012 refuses a running export (see above); the text is Hyper-V's invalid-state text. */
  exportRunningRefused: (vm: string) => `${who(vm)} failed to export. The operation cannot be performed while the object is in its current state.`,
  /** ERROR_FILE_EXISTS / ERROR_ALREADY_EXISTS are Windows' own; which one Hyper-V shows here is *unconfirmed*. */
  exportFolderExists: (vm: string, folder: string) =>
    `${who(vm)} failed to export. Failed to create folder '${folder}': Cannot create a file when that file already exists. (0x800700B7)`,
  importFailed: (path: string) => `Failed to import a virtual machine from '${path}'.`,
  configurationNotFound: (path: string) => `Failed to import a virtual machine from '${path}'. The system cannot find the file specified. (0x80070002)`,
  nameInUse: (vm: string, host: string) => `Failed to import virtual machine '${vm}'. A virtual machine named '${vm}' already exists on ${host}.`,
  /** Hyper-V's refusal of an ID already registered (register or restore of a VM that still exists). */
  idInUse: () => 'The operation failed because a virtual machine with the same identifier already exists. Select a new identifier and try the operation again.',
  fileExists: (path: string) => `Failed to create '${path}': The file exists. (0x80070050)`,
  exportStarted: (vm: string, id: string, folder: string) => `Export of virtual machine '${vm}' (Virtual machine ID ${id}) to '${folder}' started.`,
  exportCompleted: (vm: string, id: string, folder: string) => `Virtual machine '${vm}' (Virtual machine ID ${id}) was exported to '${folder}'.`,
  exportFailedLog: (vm: string, id: string, reason: string) => `Export of virtual machine '${vm}' (Virtual machine ID ${id}) failed. ${reason}`,
  exportCancelled: (vm: string, id: string) => `Export of virtual machine '${vm}' (Virtual machine ID ${id}) was cancelled; the partial export was deleted.`,
  importStarted: (vm: string, id: string, from: string) => `Import of virtual machine '${vm}' (Virtual machine ID ${id}) from '${from}' started.`,
  importCompleted: (vm: string, id: string, host: string) => `Virtual machine '${vm}' (Virtual machine ID ${id}) was imported on ${host}.`,
  importFailedLog: (vm: string, id: string, reason: string) => `Import of virtual machine '${vm}' (Virtual machine ID ${id}) failed. ${reason}`,
  importCancelled: (vm: string, id: string) => `Import of virtual machine '${vm}' (Virtual machine ID ${id}) was cancelled; the copied files were deleted.`,
  registered: (vm: string, id: string, host: string) => `Virtual machine '${vm}' (Virtual machine ID ${id}) was registered in place on ${host}.`,
} as const;

/** Event IDs of the log lines above: *unconfirmed*, plausible numbers in the VMMS ranges. */
export const ExportImportEventIds = {
  exportStarted: 18300,
  exportCompleted: 18310,
  exportFailed: 18350,
  importStarted: 18500,
  importCompleted: 18510,
  importFailed: 18550,
} as const;
