// The PowerShell subset the console reads, as a syntax tree: statements (newline or ';'), each a
// pipeline, an assignment ($vm = Get-VM WEB01), a foreach or an if statement (Windows PowerShell
// Language Specification 3.0, chapter 8, "Statements"). A pipeline starts with a command or an
// expression ($vms | Stop-VM) and continues with commands; a command is a cmdlet name followed by
// parameters (-Name, -Name:value) and arguments. Expressions: variables and their properties
// ($vm.Name, $_), literals, arrays (1,2,3 and @( )), hashtables, script blocks, ( ) and $( ),
// strings with "$var" expansion, comparison (-eq -ne -gt -ge -lt -le -like -notlike -match
// -notmatch -contains -notcontains -in -notin), logical (-and -or -not !) and arithmetic operators,
// the string operators -replace -split -join, the format operator -f, the range operator (1..4)
// and method calls ($vm.Name.ToUpper()), with about_Operator_Precedence's order.
// Arguments are Arguments are read in PowerShell's argument mode (bare words are strings,
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

/** Parts of an expression that only have a value when the script runs (engine/scripting/interpreter.ts evaluates them). */
export type DynamicNode =
  | { kind: 'variable'; name: string; at: Range }
  | { kind: 'member'; target: ExprNode; name: string; at: Range }
  /** `$x.Name.ToUpper()`, `$s.Substring(0, 3)`: a method of the value (engine/scripting/language/methods.ts). */
  | { kind: 'method'; target: ExprNode; name: string; args: ExprNode[]; at: Range }
  | { kind: 'index'; target: ExprNode; index: ExprNode; at: Range }
  /** A double-quoted string with `$name` or `$( )` in it. */
  | { kind: 'expandable'; parts: (string | ExprNode)[]; at: Range }
  /** `( )` and `$( )`: the statements' output. */
  | { kind: 'subexpression'; statements: StatementNode[]; at: Range }
  /** `@( )`: the statements' output, always as an array. */
  | { kind: 'arrayexpr'; statements: StatementNode[]; at: Range }
  | { kind: 'scriptblock'; statements: StatementNode[]; text: string; at: Range }
  /** An array literal with a dynamic item (1,$b). */
  | { kind: 'list'; items: ExprNode[]; at: Range }
  /** A hashtable literal with a dynamic value. */
  | { kind: 'table'; entries: { key: string; keyAt: Range; value: ExprNode }[]; at: Range }
  | { kind: 'binary'; op: string; left: ExprNode; right: ExprNode; at: Range }
  | { kind: 'unary'; op: string; operand: ExprNode; at: Range };

export type ExprNode = ValueNode | DynamicNode;

export type CommandElement = { kind: 'parameter'; name: string; at: Range; colon: boolean; argument?: ExprNode } | { kind: 'argument'; value: ExprNode };

export interface CommandNode {
  name: string;
  nameAt: Range;
  elements: CommandElement[];
  at: Range;
}

export interface PipelineNode {
  kind: 'pipeline';
  /** An expression that starts the pipeline ($vms | Stop-VM, or `$vm.Name` alone). */
  head?: ExprNode;
  commands: CommandNode[];
  at: Range;
}

export type StatementNode =
  | PipelineNode
  | { kind: 'assignment'; target: ExprNode; value: PipelineNode; at: Range }
  | { kind: 'foreach'; variable: string; variableAt: Range; collection: PipelineNode; body: StatementNode[]; at: Range }
  | { kind: 'if'; clauses: { condition: PipelineNode; body: StatementNode[] }[]; elseBody?: StatementNode[]; at: Range };

/** How deeply values, expressions and blocks may nest: the parser recurses once per level, so this bounds its stack. */
export const MAX_DEPTH = 64;

/** The comparison and logical operators the console evaluates, without their dash, lower-case. */
export const COMPARISON_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'like',
  'notlike',
  'match',
  'notmatch',
  'contains',
  'notcontains',
  'in',
  'notin',
] as const;
const comparisonSet = new Set<string>([...COMPARISON_OPERATORS, ...COMPARISON_OPERATORS.map((o) => `i${o}`), ...COMPARISON_OPERATORS.map((o) => `c${o}`)]);
const logicalSet = new Set(['and', 'or', 'xor']);
/** -replace -split -join: at the comparison operators' precedence, case-insensitive unless c-prefixed. */
export const STRING_OPERATORS = ['replace', 'split', 'join'] as const;
const stringOperatorSet = new Set<string>([...STRING_OPERATORS, ...STRING_OPERATORS.filter((o) => o !== 'join').flatMap((o) => [`i${o}`, `c${o}`])]);
const comparisonLevelSet = new Set<string>([...comparisonSet, ...stringOperatorSet]);
const formatSet = new Set(['f']);
const unaryStringSet = new Set(['split', 'join']);

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
const STATIC_KINDS = new Set(['string', 'number', 'bool', 'null', 'array', 'hashtable']);

