// File-system errors in the words a user can act on: "the disk is full (ENOSPC)", not a stack
// trace. Every store names the file it was writing, so a notice says what failed and where.
import { UserFileError } from './user-file';

const WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder has the name of the file',
  ENOTDIR: 'a file is where a folder should be',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk or folder is read-only',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the file or its folder does not exist',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'a symbolic link points back at itself',
};

/** The error code of a Node file-system error, or of the error it wraps (UserFileError's cause). */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause === undefined ? undefined : errorCode(cause);
}

/**
 * "the disk is full (ENOSPC)"; a refusal by readUserFile says what the file is ("it is a folder,
 * not a regular file"); any other error keeps its own message.
 */
export function describeFileError(err: unknown): string {
  const code = errorCode(err);
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  if (err instanceof UserFileError) return err.reason;
  return err instanceof Error ? err.message : String(err);
}

/** An error whose message names the file and says what went wrong; the original is its cause. */
export function fileError(path: string, err: unknown): Error {
  const e = new Error(`${path}: ${describeFileError(err)}`, { cause: err });
  const code = errorCode(err);
  if (code) (e as NodeJS.ErrnoException).code = code;
  return e;
}
