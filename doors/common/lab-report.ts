// The result report a learner hands in: one self-contained HTML document (no script, no external
// file, styles inline, A4-friendly when printed) with the lab, the learner's result per task and
// check, the score, the hints used, the simulated time and the commands run. Every door answers
// the 'report' lab action with it; the desktop door also prints it to PDF.
import type { LabView } from '../../engine/contract';
import type { LabHint } from '../../engine/labs';
import { escapeHtml, markdownHtml } from '../../engine/common/markdown';

export interface LabCommandRecord {
  /** Simulated ms when it ran. */
  at: number;
  /** The PowerShell text (canonical for wizard actions, as typed at the prompt). */
  text: string;
  ok: boolean;
}

export interface LabReportInput {
  view: LabView;
  hints: readonly Pick<LabHint, 'id' | 'costPoints' | 'text' | 'task'>[];
  commands: readonly LabCommandRecord[];
  best?: { score: number; maxScore: number; completed: boolean };
  /** Wall-clock time the report was made (doors may read the wall clock; the engine never does). */
  generatedAt: Date;
  /** The learner's name as they typed it before making the report; a blank line to fill in when absent. */
  learner?: string;
}

/**
 * A hint's Markdown as HTML, by the same reader the Labs pane uses (engine/common/markdown.ts):
 * every text escaped, links as their text; a one-paragraph hint comes without its <p>.
 */
export function hintHtml(text: string): string {
  return markdownHtml(text, { headingLevel: 4 });
}

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

