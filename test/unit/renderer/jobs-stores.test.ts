// The dock's logic without a browser (Node, under Vitest like renderer-stores.test.ts):
// cancelling a job past its point of no return shows the engine's refusal; the Jobs list groups
// and orders 250 jobs; the Event Log store merges out-of-order answers; the PowerShell formatter
// writes tables, lists and error positions as Windows PowerShell does; Tab completion cycles.
// The engine runs in-process behind a bridge, so every figure is the engine's own.
import { describe, expect, it as test } from 'vitest';
import type { EngineEvent, Query, QueryResult, Result } from '../../../engine/contract';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { Job, type LogEntry } from '../../../engine/model/jobs';
import { alwaysConnected, type LabBridge } from '../../../renderer/bridge/connection';
import { errorPosition, formatParseError, formatStatementError } from '../../../engine/common/console-errors';
import { formatForHost } from '../../../engine/common/ps-format';
import { formatScriptReport, runScript } from '../../../engine/scripting/run-script';
import { FrameBatch, type FrameScheduler } from '../../../renderer/stores/frame-batch';
import { JobListStore } from '../../../renderer/stores/job-list';
import { JobStore } from '../../../renderer/stores/job-store';
import { LogStore } from '../../../renderer/stores/log-store';
import { RootStore } from '../../../renderer/stores/root-store';
import { confirmCancelJob } from '../../../renderer/views/jobs/cancel-job';

class ManualFrames implements FrameScheduler {
  queued: (() => void)[] = [];
  request(fn: () => void) {
    this.queued.push(fn);
  }
  frame() {
    const q = this.queued;
    this.queued = [];
    for (const fn of q) fn();
  }
}

