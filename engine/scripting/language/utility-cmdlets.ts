// The utility cmdlets of Microsoft.PowerShell.Core and Microsoft.PowerShell.Utility that a Hyper-V
// admin pipes through (Microsoft Learn, each cmdlet's page for Windows PowerShell 4.0): they only
// filter, reshape, sort, count or print objects, so they run in the interpreter, not the engine.
// Their parameters bind as PowerShell binds (a unique prefix of a name or alias, positions, switches
// bare or -Switch:$false), with PowerShell's messages for what cannot bind.
import type { CommandNode, ExprNode } from '../../cmdlets/syntax';
import { ScriptError, type Range } from '../../cmdlets/source-text';
import { bindingMessages } from '../../cmdlets/binder';
import { nameMessages } from '../../cmdlets/parameter-names';
import { COMPARISON_OPERATORS } from '../../cmdlets/syntax';
import { hasWildcard, wildcardMatch } from '../../cmdlets/wildcard';
import { FormattedText, PsHashtable, PsObject, ScriptBlockValue, compare, isTrue, memberOf, propertyOf, toText } from './values';
import { formatForHost, propertyNames } from '../../common/ps-format';

export interface UtilityContext {
  node: CommandNode;
  text: string;
  evaluate(e: ExprNode): unknown;
  invokeBlock(block: ScriptBlockValue, item: unknown): unknown[];
  writeHost(text: string): void;
  sleep(ms: number): void;
}

interface UtilityParameter {
  name: string;
  aliases?: readonly string[];
  switch?: boolean;
  position?: number;
  /** Takes the positional arguments left over (ValueFromRemainingArguments: Write-Output a b c). */
  remaining?: boolean;
}

export interface UtilityCmdlet {
  name: string;
  aliases: readonly string[];
  synopsis: string;
  parameters: readonly UtilityParameter[];
  run(ctx: UtilityContext, input: unknown[] | undefined): unknown[];
}

type Bound = Map<string, { value: unknown; at: Range }>;

/** Binds a utility cmdlet's arguments: named by unique prefix, then positional, evaluated now. */
function bindUtility(cmdlet: UtilityCmdlet, ctx: UtilityContext): Bound {
  const bound: Bound = new Map();
  const positional: { value: unknown; at: Range }[] = [];
  const els = ctx.node.elements;
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    if (el.kind === 'argument') {
      positional.push({ value: ctx.evaluate(el.value), at: el.value.at });
      continue;
    }
    const lower = el.name.toLowerCase();
    const exact = cmdlet.parameters.filter((p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower));
    const matches = exact.length ? exact : cmdlet.parameters.filter((p) => p.name.toLowerCase().startsWith(lower));
    if (matches.length === 0) throw new ScriptError(nameMessages.notFound(el.name), el.at, el.name);
    if (matches.length > 1)
      throw new ScriptError(
        nameMessages.ambiguous(
          el.name,
          matches.map((m) => m.name),
        ),
        el.at,
        el.name,
      );
    const p = matches[0]!;
    if (bound.has(p.name)) throw new ScriptError(bindingMessages.specifiedTwice(p.name), el.at, p.name);
    if (p.switch) {
      bound.set(p.name, { value: el.argument ? isTrue(ctx.evaluate(el.argument)) : true, at: el.at });
      continue;
    }
    let arg = el.argument;
    if (!arg && !el.colon && els[i + 1]?.kind === 'argument') {
      arg = (els[++i] as { value: ExprNode }).value;
    }
    if (!arg) throw new ScriptError(`Missing an argument for parameter '${p.name}'. Specify a parameter of type 'System.Object' and try again.`, el.at, p.name);
    bound.set(p.name, { value: ctx.evaluate(arg), at: arg.at });
  }
  const open = cmdlet.parameters.filter((p) => p.position !== undefined && !p.switch).sort((a, b) => a.position! - b.position!);
  const rest = cmdlet.parameters.find((x) => x.remaining);
  for (const arg of positional) {
    const p = open.find((x) => !bound.has(x.name));
    if (!p && rest && bound.has(rest.name)) {
      const had = bound.get(rest.name)!;
      bound.set(rest.name, { value: [...list(had.value), ...list(arg.value)], at: had.at });
      continue;
    }
    if (!p) throw new ScriptError(bindingMessages.positional(toText(arg.value)), arg.at);
    bound.set(p.name, arg);
  }
  return bound;
}