/** Whether a node has its value without running anything (what the binder takes). */
export function isStatic(node: ExprNode): node is ValueNode {
  return STATIC_KINDS.has(node.kind);
}

/** A number literal where an expression starts (1, -5, 1.5e3, 0x1F, 4GB), as PowerShell's lexer reads one. */
const numberAhead = /[+-]?(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?:l|d)?(?:kb|mb|gb|tb|pb)?/iy;
const wordChar = /^[\p{L}\p{N}_]$/u;
const variableChar = /^[\p{L}\p{N}_]$/u;

export class SyntaxReader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Reads the whole script, or throws a ScriptError at the first syntax error. */
  script(): StatementNode[] {
    return this.statements('', 0);
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

  private enter(): void {
    if (this.depth >= MAX_DEPTH) this.fail('The script is nested too deeply.', this.pos);
    this.depth++;
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

  /** Statements up to `close` ('' for the end of the text; `}` or `)` is left for the caller). */
  private statements(close: '' | '}' | ')', openAt: number, what = 'expression'): StatementNode[] {
    const out: StatementNode[] = [];
    for (;;) {
      this.skipTrivia(true);
      const c = this.ch();
      if (c === ';') {
        this.pos++;
        continue;
      }
      if (c === '') {
        if (close === '}') this.fail("Missing closing '}' in statement block.", openAt);
        if (close === ')') this.fail(`Missing closing ')' in ${what}.`, openAt);
        return out;
      }
      if (close !== '' && c === close) return out;
      out.push(this.statement());
      this.skipTrivia(false);
      const d = this.ch();
      if (d !== '' && d !== ';' && !isNewline(d) && !(close !== '' && d === close)) this.unexpectedAt(this.pos);
    }
  }

  /** The keyword at the cursor (foreach, if, ...) when it is followed by `(` or `{`. */
  private keyword(): string | undefined {
    let end = this.pos;
    while (end < this.text.length && /^[A-Za-z]$/.test(this.text[end]!)) end++;
    if (end === this.pos) return undefined;
    const word = this.text.slice(this.pos, end).toLowerCase();
    if (word !== 'foreach' && word !== 'if' && word !== 'elseif' && word !== 'else') return undefined;
    let k = end;
    while (k < this.text.length && isSpace(this.text[k]!)) k++;
    const next = this.text[k] ?? '';
    if (word === 'else' ? next !== '{' : next !== '(') return word === 'elseif' || word === 'else' ? word : undefined;
    return word;
  }

  private statement(): StatementNode {
    this.enter();
    try {
      const start = this.pos;
      const keyword = this.keyword();
      if (keyword === 'foreach') return this.foreachStatement();
      if (keyword === 'if') return this.ifStatement();
      if (keyword === 'else' || keyword === 'elseif')
        this.fail(`The '${keyword}' keyword must follow the statement block of an if statement.`, start, start + keyword.length);
      const p = this.pipeline();
      this.skipTrivia(false);
      if (this.ch() === '=' && p.head && p.commands.length === 0) {
        if (!isAssignable(p.head))
          this.fail(
            'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
            start,
            this.pos,
          );
        const equals = this.pos++;
        this.skipTrivia(true);
        const c = this.ch();
        if (c === '' || c === ';' || c === ')' || c === '}') this.fail("You must provide a value expression following the '=' operator.", equals);
        const value = this.pipeline();
        return { kind: 'assignment', target: p.head, value, at: rangeBetween(start, value.at.offset + value.at.length) };
      }
      return p;
    } finally {
      this.depth--;
    }
  }

  private expectChar(c: string, message: string, at = this.pos): void {
    this.skipTrivia(true);
    if (this.ch() !== c) this.fail(message, at);
    this.pos++;
  }

  private block(after: string): StatementNode[] {
    this.skipTrivia(true);
    if (this.ch() !== '{') this.fail(`Missing statement block after ${after}.`, this.pos);
    const open = this.pos++;
    const body = this.statements('}', open);
    this.pos++;
    return body;
  }

  private foreachStatement(): StatementNode {
    const start = this.pos;
    this.pos += 'foreach'.length;
    this.expectChar('(', "Missing opening '(' after keyword 'foreach'.");
    this.skipTrivia(true);
    if (this.ch() !== '$') this.fail('Missing variable name after foreach: write foreach ($item in $collection) { ... }.', this.pos);
    const variableStart = this.pos++;
    const name = this.variableName();
    if (name === '') this.fail('Missing variable name after foreach: write foreach ($item in $collection) { ... }.', variableStart);
    const variableAt = rangeBetween(variableStart, this.pos);
    this.skipTrivia(true);
    if (!/^in$/i.test(this.text.slice(this.pos, this.pos + 2)) || !endsWord(this.ch(2))) this.fail("Missing 'in' after variable in foreach loop.", this.pos);
    this.pos += 2;
    this.skipTrivia(true);
    if (this.ch() === ')') this.fail('Missing foreach loop pipeline: write foreach ($item in $collection) { ... }.', this.pos);
    const collection = this.pipeline();
    this.expectChar(')', "Missing closing ')' after expression in 'foreach' statement.");
    const body = this.block('foreach ($item in $collection)');
    return { kind: 'foreach', variable: name, variableAt, collection, body, at: rangeBetween(start, this.pos) };
  }

  private ifStatement(): StatementNode {
    const start = this.pos;
    const clauses: { condition: PipelineNode; body: StatementNode[] }[] = [];
    let keyword = 'if';
    for (;;) {
      this.pos += keyword.length;
      this.expectChar('(', `Missing '(' after '${keyword}' in if statement.`);
      this.skipTrivia(true);
      if (this.ch() === ')') this.fail(`Missing condition in ${keyword} statement after '${keyword} ('.`, this.pos);
      const condition = this.pipeline();
      this.expectChar(')', `Missing closing ')' after expression in '${keyword}' statement.`);
      clauses.push({ condition, body: this.block(`${keyword} ( condition )`) });
      // elseif / else may follow on a later line.
      const save = this.pos;
      this.skipTrivia(true);
      const next = this.keyword();
      if (next === 'elseif') {
        keyword = 'elseif';
        continue;
      }
      if (next === 'else') {
        this.pos += 4;
        const elseBody = this.block("the 'else' keyword");
        return { kind: 'if', clauses, elseBody, at: rangeBetween(start, this.pos) };
      }
      this.pos = save;
      return { kind: 'if', clauses, at: rangeBetween(start, this.pos) };
    }
  }

  private startsExpression(): boolean {
    const c = this.ch();
    const n = this.ch(1);
    if (c === '$' || c === '(' || c === '@' || c === '{' || c === '!' || isQuote(c)) return true;
    if (/^[0-9]$/.test(c) || (c === '.' && /^[0-9]$/.test(n))) return true;
    if (dashes.has(c)) return /^[0-9.$(]$/.test(n) || /^(not|join|split)\b/i.test(this.text.slice(this.pos + 1, this.pos + 7));
    return false;
  }

  private pipeline(): PipelineNode {
    const start = this.pos;
    if (this.ch() === '|') this.fail('An empty pipe element is not allowed.', this.pos);
    if (this.ch() === '[') this.fail('Type literals such as [int] are not supported in this console.', this.pos);
    const head = this.startsExpression() ? this.expression() : undefined;
    const commands: CommandNode[] = head ? [] : [this.command()];
    for (;;) {
      this.skipTrivia(false);
      if (this.ch() !== '|') break;
      const bar = this.pos++;
      this.skipTrivia(true);
      const c = this.ch();
      if (c === '' || c === ';' || c === '|' || c === ')' || c === '}') this.fail('An empty pipe element is not allowed.', bar);
      if (this.startsExpression())
        this.fail('Expressions are only allowed as the first element of a pipeline.', this.pos, this.pos + this.tokenAt(this.pos).length);
      commands.push(this.command());
    }
    const end = commands.length ? commands[commands.length - 1]!.at : head!.at;
    return { kind: 'pipeline', ...(head ? { head } : {}), commands, at: rangeBetween(start, end.offset + end.length) };
  }

  private command(): CommandNode {
    const start = this.pos;
    const c = this.ch();
    if (c === ')' || c === '}') this.unexpectedAt(start);
    let name = '';
    while (!endsWord(this.ch()) && !isQuote(this.ch()) && this.ch() !== '`' && this.ch() !== '$') name += this.text[this.pos++];
    const first = name[0] ?? '';
    const alias = name === '%' || name === '?';
    if (name === '' || (!alias && !/^[\p{L}_]$/u.test(first)) || isQuote(this.ch()) || this.ch() === '`' || this.ch() === '$') {
      this.unexpectedAt(start);
    }
    const nameAt = rangeBetween(start, this.pos);
    const elements: CommandElement[] = [];
    let end = this.pos;
    let onlyArguments = false;
    for (;;) {
      this.skipTrivia(false);
      const d = this.ch();
      if (d === '' || isNewline(d) || d === ';' || d === '|' || d === ')' || d === '}') break;
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
        const value = this.argument();
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
      ? { kind: 'parameter', name, at, colon: true, argument: this.argument() }
      : { kind: 'parameter', name, at: rangeBetween(start, start + name.length + 2), colon: true };
  }

  /** One command argument: a primary value, or several separated by commas (an array). */
  private argument(): ExprNode {
    const items = [this.argumentPrimary()];
    for (;;) {
      const save = this.pos;
      this.skipTrivia(false);
      if (this.ch() !== ',') {
        this.pos = save;
        break;
      }
      const comma = this.pos++;
      this.skipTrivia(true);
      const c = this.ch();
      if (c === '' || c === ';' || c === '|' || c === ')' || c === '}' || c === ',') this.fail("Missing expression after ','.", comma);
      items.push(this.argumentPrimary());
    }
    return items.length === 1 ? items[0]! : arrayOf(items);
  }

  private argumentPrimary(): ExprNode {
    this.enter();
    try {
      const start = this.pos;
      const c = this.ch();
      if (singleQuotes.has(c) || doubleQuotes.has(c) || c === '$' || c === '@' || c === '(' || c === '{') {
        // A quoted string followed by more word characters is one bare word ("a"b), as in PowerShell.
        if (isQuote(c)) {
          const save = this.pos;
          this.quoted();
          const after = this.ch();
          this.pos = save;
          if (!endsWord(after)) return this.bareWord();
        }
        return this.postfix(this.primaryValue(start));
      }
      if (c === ')' || c === '}') this.unexpectedAt(start);
      if (c === ',') this.fail("Missing expression before ','.", start);
      this.refuseOperatorChar(c, start);
      if (c === '') this.fail('Missing an argument at the end of the command.', start);
      return this.bareWord();
    } finally {
      this.depth--;
    }
  }

  private refuseOperatorChar(c: string, start: number): void {
    if (c === '&') {
      this.fail(
        'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
        start,
      );
    }
    if (c === '<') this.fail("The '<' operator is reserved for future use.", start);
    if (c === '>') this.fail('Redirection (>) is not supported in this console.', start);
  }

  /** Values that read the same in argument and expression mode: strings, variables, @( ), @{ }, ( ), { }. */
  private primaryValue(start: number): ExprNode {
    const c = this.ch();
    if (singleQuotes.has(c)) {
      const value = this.singleQuoted();
      return { kind: 'string', value, quoted: true, at: rangeBetween(start, this.pos) };
    }
    if (doubleQuotes.has(c)) return this.doubleQuoted();
    if (c === '$') return this.variable();
    if (c === '@') {
      const n = this.ch(1);
      if (n === '(') return this.arrayExpression();
      if (n === '{') return this.hashtable();
      if (isQuote(n)) this.fail("Here-strings (@' ... '@) are not supported in this console; use a quoted string.", start, start + 2);
      if (/^[\p{L}_]$/u.test(n)) this.fail('Splatting (@name) is not supported in this console; write the parameters out.', start, start + 2);
      this.unexpectedAt(start);
    }
    if (c === '(') {
      this.pos++;
      const statements = this.statements(')', start);
      this.pos++;
      return { kind: 'subexpression', statements, at: rangeBetween(start, this.pos) };
    }
    if (c === '{') {
      this.pos++;
      const statements = this.statements('}', start);
      const text = this.text.slice(start + 1, this.pos);
      this.pos++;
      return { kind: 'scriptblock', statements, text, at: rangeBetween(start, this.pos) };
    }
    this.unexpectedAt(start);
  }

  /** `.Name` and `[index]` after a value (no space before them, as in PowerShell). */
  private postfix(node: ExprNode): ExprNode {
    let out = node;
    for (;;) {
      const c = this.ch();
      if (c === '.' && (wordChar.test(this.ch(1)) || isQuote(this.ch(1)))) {
        this.pos++;
        let name = '';
        if (isQuote(this.ch())) name = this.quotedText();
        else while (wordChar.test(this.ch())) name += this.text[this.pos++];
        if (this.ch() === '(' && name !== '') {
          out = { kind: 'method', target: out, name, args: this.methodArguments(), at: rangeBetween(out.at.offset, this.pos) };
          continue;
        }
        out = { kind: 'member', target: out, name, at: rangeBetween(out.at.offset, this.pos) };
        continue;
      }
      if (c === '[') {
        const open = this.pos++;
        this.skipTrivia(true);
        const index = this.expression();
        this.skipTrivia(true);
        if (this.ch() !== ']') this.fail("Missing ']' after array index expression.", open);
        this.pos++;
        out = { kind: 'index', target: out, index, at: rangeBetween(out.at.offset, this.pos) };
        continue;
      }
      return out;
    }
  }

  /** `( a, b )` after a method name: its arguments, separated by commas (an array literal is not one argument here). */
  private methodArguments(): ExprNode[] {
    const open = this.pos++;
    this.skipTrivia(true);
    if (this.ch() === ')') {
      this.pos++;
      return [];
    }
    const args: ExprNode[] = [];
    for (;;) {
      args.push(this.methodArgument());
      this.skipTrivia(true);
      if (this.ch() === ',') {
        this.pos++;
        this.skipTrivia(true);
        continue;
      }
      if (this.ch() !== ')') this.fail("Missing closing ')' in method call.", open, this.pos);
      this.pos++;
      return args;
    }
  }

  /** One method argument: an expression without the comma operator at its top. */
  private methodArgument(): ExprNode {
    this.enter();
    try {
      return this.binaryLoop(
        () =>
          this.binaryLoop(
            () => this.additiveWith(() => this.unary()),
            () => this.dashOperator(comparisonLevelSet),
          ),
        () => this.dashOperator(logicalSet),
      );
    } finally {
      this.depth--;
    }
  }

  private quoted(): void {
    if (singleQuotes.has(this.ch())) this.singleQuoted();
    else this.doubleQuoted();
  }

  /** A quoted member name or hashtable key, without expansion. */
  private quotedText(): string {
    if (singleQuotes.has(this.ch())) return this.singleQuoted();
    const start = this.pos;
    const node = this.doubleQuoted();
    if (node.kind !== 'string') this.fail('A property name cannot contain variables.', start, this.pos);
    return node.value;
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

  /** A double-quoted string: plain text, or an expandable string when `$name` or `$( )` is in it. */
  private doubleQuoted(): ExprNode {
    const start = this.pos++;
    let out = '';
    const parts: (string | ExprNode)[] = [];
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
        break;
      }
      if (c === '`') {
        const n = this.ch(1);
        if (n === '') this.fail('The string is missing the terminator: ".', start, this.text.length);
        out += unescape(n);
        this.pos += 2;
        continue;
      }
      if (c === '$' && startsVariable(this.ch(1))) {
        if (out) parts.push(out);
        out = '';
        parts.push(this.variable(true));
        continue;
      }
      out += c;
      this.pos++;
    }
    const at = rangeBetween(start, this.pos);
    if (parts.length === 0) return { kind: 'string', value: out, quoted: true, at };
    if (out) parts.push(out);
    return { kind: 'expandable', parts, at };
  }

  /** A variable name after `$`: letters, digits and _, a scope (script:, env:), or one of $? $^ $$. */
  private variableName(): string {
    const c = this.ch();
    if (c === '{') {
      const close = this.text.indexOf('}', this.pos);
      if (close < 0) this.fail("Missing closing '}' in variable name.", this.pos);
      const name = this.text.slice(this.pos + 1, close);
      this.pos = close + 1;
      return name;
    }
    if (c === '?' || c === '^' || c === '$') {
      this.pos++;
      return c;
    }
    let name = '';
    while (variableChar.test(this.ch()) || (this.ch() === ':' && name !== '' && variableChar.test(this.ch(1)) && this.ch(1) !== ''))
      name += this.text[this.pos++];
    return name;
  }

  /** `$name`, `$true`/`$false`/`$null`, or `$( )`; in a string, without properties after it. */
  private variable(inString = false): ExprNode {
    const start = this.pos++;
    if (this.ch() === '(') {
      this.pos++;
      const statements = this.statements(')', start, 'subexpression');
      this.pos++;
      return { kind: 'subexpression', statements, at: rangeBetween(start, this.pos) };
    }
    const name = this.variableName();
    const at = rangeBetween(start, this.pos);
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'bool', value: lower === 'true', at };
    if (lower === 'null') return { kind: 'null', at };
    if (name === '' && !inString && endsWord(this.ch())) return { kind: 'string', value: '$', quoted: true, at };
    if (name === '') this.unexpectedAt(start);
    return { kind: 'variable', name, at };
  }

  /** A generic token in argument mode: a bare string (quoted parts, escapes and "$var" joined in) or a number. */
  private bareWord(): ExprNode {
    const start = this.pos;
    let out = '';
    let plain = true;
    const parts: (string | ExprNode)[] = [];
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
        const node = this.doubleQuoted();
        if (node.kind === 'string') out += node.value;
        else {
          if (out) parts.push(out);
          out = '';
          parts.push(node);
        }
        plain = false;
        continue;
      }
      if (c === '$' && startsVariable(this.ch(1))) {
        if (out) parts.push(out);
        out = '';
        parts.push(this.variable(true));
        plain = false;
        continue;
      }
      out += c;
      this.pos++;
    }
    const at = rangeBetween(start, this.pos);
    if (parts.length) {
      if (out) parts.push(out);
      return { kind: 'expandable', parts, at };
    }
    if (plain) {
      const n = parseNumberLiteral(out);
      if (n !== undefined) return { kind: 'number', value: n, text: out, at };
    }
    return { kind: 'string', value: out, quoted: !plain, at };
  }

  // ── Expression mode ───────────────────────────────────────────────────────────────────────

  /** An expression: -and/-or over comparisons over + - over * / % over arrays (1,2) over unary operators. */
  private expression(): ExprNode {
    this.enter();
    try {
      return this.logical();
    } finally {
      this.depth--;
    }
  }

  /** A dash operator at the cursor (-eq, -and), lower-case and without the dash, if one from `set` is there. */
  private dashOperator(set: ReadonlySet<string>): string | undefined {
    if (!dashes.has(this.ch())) return undefined;
    let end = this.pos + 1;
    while (end < this.text.length && /^[A-Za-z]$/.test(this.text[end]!)) end++;
    const word = this.text.slice(this.pos + 1, end).toLowerCase();
    return set.has(word) && !wordChar.test(this.text[end] ?? '') ? word : undefined;
  }

  private binaryLoop(next: () => ExprNode, operator: () => string | undefined): ExprNode {
    let left = next();
    for (;;) {
      const save = this.pos;
      this.skipTrivia(false);
      const op = operator();
      if (op === undefined) {
        this.pos = save;
        return left;
      }
      const opAt = this.pos;
      this.pos += /^[a-z]/.test(op) ? op.length + 1 : op.length;
      this.skipTrivia(true);
      if (this.atExpressionEnd())
        this.fail(`You must provide a value expression following the '${this.text.slice(opAt, this.pos).trim()}' operator.`, opAt, opAt + op.length + 1);
      const right = next();
      left = { kind: 'binary', op: op.replace(/^i(?=[a-z]{2})/, ''), left, right, at: rangeBetween(left.at.offset, right.at.offset + right.at.length) };
    }
  }

  private atExpressionEnd(): boolean {
    const c = this.ch();
    return c === '' || c === ';' || c === ')' || c === '}' || c === '|' || c === ']' || isNewline(c);
  }

  private logical(): ExprNode {
    return this.binaryLoop(
      () => this.comparison(),
      () => this.dashOperator(logicalSet),
    );
  }

  private comparison(): ExprNode {
    return this.binaryLoop(
      () => this.additive(),
      () => {
        const op = this.dashOperator(comparisonLevelSet);
        if (op === undefined && dashes.has(this.ch()) && /^[A-Za-z]$/.test(this.ch(1))) {
          const word = this.tokenAt(this.pos);
          if (!/^-(not|and|or|xor)$/i.test(word))
            this.fail(
              `Unexpected token '${word}' in expression or statement. The console knows the operators ${[...COMPARISON_OPERATORS, ...STRING_OPERATORS, 'f']
                .map((o) => `-${o}`)
                .join(' ')} -and -or -not.`,
              this.pos,
              this.pos + word.length,
            );
        }
        return op;
      },
    );
  }

  private additive(): ExprNode {
    return this.additiveWith(() => this.arrayLevel());
  }

  /** + - over * / % over -f over .. over `operand` (the comma operator, or a unary expression in a method's arguments). */
  private additiveWith(operand: () => ExprNode): ExprNode {
    const range = () => this.binaryLoop(operand, () => (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) !== '.' ? '..' : undefined));
    const format = () => this.binaryLoop(range, () => this.dashOperator(formatSet));
    const multiplicative = () =>
      this.binaryLoop(format, () => {
        const c = this.ch();
        return c === '*' || c === '/' || c === '%' ? c : undefined;
      });
    return this.binaryLoop(multiplicative, () => {
      const c = this.ch();
      if (c === '+') return '+';
      if (dashes.has(c) && !/^[A-Za-z]$/.test(this.ch(1))) return '-';
      return undefined;
    });
  }

  private arrayLevel(): ExprNode {
    const items = [this.unary()];
    for (;;) {
      const save = this.pos;
      this.skipTrivia(false);
      if (this.ch() !== ',') {
        this.pos = save;
        break;
      }
      const comma = this.pos++;
      this.skipTrivia(true);
      if (this.atExpressionEnd() || this.ch() === ',') this.fail("Missing expression after ','.", comma);
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : arrayOf(items);
  }

  private unary(): ExprNode {
    this.enter();
    try {
      const start = this.pos;
      const c = this.ch();
      const not = c === '!' ? '!' : this.dashOperator(new Set(['not'])) ? '-not' : undefined;
      if (not) {
        this.pos += not.length;
        this.skipTrivia(false);
        if (this.atExpressionEnd()) this.fail(`You must provide a value expression following the '${not}' operator.`, start, this.pos);
        const operand = this.unary();
        return { kind: 'unary', op: 'not', operand, at: rangeBetween(start, operand.at.offset + operand.at.length) };
      }
      const unaryString = this.dashOperator(unaryStringSet);
      if (unaryString) {
        this.pos += unaryString.length + 1;
        this.skipTrivia(false);
        if (this.atExpressionEnd()) this.fail(`You must provide a value expression following the '-${unaryString}' operator.`, start, this.pos);
        const operand = this.unary();
        return { kind: 'unary', op: unaryString, operand, at: rangeBetween(start, operand.at.offset + operand.at.length) };
      }
      if (dashes.has(c) && (this.ch(1) === '$' || this.ch(1) === '(')) {
        this.pos++;
        const operand = this.unary();
        return { kind: 'unary', op: '-', operand, at: rangeBetween(start, operand.at.offset + operand.at.length) };
      }
      return this.postfix(this.expressionPrimary());
    } finally {
      this.depth--;
    }
  }

  private expressionPrimary(): ExprNode {
    const start = this.pos;
    const c = this.ch();
    if (isQuote(c) || c === '$' || c === '@' || c === '(' || c === '{') return this.primaryValue(start);
    if (c === ')' || c === '}') this.unexpectedAt(start);
    if (c === ',') this.fail("Missing expression before ','.", start);
    if (c === '[') this.fail('Type literals such as [int] are not supported in this console.', start);
    this.refuseOperatorChar(c, start);
    if (c === '') this.fail('Missing an expression at the end of the statement.', start);
    numberAhead.lastIndex = this.pos;
    const m = numberAhead.exec(this.text);
    // 1..4: the number ends before the range operator's dots.
    const literal = m && /^[+-]?\d+\.$/.test(m[0]) && this.text[this.pos + m[0].length] === '.' ? m[0].slice(0, -1) : m?.[0];
    const after = literal === undefined ? '' : (this.text[this.pos + literal.length] ?? '');
    if (literal !== undefined && !wordChar.test(after) && (after !== '.' || this.text[this.pos + literal.length + 1] === '.')) {
      const value = parseNumberLiteral(literal);
      if (value !== undefined) {
        this.pos += literal.length;
        return { kind: 'number', value, text: literal, at: rangeBetween(start, this.pos) };
      }
    }
    return this.expressionWord();
  }

  /** A bare token in expression mode that is not a number: an error that says what PowerShell would. */
  private expressionWord(): never {
    const start = this.pos;
    let raw = '';
    while (!endsWord(this.ch()) && !isQuote(this.ch()) && this.ch() !== '`' && this.ch() !== '$' && this.ch() !== '=') raw += this.text[this.pos++];
    if (raw === '') this.unexpectedAt(start);
    if (/^[A-Za-z]+-[A-Za-z]+$/.test(raw))
      this.fail(
        `Unexpected token '${raw}' in expression or statement. To use a command's output as a value, put the command in parentheses: (${raw} ...).`,
        start,
        this.pos,
      );
    this.fail(`Unexpected token '${raw}' in expression or statement.`, start, this.pos);
  }

  private arrayExpression(): ExprNode {
    const start = this.pos;
    this.pos += 2;
    const statements = this.statements(')', start, 'subexpression');
    this.pos++;
    const at = rangeBetween(start, this.pos);
    // @( literal, literal ) with nothing to run is a plain array value (what Move-VMStorage -VHDs @(@{...}) binds).
    const items: ValueNode[] = [];
    for (const s of statements) {
      if (s.kind !== 'pipeline' || s.commands.length > 0 || !s.head || !isStatic(s.head)) return { kind: 'arrayexpr', statements, at };
      if (s.head.kind === 'array') items.push(...s.head.items);
      else items.push(s.head);
    }
    return { kind: 'array', items, at };
  }

  private hashtable(): ExprNode {
    const start = this.pos;
    this.pos += 2;
    const entries: { key: string; keyAt: Range; value: ExprNode }[] = [];
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
      if (isQuote(c)) key = this.quotedText();
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
      const value = this.expression();
      if (seen.has(key.toLowerCase())) this.fail(`Duplicate keys '${key}' are not allowed in hash literals.`, keyAt.offset, keyAt.offset + keyAt.length);
      seen.add(key.toLowerCase());
      entries.push({ key, keyAt, value });
      this.skipTrivia(false);
      const e = this.ch();
      if (e !== '}' && e !== ';' && e !== '' && !isNewline(e)) this.unexpectedAt(this.pos);
    }
    const at = rangeBetween(start, this.pos);
    if (entries.every((e) => isStatic(e.value))) return { kind: 'hashtable', entries: entries as HashtableEntry[], at };
    return { kind: 'table', entries, at };
  }
}

