// Turns an argument as written (a syntax value) into the value a parameter takes, as PowerShell's
// binder converts it — with PowerShell's error text when it cannot.
//
// One deliberate difference: a number literal bound to a String parameter keeps the text as
// written (Get-VM 007 looks for "007"), where PowerShell would pass the number's value (7).
import type { ValueNode } from './syntax';
import type { Range } from './source-text';
import type { HashtableValue, ParameterSpec, ParamValue } from './signature';
import { elementTypeName } from './signature';
import { parseNumberLiteral, roundHalfEven } from '../common/number-literal';
import { canonicalEnum, canonicalKey, checkValue, integerBounds, rangeProblem, valueMessages } from './value-rules';

export type Conversion<T = ParamValue> = { ok: true; value: T } | { ok: false; message: string; at: Range };

const ok = <T>(value: T): Conversion<T> => ({ ok: true, value });
const fail = (message: string, at: Range): { ok: false; message: string; at: Range } => ({ ok: false, message, at });

/** How PowerShell prints an argument in an error message. */
export function display(node: ValueNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return String(node.value);
    case 'bool':
      return node.value ? 'True' : 'False';
    case 'null':
      return '';
    case 'array':
      return 'System.Object[]';
    case 'hashtable':
      return 'System.Collections.Hashtable';
  }
}

function dotNetTypeOf(node: ValueNode): string {
  switch (node.kind) {
    case 'string':
      return 'System.String';
    case 'number':
      return Number.isInteger(node.value) ? 'System.Int32' : 'System.Double';
    case 'bool':
      return 'System.Boolean';
    case 'null':
      return 'null';
    case 'array':
      return 'System.Object[]';
    case 'hashtable':
      return 'System.Collections.Hashtable';
  }
}

export const conversionMessages = {
  cannotValidate: (name: string, problem: string) => `Cannot validate argument on parameter '${name}'. ${problem}`,
  isNull: (name: string) => `Cannot bind argument to parameter '${name}' because it is null.`,
  notFormatted: (name: string, value: string, typeName: string) =>
    `Cannot bind parameter '${name}'. Cannot convert value "${value}" to type "${typeName}". Error: "Input string was not in a correct format."`,
  overflow: (name: string, value: string, typeName: string) =>
    `Cannot bind parameter '${name}'. Cannot convert value "${value}" to type "${typeName}". Error: "${valueMessages.typeOverflow(typeName)}"`,
  cannotConvertObject: (name: string, node: ValueNode, typeName: string) =>
    `Cannot bind parameter '${name}'. Cannot convert the "${display(node)}" value of type "${dotNetTypeOf(node)}" to type "${typeName}".`,
  toStringUnsupported: (name: string, node: ValueNode) =>
    `Cannot convert '${dotNetTypeOf(node)}' to the type 'System.String' required by parameter '${name}'. Specified method is not supported.`,
  booleanOnly: (name: string, node: ValueNode, typeName: string) =>
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${dotNetTypeOf(node)}" to type "${typeName}". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  notInEnum: (name: string, value: string, typeName: string, values: readonly string[]) =>
    `Cannot bind parameter '${name}'. Cannot convert value "${value}" to type "${typeName}". Error: "${valueMessages.notInEnum(value, values)}"`,
};

function toText(p: ParameterSpec, node: ValueNode): Conversion<string> {
  switch (node.kind) {
    case 'string':
      return ok(node.value);
    case 'number':
      return ok(node.text);
    case 'bool':
      return ok(node.value ? 'True' : 'False');
    case 'null':
      return fail(conversionMessages.isNull(p.name), node.at);
    case 'array':
    case 'hashtable':
      return fail(conversionMessages.toStringUnsupported(p.name, node), node.at);
  }
}

