// The "View script" text of a settings dialog: the commands OK will send, one per line, written as
// the engine writes commands (engine/cmdlets/format.ts: parameters in signature order, switches
// bare, booleans as $true/$false, sizes as 4GB when exact, strings bare when safe, else in single
// quotes). The Move Wizard needs none of this: the engine's precheck returns its canonical text.
// The invoke answer's commandText stays the authority for what actually ran.
import type { Bridge, Command } from '../../engine/contract';
import { consoleError } from './command-store';
import type { DialogStore } from './dialog-store';

const BARE_SAFE = /^[\p{L}\p{N}_.:\\/+*?~=%!^-]+$/u;
const NUMBER_LIKE = /^[+-]?(0x[0-9a-f]+|\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(kb|mb|gb|tb|pb)?$/i;
const SIZES: [number, string][] = [[1024 ** 5, 'PB'], [1024 ** 4, 'TB'], [1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB']];

/** Parameters whose values are byte counts (written 4GB, 512MB). */
const BYTE_PARAMETERS = new Set(['StartupBytes', 'MinimumBytes', 'MaximumBytes', 'MemoryStartupBytes', 'MemoryMinimumBytes', 'MemoryMaximumBytes']);
/** Switch parameters: written bare when true. */
const SWITCHES = new Set(['IncludeStorage', 'Passthru', 'AsJob', 'DynamicMemory', 'StaticMemory']);

export function bytesText(n: number): string {
  for (const [size, unit] of SIZES) if (n !== 0 && Math.abs(n) >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}

export function argumentText(s: string): string {
  if (BARE_SAFE.test(s) && !s.startsWith('-') && !NUMBER_LIKE.test(s)) return s;
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

export function commandText(command: Command): string {
  const parts = [command.cmdlet];
  for (const [name, value] of Object.entries(command.params)) {
    if (value === undefined) continue;
    if (SWITCHES.has(name)) {
      parts.push(value === true ? `-${name}` : `-${name}:$false`);
    } else if (typeof value === 'boolean') {
      parts.push(`-${name} ${value ? '$true' : '$false'}`);
    } else if (typeof value === 'number') {
      parts.push(`-${name} ${BYTE_PARAMETERS.has(name) ? bytesText(value) : String(value)}`);
    } else if (Array.isArray(value)) {
      parts.push(`-${name} ${value.map((v) => argumentText(String(v))).join(',')}`);
    } else {
      parts.push(`-${name} ${argumentText(String(value))}`);
    }
  }
  return parts.join(' ');
}

export function scriptText(commands: readonly Command[]): string {
  return commands.map(commandText).join('\n');
}

/**
 * What OK and Apply do in a settings dialog: the commands one at a time, stopping at the first
 * refusal, which is shown with the command that caused it. Earlier commands stay applied, as in
 * Windows. Returns whether all were applied.
 */
export async function applyInOrder(
  bridge: Pick<Bridge, 'invoke'>,
  dialogs: Pick<DialogStore, 'show'>,
  commands: readonly Command[],
  error: { title: string; intro: string },
): Promise<boolean> {
  for (const command of commands) {
    const result = await bridge.invoke(command);
    if (!result.ok) {
      dialogs.show({ kind: 'error', title: error.title, intro: error.intro, error: consoleError(result.error), commandText: commandText(command) });
      return false;
    }
  }
  return true;
}
