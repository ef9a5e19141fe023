// Reading and writing a world file. Writes are atomic (temp file in the same folder, then rename),
// so a crash mid-write leaves the previous file intact (docs/design.md, "State, persistence and failure").
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseWorldJson, type ValidateResult } from './validate';
import type { World } from './world';

export { parseWorldJson };

/** Reads and validates a world file; IO errors become one error naming the file. */
export async function readWorldFile(path: string): Promise<ValidateResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errors: [
        { path: '(file)', message: code === 'ENOENT' ? `world file "${path}" does not exist` : `cannot read world file "${path}": ${(e as Error).message}` },
      ],
    };
  }
  // A UTF-8 byte order mark (Notepad adds one) is not JSON.
  return parseWorldJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

let tempSeq = 0;

/** Writes the world as indented JSON: temp file + rename, so readers see the old or the new file. */
export async function writeWorldFile(path: string, world: World): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tempSeq}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(world, null, 2)}\n`, 'utf8');
    await rename(temp, path);
  } catch (e) {
    // The temporary file may not exist (the write failed before creating it); the write's own error is the one to report.
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
