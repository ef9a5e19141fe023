// Runs the statements of engine/cmdlets/syntax.ts as Windows PowerShell 4.0 runs them: variables,
// expressions, foreach and if, and pipelines in which objects flow from command to command
// (about_Pipelines). A Hyper-V/network cmdlet is bound with the values its arguments have now and
// run through the engine (ScriptHost.invoke); the utility cmdlets (Where-Object, Select-Object,
// ...) run here (utility-cmdlets.ts), since they only reshape objects.
//
// Objects are bound to the next cmdlet by value (a VirtualMachine to the parameter that takes a VM
// from the pipeline: Get-VM | Stop-VM) or by property name (an object with a VMName property to
// -VMName), one object at a time; `-VM $vm` binds a VirtualMachine object the same way (the
// console's cmdlets name a VM by its name and computer, so the object is bound as those).
//
// Errors follow PowerShell's two kinds (about_Throw, about_Preference_Variables
// "$ErrorActionPreference = Continue"): a cmdlet's refusal is non-terminating (it is reported and
// the pipeline goes on with the next object); a binding error, an unknown command or a language
// error ends the statement it is in, and the script goes on with the next statement.
//
// -WhatIf and -Confirm (cmdlets/should-process.ts) are decided here, once per object the command
// acts on: -WhatIf writes PowerShell's "What if:" line to the host and runs nothing; a command that
// must ask calls LanguageHost.confirm, whose answer (Yes, Yes to All, No, No to All) decides it and
// the command's later objects. A host that cannot ask (hvlab run, like powershell.exe
// -NonInteractive) makes it PowerShell's NonInteractive error, which ends the statement.
import type { CommandOutput, Result } from '../../contract';
import type { BoundParams, CmdletSignature } from '../../cmdlets/signature';
import type { CommandNode, ExprNode, PipelineNode, StatementNode, StaticCommandNode, StaticElement, ValueNode } from '../../cmdlets/syntax';
import type { PipedInput } from '../../cmdlets/binder';
import { bindingMessages } from '../../cmdlets/binder';
import { bind, closestCmdlet, notRecognized } from '../../cmdlets/parse';
import { findSignature } from '../../cmdlets/registry';
import { matchParameter } from '../../cmdlets/parameter-names';
import { ScriptError, type Range } from '../../cmdlets/source-text';
import { MAX_DEPTH } from '../../cmdlets/syntax';
import {
  FormattedText,
  PsHashtable,
  PsObject,
  RegexError,
  ScriptBlockValue,
  arithmetic,
  compare,
  isTrue,
  memberOf,
  pipelineIdentity,
  toText,
  wrapOutput,
} from './values';
import { findUtility, type UtilityContext } from './utility-cmdlets';
import { callMethod, MethodError } from './methods';
import { formatOperator, joinOperator, OperatorError, rangeOperator, replaceOperator, splitOperator, splitWhitespace } from './operators';
import { confirmQuery, needsConfirmation, nonInteractiveResult, perTarget, whatIfText, type ShouldProcessSwitches } from '../../cmdlets/should-process';
import { shouldProcess } from '../../cmdlets/signature';
import type { ConfirmAnswer } from '../../common/confirm-prompt';

/** One run of an engine cmdlet: what ran, what came of it, and whether its output went to the host (not into a variable or the next command). */
export interface InvocationRecord {
  kind: 'invoke';
  cmdlet: string;
  params: BoundParams;
  result: Result<CommandOutput>;
  at: Range;
  toHost: boolean;
}

export interface ErrorRecord {
  kind: 'error';
  /** `command`: the cmdlet whose parameters did not bind (the error record's [Cmdlet] part). */
  error: { message: string; parameter?: string; fix?: string; command?: string };
  at: Range;
}

export type RunRecord = InvocationRecord | ErrorRecord;

/** What the interpreter needs of its surroundings: the engine, and where records and host text go. */
export interface LanguageHost {
  invoke(command: { cmdlet: string; params: BoundParams }): Result<CommandOutput>;
  /** After each engine call (hvlab run waits for the jobs of a command without -AsJob here). */
  afterInvoke?(record: InvocationRecord): void;
  record(record: RunRecord): void;
  /** Start-Sleep: lets simulated time pass. */
  sleep(ms: number): void;
  /** Write-Host: text straight to the host, not to the pipeline. */
  writeHost(text: string): void;
  /** The computer the console is signed in on: objects from another computer are bound with -ComputerName. */
  readonly localComputer?: string;
  /**
   * Asks "Confirm" / `query` before a command changes something (ShouldProcess). Absent: nobody can
   * answer (hvlab run), and the command fails with PowerShell's NonInteractive error. A host may
   * also throw to stop the run until the answer comes (the console's prompt).
   */
  confirm?(question: { cmdlet: string; query: string }): ConfirmAnswer;
}

