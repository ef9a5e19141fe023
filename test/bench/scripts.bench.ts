// "scripts.10000-statements" and "scripts.40000-lines": hvlab run's script path (parse, plan, run
// every statement, report) on big scripts, each beside a 1,000-statement baseline of the same lines
// run in the same process. Linear cost shows as ratio ≈ statements / 1,000 (per_statement_ratio ≈ 1);
// before the line index, line lookups rescanned from the start and a 40,000-line script took 70 s.
import type { Bench } from './harness';
import { peakRssMiB } from './harness';
import { Engine } from '../../engine/engine';
import { defaultWorld } from '../../engine/model/default-world';
import { runScript } from '../../engine/scripting/run-script';

/** A statement that changes the world and one that reads it, in turn; comments and blank lines between. */
function statement(i: number): string {
  return i % 2 === 0 ? `Set-VM -Name WEB01 -ComputerName HV01 -Notes "note ${i}"` : 'Get-VM -Name WEB01 -ComputerName HV01';
}

function statements(n: number): string {
  return Array.from({ length: n }, (_, i) => statement(i)).join('\n');
}

/** `lines` lines: a comment, a statement, a blank line, a statement, ... (half are statements). */
function mixedLines(lines: number): string {
  return Array.from({ length: lines }, (_, i) => (i % 4 === 0 ? `# step ${i}` : i % 4 === 2 ? '' : statement(i))).join('\n');
}

function timeRun(text: string): { ms: number; statements: number } {
  const engine = new Engine({ world: defaultWorld() });
  const t0 = performance.now();
  const report = runScript(engine, text);
  const ms = performance.now() - t0;
  if (!report.ok) throw new Error(`the bench script failed: ${JSON.stringify(report.parseError ?? report.statements.find((s) => !s.ok))}`);
  return { ms, statements: report.statements.length };
}

function compare(big: string): Record<string, number> {
  timeRun(statements(200)); // warm-up: the first run pays for compiling the catalog's schemas
  const base = timeRun(statements(1000));
  const run = timeRun(big);
  const ratio = run.ms / base.ms;
  return {
    wall_ms: run.ms,
    statements: run.statements,
    baseline_1000_ms: base.ms,
    ratio,
    per_statement_ratio: ratio / (run.statements / base.statements),
    peak_rss_mb: peakRssMiB(),
  };
}

export const benches: Bench[] = [
  {
    name: 'scripts.10000-statements',
    description: 'hvlab run on a 10,000-statement script, beside a 1,000-statement baseline',
    target: 'per_statement_ratio <= 1.5 (linear)',
    processes: 3,
    run: () => compare(statements(10_000)),
  },
  {
    name: 'scripts.40000-lines',
    description: 'hvlab run on a 40,000-line script (20,000 statements, comments and blank lines), beside a 1,000-statement baseline',
    target: 'per_statement_ratio <= 1.5 (linear)',
    processes: 3,
    run: () => compare(mixedLines(40_000)),
  },
];
