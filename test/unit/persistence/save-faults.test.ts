// Saving through faults (issue 18, "Saving fails"): a full disk, a read-only folder, a folder where
// the world file should be, a write cut short. The door keeps running in memory, tells the user
// once and again when saving works, retries with backoff, and the last good file stays intact
// with no temporary file left behind. ENOSPC and EROFS are injected through the store's file port
// (tests run as root in CI, where chmod blocks nothing); EISDIR and a write cut short mid-file are
// real file-system failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonStateStore, nodeStateFileIo, type StateFileIo } from '../../../doors/node/json-state-store';
import { writeFileAtomic } from '../../../doors/node/atomic-file';
import { EngineHost } from '../../../doors/common/engine-host';
import { RETRY_FIRST_MS, RETRY_MAX_MS } from '../../../doors/common/autosave';
import { decodeState } from '../../../engine/persistence/saved-state';
import { manualTimer } from '../../support/manual-timer';
import { ROOT } from '../../support/web-host-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-faults-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real file operations, except that writes fail with `fault.code` while it is set. */
function faultyIo(fault: { code?: string; writes: number }): StateFileIo {
  return {
    ...nodeStateFileIo,
    write(path, text) {
      fault.writes++;
      if (fault.code) throw Object.assign(new Error(`${fault.code}: injected, write '${path}'`), { code: fault.code });
      writeFileAtomic(path, text);
    },
  };
}

function vmState(text: string, name: string): string | undefined {
  const decoded = decodeState(text);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.state.world.vms.find((v) => v.name === name)?.state;
}

const start = { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } };
const turnOff = { cmdlet: 'Stop-VM', params: { Name: 'TEST01', TurnOff: true, ComputerName: 'HV02' } };

