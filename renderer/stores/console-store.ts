// The PowerShell pane: what was typed and what came back (a scroll-back buffer of 3,000 lines, as
// the Windows console keeps), the command history (Up/Down, Get-History), Tab completion cycling
// through the engine's candidates, and Enter sending the line to the engine with bridge.run.
// `cls` / `Clear-Host` and `Get-History` are answered here, as they are host features.
// A command that asks for confirmation (Remove-VM, -Confirm...) stops the run: the question is
// printed, the prompt becomes PowerShell's choices line, and the next line typed is the answer,
// sent back with the same text so the engine goes on from where it stopped.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, RunOutcome } from '../../engine/contract';
import { CONFIRM_CHOICES, CONFIRM_HELP, SUSPEND_UNAVAILABLE, readConfirmAnswer } from '../../engine/common/confirm-prompt';
import type { Job } from '../../engine/model/jobs';
import { formatParseError, formatStatementError } from '../../engine/common/console-errors';
import type { InventoryStore } from './inventory-store';
import { formatForHost } from '../../engine/common/ps-format';
import type { JobStore } from './job-store';

export type ConsoleBlockKind = 'prompt' | 'output' | 'error' | 'warning' | 'jobs';
export interface ConsoleBlock {
  id: number;
  kind: ConsoleBlockKind;
  text: string;
  /** For 'jobs' blocks: the jobs the line started, shown as links to the Jobs pane. */
  jobIds?: readonly string[];
}

export const SCROLLBACK_LINES = 3000;
const HISTORY_KEEP = 500;
/** Characters across when the pane has not measured itself yet. */
const DEFAULT_COLUMNS = 120;

interface CompletionState {
  /** Text before the part being completed, and after the cursor. */
  head: string;
  tail: string;
  candidates: readonly string[];
  index: number;
  /** What the input looked like after the last completion, to know a second Tab continues it. */
  text: string;
  cursor: number;
}

export interface EditState {
  text: string;
  cursor: number;
}

export class ConsoleStore {
  blocks: readonly ConsoleBlock[] = [];
  input = '';
  busy = false;
  /** Characters across, measured by the view; tables are fitted to it. */
  columns = DEFAULT_COLUMNS;
  /** "Candidate 2 of 12" hint under the prompt while Tab is cycling. */
  completionHint: string | undefined = undefined;
  /** The question a run stopped at, and the text to run again with the answer. */
  pendingConfirm: { text: string; confirm: NonNullable<RunOutcome['confirm']> } | undefined = undefined;
  readonly history: string[] = [];
  private historyAt: number | undefined;
  private draft = '';
  private completion: CompletionState | undefined;
  private nextBlockId = 1;
  private completeSeq = 0;

  constructor(
    private readonly bridge: Pick<Bridge, 'run' | 'query'>,
    private readonly inventory: InventoryStore,
    private readonly jobs: JobStore,
  ) {
    makeObservable<ConsoleStore, 'append'>(this, {
      blocks: observable.ref,
      input: observable,
      busy: observable,
      columns: observable,
      completionHint: observable,
      pendingConfirm: observable.ref,
      user: computed,
      computer: computed,
      prompt: computed,
      title: computed,
      setInput: action,
      setColumns: action,
      clear: action,
      append: action,
      historyUp: action,
      historyDown: action,
    });
  }

  /** The signed-in user without the domain: CONTOSO\Administrator → Administrator. */
  get user(): string {
    const full = this.inventory.world?.session.user ?? 'Administrator';
    return full.slice(full.lastIndexOf('\\') + 1) || 'Administrator';
  }

  get computer(): string {
    return this.inventory.world?.session.signedInOn ?? 'localhost';
  }

  /** `PS C:\Users\Administrator>`, or the choices line while a question waits for its answer. */
  get prompt(): string {
    if (this.pendingConfirm) return CONFIRM_CHOICES;
    return `PS C:\\Users\\${this.user}>`;
  }

  get title(): string {
    return `Administrator: Windows PowerShell — ${this.computer}`;
  }

  setInput(text: string): void {
    this.input = text;
    this.completion = undefined;
    this.completionHint = undefined;
  }

  setColumns(columns: number): void {
    if (Number.isFinite(columns) && columns >= 20) this.columns = Math.floor(columns);
  }

  clear(): void {
    this.blocks = [];
  }

  /** Up arrow: the previous command of the history (the draft is kept for the way back). */
  historyUp(): void {
    if (this.history.length === 0) return;
    if (this.historyAt === undefined) {
      this.draft = this.input;
      this.historyAt = this.history.length - 1;
    } else if (this.historyAt > 0) {
      this.historyAt -= 1;
    }
    this.input = this.history[this.historyAt]!;
    this.completion = undefined;
    this.completionHint = undefined;
  }