/** Ends the statement without a further record (the record was written already): a terminating error. */
class StatementStopped extends Error {}

/** Variables, kept for a session (the prompt keeps one across lines, as a PowerShell window does). */
export class ScriptSession {
  readonly variables = new Variables();
}

/**
 * The session's variables, able to put back what one statement changed: the console's prompt runs a
 * statement again after a question it stopped at (scripting/prompt-run.ts), from the values it began with.
 */
export class Variables extends Map<string, unknown> {
  /** The values set/delete replaced since checkpoint(), oldest first: [name, had it, old value]. */
  private undoLog: [string, boolean, unknown][] | undefined;

  checkpoint(): void {
    this.undoLog = [];
  }

  override set(name: string, value: unknown): this {
    this.undoLog?.push([name, this.has(name), super.get(name)]);
    return super.set(name, value);
  }

  override delete(name: string): boolean {
    this.undoLog?.push([name, this.has(name), super.get(name)]);
    return super.delete(name);
  }

  /** Puts back the values of the last checkpoint (and keeps recording from there). */
  rollback(): void {
    const log = this.undoLog ?? [];
    this.undoLog = undefined;
    for (let i = log.length - 1; i >= 0; i--) {
      const [name, had, value] = log[i]!;
      if (had) super.set(name, value);
      else super.delete(name);
    }
    this.undoLog = [];
  }
}

/** How many objects one pipeline may hold, and loop passes a statement may make: bounds a script's memory and time. */
export const LANGUAGE_LIMITS = {
  /** Objects in one pipeline, array or range (1..n). */
  maxObjects: 1_000_000,
  /** Nested script block calls (a script block that runs itself through a variable). */
  maxCallDepth: MAX_DEPTH,
} as const;

const AUTOMATIC = new Set(['_', 'psitem']);

export class Interpreter {
  private callDepth = 0;

  constructor(
    private readonly session: ScriptSession,
    private readonly host: LanguageHost,
    private readonly text: string,
  ) {}

  /** Runs one top-level statement; returns what it wrote to the pipeline (for the host to show). */
  runTopLevel(node: StatementNode): unknown[] {
    return this.statement(node, true);
  }

  private slice(at: Range): string {
    return this.text.slice(at.offset, at.offset + at.length);
  }

  /** A statement, with a statement-terminating error reported and turned into no output. */
  private statement(node: StatementNode, toHost: boolean): unknown[] {
    try {
      return this.statementInner(node, toHost);
    } catch (e) {
      if (e instanceof ScriptError) {
        this.host.record({
          kind: 'error',
          error: {
            message: e.message,
            ...(e.parameter !== undefined ? { parameter: e.parameter } : {}),
            ...(e.fix !== undefined ? { fix: e.fix } : {}),
            ...(e.command !== undefined ? { command: e.command } : {}),
          },
          at: e.at,
        });
        return [];
      }
      if (e instanceof StatementStopped) return [];
      throw e;
    }
  }

  private statements(nodes: readonly StatementNode[], toHost: boolean): unknown[] {
    const out: unknown[] = [];
    for (const n of nodes) for (const v of this.statement(n, toHost)) out.push(v);
    return out;
  }

  private statementInner(node: StatementNode, toHost: boolean): unknown[] {
    switch (node.kind) {
      case 'pipeline':
        return this.pipeline(node, toHost);
      case 'assignment': {
        const value = node.value.commands.length === 0 && node.value.head ? this.expr(node.value.head) : collapse(this.pipeline(node.value, false));
        this.assign(node.target, value);
        return [];
      }
      case 'foreach': {
        const items = enumerate(collapse(this.pipeline(node.collection, false)));
        const out: unknown[] = [];
        for (const item of items) {
          this.session.variables.set(node.variable.toLowerCase(), item);
          for (const v of this.statements(node.body, toHost)) out.push(v);
        }
        return out;
      }
      case 'if': {
        for (const clause of node.clauses) {
          if (isTrue(collapse(this.pipeline(clause.condition, false)))) return this.statements(clause.body, toHost);
        }
        return node.elseBody ? this.statements(node.elseBody, toHost) : [];
      }
    }
  }

