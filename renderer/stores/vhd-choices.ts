// What the New Virtual Hard Disk and Edit Virtual Hard Disk wizards check as a page is filled in:
// a format's size limit (TechNet, "Hyper-V Virtual Hard Disk Format Overview": VHDX up to 64 TB,
// VHD up to 2,040 GB; the figures live in engine/common/hyperv-limits.ts), that a file name's
// extension matches the format chosen, and that a name keeps Windows' naming rules. Whether the
// file exists, fits on its volume or is in use is the engine's to say when Finish sends the cmdlet.
import { HYPERV_LIMITS } from '../../engine/common/hyperv-limits';
import { explainPathProblem, pathTextProblem } from '../../engine/common/windows-paths';

export type VhdFormatChoice = 'VHD' | 'VHDX';
export type VhdTypeChoice = 'Fixed' | 'Dynamic' | 'Differencing';

const GB = 1024 ** 3;

/** The largest size, in whole GB, a disk of this format can have (VHD 2,040 GB; VHDX 64 TB = 65,536 GB). */
export function maxSizeGb(format: VhdFormatChoice): number {
  return (format === 'VHD' ? HYPERV_LIMITS.disk.vhdMaxBytes : HYPERV_LIMITS.disk.vhdxMaxBytes) / GB;
}

/** "2040 GB" / "64 TB", as the Configure Disk page says the maximum. */
export function maxSizeText(format: VhdFormatChoice): string {
  return format === 'VHD' ? '2040 GB' : '64 TB';
}

/** The format a file name's extension means, or undefined for another extension. */
export function formatOfName(name: string): VhdFormatChoice | undefined {
  const m = /\.(vhdx?)$/i.exec(name.trim());
  return m ? (m[1]!.toLowerCase() === 'vhd' ? 'VHD' : 'VHDX') : undefined;
}

/** `name` with the extension of `format` (New Virtual Hard Disk.vhd ↔ .vhdx), other names as they are. */
export function withExtension(name: string, format: VhdFormatChoice): string {
  return name.replace(/\.vhdx?$/i, format === 'VHD' ? '.vhd' : '.vhdx');
}

/**
 * A size typed in GB: a whole number from `minGb` to the format's maximum. Returns the number, or
 * the message the page shows under the box.
 */
export function parseSizeGb(text: string, format: VhdFormatChoice, minGb = 1): { gb: number } | { message: string } {
  const t = text.trim();
  const max = maxSizeGb(format);
  if (!/^\d+$/.test(t)) return { message: `Type the size as a whole number of GB, from ${minGb} to ${max}.` };
  const gb = Number(t);
  if (gb > max)
    return {
      message: `The ${format} format supports virtual hard disks up to ${maxSizeText(format)} (${max} GB).${format === 'VHD' ? ' Choose VHDX for a larger disk.' : ''}`,
    };
  if (gb < minGb) return { message: `The size must be at least ${minGb} GB.` };
  return { gb };
}

/** What is wrong with a disk file's name for this format, or undefined. */
export function fileNameProblem(name: string, format: VhdFormatChoice): string | undefined {
  const n = name.trim();
  if (!n) return 'Type a name for the virtual hard disk file.';
  if (/[\\/]/.test(n)) return 'Type the name only; the folder goes in Location.';
  const rule = pathTextProblem(`C:\\${n}`, 'file');
  if (rule) return `The name is not valid. ${explainPathProblem(rule)}`;
  const ext = format === 'VHD' ? '.vhd' : '.vhdx';
  if (formatOfName(n) !== format) return `The file name extension must be ${ext} for the ${format} format chosen on Choose Disk Format.`;
  return undefined;
}

/** What is wrong with a typed path to an existing disk file (before the engine looks for it), or undefined. */
export function diskPathProblem(path: string, what: string): string | undefined {
  const p = path.trim();
  if (!p) return `Type or browse to the ${what}.`;
  const rule = pathTextProblem(p, 'file');
  if (rule) return `The path is not valid. ${explainPathProblem(rule)}`;
  if (!formatOfName(p)) return `The ${what} must be a .vhd or .vhdx file.`;
  return undefined;
}

/** The Summary's and the Properties window's name for a type. */
export function typeText(type: VhdTypeChoice): string {
  return type === 'Fixed' ? 'Fixed size' : type === 'Dynamic' ? 'Dynamically expanding' : 'Differencing';
}
