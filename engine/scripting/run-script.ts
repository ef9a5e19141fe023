// runScript(engine, text): runs a PowerShell script against an engine the way a PowerShell host
// would, and reports what happened (issue "Moves" §7; the CLI's `hvlab run <script.ps1>`).
//
// - The script is read by the language (engine/cmdlets/syntax.ts) and run by its interpreter
//   (engine/scripting/language): variables, foreach/if, objects through the pipeline. A syntax error
//   anywhere stops the whole script before anything runs, as PowerShell parses a script first.
//   A binding error (unknown parameter, bad value) fails only its own statement; the others run.
// - Statements run in order through engine.invoke. A statement that created jobs without -AsJob
//   blocks until they end, as PowerShell blocks on Move-VM: the simulation advances event by
//   event (never in fixed ticks) until every one of them has ended. -AsJob statements return at
//   once; Wait-Job waits inside the engine.
// - -WhatIf prints what would happen and runs nothing. A command that would ask for confirmation
//   (Remove-VM, Remove-*, Restart-VM, Disable-NetAdapter, or -Confirm) fails as it does in
//   powershell.exe -NonInteractive: hvlab run has nobody to answer; -Force or -Confirm:$false run it.
// - After the last statement the simulation runs until idle (moves started with -AsJob finish,
//   smart paging files are released).
// The report is plain JSON (no class instances, no undefined-only fields) and has a plain-text form.
import type { ScriptHost } from './script-host';
import type { Job } from '../model/jobs';
import type { Vm } from '../model/world';
import { parseScript, type ParsedCommand, type ParseError } from '../cmdlets';
import { parseSyntax } from '../cmdlets/syntax';
import { LineIndex } from '../cmdlets/source-text';
import { MAX_SCRIPT_TEXT } from './script-limits';
import { byteRateText, byteSizeText } from '../common/byte-size';
import { elapsedText } from '../common/time-span';
import { formatErrorRecord, type ErrorRecordFields } from '../common/error-record';
import { parseErrorRecordOf } from '../cmdlets/error-records';
import { formatForHost } from '../common/ps-format';
import { loadProgram } from './language/run-program';
import type { LanguageHost } from './language/interpreter';
import { toDisplay, toPlain } from './language/values';

export { MAX_SCRIPT_TEXT };
import { PS_STATE } from '../operations/operations';

export interface StatementReport {
  index: number;
  /** The statement as written. */
  text: string;
  line: number;
  column: number;
  cmdlet?: string;
  /** Canonical PowerShell of what ran. */
  commandText?: string;
  ok: boolean;
  /** What went wrong, with PowerShell's error record (category, target, exception, FullyQualifiedErrorId). */
  error?: { message: string; parameter?: string; fix?: string; record?: ErrorRecordFields };
  warnings: string[];
  jobIds: string[];
  /** Objects the cmdlet wrote to the pipeline. */
  output: unknown[];
  /** What PowerShell prints for the statement's output (engine/common/ps-format.ts, 120 columns): the prompt's text. */
  display?: string[];
  /** Simulated ms when the statement started and when it returned (after its jobs, without -AsJob). */
  startedAt: number;
  endedAt: number;
}

export interface StageReport {
  name: string;
  status: string;
  bytesDone: number;
  bytesTotal: number;
  startedAt?: number;
  endedAt?: number;
  durationMs?: number;
  /** bytesDone / duration, bytes per second. */
  averageRate?: number;
}

export interface PassReport {
  pass: number;
  bytes: number;
  startedAt: number;
  endedAt?: number;
  durationMs?: number;
}

export interface JobReport {
  id: string;
  cmdlet: string;
  commandText: string;
  kind: Job['kind'];
  vm: string;
  source: string;
  destination: string;
  /** Completed, Failed, Stopped (cancelled) — or NotStarted / Running if the script left it so. */
  result: string;
  error?: string;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  durationMs?: number;
  stages: StageReport[];
  precopyPasses: PassReport[];
  expectedDowntimeMs?: number;
  measuredDowntimeMs?: number;
  transport?: string;
  nics: string[];
  channels: { client: string; server: string; rdma: boolean; connections: number }[];
  notes: string[];
}