function list(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function intArg(b: Bound, name: string): number | undefined {
  const v = b.get(name);
  if (!v) return undefined;
  const n = Number(toText(v.value));
  if (!Number.isInteger(n) || n < 0)
    throw new ScriptError(`Cannot validate argument on parameter '${name}'. The argument "${toText(v.value)}" is not a whole number of 0 or more.`, v.at, name);
  return n;
}

/** A property of an object by name, or the value of a script block run on it (Sort-Object, Group-Object, computed properties). */
function propertyValue(ctx: UtilityContext, item: unknown, property: unknown): unknown {
  if (property instanceof ScriptBlockValue) {
    const out = ctx.invokeBlock(property, item);
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  }
  return memberOf(item, toText(property));
}

// ── Where-Object ────────────────────────────────────────────────────────────────────────────────

const whereOperators = COMPARISON_OPERATORS.flatMap((o) => [o, `c${o}`]);

const whereObject: UtilityCmdlet = {
  name: 'Where-Object',
  aliases: ['?', 'where'],
  synopsis: 'Selects the objects from the pipeline that pass a filter: a script block, or a property compared with a value.',
  parameters: [
    // The first positional argument is a script block (the FilterScript set) or a property name (the simplified syntax).
    { name: 'FilterScript' },
    { name: 'Property', position: 0 },
    { name: 'Value', position: 1 },
    { name: 'InputObject' },
    ...whereOperators.map((o) => ({ name: o.toUpperCase() === o ? o : o[0]!.toUpperCase() + o.slice(1), switch: true })),
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const filter = b.get('FilterScript')?.value ?? b.get('Property')?.value;
    if (filter instanceof ScriptBlockValue) return items.filter((item) => isTrue(collapseOut(ctx.invokeBlock(filter, item))));
    if (filter === undefined)
      throw new ScriptError(
        "Where-Object needs a filter: a script block ({ $_.State -eq 'Running' }) or a property (Where-Object State -eq Running).",
        ctx.node.nameAt,
      );
    const ops = [...b.keys()].filter((k) => whereOperators.includes(k.toLowerCase()));
    if (ops.length > 1) throw new ScriptError('Parameter set cannot be resolved using the specified named parameters.', ctx.node.nameAt);
    const property = toText(filter);
    const value = b.get('Value')?.value;
    const op = ops[0]?.toLowerCase();
    // Where-Object Name: the property's value, as a Boolean (about_Where-Object, "simplified syntax").
    return items.filter((item) => (op ? isTrue(compare(op, memberOf(item, property), value)) : isTrue(memberOf(item, property))));
  },
};

function collapseOut(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

// ── ForEach-Object ──────────────────────────────────────────────────────────────────────────────

const forEachObject: UtilityCmdlet = {
  name: 'ForEach-Object',
  aliases: ['%', 'foreach'],
  synopsis: "Runs a script block for each object in the pipeline, with the object in $_, or writes each object's property (ForEach-Object Name).",
  parameters: [{ name: 'Process', position: 0 }, { name: 'Begin' }, { name: 'End' }, { name: 'MemberName' }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const out: unknown[] = [];
    const begin = b.get('Begin')?.value;
    if (begin instanceof ScriptBlockValue) out.push(...ctx.invokeBlock(begin, null));
    const process = b.get('Process')?.value ?? b.get('MemberName')?.value;
    for (const item of items) {
      if (process instanceof ScriptBlockValue) out.push(...ctx.invokeBlock(process, item));
      else if (process !== undefined) out.push(...list(memberOf(item, toText(process))));
    }
    const end = b.get('End')?.value;
    if (end instanceof ScriptBlockValue) out.push(...ctx.invokeBlock(end, null));
    return out;
  },
};

// ── Select-Object ───────────────────────────────────────────────────────────────────────────────

/** A property selection: a name (wildcards allowed) or @{Name=...; Expression=...} (aliases n, l, Label, e). */
type Selection = { kind: 'name'; pattern: string } | { kind: 'computed'; name: string; expression: unknown };

function selections(v: unknown, at: Range): Selection[] {
  return list(v).map((p): Selection => {
    if (p instanceof PsHashtable) {
      const name = p.get('Name') ?? p.get('n') ?? p.get('Label') ?? p.get('l');
      const expression = p.get('Expression') ?? p.get('e');
      if (expression === undefined)
        throw new ScriptError('The "Expression" key is missing from a calculated property: write @{Name="..."; Expression={ ... }}.', at);
      return { kind: 'computed', name: name === undefined ? toText(expression) : toText(name), expression };
    }
    return { kind: 'name', pattern: toText(p) };
  });
}

function typeNameOf(item: unknown): string {
  if (item instanceof PsObject) return item.typeName;
  if (typeof item === 'string') return 'System.String';
  if (typeof item === 'number') return Number.isInteger(item) ? 'System.Int32' : 'System.Double';
  if (typeof item === 'boolean') return 'System.Boolean';
  if (item instanceof PsHashtable) return 'System.Collections.Hashtable';
  return 'System.Object';
}

function selectProperties(ctx: UtilityContext, item: unknown, sel: readonly Selection[]): PsObject {
  const props: Record<string, unknown> = {};
  for (const s of sel) {
    if (s.kind === 'computed') {
      props[s.name] = propertyValue(ctx, item, s.expression);
      continue;
    }
    if (hasWildcard(s.pattern)) {
      for (const name of propertyNames(item)) if (wildcardMatch(s.pattern, name)) props[name] = memberOf(item, name);
      continue;
    }
    const p = propertyOf(item, s.pattern);
    const name = p.found ? (propertyNames(item).find((n) => n.toLowerCase() === s.pattern.toLowerCase()) ?? s.pattern) : s.pattern;
    props[name] = p.found ? p.value : null;
  }
  return new PsObject(`Selected.${typeNameOf(item)}`, props);
}

const selectObject: UtilityCmdlet = {
  name: 'Select-Object',
  aliases: ['select'],
  synopsis:
    'Selects properties of objects (-Property, calculated properties), one property expanded (-ExpandProperty), or the first or last objects (-First, -Last, -Skip).',
  parameters: [
    { name: 'Property', position: 0 },
    { name: 'ExpandProperty' },
    { name: 'First' },
    { name: 'Last' },
    { name: 'Skip' },
    { name: 'Unique', switch: true },
    { name: 'InputObject' },
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    let items = input ?? list(b.get('InputObject')?.value);
    const skip = intArg(b, 'Skip') ?? 0;
    const first = intArg(b, 'First');
    const last = intArg(b, 'Last');
    if (first !== undefined || last !== undefined || skip > 0) {
      const afterSkip = items.slice(skip);
      items = [...(first !== undefined ? afterSkip.slice(0, first) : []), ...(last !== undefined ? afterSkip.slice(Math.max(0, afterSkip.length - last)) : [])];
      if (first === undefined && last === undefined) items = afterSkip;
    }
    const property = b.get('Property');
    const expand = b.get('ExpandProperty');
    let out: unknown[] = items;
    if (property) {
      const sel = selections(property.value, property.at);
      out = items.map((item) => selectProperties(ctx, item, sel));
    }
    if (expand) {
      const name = toText(expand.value);
      out = out.flatMap((item) => {
        const p = propertyOf(item, name);
        if (!p.found) {
          throw new ScriptError(`Property "${name}" cannot be found.`, expand.at, 'ExpandProperty');
        }
        return list(p.value);
      });
    }
    if (b.get('Unique')?.value === true) {
      const seen = new Set<string>();
      out = out.filter((o) => {
        const key = JSON.stringify(o instanceof PsObject ? o.properties : o);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    return out;
  },
};

// ── Sort-Object, Group-Object, Measure-Object ───────────────────────────────────────────────────

function order(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (isTrue(compare('lt', a, b))) return -1;
  if (isTrue(compare('gt', a, b))) return 1;
  return 0;
}

const sortObject: UtilityCmdlet = {
  name: 'Sort-Object',
  aliases: ['sort'],
  synopsis: 'Sorts objects by one or more properties (or script blocks), ascending unless -Descending.',
  parameters: [{ name: 'Property', position: 0 }, { name: 'Descending', switch: true }, { name: 'Unique', switch: true }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const keys = b.has('Property') ? list(b.get('Property')!.value) : [];
    const sign = b.get('Descending')?.value === true ? -1 : 1;
    const rows = items.map((item, i) => ({ item, i, values: keys.length ? keys.map((k) => propertyValue(ctx, item, k)) : [item] }));
    rows.sort((x, y) => {
      for (let k = 0; k < x.values.length; k++) {
        const c = order(x.values[k], y.values[k]);
        if (c !== 0) return sign * c;
      }
      return x.i - y.i;
    });
    let out = rows;
    if (b.get('Unique')?.value === true) out = rows.filter((r, i) => i === 0 || order(r.values[0], rows[i - 1]!.values[0]) !== 0);
    return out.map((r) => r.item);
  },
};

const groupObject: UtilityCmdlet = {
  name: 'Group-Object',
  aliases: ['group'],
  synopsis: 'Groups objects that have the same value of a property; writes one group (Count, Name, Group) per value.',
  parameters: [{ name: 'Property', position: 0 }, { name: 'NoElement', switch: true }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const keys = b.has('Property') ? list(b.get('Property')!.value) : [];
    const groups = new Map<string, { name: string; items: unknown[] }>();
    for (const item of items) {
      const name = keys.length ? keys.map((k) => toText(propertyValue(ctx, item, k))).join(', ') : toText(item);
      const key = name.toLowerCase();
      const g = groups.get(key) ?? { name, items: [] };
      g.items.push(item);
      groups.set(key, g);
    }
    return [...groups.values()].map(
      (g) =>
        new PsObject(
          b.get('NoElement')?.value === true ? 'Microsoft.PowerShell.Commands.GroupInfoNoElement' : 'Microsoft.PowerShell.Commands.GroupInfo',
          b.get('NoElement')?.value === true ? { Count: g.items.length, Name: g.name } : { Count: g.items.length, Name: g.name, Group: g.items },
        ),
    );
  },
};

const measureObject: UtilityCmdlet = {
  name: 'Measure-Object',
  aliases: ['measure'],
  synopsis: 'Counts objects, and sums, averages or finds the largest and smallest value of a property (-Sum, -Average, -Maximum, -Minimum).',
  parameters: [
    { name: 'Property', position: 0 },
    { name: 'Sum', switch: true },
    { name: 'Average', switch: true },
    { name: 'Maximum', switch: true },
    { name: 'Minimum', switch: true },
    { name: 'InputObject' },
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const properties = b.has('Property') ? list(b.get('Property')!.value).map(toText) : [''];
    const on = (k: string) => b.get(k)?.value === true;
    return properties.map((property) => {
      const values = property ? items.map((i) => memberOf(i, property)).filter((v) => v !== null) : items;
      const numbers = values.map((v) => Number(typeof v === 'boolean' ? Number(v) : toText(v)));
      if ((on('Sum') || on('Average') || on('Maximum') || on('Minimum')) && numbers.some((n) => Number.isNaN(n))) {
        const bad = values[numbers.findIndex((n) => Number.isNaN(n))];
        throw new ScriptError(`Input object "${toText(bad)}" is not numeric.`, ctx.node.nameAt);
      }
      const sum = numbers.reduce((s, n) => s + n, 0);
      return new PsObject('Microsoft.PowerShell.Commands.GenericMeasureInfo', {
        Count: values.length,
        Average: on('Average') && numbers.length ? sum / numbers.length : null,
        Sum: on('Sum') ? sum : null,
        Maximum: on('Maximum') && numbers.length ? Math.max(...numbers) : null,
        Minimum: on('Minimum') && numbers.length ? Math.min(...numbers) : null,
        Property: property || null,
      });
    });
  },
};

// ── Output ─────────────────────────────────────────────────────────────────────────────────────

const writeOutput: UtilityCmdlet = {
  name: 'Write-Output',
  aliases: ['echo', 'write'],
  synopsis: 'Writes objects to the pipeline (what a bare value at the prompt does too).',
  parameters: [
    { name: 'InputObject', position: 0, remaining: true },
    { name: 'NoEnumerate', switch: true },
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const v = b.get('InputObject')?.value;
    return v === undefined ? (input ?? []) : list(v);
  },
};

const writeHost: UtilityCmdlet = {
  name: 'Write-Host',
  aliases: [],
  synopsis: 'Writes text straight to the console (not to the pipeline); colours are accepted and ignored.',
  parameters: [
    { name: 'Object', position: 0, remaining: true },
    { name: 'NoNewline', switch: true },
    { name: 'Separator' },
    { name: 'ForegroundColor' },
    { name: 'BackgroundColor' },
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const separator = b.has('Separator') ? toText(b.get('Separator')!.value) : ' ';
    const values = b.has('Object') ? list(b.get('Object')!.value) : (input ?? []);
    ctx.writeHost(values.map(toText).join(separator));
    return [];
  },
};

const startSleep: UtilityCmdlet = {
  name: 'Start-Sleep',
  aliases: ['sleep'],
  synopsis: "Waits: lets the lab's simulated time pass by the seconds or milliseconds given (moves progress meanwhile).",
  parameters: [
    { name: 'Seconds', aliases: ['s'], position: 0 },
    { name: 'Milliseconds', aliases: ['m'] },
  ],
  run(ctx) {
    const b = bindUtility(this, ctx);
    const s = b.get('Seconds');
    const ms = b.get('Milliseconds');
    const value = s ? Number(toText(s.value)) * 1000 : ms ? Number(toText(ms.value)) : NaN;
    if (!Number.isFinite(value) || value < 0 || value > 2_147_483_647_000) {
      const at = (s ?? ms)?.at ?? ctx.node.nameAt;
      throw new ScriptError(
        s || ms
          ? `Cannot validate argument on parameter '${s ? 'Seconds' : 'Milliseconds'}'. The argument is not a number of 0 or more.`
          : 'Start-Sleep needs -Seconds or -Milliseconds.',
        at,
      );
    }
    ctx.sleep(Math.round(value));
    return [];
  },
};

const outString: UtilityCmdlet = {
  name: 'Out-String',
  aliases: [],
  synopsis: 'Turns objects into the text the console would show for them, as one string (-Stream: one string per line).',
  parameters: [{ name: 'Stream', switch: true }, { name: 'Width' }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const width = intArg(b, 'Width') ?? 120;
    const lines = formatForHost(items, width);
    return b.get('Stream')?.value === true ? lines : [lines.length ? `${lines.join('\r\n')}\r\n` : ''];
  },
};

const outNull: UtilityCmdlet = {
  name: 'Out-Null',
  aliases: [],
  synopsis: 'Discards its input.',
  parameters: [{ name: 'InputObject' }],
  run(ctx) {
    bindUtility(this, ctx);
    return [];
  },
};

// ── Formatting ─────────────────────────────────────────────────────────────────────────────────

const formatTable: UtilityCmdlet = {
  name: 'Format-Table',
  aliases: ['ft'],
  synopsis: 'Shows objects as a table of the properties given (or their default view); -AutoSize sizes the columns to their contents.',
  parameters: [
    { name: 'Property', position: 0 },
    { name: 'AutoSize', switch: true },
    { name: 'HideTableHeaders', switch: true },
    { name: 'Wrap', switch: true },
    { name: 'InputObject' },
  ],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const property = b.get('Property');
    const sel = property ? selections(property.value, property.at) : undefined;
    const rows = sel ? items.map((i) => selectProperties(ctx, i, sel)) : items;
    return [
      new FormattedText(
        formatForHost(rows, 120, {
          view: 'table',
          ...(sel ? { properties: Object.keys((rows[0] as PsObject | undefined)?.properties ?? {}) } : {}),
          autoSize: b.get('AutoSize')?.value === true,
          hideHeaders: b.get('HideTableHeaders')?.value === true,
        }),
      ),
    ];
  },
};

const formatList: UtilityCmdlet = {
  name: 'Format-List',
  aliases: ['fl'],
  synopsis: 'Shows each property on its own line (Format-List * shows every property).',
  parameters: [{ name: 'Property', position: 0 }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    const property = b.get('Property');
    const sel = property ? selections(property.value, property.at) : undefined;
    const all = sel?.length === 1 && sel[0]!.kind === 'name' && sel[0]!.pattern === '*';
    const rows = sel && !all ? items.map((i) => selectProperties(ctx, i, sel)) : items;
    return [new FormattedText(formatForHost(rows, 120, { view: 'list', allProperties: all }))];
  },
};

const getMember: UtilityCmdlet = {
  name: 'Get-Member',
  aliases: ['gm'],
  synopsis: "Lists the properties of the objects in the pipeline, under each object's type name.",
  parameters: [{ name: 'Name', position: 0 }, { name: 'MemberType' }, { name: 'InputObject' }],
  run(ctx, input) {
    const b = bindUtility(this, ctx);
    const items = input ?? list(b.get('InputObject')?.value);
    if (items.length === 0) throw new ScriptError('You must specify an object for the Get-Member cmdlet.', ctx.node.nameAt);
    const pattern = b.has('Name') ? toText(b.get('Name')!.value) : '*';
    const seen = new Set<string>();
    const out: PsObject[] = [];
    for (const item of items) {
      const typeName = typeNameOf(item);
      if (seen.has(typeName)) continue;
      seen.add(typeName);
      for (const name of propertyNames(item).sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()))) {
        if (!wildcardMatch(pattern, name)) continue;
        out.push(
          new PsObject('Microsoft.PowerShell.Commands.MemberDefinition', {
            TypeName: typeName,
            Name: name,
            MemberType: item instanceof PsHashtable ? 'NoteProperty' : 'Property',
            Definition: `${dotNetType(memberOf(item, name))} ${name} {get;}`,
          }),
        );
      }
    }
    return out;
  },
};

function dotNetType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) > 2_147_483_647 ? 'long' : 'int') : 'double';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'System.Object[]';
  if (v === null || v === undefined) return 'System.Object';
  return typeNameOf(v);
}

export const UTILITY_CMDLETS: readonly UtilityCmdlet[] = [
  whereObject,
  forEachObject,
  selectObject,
  sortObject,
  groupObject,
  measureObject,
  writeOutput,
  writeHost,
  startSleep,
  outString,
  outNull,
  formatTable,
  formatList,
  getMember,
];

const byName = new Map<string, UtilityCmdlet>();
for (const c of UTILITY_CMDLETS) for (const n of [c.name, ...c.aliases]) byName.set(n.toLowerCase(), c);

/** The utility cmdlet a command name (or alias) names, if any. */
export function findUtility(name: string): UtilityCmdlet | undefined {
  return byName.get(name.toLowerCase());
}
