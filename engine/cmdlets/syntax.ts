// The PowerShell subset the console reads, as a syntax tree: statements (newline or ';'), each a
// pipeline of commands; a command is a cmdlet name followed by parameters (-Name, -Name:value)
// and arguments. Arguments are read in PowerShell's argument mode (bare words are strings,
// 4GB is a number, a,b,c is an array); inside @( ) and hashtable values in expression mode
// (strings must be quoted). Comments (# and <# #>), backtick continuation and escapes, and the
// typographic quotes and dashes PowerShell also accepts (text pasted from documents) are handled
// here. Nothing here knows a cmdlet: binding names and values is binder.ts.
import { ScriptError, rangeBetween, type Range } from './source-text';
import { parseNumberLiteral } from '../common/number-literal';
import { dashes, doubleQuotes, singleQuotes } from '../common/powershell-chars';

export type ValueNode =
  /** `quoted` is false only for a plain bare word (no quotes or escapes in it). */
  | { kind: 'string'; value: string; quoted: boolean; at: Range }
  /** `text` is the literal as written (4GB), kept for string parameters. */
  | { kind: 'number'; value: number; text: string; at: Range }
  | { kind: 'bool'; value: boolean; at: Range }
  | { kind: 'null'; at: Range }
  | { kind: 'array'; items: ValueNode[]; at: Range }
  | { kind: 'hashtable'; entries: HashtableEntry[]; at: Range };

export interface HashtableEntry {
  key: string;
  keyAt: Range;
  value: ValueNode;
}

export type CommandElement = { kind: 'parameter'; name: string; at: Range; colon: boolean; argument?: ValueNode } | { kind: 'argument'; value: ValueNode };

export interface CommandNode {
  name: string;
  nameAt: Range;
  elements: CommandElement[];
  at: Range;
}

export interface PipelineNode {
  commands: CommandNode[];
  at: Range;
}

const MAX_DEPTH = 64;

const spaces = new Set([' ', '\t', '\f', '\v', '\u00a0', '\u0085', '\u1680', '\u202f', '\u205f', '\u3000', '\ufeff', '\u2028', '\u2029']);
const wordEnders = new Set([';', '|', ',', '(', ')', '{', '}', '&', '<', '>']);
const paramEnders = new Set([':', ';', '|', ',', '(', ')', '{', '}', '`', '$', '@', '&', '<', '>']);

export function isSpace(c: string): boolean {
  return spaces.has(c) || (c >= '\u2000' && c <= '\u200a');
}

export function isNewline(c: string): boolean {
  return c === '\n' || c === '\r';
}

function endsWord(c: string): boolean {
  return c === '' || isSpace(c) || isNewline(c) || wordEnders.has(c);
}

function isQuote(c: string): boolean {
  return singleQuotes.has(c) || doubleQuotes.has(c);
}

export function isParameterStart(c: string): boolean {
  return /^[\p{L}_?]$/u.test(c);
}