  historyDown(): void {
    if (this.historyAt === undefined) return;
    if (this.historyAt < this.history.length - 1) {
      this.historyAt += 1;
      this.input = this.history[this.historyAt]!;
    } else {
      this.historyAt = undefined;
      this.input = this.draft;
    }
    this.completion = undefined;
    this.completionHint = undefined;
  }

  /**
   * Tab: completes the word at the cursor with the engine's first candidate; Tab again (with
   * nothing typed in between) replaces it with the next one, Shift+Tab with the previous one.
   * Returns the new text and cursor, or undefined when there is nothing to complete.
   */
  async complete(edit: EditState, backwards = false): Promise<EditState | undefined> {
    const c = this.completion;
    if (c && c.text === edit.text && c.cursor === edit.cursor && c.candidates.length > 0) {
      const n = c.candidates.length;
      const index = (c.index + (backwards ? n - 1 : 1)) % n;
      return this.applyCompletion({ ...c, index });
    }
    const seq = ++this.completeSeq;
    const result = await this.bridge.query({ name: 'complete', text: edit.text, cursor: edit.cursor });
    if (seq !== this.completeSeq || !result.ok) return undefined;
    const { replaceFrom, candidates } = result.value;
    if (candidates.length === 0) {
      runInAction(() => {
        this.completionHint = 'No completions.';
      });
      return undefined;
    }
    return this.applyCompletion({
      head: edit.text.slice(0, replaceFrom),
      tail: edit.text.slice(edit.cursor),
      candidates,
      index: backwards ? candidates.length - 1 : 0,
      text: '',
      cursor: 0,
    });
  }

  /** Runs a line: echoes it after the prompt, then writes what the engine answered. */
  async submit(text: string): Promise<void> {
    const line = text.replace(/\s+$/, '');
    runInAction(() => {
      this.input = '';
      this.historyAt = undefined;
      this.draft = '';
      this.completion = undefined;
      this.completionHint = undefined;
    });
    const pending = this.pendingConfirm;
    this.append([{ kind: 'prompt', text: `${this.prompt} ${line}` }]);
    if (pending) {
      await this.answer(pending, line);
      return;
    }
    if (!line.trim()) return;
    const hostCommand = line.trim().toLowerCase();
    if (hostCommand === 'cls' || hostCommand === 'clear' || hostCommand === 'clear-host') {
      this.remember(line);
      this.clear();
      return;
    }
    if (hostCommand === 'get-history' || hostCommand === 'h' || hostCommand === 'history' || hostCommand === 'ghy') {
      const rows = this.history.map((commandLine, i) => ({
        typeName: 'Microsoft.PowerShell.Commands.HistoryInfo',
        properties: { Id: i + 1, CommandLine: commandLine },
      }));
      this.remember(line);
      if (rows.length > 0) this.append([{ kind: 'output', text: formatForHost(rows, this.columns).join('\n') }]);
      return;
    }
    this.remember(line);
    await this.runLine(line);
  }

  /** Sends a line (or, with `resume`, the answer to the question it stopped at) and writes what came back. */
  private async runLine(text: string, resume?: Parameters<Bridge['run']>[1]): Promise<void> {
    runInAction(() => {
      this.busy = true;
    });
    try {
      const result = await this.bridge.run(text, resume);
      if (!result.ok) {
        this.append([{ kind: 'error', text: result.error.message }]);
        return;
      }
      this.append(this.render(text, result.value));
      const confirm = result.value.confirm;
      if (confirm) {
        runInAction(() => {
          this.pendingConfirm = { text, confirm };
        });
      }
    } finally {
      runInAction(() => {
        this.busy = false;
      });
    }
  }

  /** The line typed after a question: Y/Enter, A, N or L go on; ? explains the choices; anything else asks again. */
  private async answer(pending: NonNullable<ConsoleStore['pendingConfirm']>, line: string): Promise<void> {
    const answer = readConfirmAnswer(line);
    if (answer === undefined || answer === 'Help' || answer === 'Suspend') {
      if (answer !== undefined) this.append([{ kind: 'output', text: answer === 'Help' ? CONFIRM_HELP : SUSPEND_UNAVAILABLE }]);
      return;
    }
    runInAction(() => {
      this.pendingConfirm = undefined;
    });
    await this.runLine(pending.text, { statement: pending.confirm.statement, command: pending.confirm.command, answer });
  }

