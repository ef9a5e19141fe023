// Folder paths as Hyper-V checks them before it changes a setting: the syntax of a Windows path
// (a local D:\... or an SMB share \\Server\Share\...), then whether the host can reach it —
// the drive exists, the share exists and grants the host's computer account access
// (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499: "the share grants full control to every Hyper-V host's
// computer account"). Messages are the Win32 error texts with their HRESULTs.
import type { Host, World } from '../model/world';
import { sameName } from './wildcard';
import { explainPathProblem, pathTextProblem, win32TextFor } from '../common/windows-paths';

export const pathErrors = {
  syntax: 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)',
  tooLong: 'The filename or extension is too long. (0x800700CE)',
  notFound: 'The system cannot find the path specified. (0x80070003)',
  networkPath: 'The network path was not found. (0x80070035)',
  networkName: 'The network name cannot be found. (0x80070043)',
  accessDenied: 'General access denied error. (0x80070005)',
};

export type ParsedPath = { kind: 'local'; drive: string; rest: string } | { kind: 'share'; server: string; share: string; rest: string };

/**
 * The parts of an absolute Windows folder path, or the reason it is not one: the Win32 text, and
 * for a broken naming rule (MAX_PATH, reserved characters and names; engine/common/windows-paths.ts)
 * a sentence naming the value and the limit, for the refusal's fix.
 */
export function parseFolderPath(path: string): ParsedPath | { problem: string; why?: string } {
  const rule = pathTextProblem(path, 'folder');
  if (rule) return rule.kind === 'notFullPath' ? { problem: pathErrors.syntax } : { problem: win32TextFor(rule), why: explainPathProblem(rule) };
  const local = /^([A-Za-z]):(?:[\\/](.*))?$/s.exec(path.trim());
  if (local) return { kind: 'local', drive: local[1]!.toUpperCase(), rest: local[2] ?? '' };
  const unc = /^[\\/]{2}([^\\/]+)[\\/]([^\\/]+)(?:[\\/](.*))?$/s.exec(path.trim());
  if (unc) return { kind: 'share', server: unc[1]!, share: unc[2]!, rest: unc[3] ?? '' };
  return { problem: pathErrors.syntax };
}

/** Why `host` cannot use the folder (the Win32 text), or undefined when it can. `explain` receives the naming rule broken, if one is. */
export function folderProblem(world: World, host: Host, path: string, explain?: (why: string) => void): string | undefined {
  const parsed = parseFolderPath(path);
  if ('problem' in parsed) {
    if (parsed.why) explain?.(parsed.why);
    return parsed.problem;
  }
  if (parsed.kind === 'local') return host.volumes.some((v) => v.letter === parsed.drive) ? undefined : pathErrors.notFound;
  const server = world.hosts.find((h) => sameName(h.name, parsed.server.split('.')[0]!));
  if (!server) return pathErrors.networkPath;
  const share = server.shares.find((s) => sameName(s.name, parsed.share));
  if (!share) return pathErrors.networkName;
  if (sameName(server.name, host.name)) return undefined;
  const account = `${host.domain}\\${host.name}$`;
  return share.fullControl.some((a) => sameName(a, account)) ? undefined : pathErrors.accessDenied;
}