/** Simulated ms → "1 h 02 min 05 s", "4 min 10 s", "12.5 s". */
export function simulatedDuration(ms: number): string {
  const negative = ms < 0;
  const abs = Math.abs(ms);
  let text: string;
  if (abs < 60_000) text = `${(abs / 1000).toFixed(abs < 10_000 ? 1 : 0)} s`;
  else {
    const s = Math.floor(abs / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    text = h > 0 ? `${h} h ${String(m).padStart(2, '0')} min ${String(sec).padStart(2, '0')} s` : `${m} min ${String(sec).padStart(2, '0')} s`;
  }
  return negative ? `−${text}` : text;
}

const STYLE = `
  body { font: 11pt/1.45 "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1e1e1e; margin: 24px auto; max-width: 820px; padding: 0 16px; }
  h1 { font-size: 18pt; margin: 0 0 4px; color: #1e395b; }
  h2 { font-size: 13pt; margin: 22px 0 8px; color: #1e395b; border-bottom: 1px solid #a9b2bd; padding-bottom: 2px; }
  h3 { font-size: 11pt; margin: 12px 0 4px; }
  .meta { color: #5f5f5f; margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
  th, td { text-align: left; vertical-align: top; padding: 3px 8px; border: 1px solid #d5d9de; }
  th { background: #f0f2f5; font-weight: 600; }
  .pass { color: #1a7f37; font-weight: 600; }
  .fail { color: #c42b1c; font-weight: 600; }
  .score { font-size: 15pt; font-weight: 600; }
  code, pre { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
  pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
  .fill { display: inline-block; min-width: 260px; border-bottom: 1px solid #1e1e1e; }
  .muted { color: #5f5f5f; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

export function labReportHtml(input: LabReportInput): string {
  const { view, commands, best } = input;
  const s = view.summary;
  const e = escapeHtml;
  const last = view.lastCheck;
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<title>${e(`Lab report — ${s.title}`)}</title>`);
  out.push(`<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${e(s.title)}</h1>`);
  out.push(
    `<p class="meta">Hyper-V Mobility Lab · lab <code>${e(s.id)}</code> · ${e(s.level)} · about ${s.estimatedMinutes} min${s.timeLimitMinutes !== undefined ? ` · time limit ${s.timeLimitMinutes} min` : ''} · report made ${e(input.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC</p>`,
  );
  out.push(input.learner ? `<p>Learner: <strong class="learner">${e(input.learner)}</strong></p>` : '<p>Learner: <span class="fill">&nbsp;</span></p>');

  out.push('<h2>Result</h2>', '<table>');
  const status = s.status === 'Completed' ? 'Completed' : s.status === 'InProgress' ? 'In progress' : 'Not started';
  out.push(
    `<tr><th scope="row">Score</th><td><span class="score">${last ? `${last.score} / ${last.maxScore}` : `— / ${view.maxScore}`}</span>${last ? '' : ' <span class="muted">(not checked yet)</span>'}</td></tr>`,
  );
  out.push(
    `<tr><th scope="row">Status</th><td>${e(status)}${last ? (last.passed ? ' — every task passed' : ` — ${last.tasks.filter((t) => t.pass).length} of ${last.tasks.length} tasks passed`) : ''}</td></tr>`,
  );
  if (best) out.push(`<tr><th scope="row">Best score</th><td>${best.score} / ${best.maxScore}</td></tr>`);
  out.push(
    `<tr><th scope="row">Hints used</th><td>${last?.hintsUsed ?? view.hints.filter((h) => h.taken).length}${view.hintPoints > 0 ? ` (−${points(view.hintPoints)})` : ''}</td></tr>`,
  );
  if (last) {
    out.push(
      `<tr><th scope="row">Simulated time</th><td>${e(simulatedDuration(last.elapsedMs))} from the start of the lab to the last Check${last.timeLimitMs !== undefined ? ` (limit ${e(simulatedDuration(last.timeLimitMs))}${last.overTime ? ', <span class="fail">over time</span>' : ''})` : ''}</td></tr>`,
    );
  }
  out.push('</table>');

  out.push('<h2>Objectives</h2>', '<ul>', ...s.objectives.map((o) => `<li>${e(o)}</li>`), '</ul>');

  out.push('<h2>Tasks</h2>');
  for (const t of view.tasks) {
    const r = t.result;
    const verdict = r ? (r.pass ? '<span class="pass">PASS</span>' : '<span class="fail">FAIL</span>') : '<span class="muted">not checked</span>';
    out.push(`<h3>${e(t.title)} — ${verdict} <span class="muted">(${r?.pass ? t.points : 0} / ${t.points} points)</span></h3>`);
    out.push('<table>', '<tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Expected</th><th scope="col">Found</th></tr>');
    const rows = r ? r.checks : t.checks.map((description) => ({ description, pass: undefined, expected: '', found: '' }));
    for (const c of rows) {
      const res = c.pass === undefined ? '<span class="muted">—</span>' : c.pass ? '<span class="pass">pass</span>' : '<span class="fail">fail</span>';
      out.push(`<tr><td>${e(c.description)}</td><td>${res}</td><td>${e(c.expected)}</td><td>${e(c.found)}</td></tr>`);
    }
    out.push('</table>');
  }

  const taken = view.hints.filter((h) => h.taken);
  out.push('<h2>Hints used</h2>');
  if (taken.length === 0) out.push('<p>None.</p>');
  else {
    out.push('<table>', '<tr><th scope="col">Hint</th><th scope="col">Cost</th><th scope="col">Text</th></tr>');
    for (const h of taken) {
      const text = h.text ?? input.hints.find((x) => x.id === h.id)?.text ?? '';
      out.push(`<tr><td><code>${e(h.id)}</code></td><td>−${h.costPoints}</td><td>${hintHtml(text)}</td></tr>`);
    }
    out.push('</table>');
  }

  out.push('<h2>Commands run</h2>');
  if (commands.length === 0) out.push('<p>None recorded in this attempt.</p>');
  else {
    out.push('<table>', '<tr><th scope="col">At (simulated)</th><th scope="col">Command</th><th scope="col">Result</th></tr>');
    for (const c of commands) {
      out.push(
        `<tr><td>${e(simulatedDuration(c.at - (view.startedAt ?? 0)))}</td><td><pre>${e(c.text)}</pre></td><td>${c.ok ? 'ran' : '<span class="fail">refused</span>'}</td></tr>`,
      );
    }
    out.push('</table>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
