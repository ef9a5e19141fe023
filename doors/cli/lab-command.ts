// `hvlab lab ...`: the labs on the command line, for learners without the desktop app and for
// trainers' CI (a pack's reference solution, or a learner's script, graded the way the console
// grades it). Exit codes: 0 every task passed (or the command succeeded), 1 a task failed or the
// pack is invalid (validate), 2 a usage error, an unknown lab or an unreadable pack.
import { parseArgs } from '../node/args';
import {
  builtinLabs,
  findBuiltinLab,
  formatPackIssues,
  labPackJsonSchema,
  parseLabPackJson,
  runLab,
  summarizeLab,
  describeCheck,
  gradeClass,
  type Gradebook,
  type GradebookInput,
  type LabCheckResult,
  type LabPack,
} from '../../engine/labs';
import type { ScriptReport } from '../../engine/scripting/run-script';
import { elapsedText } from '../../engine/common/time-span';

export interface LabCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Reads a file; throws an Error whose message a user can act on. */
  readText: (path: string, what: string) => string;
}

export const LAB_HELP = `hvlab lab — offline labs

Usage:
  hvlab lab list [--json]
      The built-in labs: id, level, minutes, tasks, title.
  hvlab lab show <id|pack.json> [--json] [--solution]
      The briefing, objectives and tasks of a lab (hint texts stay hidden; --solution prints the
      reference solution, for trainers).
  hvlab lab check <id|pack.json> [--script <solution.ps1>] [--json]
      Runs the script (default: the pack's reference solution) against a fresh copy of the lab's
      world until every job has ended, then grades every task: pass or fail, with what each check
      expected and what it found. Exit code 0 only when every task passes.
  hvlab lab validate <pack.json> [--json]
      Checks a lab pack file and lists every problem with its path in the file.
  hvlab lab schema
      Prints the JSON Schema of lab pack files (schemas/lab-pack.schema.json).
  hvlab lab grade <id|pack.json> <result.json...> [--csv|--json]
      Regrades learners' result files (saved from the console's Labs pane): each transcript is run
      again from the lab's start and graded — the stored score is never trusted — and a result
      whose stored grade differs is flagged TAMPERED. Prints a gradebook with each task's pass
      rate across the class. Exit code 0 when every result was graded and none was tampered, 1
      otherwise.
`;

class UsageError extends Error {}

/** A built-in lab by id, or a pack file (anything ending in .json or containing a path separator). */
function resolvePack(arg: string, io: LabCommandIo): { ok: true; pack: LabPack } | { ok: false; code: number } {
  if (/\.json$/i.test(arg) || /[\\/]/.test(arg)) {
    const loaded = parseLabPackJson(io.readText(arg, 'lab pack'));
    if (loaded.ok) return { ok: true, pack: loaded.pack };
    io.err(`hvlab lab: ${arg} is not a valid lab pack:\n${indent(formatPackIssues(loaded.errors), '  ')}\n`);
    return { ok: false, code: 2 };
  }
  const pack = findBuiltinLab(arg);
  if (pack) return { ok: true, pack };
  const ids = builtinLabs().map((p) => p.id);
  io.err(`hvlab lab: unknown lab "${arg}". Built-in labs:\n${ids.map((id) => `  ${id}`).join('\n')}\nTo use your own pack, give the path of its .json file.\n`);
  return { ok: false, code: 2 };
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `${pad}${l}` : l))
    .join('\n');
}

function one(positionals: string[], usage: string): string {
  const [first, extra] = positionals;
  if (!first || extra !== undefined) throw new UsageError(usage);
  return first;
}