  /** Turns a run's outcome into console blocks, statement by statement. */
  render(text: string, outcome: RunOutcome): Omit<ConsoleBlock, 'id'>[] {
    if (outcome.parseError) return [{ kind: 'error', text: formatParseError(text, outcome.parseError) }];
    const blocks: Omit<ConsoleBlock, 'id'>[] = [];
    for (const s of outcome.statements) {
      const r = s.result;
      if (!r.ok) {
        blocks.push({ kind: 'error', text: formatStatementError(text, s, r.error) });
        continue;
      }
      for (const w of r.value.warnings) blocks.push({ kind: 'warning', text: `WARNING: ${w}` });
      if (s.display) {
        // The engine's one formatter (engine/common/ps-format.ts), at this console's width: the same text hvlab run prints.
        const lines = formatForHost(s.display, this.columns);
        if (lines.length) blocks.push({ kind: 'output', text: lines.join('\n') });
        if (r.value.jobIds.length > 0) {
          if (s.display.length === 0) blocks.push(...this.jobBlocks(r.value.jobIds, r.value.commandText));
          else blocks.push({ kind: 'jobs', text: '', jobIds: [...r.value.jobIds] });
        }
        continue;
      }
      // An outcome without display data (an older engine's answer): its plain output, through the same formatter.
      const lines = formatForHost(r.value.output, this.columns);
      if (lines.length) blocks.push({ kind: 'output', text: lines.join('\n') });
      if (r.value.jobIds.length > 0) blocks.push(...this.jobBlocks(r.value.jobIds, r.value.commandText));
    }
    // The question; the choices line that follows it is the prompt (see `prompt`).
    if (outcome.confirm) blocks.push({ kind: 'output', text: `\n${outcome.confirm.caption}\n${outcome.confirm.query}` });
    return blocks;
  }

  /** A move returns at once, as with -AsJob: the job table PowerShell prints, and links to the Jobs pane. */
  private jobBlocks(ids: readonly string[], commandText: string): Omit<ConsoleBlock, 'id'>[] {
    this.jobs.flush(); // the job's record came just before this answer; apply it now
    const rows = ids.map((id) => {
      const job: Job | undefined = this.jobs.get(id);
      return {
        typeName: 'System.Management.Automation.Job',
        properties: {
          Id: Number(id),
          Name: `Job${id}`,
          PSJobTypeName: 'BackgroundJob',
          State: job ? psState(job.state) : 'Running',
          HasMoreData: false,
          Location: job?.source ?? this.computer,
          Command: job?.commandText ?? commandText,
        },
      };
    });
    return [
      { kind: 'output', text: formatForHost(rows, this.columns).join('\n') },
      { kind: 'jobs', text: '', jobIds: [...ids] },
    ];
  }

  private remember(line: string): void {
    runInAction(() => {
      if (this.history.at(-1) !== line) this.history.push(line);
      if (this.history.length > HISTORY_KEEP) this.history.splice(0, this.history.length - HISTORY_KEEP);
    });
  }

  private applyCompletion(c: CompletionState): EditState {
    const candidate = c.candidates[c.index]!;
    const text = `${c.head}${candidate}${c.tail}`;
    const cursor = c.head.length + candidate.length;
    runInAction(() => {
      this.input = text;
      this.completion = { ...c, text, cursor };
      this.completionHint = c.candidates.length > 1 ? `${c.index + 1} of ${c.candidates.length}: ${preview(c.candidates, c.index)}` : undefined;
    });
    return { text, cursor };
  }

  private append(blocks: readonly Omit<ConsoleBlock, 'id'>[]): void {
    if (blocks.length === 0) return;
    let next = [...this.blocks, ...blocks.map((b) => ({ ...b, id: this.nextBlockId++ }))];
    // Keep the last SCROLLBACK_LINES lines: drop whole blocks from the top, then cut the first one.
    let lines = 0;
    let keepFrom = next.length;
    for (let i = next.length - 1; i >= 0; i--) {
      const n = lineCount(next[i]!);
      if (lines + n > SCROLLBACK_LINES) {
        const room = SCROLLBACK_LINES - lines;
        if (room > 0) {
          const b = next[i]!;
          next[i] = { ...b, text: b.text.split('\n').slice(-room).join('\n') };
          keepFrom = i;
        }
        break;
      }
      lines += n;
      keepFrom = i;
    }
    if (keepFrom > 0) next = next.slice(keepFrom);
    this.blocks = next;
  }
}

function lineCount(b: Omit<ConsoleBlock, 'id'>): number {
  let n = 1;
  for (let i = 0; i < b.text.length; i++) if (b.text.charCodeAt(i) === 10) n++;
  return n;
}

/** A few candidates around the chosen one, for the hint line. */
function preview(candidates: readonly string[], index: number): string {
  const from = Math.max(0, Math.min(index - 2, candidates.length - 6));
  const shown = candidates.slice(from, from + 6).map((c, i) => (from + i === index ? `[${c}]` : c));
  return `${from > 0 ? '… ' : ''}${shown.join('  ')}${from + 6 < candidates.length ? ' …' : ''}`;
}

/** Get-Job's State for a job state of the lab. */
function psState(state: Job['state']): string {
  switch (state) {
    case 'Queued':
      return 'NotStarted';
    case 'Cancelled':
      return 'Stopped';
    default:
      return state;
  }
}
