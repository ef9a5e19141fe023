// Where a path's bytes live, as seen from one host, and — when they cannot be reached — why, in
// the Win32 words Windows uses for it. model/paths.ts resolvePath() answers "where"; the reason
// matters here because Hyper-V's refusal differs: a typo in a share name is "The network name
// cannot be found", a missing drive is "The system cannot find the path specified".
import { findHost, parsePath, resolvePath, type ResolvedPath } from '../../model/paths';
import type { World } from '../../model/world';
import { explainPathProblem, pathTextProblem, type PathKind } from '../../common/windows-paths';

export type PathProblemReason = 'malformed' | 'tooLong' | 'unknownComputer' | 'missingShare' | 'missingVolume';

export interface PathProblem {
  reason: PathProblemReason;
  path: string;
  /** The host that tried to reach the path. */
  seenFrom: string;
  /** The Win32 system message with its HRESULT (these texts are Windows' own). */
  win32: string;
  /** What to do instead, naming what does exist. */
  fix: string;
}

export type Located = { ok: true; at: ResolvedPath } | { ok: false; problem: PathProblem };

// FormatMessage texts of the Win32 errors, as HRESULTs (FACILITY_WIN32).
export const win32Messages: Record<PathProblemReason, string> = {
  malformed: 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)',
  tooLong: 'The filename or extension is too long. (0x800700CE)',
  unknownComputer: 'The network path was not found. (0x80070035)',
  missingShare: 'The network name cannot be found. (0x80070043)',
  missingVolume: 'The system cannot find the path specified. (0x80070003)',
};

/** `what`: whether the path names a file or a folder (MAX_PATH leaves a folder 12 characters less). */
export function locate(world: World, fromHost: string, path: string, what: PathKind = 'file'): Located {
  const problem = (reason: PathProblemReason, fix: string): Located => ({
    ok: false,
    problem: { reason, path, seenFrom: fromHost, win32: win32Messages[reason], fix },
  });
  const rule = pathTextProblem(path, what);
  if (rule && rule.kind !== 'notFullPath') return problem(rule.kind === 'tooLong' ? 'tooLong' : 'malformed', explainPathProblem(rule));
  const parsed = parsePath(path);
  if (!parsed) return problem('malformed', `Use a full local path such as D:\\VMs\\<name> or a share path such as \\\\FS01\\VMs\\<name>.`);
  if (parsed.kind === 'local') {
    const host = findHost(world, fromHost);
    if (!host) return problem('unknownComputer', `No computer named '${fromHost}' exists in this lab.`);
    if (!host.volumes.some((v) => v.letter === parsed.drive)) {
      return problem('missingVolume', `${host.name} has no volume ${parsed.drive}:; its volumes are ${host.volumes.map((v) => `${v.letter}:`).join(', ')}.`);
    }
  } else {
    const server = findHost(world, parsed.server);
    if (!server)
      return problem(
        'unknownComputer',
        `No computer named '${parsed.server}' exists in this lab; the computers are ${world.hosts.map((h) => h.name).join(', ')}.`,
      );
    const admin = /^([A-Za-z])\$$/.exec(parsed.share);
    if (admin) {
      const drive = admin[1]!.toUpperCase();
      if (!server.volumes.some((v) => v.letter === drive)) {
        return problem('missingVolume', `${server.name} has no volume ${drive}:; its volumes are ${server.volumes.map((v) => `${v.letter}:`).join(', ')}.`);
      }
    } else {
      const share = server.shares.find((s) => s.name.toLowerCase() === parsed.share.toLowerCase());
      if (!share) {
        const list = server.shares.map((s) => s.name).join(', ');
        return problem(
          'missingShare',
          `${server.name} has no share '${parsed.share}'${list ? `; its shares are ${list}` : ' and shares nothing'}. Create it with New-SmbShare on ${server.name} or use an existing one.`,
        );
      }
      const target = parsePath(share.path);
      if (!target || target.kind !== 'local' || !server.volumes.some((v) => v.letter === target.drive)) {
        return problem(
          'missingVolume',
          `The share '${share.name}' on ${server.name} points at '${share.path}', which does not exist. Fix the share on ${server.name}.`,
        );
      }
    }
  }
  const r = resolvePath(world, fromHost, path);
  // Every failure resolvePath knows is classified above; keep a safe answer if that ever drifts.
  if (!r.ok) return problem('malformed', r.message);
  return { ok: true, at: r.value };
}

/** Same bytes: same computer and the same local path there (Windows compares case-insensitively). */
export function sameLocation(a: ResolvedPath, b: ResolvedPath): boolean {
  return a.computer.toLowerCase() === b.computer.toLowerCase() && a.localPath.toLowerCase() === b.localPath.toLowerCase();
}

/** Same volume of the same computer: a move between the two needs no extra free space. */
export function sameVolume(a: ResolvedPath, b: ResolvedPath): boolean {
  return a.computer.toLowerCase() === b.computer.toLowerCase() && a.volume === b.volume;
}

/** True when the path is reached over SMB through a real share (not an admin share such as D$). */
export function isRegularShare(at: ResolvedPath): boolean {
  return at.share !== undefined && !/^[A-Za-z]\$$/.test(at.share);
}
