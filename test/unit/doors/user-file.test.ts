// Files a user names: type and size are checked before reading, and no more than the limit is read.
// Before readUserFile, `hvlab run /dev/zero` grew to 16.8 GB and aborted, /dev/urandom as a world
// and a FIFO never returned, and a 3 GB file held 4.3 GB before its error (issue 18).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserFile, USER_FILE_LIMITS } from '../../../doors/node/user-file';
import { run } from '../../../cli.main';
import { minimalPack } from '../labs/helpers';
import { quarantineIfUnreadable } from '../../../doors/node/conf-settings-store';

const dir = mkdtempSync(join(tmpdir(), 'hvlab-user-file-'));
const fifo = join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);
const folder = join(dir, 'folder.ps1');
mkdirSync(folder);
// Sparse: 3 GB of size, no disk blocks.
const huge = join(dir, 'huge.ps1');
writeFileSync(huge, '');
truncateSync(huge, 3 * 1024 ** 3);
const script = join(dir, 'ok.ps1');
writeFileSync(script, 'Get-VM\n');

async function hvlab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

describe('readUserFile', () => {
  const o = { maxBytes: 1024 * 1024, what: 'script' };

  it('refuses devices, FIFOs and folders by what they are, without reading them', () => {
    expect(() => readUserFile('/dev/zero', o)).toThrow('cannot read the script file /dev/zero: it is a character device, not a regular file');
    expect(() => readUserFile('/dev/urandom', o)).toThrow('cannot read the script file /dev/urandom: it is a character device, not a regular file');
    expect(() => readUserFile(fifo, o)).toThrow(`cannot read the script file ${fifo}: it is a pipe (FIFO), not a regular file`);
    expect(() => readUserFile(folder, o)).toThrow(`cannot read the script file ${folder}: it is a folder, not a regular file`);
  });

  it('refuses a file over the limit by its size, naming size and limit', () => {
    expect(() => readUserFile(huge, o)).toThrow(`cannot read the script file ${huge}: it is 3 GiB, larger than the limit of 1 MiB for a script file`);
  });

  it('reads no more than the limit when the size is not known up front (/proc files report 0)', () => {
    expect(() => readUserFile('/proc/self/status', { maxBytes: 16, what: 'world' })).toThrow(
      'cannot read the world file /proc/self/status: it is larger than the limit of 16 bytes for a world file',
    );
  });

  it('reads a regular file within the limit; a missing one is "no such file"', () => {
    expect(readUserFile(script, o)).toBe('Get-VM\n');
    expect(() => readUserFile(join(dir, 'missing.ps1'), o)).toThrow(`cannot read the script file ${join(dir, 'missing.ps1')}: no such file`);
  });
});

describe('hvlab names the file and stops at once', () => {
  it('hvlab run /dev/zero, a FIFO, a folder, a 3 GB file', async () => {
    for (const [file, reason] of [
      ['/dev/zero', 'it is a character device'],
      [fifo, 'it is a pipe (FIFO)'],
      [folder, 'it is a folder'],
      [huge, `it is 3 GiB, larger than the limit of ${USER_FILE_LIMITS.script / 1024 ** 2} MiB`],
    ] as const) {
      const r = await hvlab('run', file);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`hvlab: cannot read the script file ${file}: ${reason}`);
    }
  });

  it('hvlab run --world /dev/urandom', async () => {
    const r = await hvlab('run', script, '--world', '/dev/urandom');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read the world file /dev/urandom: it is a character device, not a regular file');
  });

  it('hvlab flows <FIFO> and hvlab flows /dev/zero', async () => {
    expect((await hvlab('flows', fifo)).err).toContain(`cannot read the flow-set file ${fifo}: it is a pipe (FIFO)`);
    expect((await hvlab('flows', '/dev/zero')).err).toContain('cannot read the flow-set file /dev/zero: it is a character device');
  });

  it('hvlab lab check <pack.json> --script /dev/zero; a folder as the pack', async () => {
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, JSON.stringify(minimalPack()));
    const r = await hvlab('lab', 'check', pack, '--script', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read the script file /dev/zero: it is a character device');
    const packDir = join(dir, 'packdir.json');
    mkdirSync(packDir);
    expect((await hvlab('lab', 'validate', packDir)).err).toContain(`cannot read the lab pack file ${packDir}: it is a folder`);
  });
});

describe('settings', () => {
  it('a 2 GB settings.json is moved aside by its size, not read', () => {
    const data = mkdtempSync(join(tmpdir(), 'hvlab-settings-'));
    const settings = join(data, 'settings.json');
    writeFileSync(settings, '');
    truncateSync(settings, 2 * 1024 ** 3);
    expect(quarantineIfUnreadable(settings)).toMatch(
      /^Your settings could not be read because it is 2 GiB, larger than the limit of 1 MiB for a settings file\. They were moved to .*settings\.corrupt-/,
    );
  });
});
