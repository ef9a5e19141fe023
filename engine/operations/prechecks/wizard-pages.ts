// The Move Wizard's pages, as a pre-check's console-worded fix (Incompatibility.guiFix) names
// them: the page to go back to and the option to change there, never a PowerShell parameter.
// Titles from the reference (hyperv-2012r2 §1); the per-item titles are unconfirmed there and are
// the ones the console shows (renderer/stores/wizard-move.ts).

export const WizardPage = {
  moveType: 'Choose Move Type',
  destination: 'Specify Destination Computer',
  moveOptions: 'Choose Move Options',
  storageOptions: 'Choose Options for Moving Storage',
  items: 'Choose Items to Move',
  location: 'Choose a new location for virtual machine',
} as const;

/** The option texts of Choose Move Options and Choose Options for Moving Storage. */
export const WizardOption = {
  vmSingle: "Move the virtual machine's data to a single location",
  vmItems: "Move the virtual machine's data by selecting where to move the items",
  vmOnly: 'Move only the virtual machine',
  storageSingle: "Move all of the virtual machine's data to a single location",
  storageItems: "Move all of the virtual machine's data to different locations",
} as const;

/** The page where the folder of what a move parameter names is chosen; `disk` is a VHD's file name. */
export function folderPageOf(parameter: string | undefined, disk?: string): string {
  switch (parameter) {
    case 'DestinationStoragePath':
      return `"${WizardPage.location}"`;
    case 'VirtualMachinePath':
      return `"Choose a new location for the virtual machine's current configuration"`;
    case 'SnapshotFilePath':
      return `"Choose a new location for the virtual machine's checkpoints"`;
    case 'SmartPagingFilePath':
      return `"Choose a new location for the virtual machine's smart paging file"`;
    case 'Vhds':
      return disk ? `the page with the folder for virtual hard disk ${disk}` : 'the page with the folders for the virtual hard disks';
    default:
      return 'the page where you chose the folder';
  }
}

/** "Go back to <page> and choose another folder" for what a parameter names. */
export function chooseAnotherFolder(parameter: string | undefined, disk?: string): string {
  return `Go back to ${folderPageOf(parameter, disk)} and choose another folder`;
}

/** The first sentence of a text (fixes that go on with PowerShell after a plain first sentence). */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return m ? m[0] : text;
}