  private assign(target: ExprNode, value: unknown): void {
    if (target.kind === 'variable') {
      const name = target.name.toLowerCase();
      if (name === 'true' || name === 'false' || name === 'null' || AUTOMATIC.has(name) || name === 'args') {
        throw new ScriptError(`Cannot overwrite variable ${target.name} because it is read-only or constant.`, target.at);
      }
      this.session.variables.set(name, value);
      return;
    }
    if (target.kind === 'member') {
      const owner = this.expr(target.target);
      if (owner instanceof PsHashtable) {
        owner.set(target.name, value);
        return;
      }
      throw new ScriptError(
        `Setting '${target.name}' this way does not change the datacenter; use the cmdlet that does (for example Set-VM, Set-VMMemory or Rename-VM).`,
        target.at,
      );
    }
    throw new ScriptError('The assignment expression is not valid.', target.at);
  }

  // ── Pipelines ──────────────────────────────────────────────────────────────────────────────

  private pipeline(p: PipelineNode, toHost: boolean): unknown[] {
    let input: unknown[] | undefined = p.head ? enumerate(this.expr(p.head)) : undefined;
    p.commands.forEach((command, i) => {
      input = this.command(command, input, i === p.commands.length - 1 ? toHost : false);
    });
    return input ?? [];
  }

  private command(node: CommandNode, input: unknown[] | undefined, toHost: boolean): unknown[] {
    const utility = findUtility(node.name);
    if (utility) return utility.run(this.utilityContext(node), input);
    const sig = findSignature(node.name);
    if (!sig) {
      const suggestion = closestCmdlet(node.name);
      throw new ScriptError(notRecognized(node.name), node.nameAt, undefined, suggestion ? `Did you mean ${suggestion}?` : undefined);
    }
    const resolved = this.staticCommand(node, sig);
    const out: unknown[] = [];
    const switches: ShouldProcessSwitches = {};
    /** "Yes to All" / "No to All" answer this command's later questions (one command, many objects). */
    let toAll: 'Yes' | 'No' | undefined;
    const invoke = (params: BoundParams, result = this.host.invoke({ cmdlet: sig.name, params })) => {
      const record: InvocationRecord = { kind: 'invoke', cmdlet: sig.name, params, result, at: node.at, toHost };
      this.host.record(record);
      this.host.afterInvoke?.(record);
      if (result.ok) {
        for (const o of result.value.output) out.push(markHost(wrapOutput(sig.name, o), resolved.hostNamed));
      }
    };
    const run = (bound: BoundParams) => {
      for (const params of perTarget(sig, bound, switches)) {
        if (switches.WhatIf === true && shouldProcess(sig)) {
          this.host.writeHost(whatIfText(sig, params));
          continue;
        }
        if (needsConfirmation(sig, params, switches)) {
          let answer: 'Yes' | 'No' | undefined = toAll;
          if (answer === undefined) {
            if (!this.host.confirm) {
              invoke(params, nonInteractiveResult(sig));
              throw new StatementStopped();
            }
            const typed = this.host.confirm({ cmdlet: sig.name, query: confirmQuery(sig, params) });
            if (typed === 'YesToAll' || typed === 'NoToAll') toAll = typed === 'YesToAll' ? 'Yes' : 'No';
            answer = typed === 'Yes' || typed === 'YesToAll' ? 'Yes' : 'No';
          }
          if (answer === 'No') continue;
        }
        invoke(params);
      }
    };
    if (input === undefined) {
      for (const params of bind(resolved.node, sig, undefined, switches)) run(params);
      return out;
    }
    for (const item of input) {
      let piped: PipedInput;
      try {
        piped = this.pipedInput(item, sig, resolved.node, node.nameAt);
      } catch (e) {
        // Binding one piped object fails for that object only (PowerShell writes the error and goes on).
        if (!(e instanceof ScriptError)) throw e;
        this.host.record({ kind: 'error', error: { message: e.message, ...(e.parameter ? { parameter: e.parameter } : {}) }, at: e.at });
        continue;
      }
      for (const params of bind(resolved.node, sig, piped, switches)) run(params);
    }
    return out;
  }