/** After `$`, the characters that start a variable (so a `$` there is not a literal dollar). */
function startsVariable(c: string): boolean {
  return c !== '' && /^[\p{L}\p{N}_{(?^$]$/u.test(c);
}

const escapes: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescape(c: string): string {
  return escapes[c] ?? c;
}

const variableMessage = (name: string) =>
  `Variables such as '${name}' are not supported in this console; write the value itself (quote it, or escape the $ with a backtick).`;

export class SyntaxReader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Reads the whole script, or throws a ScriptError at the first syntax error. */
  script(): PipelineNode[] {
    const out: PipelineNode[] = [];
    for (;;) {
      this.skipTrivia(true);
      if (this.ch() === ';') {
        this.pos++;
        continue;
      }
      if (this.pos >= this.text.length) return out;
      out.push(this.pipeline());
      this.skipTrivia(false);
      const c = this.ch();
      if (c !== '' && c !== ';' && !isNewline(c)) this.unexpectedAt(this.pos);
    }
  }

  private ch(k = 0): string {
    return this.text[this.pos + k] ?? '';
  }

  private fail(message: string, start: number, end = start + 1): never {
    throw new ScriptError(message, rangeBetween(start, Math.min(end, this.text.length)));
  }

  private tokenAt(start: number): string {
    let end = start + 1;
    while (end < this.text.length && !endsWord(this.text[end]!) && !endsWord(this.text[start]!)) end++;
    return this.text.slice(start, end);
  }

  private unexpectedAt(start: number): never {
    const token = this.tokenAt(start);
    this.fail(`Unexpected token '${token}' in expression or statement.`, start, start + token.length);
  }

  private skipTrivia(newlines: boolean): void {
    for (;;) {
      const c = this.ch();
      if (isSpace(c)) this.pos++;
      else if (c === '`' && isNewline(this.ch(1))) this.pos += this.ch(1) === '\r' && this.ch(2) === '\n' ? 3 : 2;
      else if (newlines && isNewline(c)) this.pos++;
      else if (c === '#') while (this.ch() !== '' && !isNewline(this.ch())) this.pos++;
      else if (c === '<' && this.ch(1) === '#') {
        const close = this.text.indexOf('#>', this.pos + 2);
        if (close < 0) this.fail("Missing closing '#>' of the comment block that starts here.", this.pos, this.pos + 2);
        this.pos = close + 2;
      } else return;
    }
  }

  private pipeline(): PipelineNode {
    const start = this.pos;
    if (this.ch() === '|') this.fail('An empty pipe element is not allowed.', this.pos);
    const commands = [this.command()];
    for (;;) {
      this.skipTrivia(false);
      if (this.ch() !== '|') break;
      const bar = this.pos++;
      this.skipTrivia(true);
      const c = this.ch();
      if (c === '' || c === ';' || c === '|') this.fail('An empty pipe element is not allowed.', bar);
      commands.push(this.command());
    }
    const last = commands[commands.length - 1]!;
    return { commands, at: rangeBetween(start, last.at.offset + last.at.length) };
  }

  private command(): CommandNode {
    const start = this.pos;
    const c = this.ch();
    if (c === ')' || c === '}') this.unexpectedAt(start);
    if (c === '$') {
      const token = this.tokenAt(start);
      this.fail(
        `Expressions such as '${token}' are not supported in this console; start each statement with a cmdlet name such as Get-VM.`,
        start,
        start + token.length,
      );
    }
    let name = '';
    while (!endsWord(this.ch()) && !isQuote(this.ch()) && this.ch() !== '`' && this.ch() !== '$') name += this.text[this.pos++];
    const first = name[0] ?? '';
    if (name === '' || !/^[\p{L}_]$/u.test(first) || isQuote(this.ch()) || this.ch() === '`' || this.ch() === '$') {
      const token = this.tokenAt(start);
      this.fail(
        `Expressions such as '${token}' are not supported in this console; start each statement with a cmdlet name such as Get-VM.`,
        start,
        start + Math.max(1, token.length),
      );
    }
    const nameAt = rangeBetween(start, this.pos);
    const elements: CommandElement[] = [];
    let end = this.pos;
    let onlyArguments = false;
    for (;;) {
      this.skipTrivia(false);
      const d = this.ch();
      if (d === '' || isNewline(d) || d === ';' || d === '|') break;
      if (d === ')' || d === '}') this.unexpectedAt(this.pos);
      if (!onlyArguments && d === '-' && this.ch(1) === '-' && endsWord(this.ch(2))) {
        this.pos += 2; // `--`: everything after it is an argument
        onlyArguments = true;
        end = this.pos;
        continue;
      }
      if (!onlyArguments && dashes.has(d) && isParameterStart(this.ch(1))) {
        const p = this.parameter();
        elements.push(p);
        end = p.argument ? p.argument.at.offset + p.argument.at.length : p.at.offset + p.at.length;
      } else {
        const value = this.argument('argument');
        elements.push({ kind: 'argument', value });
        end = value.at.offset + value.at.length;
      }
    }
    return { name, nameAt, elements, at: rangeBetween(start, end) };
  }

  private parameter(): CommandElement & { kind: 'parameter' } {
    const start = this.pos++;
    let name = '';
    for (let c = this.ch(); c !== '' && !isSpace(c) && !isNewline(c) && !paramEnders.has(c) && !isQuote(c); c = this.ch()) {
      name += c;
      this.pos++;
    }
    const at = rangeBetween(start, this.pos);
    if (this.ch() !== ':') return { kind: 'parameter', name, at, colon: false };
    this.pos++;
    this.skipTrivia(false);
    const c = this.ch();
    const hasArgument = !(c === '' || isNewline(c) || c === ';' || c === '|' || c === ')' || c === '}');
    return hasArgument
      ? { kind: 'parameter', name, at, colon: true, argument: this.argument('argument') }
      : { kind: 'parameter', name, at: rangeBetween(start, start + name.length + 2), colon: true };
  }

  /** One argument: a primary value, or several separated by commas (an array). */
  private argument(mode: 'argument' | 'expression'): ValueNode {
    const items = this.list(mode);
    if (items.length === 1) return items[0]!;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    return { kind: 'array', items, at: rangeBetween(first.at.offset, last.at.offset + last.at.length) };
  }

  private list(mode: 'argument' | 'expression'): ValueNode[] {
    const items = [this.primary(mode, true)];
    for (;;) {
      const save = this.pos;
      this.skipTrivia(false);
      if (this.ch() !== ',') {
        this.pos = save;
        return items;
      }
      const comma = this.pos++;
      this.skipTrivia(true);
      const c = this.ch();
      if (c === '' || c === ';' || c === '|' || c === ')' || c === '}' || c === ',') this.fail("Missing expression after ','.", comma);
      items.push(this.primary(mode, false));
    }
  }

  private primary(mode: 'argument' | 'expression', statementStart: boolean): ValueNode {
    if (this.depth >= MAX_DEPTH) this.fail('The script is nested too deeply.', this.pos);
    this.depth++;
    try {
      return this.primaryInner(mode, statementStart);
    } finally {
      this.depth--;
    }
  }

  private primaryInner(mode: 'argument' | 'expression', statementStart: boolean): ValueNode {
    const start = this.pos;
    const c = this.ch();
    if (singleQuotes.has(c)) {
      const value = this.singleQuoted();
      return { kind: 'string', value, quoted: true, at: rangeBetween(start, this.pos) };
    }
    if (doubleQuotes.has(c)) {
      const value = this.doubleQuoted();
      return { kind: 'string', value, quoted: true, at: rangeBetween(start, this.pos) };
    }
    if (c === '$') return this.variable(mode);
    if (c === '@') {
      const n = this.ch(1);
      if (n === '(') return this.arrayExpression();
      if (n === '{') return this.hashtable();
      if (isQuote(n)) this.fail("Here-strings (@' ... '@) are not supported in this console; use a quoted string.", start, start + 2);
      if (/^[\p{L}_]$/u.test(n)) this.fail('Splatting (@name) is not supported in this console; write the parameters out.', start, start + 2);
      this.unexpectedAt(start);
    }
    if (c === '(') this.fail('Parenthesized expressions such as (Get-VM X) are not supported in this console; write the value itself.', start);
    if (c === '{') this.fail('Script blocks ({ ... }) are not supported in this console.', start);
    if (c === ')' || c === '}') this.unexpectedAt(start);
    if (c === ',') this.fail("Missing expression before ','.", start);
    if (c === '&') {
      this.fail(
        'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
        start,
      );
    }
    if (c === '<') this.fail("The '<' operator is reserved for future use.", start);
    if (c === '>') this.fail('Redirection (>) is not supported in this console.', start);
    if (c === '') this.fail('Missing an argument at the end of the command.', start);
    return mode === 'argument' ? this.bareWord() : this.expressionWord(statementStart);
  }

  private singleQuoted(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.ch();
      if (c === '') this.fail("The string is missing the terminator: '.", start, this.text.length);
      if (singleQuotes.has(c)) {
        if (singleQuotes.has(this.ch(1))) {
          out += c;
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
  }

  private doubleQuoted(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.ch();
      if (c === '') this.fail('The string is missing the terminator: ".', start, this.text.length);
      if (doubleQuotes.has(c)) {
        if (doubleQuotes.has(this.ch(1))) {
          out += c;
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      if (c === '`') {
        const n = this.ch(1);
        if (n === '') this.fail('The string is missing the terminator: ".', start, this.text.length);
        out += unescape(n);
        this.pos += 2;
        continue;
      }
      if (c === '$' && startsVariable(this.ch(1)))
        this.fail(variableMessage(this.tokenAt(this.pos).replace(/["\u201c\u201d\u201e].*$/, '')), this.pos, this.pos + 2);
      out += c;
      this.pos++;
    }
  }

  private variable(mode: 'argument' | 'expression'): ValueNode {
    const start = this.pos++;
    const n = this.ch();
    if (n === '(') this.fail('Subexpressions $( ) are not supported in this console; write the value itself.', start, start + 2);
    let name = '';
    while (/^[\p{L}\p{N}_:?^$]$/u.test(this.ch())) name += this.text[this.pos++];
    const at = rangeBetween(start, this.pos);
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'bool', value: lower === 'true', at };
    if (lower === 'null') return { kind: 'null', at };
    if (name === '' && mode === 'argument' && endsWord(this.ch())) return { kind: 'string', value: '$', quoted: true, at };
    if (name === '') this.unexpectedAt(start);
    this.fail(variableMessage(`$${name}`), start, this.pos);
  }

  /** A generic token in argument mode: a bare string (quoted parts and escapes joined in) or a number. */
  private bareWord(): ValueNode {
    const start = this.pos;
    let out = '';
    let plain = true;
    for (;;) {
      const c = this.ch();
      if (endsWord(c)) break;
      if (c === '`') {
        const n = this.ch(1);
        if (isNewline(n)) break; // line continuation ends the word
        this.pos += n === '' ? 1 : 2;
        out += n === '' ? '' : unescape(n);
        plain = false;
        continue;
      }
      if (singleQuotes.has(c)) {
        out += this.singleQuoted();
        plain = false;
        continue;
      }
      if (doubleQuotes.has(c)) {
        out += this.doubleQuoted();
        plain = false;
        continue;
      }
      if (c === '$' && startsVariable(this.ch(1))) this.fail(variableMessage(this.tokenAt(this.pos)), this.pos, this.pos + 2);
      out += c;
      this.pos++;
    }
    const at = rangeBetween(start, this.pos);
    if (plain) {
      const n = parseNumberLiteral(out);
      if (n !== undefined) return { kind: 'number', value: n, text: out, at };
    }
    return { kind: 'string', value: out, quoted: !plain, at };
  }

  /** A bare token in expression mode: a number, else a command (not supported) or an error. */
  private expressionWord(statementStart: boolean): ValueNode {
    const start = this.pos;
    let raw = '';
    while (!endsWord(this.ch()) && !isQuote(this.ch()) && this.ch() !== '`' && this.ch() !== '$' && this.ch() !== '=') raw += this.text[this.pos++];
    if (raw === '') this.unexpectedAt(start);
    const at = rangeBetween(start, this.pos);
    const n = parseNumberLiteral(raw);
    if (n !== undefined) return { kind: 'number', value: n, text: raw, at };
    if (statementStart && /^[\p{L}_]/u.test(raw)) {
      if (/^[A-Za-z]+-[A-Za-z]+$/.test(raw))
        this.fail('Commands inside @( ) or a hashtable are not supported in this console; write the value itself.', start, this.pos);
      this.fail(`The term '${raw}' is not recognized as the name of a cmdlet, function, script file, or operable program.`, start, this.pos);
    }
    this.fail(`Unexpected token '${raw}' in expression or statement.`, start, this.pos);
  }

  private arrayExpression(): ValueNode {
    const start = this.pos;
    this.pos += 2;
    const items: ValueNode[] = [];
    for (;;) {
      this.skipTrivia(true);
      const c = this.ch();
      if (c === ';') {
        this.pos++;
        continue;
      }
      if (c === ')') {
        this.pos++;
        break;
      }
      if (c === '') this.fail("Missing closing ')' in subexpression.", start, start + 2);
      const list = this.list('expression');
      const only = list[0];
      if (list.length === 1 && only?.kind === 'array') items.push(...only.items);
      else items.push(...list);
      this.skipTrivia(false);
      const d = this.ch();
      if (d !== ')' && d !== ';' && d !== '' && !isNewline(d)) this.unexpectedAt(this.pos);
    }
    return { kind: 'array', items, at: rangeBetween(start, this.pos) };
  }

  private hashtable(): ValueNode {
    const start = this.pos;
    this.pos += 2;
    const entries: HashtableEntry[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.skipTrivia(true);
      const c = this.ch();
      if (c === ';') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        break;
      }
      if (c === '') this.fail('The hash literal was incomplete.', start, start + 2);
      const keyStart = this.pos;
      let key = '';
      if (singleQuotes.has(c)) key = this.singleQuoted();
      else if (doubleQuotes.has(c)) key = this.doubleQuoted();
      else {
        while (!endsWord(this.ch()) && !isQuote(this.ch()) && this.ch() !== '=' && this.ch() !== '`' && this.ch() !== '$') key += this.text[this.pos++];
        if (key === '') {
          if (this.ch() === '=') this.fail("Missing key before '=' in hash literal.", this.pos);
          this.unexpectedAt(this.pos);
        }
      }
      const keyAt = rangeBetween(keyStart, this.pos);
      this.skipTrivia(false);
      if (this.ch() !== '=') this.fail("Missing '=' operator after key in hash literal.", this.pos);
      const equals = this.pos++;
      this.skipTrivia(true);
      const d = this.ch();
      if (d === '' || d === ';' || d === '}') this.fail("Missing statement after '=' in hash literal.", equals);
      const value = this.argument('expression');
      if (seen.has(key.toLowerCase())) this.fail(`Duplicate keys '${key}' are not allowed in hash literals.`, keyAt.offset, keyAt.offset + keyAt.length);
      seen.add(key.toLowerCase());
      entries.push({ key, keyAt, value });
      this.skipTrivia(false);
      const e = this.ch();
      if (e !== '}' && e !== ';' && e !== '' && !isNewline(e)) this.unexpectedAt(this.pos);
    }
    return { kind: 'hashtable', entries, at: rangeBetween(start, this.pos) };
  }
}

/** The syntax tree of a script, or a ScriptError at the first syntax error. */
export function parseSyntax(text: string): PipelineNode[] {
  return new SyntaxReader(text).script();
}
