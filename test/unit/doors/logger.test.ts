// Failures are seen (issue 16): the doors write to a log file in the data folder, rotated so it
// stays small, with the stack of every Internal error (which the page sees only as a message, and
// which used to be written nowhere), and the notices the user was shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost } from '../../../doors/common/engine-host';
import type { Logger, LogLevel } from '../../../doors/common/logger';
import { FileLogger } from '../../../doors/node/file-logger';
import { manualTimer } from '../../support/manual-timer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function memoryLogger(): Logger & { entries: { level: LogLevel; message: string; err?: unknown }[] } {
  const entries: { level: LogLevel; message: string; err?: unknown }[] = [];
  return { entries, log: (level, message, err) => void entries.push({ level, message, err }) };
}

describe('the doors log', () => {
  it('writes an Internal error with its stack, while the page gets the message only', () => {
    const logger = new FileLogger(join(dir, 'logs'));
    const host = new EngineHost({ logger, startClock: false });
    host.engine.invoke = () => {
      throw new Error('boom in a cmdlet');
    };
    const r = host.handle({ kind: 'invoke', id: 9, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01' } } });
    expect(r.result).toEqual({ ok: false, error: { code: 'Internal', message: 'The engine failed: boom in a cmdlet' } });
    const log = readFileSync(join(dir, 'logs', 'hvlab.log'), 'utf8');
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR Internal error answering request 9\n {2}Error: boom in a cmdlet\n +at /);
    host.dispose();
  });

  it('logs an Internal refusal the engine answers with, not only a thrown error', () => {
    // Before, a CommandRefusal with code Internal ("the move operations are not available in this
    // context") went to the page and nowhere else.
    const logger = memoryLogger();
    const host = new EngineHost({ logger, startClock: false });
    host.engine.invoke = () => ({ ok: false, error: { code: 'Internal', message: 'The move operations are not available in this context.' } });
    const r = host.handle({ kind: 'invoke', id: 4, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01' } } });
    expect(r.result).toMatchObject({ ok: false, error: { code: 'Internal' } });
    expect(logger.entries.map((e) => `${e.level} ${e.message}`)).toEqual([
      'error Internal error answering request 4: The move operations are not available in this context.',
    ]);
    host.dispose();
  });

  it('does not log the refusals a user causes', () => {
    const logger = memoryLogger();
    const host = new EngineHost({ logger, startClock: false });
    const r = host.handle({ kind: 'invoke', id: 6, command: { cmdlet: 'Start-VM', params: { Name: 'NOSUCHVM' } } });
    expect(r.result).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(logger.entries).toEqual([]);
    host.dispose();
  });

  it('logs the notices the user is shown: unreadable files at start-up, failed and resumed saves', () => {
    const logger = memoryLogger();
    let full = true;
    const wall = manualTimer();
    const host = new EngineHost({
      logger,
      timer: wall.timer,
      notices: ['Your settings could not be read because it is not valid JSON.'],
      store: {
        load: () => ({}),
        save: () => {
          if (full) throw new Error('/data/world.json: the disk is full (ENOSPC)');
        },
      },
    });
    host.handle({ kind: 'invoke', id: 1, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } } });
    full = false;
    wall.pass(1000);
    expect(logger.entries.map((e) => `${e.level} ${e.message}`)).toEqual([
      'warn Your settings could not be read because it is not valid JSON.',
      expect.stringMatching(/^error The world could not be saved \(\/data\/world\.json: the disk is full \(ENOSPC\)\)/),
      'info The world is saved again; nothing was lost.',
    ]);
    host.dispose();
  });

  it('rotates at its size limit and keeps three old files', () => {
    const logger = new FileLogger(dir, () => new Date(0), 300);
    for (let i = 0; i < 40; i++) logger.log('info', `line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['hvlab.1.log', 'hvlab.2.log', 'hvlab.3.log', 'hvlab.log']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(300);
    expect(readFileSync(join(dir, 'hvlab.log'), 'utf8')).toContain('line 39 ');
  });

  it('never throws: a log that cannot be written loses lines, not the console', () => {
    writeFileSync(join(dir, 'logs'), 'a file where the log folder should be');
    const logger = new FileLogger(join(dir, 'logs'));
    expect(() => logger.log('error', 'nowhere to go', new Error('x'))).not.toThrow();
  });
});