export interface VmFilesReport {
  name: string;
  id: string;
  host: string;
  state: string;
  configuration: string;
  snapshots: string;
  smartPaging: string;
  smartPagingFile?: string;
  vhds: { path: string; sizeBytes: number }[];
  checkpointFiles: string[];
}

export interface ScriptReport {
  /** True when every statement succeeded and every job completed. */
  ok: boolean;
  parseError?: { message: string; line: number; column: number; parameter?: string; fix?: string; record?: ErrorRecordFields };
  startedAt: number;
  endedAt: number;
  statements: StatementReport[];
  jobs: JobReport[];
  vms: VmFilesReport[];
}

export interface PlannedStatement {
  text: string;
  line: number;
  column: number;
  command?: ParsedCommand;
  error?: ParseError;
}

/**
 * Statements to run: the parsed commands, or per statement when one has a binding error (shared
 * with the console's prompt, scripting/prompt-run.ts).
 */
export function planStatements(text: string): { ok: true; statements: PlannedStatement[] } | { ok: false; error: ParseError } {
  const whole = parseScript(text);
  if (whole.ok) {
    return {
      ok: true,
      statements: whole.statements.map((c) => ({
        text: text.slice(c.span.offset, c.span.offset + c.span.length),
        line: c.span.line,
        column: c.span.column,
        command: c,
      })),
    };
  }
  if (whole.error.statementIndex === undefined) return { ok: false, error: whole.error };
  // A binding error: parse each statement alone, so the others still run (PowerShell binds at run time).
  const out: PlannedStatement[] = [];
  const lines = new LineIndex(text);
  for (const p of parseSyntax(text)) {
    const slice = text.slice(p.at.offset, p.at.offset + p.at.length);
    const { line, column } = lines.position(p.at.offset);
    const r = parseScript(slice);
    if (r.ok) for (const c of r.statements) out.push({ text: slice, line, column, command: c });
    else
      out.push({
        text: slice,
        line,
        column,
        error: { ...r.error, line: line + r.error.line - 1, column: r.error.line === 1 ? column + r.error.column - 1 : r.error.column },
      });
  }
  return { ok: true, statements: out };
}

function isActive(j: Job | undefined): boolean {
  return !!j && (j.state === 'Queued' || j.state === 'Running');
}

/** Advances the engine event by event until none of the jobs is active (or nothing is left to run). */
function waitForJobs(engine: ScriptHost, ids: readonly string[]): void {
  const ops = engine.operations;
  for (;;) {
    if (!ids.some((id) => isActive(ops.job(id)))) return;
    const next = engine.sim.nextEventAt();
    if (next === undefined) return;
    engine.advance(Math.max(0, next - engine.now));
  }
}

