// Folder paths as Hyper-V checks them before it changes a setting: the syntax of a Windows path
// (a local D:\... or an SMB share \\Server\Share\...), then whether the host can reach it —
// the drive exists, the share exists and grants the host's computer account access
// (reference hyperv-2012r2 §5: "the share grants full control to every Hyper-V host's
// computer account"). Messages are the Win32 error texts with their HRESULTs.
import type { Host, World } from '../model/world';
import { sameName } from './wildcard';

export const pathErrors = {
  syntax: 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)',
  tooLong: 'The filename or extension is too long. (0x800700CE)',
  notFound: 'The system cannot find the path specified. (0x80070003)',
  networkPath: 'The network path was not found. (0x80070035)',
  networkName: 'The network name cannot be found. (0x80070043)',
  accessDenied: 'General access denied error. (0x80070005)',
};

export type ParsedPath = { kind: 'local'; drive: string; rest: string } | { kind: 'share'; server: string; share: string; rest: string };

const hasBadCharacter = (s: string) => /[<>:"|?*]/.test(s) || [...s].some((c) => c.charCodeAt(0) < 32);

/** The parts of an absolute Windows folder path, or the reason it is not one. */
export function parseFolderPath(path: string): ParsedPath | { problem: string } {
  if (path.length > 260) return { problem: pathErrors.tooLong };
  const local = /^([A-Za-z]):[\\/](.*)$/s.exec(path);
  const unc = /^[\\/]{2}([^\\/]+)[\\/]([^\\/]+)(?:[\\/](.*))?$/s.exec(path);
  const parts = local ? { rest: local[2]! } : unc ? { rest: unc[3] ?? '' } : undefined;
  if (!parts) return { problem: pathErrors.syntax };
  const segments = parts.rest.split(/[\\/]/);
  if (segments.slice(0, -1).some((s) => s === '')) return { problem: pathErrors.syntax };
  if (segments.some((s) => hasBadCharacter(s) || /[ .]$/.test(s.replace(/^\.{1,2}$/, '')))) return { problem: pathErrors.syntax };
  if (unc && (hasBadCharacter(unc[1]!) || hasBadCharacter(unc[2]!))) return { problem: pathErrors.syntax };
  return local
    ? { kind: 'local', drive: local[1]!.toUpperCase(), rest: parts.rest }
    : { kind: 'share', server: unc![1]!, share: unc![2]!, rest: parts.rest };
}

/** Why `host` cannot use the folder, or undefined when it can. */
export function folderProblem(world: World, host: Host, path: string): string | undefined {
  const parsed = parseFolderPath(path);
  if ('problem' in parsed) return parsed.problem;
  if (parsed.kind === 'local') return host.volumes.some((v) => v.letter === parsed.drive) ? undefined : pathErrors.notFound;
  const server = world.hosts.find((h) => sameName(h.name, parsed.server.split('.')[0]!));
  if (!server) return pathErrors.networkPath;
  const share = server.shares.find((s) => sameName(s.name, parsed.share));
  if (!share) return pathErrors.networkName;
  if (sameName(server.name, host.name)) return undefined;
  const account = `${host.domain}\\${host.name}$`;
  return share.fullControl.some((a) => sameName(a, account)) ? undefined : pathErrors.accessDenied;
}