/** The engine behind a bridge, in this process. */
function engineBridge(engine: Engine): LabBridge {
  const listeners = new Set<(e: EngineEvent) => void>();
  engine.subscribe((e) => {
    for (const l of listeners) l(e);
  });
  return {
    invoke: async (command) => engine.invoke(command),
    query: async <Q extends Query>(query: Q) => engine.query(query) as Result<QueryResult<Q>>,
    clock: async () => ({ ok: true, value: engine.clockState(0) }),
    run: async (text) => engine.runText(text),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connection: alwaysConnected('dev'),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('cancelling from the Jobs pane', () => {
  test('past the switch the engine refuses Stop-Job, and its message is what the user reads', async () => {
    const engine = new Engine({ world: defaultWorld() });
    const root = new RootStore(engineBridge(engine), { scheduler: new ManualFrames() });
    root.start();
    await settle();
    const started = engine.runText('Move-VM -Name WEB01 -DestinationHost HV02 -ComputerName HV01');
    expect(started.ok && started.value.statements[0]!.result.ok).toBe(true);
    // Step simulated time until the migration has switched to the destination but not finished.
    let job = engine.activeJobs()[0]!;
    for (let i = 0; i < 10_000 && job && job.committedAt === undefined; i++) {
      engine.advance(10);
      job = engine.activeJobs()[0]!;
    }
    expect(job.state).toBe('Running');
    expect(job.cancellable).toBe(false);
    await root.refresh();

    confirmCancelJob(root, root.jobs.get(job.id)!);
    const confirm = root.dialogs.current;
    expect(confirm?.kind).toBe('confirm');
    if (confirm?.kind !== 'confirm') return;
    expect(confirm.message).toBe(`Do you want to cancel Job${job.id} (Move-VM of "WEB01")?`);
    root.dialogs.close(confirm.id);
    confirm.onConfirm();
    await settle();
    const error = root.dialogs.current;
    expect(error?.kind).toBe('error');
    if (error?.kind !== 'error') return;
    expect(error.intro).toBe(`Job${job.id} could not be cancelled.`);
    expect(error.error.message).toMatch(/^Stop-Job : /);
    expect(error.error.message.length).toBeGreaterThan('Stop-Job : '.length + 10);

    engine.runUntilIdle();
    await root.refresh();
    expect(root.jobs.get(job.id)?.state).toBe('Completed');
    root.dispose();
  });

  test('before the switch Stop-Job is accepted and the job ends Cancelled', async () => {
    const engine = new Engine({ world: defaultWorld() });
    const frames = new ManualFrames();
    const root = new RootStore(engineBridge(engine), { scheduler: frames });
    root.start();
    await settle();
    engine.runText('Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01');
    engine.advance(2000);
    await root.refresh();
    confirmCancelJob(root, root.jobs.get('1')!);
    const confirm = root.dialogs.current;
    if (confirm?.kind !== 'confirm') throw new Error('no confirmation');
    root.dialogs.close(confirm.id);
    confirm.onConfirm();
    await settle();
    frames.frame();
    expect(root.dialogs.current).toBeUndefined();
    expect(root.jobs.get('1')?.state).toBe('Cancelled');
    root.dispose();
  });
});

function job(id: number, state: Job['state'], extra: Partial<Job> = {}): Job {
  return Job.parse({ id: String(id), cmdlet: 'Move-VMStorage', commandText: '', kind: 'StorageMove', state, createdAt: id, ...extra });
}

test('the Jobs list: running, then queued in queue order, then history newest first', () => {
  const store = new JobStore(new FrameBatch(new ManualFrames()));
  const jobs: Job[] = [];
  for (let i = 1; i <= 250; i++) {
    if (i % 5 === 0) jobs.push(job(i, 'Queued', { queuePosition: 51 - i / 5 }));
    else if (i % 5 === 1) jobs.push(job(i, 'Completed', { startedAt: i, endedAt: 1000 + i }));
    else jobs.push(job(i, 'Running', { startedAt: i }));
  }
  store.replaceAll(jobs);
  const list = new JobListStore(store);
  const rows = list.rows;
  expect(rows.filter((r) => r.kind === 'header').map((r) => r.kind === 'header' && `${r.label} ${r.count}`)).toEqual([
    'Running 150',
    'Queued 50',
    'History 50',
  ]);
  expect(rows).toHaveLength(253);
  const ids = rows.flatMap((r) => (r.kind === 'job' ? [Number(r.job.id)] : []));
  expect(ids.slice(0, 3)).toEqual([2, 3, 4]);
  expect(ids.slice(150, 153)).toEqual([250, 245, 240]); // queue position 1, 2, 3
  expect(ids.slice(200, 203)).toEqual([246, 241, 236]); // most recently ended first
  list.setFilter('finished');
  expect(list.rows).toHaveLength(51);
  list.setFilter('active');
  expect(list.rows).toHaveLength(202);
});

test('the Event Log store merges answers overtaken by events, keeps order and filters by level', async () => {
  const entry = (seq: number, level: LogEntry['level'] = 'Information'): LogEntry => ({
    seq,
    at: seq * 1000,
    level,
    source: 'Hyper-V-VMMS',
    message: `m${seq}`,
  });
  let answer: (v: Result<LogEntry[]>) => void = () => {};
  const log = new LogStore({ query: (() => new Promise((r) => (answer = r))) as never });
  const loading = log.sync();
  log.add([entry(4, 'Warning'), entry(5)]);
  answer({ ok: true, value: [entry(1), entry(2, 'Error'), entry(3), entry(4, 'Warning')] });
  await loading;
  expect(log.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(log.visible.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
  log.toggleLevel('Information');
  expect(log.visible.map((e) => e.seq)).toEqual([4, 2]);
  expect(log.counts).toEqual({ Error: 1, Warning: 1, Information: 3 });
  expect(log.entry(3)?.message).toBe('m3');
});

describe('PowerShell output', () => {
  // The console writes objects through the engine's one formatter (engine/common/ps-format.ts).
  test('a table: headers, dashes under the header text, numbers right-aligned, widths fitted', () => {
    const t = formatForHost(
      [
        { Name: 'DC01', ProcessorCount: 2, Enabled: true },
        { Name: 'SQL01', ProcessorCount: 16, Enabled: false },
      ],
      120,
    );
    expect(t.join('\n')).toBe(
      ['', 'Name  ProcessorCount Enabled', '----  -------------- -------', 'DC01               2 True', 'SQL01             16 False', ''].join('\n'),
    );
  });

  test('columns that do not fit the console are cut with "..." or left out, within the width', () => {
    const out = formatForHost([{ A: 'x'.repeat(30), B: 'y'.repeat(30), C: 'z'.repeat(30) }], 50);
    for (const line of out) expect(line.length).toBeLessThan(50);
    expect(out[1]).toMatch(/^A +B/);
  });

  test('one object with many properties is a list; plain values one per line; arrays in braces', () => {
    expect(formatForHost([{ Name: 'HV01', LogicalProcessorCount: 16, Members: ['SMB1', 'SMB2'], Up: true, Speed: 10 }], 120).join('\n')).toBe(
      '\nName                  : HV01\nLogicalProcessorCount : 16\nMembers               : {SMB1, SMB2}\nUp                    : True\nSpeed                 : 10\n',
    );
    expect(formatForHost(['a', 3, false], 120)).toEqual(['a', '3', 'False']);
    // A type with a format view is a table even for one object, Uptime as hh:mm:ss.
    const vm = formatForHost(
      [
        {
          typeName: 'Microsoft.HyperV.PowerShell.VirtualMachine',
          properties: { Name: 'DC01', State: 'Running', CPUUsage: 0, MemoryAssigned: 0, Uptime: 3_723_000, Status: '', Path: 'D:\\VMs', Notes: '' },
        },
      ],
      120,
    ).join('\n');
    expect(vm).toContain('01:02:03');
    expect(vm).not.toContain('Notes');
  });

  test('errors point at the value of the parameter at fault, abbreviations included', () => {
    const text = 'Get-VM -Na NoSuchVM -ComputerName HV01';
    const s = { text, line: 1, column: 1 };
    expect(errorPosition(text, s, 'Name')).toEqual({ line: 1, column: 12, length: 8 });
    expect(errorPosition(text, s, 'ComputerName')).toEqual({ line: 1, column: 35, length: 4 });
    expect(errorPosition(text, s, 'Path')).toEqual({ line: 1, column: 1, length: text.length });
    const second = 'Get-VM; Stop-Job -Id 7';
    expect(
      formatStatementError(
        second,
        { text: 'Stop-Job -Id 7', line: 1, column: 9 },
        {
          code: 'NotFound',
          message: 'Stop-Job : The command cannot find a job with the job ID 7.',
          parameter: 'Id',
          fix: 'Get-Job lists the jobs of this session.',
        },
      ),
    ).toBe(
      [
        'Stop-Job : The command cannot find a job with the job ID 7.',
        'At line:1 char:22',
        '+ Get-VM; Stop-Job -Id 7',
        '+                      ~',
        '    + CategoryInfo          : ObjectNotFound: (:) [Stop-Job], NotFound',
        '    + FullyQualifiedErrorId : NotFound,Stop-Job',
        '    + RecommendedAction     : Get-Job lists the jobs of this session.',
      ].join('\n'),
    );
  });

  test('a parse error shows the line, a caret (or the bad parameter underlined) and the message', () => {
    const text = 'Get-VM -ComputerName HV01 -Bogus';
    expect(
      formatParseError(text, {
        code: 'InvalidRequest',
        message: "A parameter cannot be found that matches parameter name 'Bogus'.",
        line: 1,
        column: 27,
        parameter: 'Bogus',
      })
        .split('\n')
        .slice(0, 4),
    ).toEqual([
      'At line:1 char:27',
      '+ Get-VM -ComputerName HV01 -Bogus',
      `+ ${' '.repeat(26)}~~~~~~`,
      "A parameter cannot be found that matches parameter name 'Bogus'.",
    ]);
  });
});

test("Tab completion replaces the word at the cursor and cycles through the engine's candidates", async () => {
  const engine = new Engine({ world: defaultWorld() });
  const root = new RootStore(engineBridge(engine), { scheduler: new ManualFrames() });
  root.start();
  await settle();
  const ps = root.console;
  const first = await ps.complete({ text: 'Move-VM -Name W -DestinationHost HV02', cursor: 15 });
  expect(first).toEqual({ text: 'Move-VM -Name WEB01 -DestinationHost HV02', cursor: 19 });
  const a = await ps.complete({ text: 'Get-VM -', cursor: 8 });
  const b = await ps.complete(a!);
  const c = await ps.complete(b!);
  const d = await ps.complete(c!);
  const e = await ps.complete(d!);
  // The cmdlet's own parameters first, then the common ones PowerShell's Tab cycles to, then round again.
  expect([a!.text, b!.text, c!.text, d!.text, e!.text]).toEqual(['Get-VM -Name', 'Get-VM -ComputerName', 'Get-VM -Verbose', 'Get-VM -Debug', 'Get-VM -Name']);
  const back = await ps.complete(e!, true);
  expect(back!.text).toBe('Get-VM -Debug');
  root.dispose();
});

test("hvlab run's text output is the prompt's output for the same script: one formatter (engine/common/ps-format.ts)", async () => {
  const script = [
    'Get-VM -ComputerName HV01',
    'Get-NetAdapter -CimSession HV01',
    'Get-SmbShare -CimSession FS01',
    'Get-NetLbfoTeam -CimSession HV01',
    'Get-NetLbfoTeamMember -CimSession HV01',
    'Get-VMMemory -VMName SQL01 -ComputerName HV01',
    'Get-SmbClientNetworkInterface -CimSession HV01',
    'Get-VM -ComputerName HV01 | Select-Object Name, State',
    'Get-VM -ComputerName HV01 | Format-List Name, State',
    '1 + 2',
  ].join('\n');
  const engine = new Engine({ world: defaultWorld() });
  const root = new RootStore(engineBridge(engine), { scheduler: new ManualFrames() });
  root.start();
  await settle();
  const outcome = engine.runText(script);
  if (!outcome.ok) throw new Error(outcome.error.message);
  const prompt = root.console.render(script, outcome.value);
  expect(prompt.every((b) => b.kind === 'output')).toBe(true);
  const report = runScript(new Engine({ world: defaultWorld() }), script);
  const printed = report.statements.filter((s) => s.display);
  expect(printed.map((s) => s.display!.join('\n'))).toEqual(prompt.map((b) => b.text));
  expect(prompt.map((b) => b.text).join('\n')).toContain('TransmitLinkSpeed(Gbps)');
  const text = formatScriptReport(report, script);
  for (const s of printed) expect(text).toContain(s.display!.join('\n'));
  root.dispose();
});