  /** What one piped object binds to: by value (its kind matches a parameter's), else by property name. */
  private pipedInput(item: unknown, sig: CmdletSignature, node: StaticCommandNode, at: Range): PipedInput {
    const bound = (name: string) =>
      node.elements.some(
        (e) =>
          e.kind === 'parameter' &&
          matchParameter(sig, e.name).kind === 'parameter' &&
          (matchParameter(sig, e.name) as { spec: { name: string } }).spec.name === name,
      );
    if (item instanceof PsObject) {
      const id = pipelineIdentity(item);
      if (id && sig.parameters.some((p) => p.fromPipeline === id.kind)) {
        const value = memberOf(item, id.identity);
        const host = id.host ? toText(memberOf(item, id.host)) : '';
        const hosts = host && sig.hostParameter && !bound(sig.hostParameter) && (hostNamed(item) || !this.isLocal(host)) ? [host] : undefined;
        return { kind: id.kind, identity: id.identity, values: [typeof value === 'number' ? value : toText(value)], ...(hosts ? { hosts } : {}), at };
      }
      for (const p of sig.parameters) {
        if (!p.fromPipeline) continue;
        for (const name of [p.name, ...(p.aliases ?? [])]) {
          const prop = memberOf(item, name);
          if (prop !== null && !Array.isArray(prop))
            return { kind: p.fromPipeline, identity: p.name, values: [typeof prop === 'number' ? prop : toText(prop)], at };
        }
      }
      throw new ScriptError(bindingMessages.pipelineInput, at);
    }
    if (typeof item === 'string' || typeof item === 'number') {
      const p = sig.parameters.find((x) => x.fromPipeline);
      if (p) return { kind: p.fromPipeline!, identity: p.name, values: [item], at };
    }
    throw new ScriptError(bindingMessages.pipelineInput, at);
  }

  private isLocal(host: string): boolean {
    return !this.host.localComputer || host.toLowerCase() === this.host.localComputer.toLowerCase();
  }

  /** The command with its arguments evaluated now, as literal values the binder takes; objects become the names that identify them. */
  private staticCommand(node: CommandNode, sig: CmdletSignature): { node: StaticCommandNode; hostNamed: boolean } {
    const elements: StaticElement[] = [];
    const hostsFromObjects: string[] = [];
    let hostNamed = false;
    const toNode = (v: unknown, at: Range): ValueNode => {
      const objects = enumerate(v).filter((x): x is PsObject => x instanceof PsObject);
      for (const o of objects) {
        const id = pipelineIdentity(o);
        const host = id?.host ? toText(memberOf(o, id.host)) : '';
        if (host && (hostNamed || !this.isLocal(host) || isHostNamed(o)) && !hostsFromObjects.some((h) => h.toLowerCase() === host.toLowerCase()))
          hostsFromObjects.push(host);
      }
      return valueNode(v, at);
    };
    const all = node.elements;
    for (let i = 0; i < all.length; i++) {
      let e = all[i]!;
      // -Name value: the value is the parameter's, unless the parameter is a switch.
      if (e.kind === 'parameter' && !e.argument && !e.colon && all[i + 1]?.kind === 'argument') {
        const m = matchParameter(sig, e.name);
        if (m.kind !== 'parameter' || m.spec.type !== 'Switch') {
          if (m.kind !== 'common') e = { ...e, argument: (all[++i] as { value: ExprNode }).value };
        }
      }
      if (e.kind === 'argument') {
        elements.push({ kind: 'argument', value: toNode(this.expr(e.value), e.value.at) });
        continue;
      }
      let name = e.name;
      const match = matchParameter(sig, name);
      if (sig.hostParameter && match.kind === 'parameter' && match.spec.name === sig.hostParameter) hostNamed = true;
      if (!e.argument) {
        elements.push({ kind: 'parameter', name, at: e.at, colon: e.colon });
        continue;
      }
      const value = this.expr(e.argument);
      // -VM $vm, -Job $job, -VMSwitch $s: an object parameter of 2012 R2's cmdlets, bound to the parameter that names the object here.
      if (match.kind === 'unknown') {
        const first = enumerate(value)[0];
        const id = first instanceof PsObject ? pipelineIdentity(first) : undefined;
        const target = id ? sig.parameters.find((p) => p.fromPipeline === id.kind) : undefined;
        if (id && target) {
          name = target.name;
          elements.push({ kind: 'parameter', name, at: e.at, colon: e.colon, argument: toNode(value, e.argument.at) });
          continue;
        }
      }
      elements.push({ kind: 'parameter', name, at: e.at, colon: e.colon, argument: toNode(value, e.argument.at) });
    }
    if (sig.hostParameter && hostsFromObjects.length && !hostNamed) {
      const at = node.nameAt;
      elements.push({
        kind: 'parameter',
        name: sig.hostParameter,
        at,
        colon: false,
        argument:
          hostsFromObjects.length === 1
            ? { kind: 'string', value: hostsFromObjects[0]!, quoted: true, at }
            : { kind: 'array', items: hostsFromObjects.map((h) => ({ kind: 'string' as const, value: h, quoted: true, at })), at },
      });
    }
    return { node: { name: node.name, nameAt: node.nameAt, elements, at: node.at }, hostNamed };
  }