function arrayOf(items: ExprNode[]): ExprNode {
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const at = rangeBetween(first.at.offset, last.at.offset + last.at.length);
  return items.every(isStatic) ? { kind: 'array', items, at } : { kind: 'list', items, at };
}

function isAssignable(node: ExprNode): boolean {
  return node.kind === 'variable' || (node.kind === 'member' && isAssignable(node.target));
}

/** The syntax tree of a script, or a ScriptError at the first syntax error. */
export function parseProgram(text: string): StatementNode[] {
  return new SyntaxReader(text).script();
}

export type StaticElement = { kind: 'parameter'; name: string; at: Range; colon: boolean; argument?: ValueNode } | { kind: 'argument'; value: ValueNode };

/** A command whose arguments are all literal values: what the binder takes. */
export interface StaticCommandNode {
  name: string;
  nameAt: Range;
  elements: StaticElement[];
  at: Range;
}

/** A statement that is a plain pipeline of commands with literal arguments (what parseScript binds without running anything). */
export interface StaticPipelineNode {
  commands: StaticCommandNode[];
  at: Range;
}

export const runTimeMessage = (what: string) =>
  `'${what}' has a value only when the script runs; this reads commands without running them (run the script at the console's prompt or with hvlab run).`;

/** The command with literal arguments, or a ScriptError at the first argument that needs the script to run. */
export function staticCommand(text: string, node: CommandNode): StaticCommandNode {
  const literal = (v: ExprNode): ValueNode => {
    if (isStatic(v)) return v;
    throw new ScriptError(runTimeMessage(text.slice(v.at.offset, v.at.offset + v.at.length)), v.at);
  };
  const elements = node.elements.map((e): StaticElement => {
    if (e.kind === 'argument') return { kind: 'argument', value: literal(e.value) };
    return e.argument ? { ...e, argument: literal(e.argument) } : { kind: 'parameter', name: e.name, at: e.at, colon: e.colon };
  });
  return { name: node.name, nameAt: node.nameAt, elements, at: node.at };
}

/** The script as plain pipelines of commands, or a ScriptError at the first statement that needs running (variables, foreach, if). */
export function parseSyntax(text: string): StaticPipelineNode[] {
  return parseProgram(text).map((s) => {
    if (s.kind !== 'pipeline' || s.head) {
      const first = s.kind === 'pipeline' ? s.head!.at : s.at;
      throw new ScriptError(runTimeMessage(text.slice(first.offset, first.offset + Math.min(first.length, 40))), first);
    }
    return { commands: s.commands.map((c) => staticCommand(text, c)), at: s.at };
  });
}