export function runScript(engine: ScriptHost, text: string): ScriptReport {
  const startedAt = engine.now;
  const loaded: ReturnType<typeof loadProgram> =
    text.length > MAX_SCRIPT_TEXT
      ? {
          ok: false,
          error: {
            message: `The script is ${text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_SCRIPT_TEXT.toLocaleString('en-US')}. Split it into several scripts.`,
            line: 1,
            column: 1,
            span: { offset: 0, length: 0, line: 1, column: 1 },
          },
        }
      : loadProgram(text);
  if (!loaded.ok) {
    const e = loaded.error;
    return {
      ok: false,
      parseError: {
        message: e.message,
        line: e.line,
        column: e.column,
        ...(e.parameter ? { parameter: e.parameter } : {}),
        ...(e.fix ? { fix: e.fix } : {}),
        record: parseErrorRecordOf(e, 'syntax'),
      },
      startedAt,
      endedAt: engine.now,
      statements: [],
      jobs: [],
      vms: vmFiles(engine.state().world.vms),
    };
  }
  const program = loaded.program;
  const statements: StatementReport[] = [];
  const jobIds: string[] = [];
  let base = { text: '', line: 1, column: 1, startedAt };
  let invokedAt = startedAt;
  const push = (r: Omit<StatementReport, 'index'>) => statements.push({ index: statements.length, ...r });
  const host: LanguageHost = {
    invoke(c) {
      invokedAt = engine.now;
      return engine.invoke({ cmdlet: c.cmdlet, params: { ...c.params } });
    },
    afterInvoke(r) {
      // A statement that created jobs without -AsJob blocks until they end, as PowerShell blocks on Move-VM.
      if (r.result.ok && r.result.value.jobIds.length && r.params.AsJob !== true) waitForJobs(engine, r.result.value.jobIds);
      const v = r.result;
      if (v.ok) jobIds.push(...v.value.jobIds);
      if (!v.ok) {
        const e = v.error;
        push({
          ...base,
          startedAt: invokedAt,
          cmdlet: r.cmdlet,
          ok: false,
          error: {
            message: e.message,
            ...(e.parameter ? { parameter: e.parameter } : {}),
            ...(e.fix ? { fix: e.fix } : {}),
            ...(e.record ? { record: e.record } : {}),
          },
          warnings: [],
          jobIds: [],
          output: [],
          endedAt: engine.now,
        });
      } else if (r.toHost || v.value.jobIds.length || v.value.warnings.length) {
        push({
          ...base,
          startedAt: invokedAt,
          cmdlet: r.cmdlet,
          commandText: v.value.commandText,
          ok: true,
          warnings: v.value.warnings,
          jobIds: v.value.jobIds,
          output: jsonSafe(v.value.output),
          endedAt: engine.now,
        });
      }
    },
    record(r) {
      if (r.kind !== 'error') return;
      const e = r.error;
      const span = program.spanOf(r.at);
      push({
        ...base,
        startedAt: engine.now,
        ok: false,
        error: {
          message: e.message,
          ...(e.parameter ? { parameter: e.parameter } : {}),
          ...(e.fix ? { fix: e.fix } : {}),
          record: parseErrorRecordOf(
            { message: e.message, line: span.line, column: span.column, span, ...(e.command ? { command: e.command } : {}) },
            'binding',
          ),
        },
        warnings: [],
        jobIds: [],
        output: [],
        endedAt: engine.now,
      });
    },
    sleep: (ms) => engine.advance(ms),
    writeHost: (t) => push({ ...base, startedAt: engine.now, ok: true, warnings: [], jobIds: [], output: [t], display: t.split(/\r?\n/), endedAt: engine.now }),
    ...(engine.localComputer !== undefined ? { localComputer: engine.localComputer } : {}),
  };
  for (let i = 0; i < program.count; i++) {
    const span = program.span(i);
    base = { text: text.slice(span.offset, span.offset + span.length).trim(), line: span.line, column: span.column, startedAt: engine.now };
    const first = statements.length;
    const { output } = program.run(i, host);
    if (output.length === 0) continue;
    const display = formatForHost(output.map(toDisplay), REPORT_WIDTH);
    // The output goes with the statement's last command that wrote to the host, else with a line of its own.
    const owner = statements
      .slice(first)
      .reverse()
      .find((s) => s.ok && s.cmdlet !== undefined && s.display === undefined);
    if (owner) owner.display = display;
    else push({ ...base, ok: true, warnings: [], jobIds: [], output: jsonSafe(output.map(toPlain)), display, endedAt: engine.now });
  }
  engine.runUntilIdle();
  const state = engine.state();
  const byId = new Map(state.jobs.map((j) => [j.id, j]));
  const jobs = [...new Set(jobIds)]
    .map((id) => byId.get(id))
    .filter((j): j is Job => !!j)
    .map(jobReport);
  return {
    ok: statements.every((s) => s.ok) && jobs.every((j) => j.result === 'Completed'),
    startedAt,
    endedAt: engine.now,
    statements,
    jobs,
    vms: vmFiles(state.world.vms),
  };
}

/** The width hvlab run's text report formats output at: a 2012 R2 console window's 120 columns. */
export const REPORT_WIDTH = 120;

function jsonSafe(v: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(v)) as unknown[];
}