  private utilityContext(node: CommandNode): UtilityContext {
    return {
      node,
      text: this.text,
      evaluate: (e) => this.expr(e),
      invokeBlock: (block, item) => this.invokeBlock(block, item),
      writeHost: (t) => this.host.writeHost(t),
      sleep: (ms) => this.host.sleep(ms),
    };
  }

  /** Runs a script block with $_ and $PSItem set to `item`; returns its output. */
  invokeBlock(block: ScriptBlockValue, item: unknown): unknown[] {
    if (this.callDepth >= LANGUAGE_LIMITS.maxCallDepth) throw new ScriptError('The script failed due to call depth overflow.', { offset: 0, length: 0 });
    const vars = this.session.variables;
    const saved = [vars.get('_'), vars.get('psitem')] as const;
    const had = [vars.has('_'), vars.has('psitem')] as const;
    vars.set('_', item);
    vars.set('psitem', item);
    this.callDepth++;
    try {
      return this.statements(block.node, false);
    } finally {
      this.callDepth--;
      if (had[0]) vars.set('_', saved[0]);
      else vars.delete('_');
      if (had[1]) vars.set('psitem', saved[1]);
      else vars.delete('psitem');
    }
  }

  // ── Expressions ────────────────────────────────────────────────────────────────────────────

  expr(node: ExprNode): unknown {
    switch (node.kind) {
      case 'string':
        return node.value;
      case 'number':
        return node.value;
      case 'bool':
        return node.value;
      case 'null':
        return null;
      case 'array':
      case 'list':
        return node.items.map((i) => this.expr(i));
      case 'hashtable':
      case 'table': {
        const h = new PsHashtable();
        for (const e of node.entries) h.set(e.key, this.expr(e.value));
        return h;
      }
      case 'variable': {
        const name = node.name.toLowerCase();
        const v = this.session.variables.get(name);
        return v === undefined ? null : v;
      }
      case 'member':
        return memberOf(this.expr(node.target), node.name);
      case 'method': {
        const target = this.expr(node.target);
        const args = node.args.map((a) => this.expr(a));
        const v = this.operate(() => callMethod(target, node.name, args), node.at);
        return v === undefined ? null : v;
      }
      case 'index': {
        const target = this.expr(node.target);
        const index = this.expr(node.index);
        if (target instanceof PsHashtable) return target.get(toText(index)) ?? null;
        const list: unknown[] = Array.isArray(target) ? (target as unknown[]) : typeof target === 'string' ? [...target] : [target];
        const at = (i: unknown) => {
          const n = Math.trunc(Number(i));
          if (!Number.isFinite(n)) return null;
          return list[n < 0 ? list.length + n : n] ?? null;
        };
        return Array.isArray(index) ? index.map(at) : at(index);
      }
      case 'expandable':
        return node.parts.map((p) => (typeof p === 'string' ? p : toText(this.expr(p)))).join('');
      case 'subexpression':
        return collapse(this.statements(node.statements, false));
      case 'arrayexpr':
        return this.statements(node.statements, false);
      case 'scriptblock':
        return new ScriptBlockValue(node.statements, node.text);
      case 'unary': {
        const v = this.expr(node.operand);
        if (node.op === 'not') return !isTrue(v);
        if (node.op === 'join') return joinOperator(v);
        if (node.op === 'split') return splitWhitespace(v);
        return this.arith('-', 0, v, node.at);
      }
      case 'binary': {
        if (node.op === 'and') return isTrue(this.expr(node.left)) && isTrue(this.expr(node.right));
        if (node.op === 'or') return isTrue(this.expr(node.left)) || isTrue(this.expr(node.right));
        if (node.op === 'xor') return isTrue(this.expr(node.left)) !== isTrue(this.expr(node.right));
        const left = this.expr(node.left);
        const right = this.expr(node.right);
        if (node.op === '+' || node.op === '-' || node.op === '*' || node.op === '/' || node.op === '%') return this.arith(node.op, left, right, node.at);
        const text = this.stringOperator(node.op, left, right, node.at);
        if (text !== undefined) return text;
        try {
          return compare(node.op, left, right);
        } catch (e) {
          if (e instanceof RegexError) throw new ScriptError(e.message, node.right.at);
          throw e;
        }
      }
    }
  }

