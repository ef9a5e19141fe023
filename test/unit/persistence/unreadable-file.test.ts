// A saved world or settings file that cannot be read (permission denied, a folder in its place, an
// I/O error) is never written over (issue 18): it is moved aside as `<name>.unreadable-<time>.json`
// and the user is told where; if it cannot be moved either, it is left alone and not saved over.
// Permission errors are injected through the store's file port: tests run as root in CI, where
// chmod 000 does not stop a read. A folder in the file's place is a real EISDIR.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonStateStore, nodeStateFileIo, type StateFileIo } from '../../../doors/node/json-state-store';
import { openConfSettings } from '../../../doors/node/conf-settings-store';
import { EngineHost } from '../../../doors/common/engine-host';
import { manualTimer } from '../../support/manual-timer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-unreadable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const USERS_WORLD = '{"the user\'s": "world, which this build cannot read right now"}';

function run(host: EngineHost, wall: ReturnType<typeof manualTimer>): void {
  host.handle({ kind: 'invoke', id: 1, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } });
  wall.pass(5000);
}

describe('an unreadable saved world', () => {
  it('permission denied: moved aside unchanged, the user told where, and a new file saved beside it', () => {
    const path = join(dir, 'world.json');
    writeFileSync(path, USERS_WORLD);
    // Permission denied while the file is there; "no such file" once it is gone (a real read would).
    const io: StateFileIo = {
      ...nodeStateFileIo,
      read: (p) => {
        if (existsSync(p)) throw errno('EACCES');
        return nodeStateFileIo.read(p);
      },
    };
    const wall = manualTimer();
    const host = new EngineHost({ store: new JsonStateStore(path, io), timer: wall.timer });
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('world.unreadable-'));
    expect(moved).toMatch(/^world\.unreadable-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(readFileSync(join(dir, moved!), 'utf8')).toBe(USERS_WORLD);
    expect(host.pendingNotices().map((n) => n.message)).toEqual([
      `The saved world could not be read (permission denied (EACCES)). It was moved, unchanged, to ${join(dir, moved!)} and the console started from the default world.`,
    ]);
    expect(host.engine.view().world.vms.map((v) => v.name)).toContain('TEST01');
    run(host, wall);
    expect(host.flush()).toEqual([]);
    host.dispose();
    expect(readFileSync(join(dir, moved!), 'utf8')).toBe(USERS_WORLD);
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"format":"hvlab-state"/);
  });

  it('a folder in its place at start-up (EISDIR): the folder is moved aside with its contents', () => {
    const path = join(dir, 'world.json');
    mkdirSync(path);
    writeFileSync(join(path, 'notes.txt'), 'mine');
    const wall = manualTimer();
    const host = new EngineHost({ store: new JsonStateStore(path), timer: wall.timer });
    const [notice] = host.pendingNotices();
    expect(notice?.message).toMatch(
      /^The saved world could not be read \(it is a folder, not a regular file\)\. It was moved, unchanged, to .*world\.unreadable-/,
    );
    run(host, wall);
    expect(host.flush()).toEqual([]);
    host.dispose();
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('world.unreadable-'));
    expect(readFileSync(join(dir, moved!, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"format":"hvlab-state"/);
  });

  it('unreadable and impossible to move aside (a read-only folder): left alone and never saved over', () => {
    const path = join(dir, 'world.json');
    writeFileSync(path, USERS_WORLD);
    let readable = false;
    const io: StateFileIo = {
      ...nodeStateFileIo,
      read: (p) => {
        if (!readable) throw errno('EIO');
        return nodeStateFileIo.read(p);
      },
      moveAside: () => {
        throw errno('EROFS');
      },
    };
    const wall = manualTimer();
    const host = new EngineHost({ store: new JsonStateStore(path, io), timer: wall.timer });
    const notices: string[] = [];
    host.subscribe((e) => e.type === 'notice' && notices.push(e.message));
    expect(notices[0]).toBe(
      `The saved world at ${path} could not be read (the disk reported an input/output error (EIO)), and it could not be moved aside (the disk or folder is read-only (EROFS)). It is left as it is and will not be saved over; the console started from the default world and keeps your changes in memory only.`,
    );
    run(host, wall);
    readable = true; // even once it reads again, this session does not write over it
    wall.pass(120_000);
    expect(notices[1]).toMatch(
      /^The world could not be saved \(.*world\.json: the saved world there could not be read or moved aside, so it is not saved over until the console is restarted\)/,
    );
    expect(host.flush()).toHaveLength(1);
    host.dispose();
    expect(readFileSync(path, 'utf8')).toBe(USERS_WORLD);
    expect(readdirSync(dir)).toEqual(['world.json']);
  });
});

describe('unreadable settings', () => {
  it('a settings file the file system will not read (a symbolic-link loop, ELOOP) is moved aside as unreadable, with a notice', () => {
    const path = join(dir, 'settings.json');
    symlinkSync('settings.json', path);
    const opened = openConfSettings(dir);
    expect(opened.notice).toMatch(
      /^Your settings could not be read \(a symbolic link points back at itself \(ELOOP\)\)\. The file was moved, unchanged, to .*settings\.unreadable-.*\.json and defaults are in use\.$/,
    );
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('settings.unreadable-'));
    expect(readlinkSync(join(dir, moved!))).toBe('settings.json');
    opened.store.set('clockSpeed', 10);
    expect(openConfSettings(dir).store.get('clockSpeed', 1)).toBe(10);
  });

  it('a folder in place of settings.json is moved aside with its contents', () => {
    const path = join(dir, 'settings.json');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'mine');
    const opened = openConfSettings(dir);
    expect(opened.notice).toMatch(/^Your settings could not be read because it is a folder, not a regular file\. They were moved to .*settings\.corrupt-/);
    const [moved] = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(readFileSync(join(dir, moved!, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