function jobReport(j: Job): JobReport {
  return {
    id: j.id,
    cmdlet: j.cmdlet,
    commandText: j.commandText,
    kind: j.kind,
    vm: j.vmName ?? '',
    source: j.source ?? '',
    destination: j.destination ?? '',
    result: PS_STATE[j.state],
    ...(j.error ? { error: j.error.message } : {}),
    createdAt: j.createdAt,
    ...(j.startedAt !== undefined ? { startedAt: j.startedAt } : {}),
    ...(j.endedAt !== undefined ? { endedAt: j.endedAt } : {}),
    ...(j.endedAt !== undefined && j.startedAt !== undefined ? { durationMs: j.endedAt - j.startedAt } : {}),
    stages: j.stages.map((s) => {
      const d = s.startedAt !== undefined && s.endedAt !== undefined ? s.endedAt - s.startedAt : undefined;
      return {
        name: s.name,
        status: s.status,
        bytesDone: s.bytesDone,
        bytesTotal: s.bytesTotal,
        ...(s.startedAt !== undefined ? { startedAt: s.startedAt } : {}),
        ...(s.endedAt !== undefined ? { endedAt: s.endedAt } : {}),
        ...(d !== undefined ? { durationMs: d } : {}),
        ...(d !== undefined && d > 0 && s.bytesDone > 0 ? { averageRate: (s.bytesDone * 1000) / d } : {}),
      };
    }),
    precopyPasses: j.precopyPasses.map((p) => ({
      pass: p.pass,
      bytes: p.bytes,
      startedAt: p.startedAt,
      ...(p.endedAt !== undefined ? { endedAt: p.endedAt, durationMs: p.endedAt - p.startedAt } : {}),
    })),
    ...(j.expectedDowntimeMs !== undefined ? { expectedDowntimeMs: j.expectedDowntimeMs } : {}),
    ...(j.measuredDowntimeMs !== undefined ? { measuredDowntimeMs: j.measuredDowntimeMs } : {}),
    ...(j.transport !== undefined ? { transport: j.transport } : {}),
    nics: [...j.nics],
    channels: j.channels.map((c) => ({ ...c })),
    notes: [...j.notes],
  };
}

function vmFiles(vms: readonly Vm[]): VmFilesReport[] {
  return vms.map((vm) => ({
    name: vm.name,
    id: vm.id,
    host: vm.host,
    state: vm.state,
    configuration: vm.paths.configuration,
    snapshots: vm.paths.snapshots,
    smartPaging: vm.paths.smartPaging,
    ...(vm.smartPagingFile ? { smartPagingFile: vm.smartPagingFile.path } : {}),
    vhds: vm.vhds.map((d) => ({ path: d.path, sizeBytes: d.sizeBytes })),
    checkpointFiles: vm.checkpoints.flatMap((c) => c.files.map((f) => f.path)),
  }));
}

// ── Plain text ──────────────────────────────────────────────────────────────────────────────────

const bytes = (n: number) => byteSizeText(n, 'iec');

function at(ms: number): string {
  return `t=${(ms / 1000).toFixed(3)}s`;
}

/** In the same binary units as the sizes (a 750MB limit reads 750 MiB/s, not 786.4 MB/s). */
const rate = (bps: number) => byteRateText(bps, 'iec');

/**
 * The report as a person reads it in a terminal. With the script's text, each error is written
 * under its statement exactly as the console's prompt writes it (the PowerShell error record,
 * engine/common/error-record.ts).
 */