export function labCommand(args: string[], io: LabCommandIo): number {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(LAB_HELP);
        return sub === undefined ? 2 : 0;
      case 'list':
        return list(rest, io);
      case 'show':
        return show(rest, io);
      case 'check':
        return check(rest, io);
      case 'validate':
        return validate(rest, io);
      case 'grade':
        return grade(rest, io);
      case 'schema': {
        parseArgs(rest, {});
        io.out(`${JSON.stringify(labPackJsonSchema(), null, 2)}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown lab command "${sub}" (list, show, check, validate, schema, grade; see hvlab lab --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`hvlab lab: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// ── list ────────────────────────────────────────────────────────────────────────────────────────

function list(rest: string[], io: LabCommandIo): number {
  const { options, positionals } = parseArgs(rest, { json: 'flag' });
  if (positionals.length) throw new UsageError('list takes no arguments: hvlab lab list [--json]');
  const summaries = builtinLabs().map(summarizeLab);
  if (options.json) {
    io.out(`${JSON.stringify(summaries, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...summaries.map((s) => s.id.length));
  const rows = [
    `${'ID'.padEnd(idWidth)}  ${'LEVEL'.padEnd(12)}  MIN  TASKS  TITLE`,
    ...summaries.map(
      (s) => `${s.id.padEnd(idWidth)}  ${s.level.padEnd(12)}  ${String(s.estimatedMinutes).padStart(3)}  ${String(s.taskCount).padStart(5)}  ${s.title}`,
    ),
  ];
  io.out(`${rows.join('\n')}\n`);
  return 0;
}

// ── show ────────────────────────────────────────────────────────────────────────────────────────

function show(rest: string[], io: LabCommandIo): number {
  const { options, positionals } = parseArgs(rest, { json: 'flag', solution: 'flag' });
  const r = resolvePack(one(positionals, 'show needs one lab: hvlab lab show <id|pack.json> [--json] [--solution]'), io);
  if (!r.ok) return r.code;
  const pack = r.pack;
  if (options.json) {
    const view = {
      ...summarizeLab(pack),
      briefing: pack.briefing,
      tasks: pack.tasks.map((t) => ({ id: t.id, title: t.title, description: t.description, points: t.points, checks: t.checks.map((c) => describeCheck(c)) })),
      hints: pack.hints.map((h) => ({ id: h.id, ...(h.task ? { task: h.task } : {}), costPoints: h.costPoints })),
      ...(options.solution ? { referenceSolution: pack.referenceSolution } : {}),
    };
    io.out(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  }
  const s = summarizeLab(pack);
  const out: string[] = [];
  out.push(`${pack.title}  (${pack.id})`);
  out.push(
    `Level: ${pack.level} · about ${pack.estimatedMinutes} minutes${pack.timeLimitMinutes ? ` · time limit ${pack.timeLimitMinutes} minutes` : ''} · ${s.maxScore} points`,
  );
  out.push('Objectives:');
  for (const o of pack.objectives) out.push(`  - ${o}`);
  out.push('', pack.briefing.trim(), '');
  out.push(`Tasks (${pack.tasks.length}):`);
  pack.tasks.forEach((t, i) => {
    out.push(`  ${i + 1}. ${t.title} (${t.points} points)`);
    out.push(indent(t.description.trim(), '     '));
    for (const c of t.checks) out.push(`     - ${describeCheck(c)}`);
  });
  const hintCost = pack.hints.reduce((n, h) => n + h.costPoints, 0);
  out.push('', `Hints: ${pack.hints.length}${pack.hints.length ? ` (together they cost ${hintCost} points; reveal them in the console's Labs pane)` : ''}`);
  if (options.solution) out.push('', 'Reference solution:', indent(pack.referenceSolution.trim(), '  '));
  io.out(`${out.join('\n')}\n`);
  return 0;
}

// ── check ───────────────────────────────────────────────────────────────────────────────────────

function check(rest: string[], io: LabCommandIo): number {
  const { options, positionals } = parseArgs(rest, { script: 'value', json: 'flag' });
  const r = resolvePack(one(positionals, 'check needs one lab: hvlab lab check <id|pack.json> [--script <solution.ps1>] [--json]'), io);
  if (!r.ok) return r.code;
  const scriptPath = typeof options.script === 'string' ? options.script : undefined;
  const scriptText = scriptPath !== undefined ? io.readText(scriptPath, 'script') : r.pack.referenceSolution;
  const { report, result } = runLab(r.pack, scriptText);
  const scriptName = scriptPath ?? '(the reference solution)';
  if (options.json) {
    io.out(`${JSON.stringify({ lab: summarizeLab(r.pack), script: scriptName, result, report }, null, 2)}\n`);
  } else {
    io.out(formatCheck(r.pack, scriptName, report, result));
  }
  if (report.parseError) io.err(`hvlab lab: ${scriptName}:${report.parseError.line}:${report.parseError.column}: ${report.parseError.message}\n`);
  return result.passed ? 0 : 1;
}

/** The grade as a person reads it in a terminal. */
export function formatCheck(pack: LabPack, scriptName: string, report: ScriptReport, result: LabCheckResult): string {
  const out: string[] = [];
  out.push(`Lab ${pack.id} — ${pack.title}`);
  if (report.parseError) {
    out.push(`Script ${scriptName} was not run: line ${report.parseError.line}, column ${report.parseError.column}: ${report.parseError.message}`);
  } else {
    const failed = report.statements.filter((s) => !s.ok);
    out.push(
      `Script ${scriptName}: ${report.statements.length} statement(s), ${report.jobs.length} job(s), ${elapsedText(report.endedAt - report.startedAt)} simulated${failed.length ? `, ${failed.length} refused` : ''}`,
    );
    for (const s of failed) out.push(`  line ${s.line}: ${s.text}\n    ${s.error?.message ?? 'failed'}`);
  }
  out.push('');
  for (const t of result.tasks) {
    out.push(`[${t.pass ? 'PASS' : 'FAIL'}] ${t.id} — ${t.title} (${t.points} points)`);
    for (const c of t.checks) {
      out.push(`   ${c.pass ? 'ok  ' : 'FAIL'} ${c.description}`);
      if (!c.pass) {
        out.push(`        expected: ${c.expected}`);
        out.push(`        found:    ${c.found}`);
      }
    }
  }
  const passed = result.tasks.filter((t) => t.pass).length;
  out.push('');
  out.push(`Score: ${result.score}/${result.maxScore} — ${passed} of ${result.tasks.length} task(s) passed`);
  return `${out.join('\n')}\n`;
}

// ── validate ────────────────────────────────────────────────────────────────────────────────────

function validate(rest: string[], io: LabCommandIo): number {
  const { options, positionals } = parseArgs(rest, { json: 'flag' });
  const path = one(positionals, 'validate needs one pack file: hvlab lab validate <pack.json> [--json]');
  const loaded = parseLabPackJson(io.readText(path, 'lab pack'));
  if (options.json) {
    io.out(`${JSON.stringify(loaded.ok ? { ok: true, lab: summarizeLab(loaded.pack) } : { ok: false, errors: loaded.errors }, null, 2)}\n`);
  } else if (loaded.ok) {
    const s = summarizeLab(loaded.pack);
    io.out(`${path}: valid lab pack "${s.id}" — ${s.taskCount} task(s), ${s.hintCount} hint(s), ${s.maxScore} points\n`);
  } else {
    io.out(`${path}: ${loaded.errors.length} problem(s):\n${indent(formatPackIssues(loaded.errors), '  ')}\n`);
  }
  return loaded.ok ? 0 : 1;
}

// ── grade ───────────────────────────────────────────────────────────────────────────────────────

function grade(rest: string[], io: LabCommandIo): number {
  const { options, positionals } = parseArgs(rest, { csv: 'flag', json: 'flag' });
  const usage = 'grade needs a lab and at least one result file: hvlab lab grade <id|pack.json> <result.json...> [--csv|--json]';
  const [labArg, ...files] = positionals;
  if (!labArg || files.length === 0) throw new UsageError(usage);
  if (options.csv && options.json) throw new UsageError('grade prints --csv or --json, not both');
  const r = resolvePack(labArg, io);
  if (!r.ok) return r.code;
  // A file that cannot be read is a row of the gradebook with its reason, not the end of the run:
  // one learner's broken file must not hide the rest of the class.
  const inputs = files.map((path): GradebookInput => {
    try {
      return { source: path, text: io.readText(path, 'lab result') };
    } catch (e) {
      return { source: path, readError: (e as Error).message };
    }
  });
  const book = gradeClass(r.pack, inputs);
  if (options.json) io.out(`${JSON.stringify(book, null, 2)}\n`);
  else if (options.csv) io.out(gradebookCsv(book));
  else io.out(gradebookText(book));
  for (const row of book.rows) {
    if (row.status === 'error') io.err(`hvlab lab: ${row.source}: ${row.error}\n`);
    if (row.status === 'tampered') io.err(`hvlab lab: ${row.source}: TAMPERED — ${row.mismatches?.join('; ')}\n`);
  }
  return book.rows.every((row) => row.status === 'graded') ? 0 : 1;
}

const percent = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * n) / of)}%`);

/** The gradebook as a trainer reads it in a terminal. */
export function gradebookText(book: Gradebook): string {
  const out: string[] = [];
  out.push(`Gradebook — ${book.lab.title} (${book.lab.id}, pack ${book.lab.packHash.slice(0, 19)}…)`);
  out.push('');
  const rows = book.rows.map((row) => [
    row.learner ?? '—',
    row.score !== undefined ? `${row.score}/${row.maxScore}` : '—',
    row.storedScore !== undefined ? String(row.storedScore) : '—',
    row.tasks ? `${Object.values(row.tasks).filter(Boolean).length}/${Object.keys(row.tasks).length}` : '—',
    row.hintsTaken ? String(row.hintsTaken.length) : '—',
    row.elapsedMs !== undefined ? `${elapsedText(row.elapsedMs)}${row.overTime ? ' (over time)' : ''}` : '—',
    row.status === 'graded' ? 'ok' : row.status === 'tampered' ? 'TAMPERED' : 'ERROR',
    row.source,
  ]);
  const head = ['LEARNER', 'SCORE', 'STORED', 'TASKS', 'HINTS', 'SIMULATED TIME', 'STATUS', 'FILE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  out.push(line(head), ...rows.map(line));
  const problems = book.rows.filter((row) => row.status !== 'graded');
  if (problems.length) {
    out.push('');
    for (const row of problems)
      out.push(row.status === 'tampered' ? `TAMPERED ${row.source}: ${row.mismatches?.join('; ')}` : `ERROR ${row.source}: ${row.error}`);
  }
  const graded = book.taskPassRates[0]?.graded ?? 0;
  out.push('', `Tasks passed across the class (${graded} result${graded === 1 ? '' : 's'} regraded):`);
  const idWidth = Math.max(...book.taskPassRates.map((t) => t.id.length));
  for (const t of book.taskPassRates)
    out.push(
      `  ${t.id.padEnd(idWidth)}  ${`${t.passed}/${t.graded}`.padStart(7)}  ${percent(t.passed, t.graded).padStart(4)}  ${t.title} (${t.points} points)`,
    );
  return `${out.join('\n')}\n`;
}

/**
 * RFC 4180's quoting: a field with a comma, quote or line break is quoted, its quotes doubled. A text that a
 * spreadsheet would take for a formula (a learner named "=HYPERLINK(...)") is prefixed with ' (OWASP,
 * "CSV Injection").
 */
function csvField(value: string | number | boolean | undefined): string {
  const raw = value === undefined ? '' : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per result, one column per task (1 passed, 0 failed), for a spreadsheet. */
export function gradebookCsv(book: Gradebook): string {
  const taskIds = book.taskPassRates.map((t) => t.id);
  const head = [
    'file',
    'learner',
    'status',
    'score',
    'maxScore',
    'storedScore',
    ...taskIds.map((id) => `task:${id}`),
    'hints',
    'simulatedMs',
    'startedAt',
    'savedAt',
    'problem',
  ];
  const rows = book.rows.map((row) => [
    row.source,
    row.learner,
    row.status,
    row.score,
    row.maxScore,
    row.storedScore,
    ...taskIds.map((id) => (row.tasks ? (row.tasks[id] ? 1 : 0) : undefined)),
    row.hintsTaken?.join(' '),
    row.elapsedMs !== undefined ? Math.round(row.elapsedMs) : undefined,
    row.startedAt,
    row.savedAt,
    row.error ?? row.mismatches?.join('; '),
  ]);
  // Lines end in LF: what a terminal passes through (CR is a control character toTerminal removes) and every spreadsheet reads.
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