describe('saving through a full disk and a read-only folder', () => {
  it('keeps the host running in memory, tells once, retries with backoff, tells again, and loses nothing', () => {
    const path = join(dir, 'world.json');
    const fault: { code?: string; writes: number } = { writes: 0 };
    const wall = manualTimer();
    const host = new EngineHost({ store: new JsonStateStore(path, faultyIo(fault)), timer: wall.timer });
    const notices: { level: string; message: string }[] = [];
    host.subscribe((e) => e.type === 'notice' && notices.push({ level: e.level, message: e.message }));

    expect(host.handle({ kind: 'invoke', id: 1, command: start }).result.ok).toBe(true);
    const good = readFileSync(path, 'utf8');
    expect(vmState(good, 'TEST01')).toBe('Running');

    fault.code = 'ENOSPC';
    fault.writes = 0;
    wall.pass(1000);
    expect(host.handle({ kind: 'invoke', id: 2, command: turnOff }).result.ok).toBe(true);
    // Clock ticks (four a second) and retries: none may throw, and the console keeps answering.
    wall.pass(5000);
    fault.code = 'EROFS';
    wall.pass(20_000);
    expect(host.handle({ kind: 'query', id: 3, query: { name: 'clock' } }).result.ok).toBe(true);
    // Attempts at 0, 1, 3, 7 and 15 s (waits of 1, 2, 4, 8 s): backoff, not one attempt per tick.
    expect(fault.writes).toBe(5);
    expect(notices).toEqual([{ level: 'error', message: expect.stringContaining(`The world could not be saved (${path}: the disk is full (ENOSPC))`) }]);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(dir)).toEqual(['world.json']);
    expect(host.engine.view().world.vms.find((v) => v.name === 'TEST01')!.state).toBe('Off');

    // The delay stops growing at a minute.
    wall.pass(10 * RETRY_MAX_MS);
    const writesInTenMinutes = fault.writes - 5;
    expect(writesInTenMinutes).toBeGreaterThanOrEqual(8);
    expect(writesInTenMinutes).toBeLessThanOrEqual(11);

    fault.code = undefined;
    wall.pass(RETRY_MAX_MS);
    expect(notices.slice(1)).toEqual([{ level: 'info', message: 'The world is saved again; nothing was lost.' }]);
    expect(vmState(readFileSync(path, 'utf8'), 'TEST01')).toBe('Off');
    expect(readdirSync(dir)).toEqual(['world.json']);

    // Working again: back to saving on change, and the next failure is told again.
    fault.writes = 0;
    host.handle({ kind: 'invoke', id: 4, command: start });
    expect(fault.writes).toBe(1);
    expect(vmState(readFileSync(path, 'utf8'), 'TEST01')).toBe('Running');
    fault.code = 'ENOSPC';
    wall.pass(1000);
    host.handle({ kind: 'invoke', id: 5, command: turnOff });
    expect(notices).toHaveLength(3);
    expect(notices[2]!.level).toBe('error');
    expect(host.flush()).toEqual([
      expect.stringMatching(/^The world could not be saved \(.*ENOSPC.*\); the changes since the last successful save are lost\.$/),
    ]);
    host.dispose();
  });

  it('queues the notice for the first page when none is open, and retries while the clock is paused', () => {
    const path = join(dir, 'world.json');
    const fault: { code?: string; writes: number } = { code: 'EROFS', writes: 0 };
    const wall = manualTimer();
    const host = new EngineHost({ store: new JsonStateStore(path, faultyIo(fault)), timer: wall.timer });
    host.handle({ kind: 'clock', id: 1, control: { action: 'setSpeed', speed: 0 } });
    host.handle({ kind: 'invoke', id: 2, command: start });
    expect(host.pendingNotices().map((n) => n.message)).toEqual([expect.stringContaining('the disk or folder is read-only (EROFS)')]);
    fault.code = undefined;
    wall.pass(RETRY_FIRST_MS);
    expect(vmState(readFileSync(path, 'utf8'), 'TEST01')).toBe('Running');
    const seen: string[] = [];
    host.subscribe((e) => e.type === 'notice' && seen.push(`${e.level}: ${e.message}`));
    expect(seen).toEqual([expect.stringMatching(/^error: The world could not be saved/), 'info: The world is saved again; nothing was lost.']);
    expect(host.flush()).toEqual([]);
    host.dispose();
  });

  it('a folder in place of the world file (EISDIR): the save fails naming it, the folder is untouched, no temporary file is left', () => {
    const path = join(dir, 'world.json');
    const store = new JsonStateStore(path);
    const wall = manualTimer();
    const host = new EngineHost({ store, timer: wall.timer });
    // Something puts a folder where the world file is, while the console runs.
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'mine');
    const notices: string[] = [];
    host.subscribe((e) => e.type === 'notice' && notices.push(e.message));
    host.handle({ kind: 'invoke', id: 1, command: start });
    wall.pass(30_000);
    expect(notices).toEqual([expect.stringContaining(`(${path}: a folder has the name of the file (EISDIR))`)]);
    expect(readdirSync(dir)).toEqual(['world.json']);
    expect(readdirSync(path)).toEqual(['keep.txt']);
    // The user moves the folder away: the next retry saves.
    rmSync(path, { recursive: true });
    wall.pass(RETRY_MAX_MS);
    expect(vmState(readFileSync(path, 'utf8'), 'TEST01')).toBe('Running');
    expect(notices[1]).toBe('The world is saved again; nothing was lost.');
    expect(readdirSync(dir)).toEqual(['world.json']);
    host.dispose();
  });

  // A write cut short by the file system part-way through the temporary file (a file-size limit,
  // EFBIG, fails the write exactly as a full disk does), in a child process with `ulimit -f`.
  it.runIf(process.platform === 'linux')('a write cut short mid-file leaves the last good file and no temporary file', () => {
    const path = join(dir, 'world.json');
    writeFileSync(path, 'last good');
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(join(ROOT, 'doors/node/atomic-file.ts'))});
      try { writeFileAtomic(${JSON.stringify(path)}, 'x'.repeat(4 << 20)); console.log('written'); }
      catch (e) { console.log(e.code); }`;
    // stdout only: the process may still be signalled (SIGXFSZ) when something else writes at exit.
    const { stdout } = spawnSync('sh', ['-c', `ulimit -f 64 && exec "$0" --import tsx --input-type=module -e "$1"`, process.execPath, script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(stdout.trim()).toBe('EFBIG');
    expect(readFileSync(path, 'utf8')).toBe('last good');
    expect(readdirSync(dir)).toEqual(['world.json']);
  });
});