export function formatScriptReport(r: ScriptReport, scriptText?: string): string {
  const out: string[] = [];
  if (r.parseError) {
    const p = r.parseError;
    out.push(`The script was not run: line ${p.line}, column ${p.column}: ${p.message}`);
    if (scriptText !== undefined && p.record) out.push(formatErrorRecord(scriptText, { text: '', line: p.line, column: p.column }, p.message, p.record, p.fix));
    else if (p.fix) out.push(`  ${p.fix}`);
    return out.join('\n');
  }
  out.push(`Script ${r.ok ? 'succeeded' : 'had errors'}: ${r.statements.length} statement(s), ${r.jobs.length} job(s), ${at(r.startedAt)} → ${at(r.endedAt)}`);
  out.push('');
  out.push('Statements');
  for (const s of r.statements) {
    const head = `  [${s.index + 1}] line ${s.line}: ${s.commandText ?? s.text}`;
    if (s.ok) {
      out.push(
        `${head}  — OK${s.jobIds.length ? ` (job ${s.jobIds.join(', ')})` : ''}${s.endedAt > s.startedAt ? `, returned after ${elapsedText(s.endedAt - s.startedAt)}` : ''}`,
      );
    } else {
      out.push(`${head}  — ERROR: ${s.error?.message ?? ''}`);
      if (scriptText !== undefined && s.error?.record) out.push(formatErrorRecord(scriptText, s, s.error.message, s.error.record, s.error.fix));
      else if (s.error?.fix) out.push(`      fix: ${s.error.fix}`);
    }
    for (const w of s.warnings) out.push(`      WARNING: ${w}`);
    if (s.display) out.push(...s.display);
  }
  if (r.jobs.length) {
    out.push('');
    out.push('Jobs');
  }
  for (const j of r.jobs) {
    out.push(
      `  Job ${j.id} ${j.cmdlet} '${j.vm}' ${j.source} → ${j.destination}: ${j.result}${j.startedAt !== undefined ? `, ${at(j.startedAt)} → ${j.endedAt !== undefined ? at(j.endedAt) : '…'}` : ''}${j.durationMs !== undefined ? ` (${elapsedText(j.durationMs)})` : ''}`,
    );
    if (j.error) out.push(`      error: ${j.error}`);
    if (j.transport) out.push(`      transport: ${j.transport}${j.nics.length ? `; NICs: ${j.nics.join(', ')}` : ''}`);
    for (const c of j.channels) out.push(`      channel: ${c.client} → ${c.server}${c.rdma ? ' (RDMA)' : ''}, ${c.connections} connection(s)`);
    const stages = j.stages
      .filter((s) => s.status !== 'Pending')
      .map((s) => {
        const moved = s.bytesTotal > 0 || s.bytesDone > 0 ? ` ${bytes(s.bytesDone)}${s.averageRate ? ` at ${rate(s.averageRate)}` : ''}` : '';
        return `${s.name}${s.status !== 'Done' ? ` [${s.status}]` : ''}${moved}${s.durationMs !== undefined ? ` in ${elapsedText(s.durationMs)}` : ''}`;
      });
    if (stages.length) out.push(`      stages: ${stages.join('; ')}`);
    if (j.precopyPasses.length)
      out.push(
        `      pre-copy passes: ${j.precopyPasses.map((p) => `${p.pass}: ${bytes(p.bytes)}${p.durationMs !== undefined ? ` in ${elapsedText(p.durationMs)}` : ''}`).join('; ')}`,
      );
    if (j.expectedDowntimeMs !== undefined || j.measuredDowntimeMs !== undefined) {
      out.push(
        `      downtime: expected ${j.expectedDowntimeMs !== undefined ? elapsedText(j.expectedDowntimeMs) : '-'}, measured ${j.measuredDowntimeMs !== undefined ? elapsedText(j.measuredDowntimeMs) : '-'}`,
      );
    }
    for (const n of j.notes) out.push(`      note: ${n}`);
  }
  out.push('');
  out.push('Virtual machines');
  for (const vm of r.vms) {
    out.push(`  ${vm.name} on ${vm.host} (${vm.state})`);
    out.push(`      configuration: ${vm.configuration}`);
    out.push(`      checkpoints:   ${vm.snapshots}`);
    out.push(`      smart paging:  ${vm.smartPaging}${vm.smartPagingFile ? ` (file ${vm.smartPagingFile})` : ''}`);
    for (const d of vm.vhds) out.push(`      VHD: ${d.path} (${bytes(d.sizeBytes)})`);
    for (const f of vm.checkpointFiles) out.push(`      checkpoint file: ${f}`);
  }
  return out.join('\n');
}