function toInteger(p: ParameterSpec, node: ValueNode): Conversion<number> {
  const typeName = elementTypeName(p);
  let v: number;
  switch (node.kind) {
    case 'number':
      v = node.value;
      break;
    case 'string': {
      const n = parseNumberLiteral(node.value.trim());
      if (n === undefined) return fail(conversionMessages.notFormatted(p.name, node.value, typeName), node.at);
      v = n;
      break;
    }
    case 'bool':
      v = node.value ? 1 : 0;
      break;
    case 'null':
      return fail(conversionMessages.isNull(p.name), node.at);
    default:
      return fail(conversionMessages.cannotConvertObject(p.name, node, typeName), node.at);
  }
  if (!Number.isInteger(v)) v = roundHalfEven(v);
  const bounds = integerBounds(typeName);
  if (v < bounds.min || v > bounds.max) return fail(conversionMessages.overflow(p.name, display(node), typeName), node.at);
  const problem = rangeProblem(p, v);
  return problem ? fail(conversionMessages.cannotValidate(p.name, problem), node.at) : ok(v);
}

/** A value for a [bool] parameter, or for a switch written -Switch:value. */
export function toBoolean(p: ParameterSpec, node: ValueNode): Conversion<boolean> {
  if (node.kind === 'bool') return ok(node.value);
  if (node.kind === 'number') return ok(node.value !== 0);
  const typeName = p.type === 'Switch' ? 'System.Management.Automation.SwitchParameter' : 'System.Boolean';
  return fail(conversionMessages.booleanOnly(p.name, node, typeName), node.at);
}

function toEnum(p: ParameterSpec, node: ValueNode): Conversion<string> {
  const text = toText(p, node);
  if (!text.ok) return text;
  const canonical = canonicalEnum(p, text.value.trim());
  return canonical !== undefined ? ok(canonical) : fail(conversionMessages.notInEnum(p.name, text.value, elementTypeName(p), p.values ?? []), node.at);
}

function toHashtable(p: ParameterSpec, node: ValueNode): Conversion<HashtableValue> {
  if (node.kind !== 'hashtable') return fail(conversionMessages.cannotConvertObject(p.name, node, 'System.Collections.Hashtable'), node.at);
  const out: HashtableValue = {};
  for (const e of node.entries) {
    const v = e.value;
    let text: string;
    if (v.kind === 'string') text = v.value;
    else if (v.kind === 'number') text = v.text;
    else if (v.kind === 'bool') text = v.value ? 'True' : 'False';
    else return fail(`Cannot bind parameter '${p.name}'. The value of key '${e.key}' must be a string, such as "D:\\VMs\\Disk1.vhdx".`, v.at);
    out[canonicalKey(p, e.key)] = text;
  }
  return ok(out);
}

function each<T>(node: ValueNode, convert: (n: ValueNode) => Conversion<T>): Conversion<T[]> {
  const items = node.kind === 'array' ? node.items : [node];
  const out: T[] = [];
  for (const item of items) {
    const c = convert(item);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return ok(out);
}

/** The value of an argument bound to a (non-switch) parameter, or PowerShell's reason it cannot be. */
export function convertArgument(p: ParameterSpec, node: ValueNode): Conversion {
  let c: Conversion;
  switch (p.type) {
    case 'String':
      c = toText(p, node);
      break;
    case 'String[]':
      c = each(node, (n) => toText(p, n));
      break;
    case 'Int':
    case 'Bytes':
      c = toInteger(p, node);
      break;
    case 'Int[]':
      c = each(node, (n) => toInteger(p, n));
      break;
    case 'Bool':
    case 'Switch':
      c = toBoolean(p, node);
      break;
    case 'Enum':
      c = toEnum(p, node);
      break;
    case 'Enum[]':
      c = each(node, (n) => toEnum(p, n));
      break;
    case 'Hashtable[]':
      c = each(node, (n) => toHashtable(p, n));
      break;
  }
  if (!c.ok) return c;
  const problem = checkValue(p, c.value);
  return problem ? fail(conversionMessages.cannotValidate(p.name, problem), node.at) : c;
}