  /** -replace -split -join -f and .., or undefined for another operator. */
  private stringOperator(op: string, left: unknown, right: unknown, at: Range): unknown {
    const cs = op.startsWith('c');
    switch (cs ? op.slice(1) : op) {
      case 'replace':
        return this.operate(() => replaceOperator(left, right, cs), at);
      case 'split':
        return this.operate(() => splitOperator(left, right, cs), at);
      case 'join':
        return joinOperator(left, right);
      case 'f':
        return this.operate(() => formatOperator(left, right), at);
      case '..':
        return this.operate(() => rangeOperator(left, right, LANGUAGE_LIMITS.maxObjects), at);
      default:
        return undefined;
    }
  }

  /** Runs an operator or method; what it refuses becomes an error at `at`. */
  private operate<T>(f: () => T, at: Range): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof OperatorError || e instanceof MethodError || e instanceof RegexError) throw new ScriptError(e.message, at);
      throw e;
    }
  }

  private arith(op: string, left: unknown, right: unknown, at: Range): unknown {
    try {
      const v = arithmetic(op, left, right);
      if (Array.isArray(v) && v.length > LANGUAGE_LIMITS.maxObjects)
        throw new TypeError(`An array can hold at most ${LANGUAGE_LIMITS.maxObjects.toLocaleString('en-US')} items here.`);
      return v;
    } catch (e) {
      if (e instanceof TypeError) throw new ScriptError(e.message, at);
      throw e;
    }
  }
}

/** PowerShell unrolls a collection written to the pipeline; a single value is one object. */
export function enumerate(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** A pipeline's output as a value: nothing is $null, one object is itself, several an array. */
export function collapse(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

const hostNamedObjects = new WeakSet<PsObject>();

function markHost(v: unknown, named: boolean): unknown {
  if (named && v instanceof PsObject) hostNamedObjects.add(v);
  return v;
}

/** Whether the command that wrote the object named its computer (-ComputerName): the next command is then bound with it too, as before. */
function hostNamed(o: PsObject): boolean {
  return hostNamedObjects.has(o);
}
const isHostNamed = hostNamed;

/** A run-time value as the literal the binder takes; objects as the name (or id) that identifies them. */
export function valueNode(v: unknown, at: Range): ValueNode {
  if (v === null || v === undefined) return { kind: 'null', at };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, at };
  if (typeof v === 'number') return { kind: 'number', value: v, text: String(v), at };
  if (typeof v === 'string') return { kind: 'string', value: v, quoted: true, at };
  if (Array.isArray(v)) return { kind: 'array', items: v.map((x) => valueNode(x, at)), at };
  if (v instanceof PsHashtable) return { kind: 'hashtable', entries: [...v.pairs()].map(([key, x]) => ({ key, keyAt: at, value: valueNode(x, at) })), at };
  if (v instanceof PsObject) {
    const id = pipelineIdentity(v);
    if (id) {
      const name = memberOf(v, id.identity);
      return typeof name === 'number' ? { kind: 'number', value: name, text: String(name), at } : { kind: 'string', value: toText(name), quoted: true, at };
    }
    return { kind: 'string', value: toText(v), quoted: true, at };
  }
  if (v instanceof FormattedText) return { kind: 'string', value: v.lines.join('\n'), quoted: true, at };
  return { kind: 'string', value: toText(v), quoted: true, at };
}
