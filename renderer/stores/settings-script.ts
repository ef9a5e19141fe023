// The "View script" text of a settings dialog: the commands OK will send, one per line, written as
// the engine writes commands (parameters in the order the dialog gives them, switches bare,
// booleans as $true/$false, sizes as 4GB when exact, strings bare when safe, else in single quotes)
// by the same value writer, engine/common/powershell-text.ts. The renderer has no cmdlet
// signatures, so the few switch and byte-count parameters the dialogs send are named here. The
// Move Wizard needs none of this: the engine's precheck returns its canonical text. The invoke
// answer's commandText stays the authority for what actually ran.
import type { Bridge, Command } from '../../engine/contract';
import { parameterText, type WrittenType } from '../../engine/common/powershell-text';
import { consoleError } from './command-store';
import type { DialogStore } from './dialog-store';

/** Parameters whose values are byte counts (written 4GB, 512MB). */
const BYTE_PARAMETERS = new Set(['StartupBytes', 'MinimumBytes', 'MaximumBytes', 'MemoryStartupBytes', 'MemoryMinimumBytes', 'MemoryMaximumBytes']);
/** Switch parameters: written bare when true. */
const SWITCHES = new Set([
  'IncludeStorage',
  'Passthru',
  'AsJob',
  'DynamicMemory',
  'StaticMemory',
  'Force',
  'ManagementOS',
  'Access',
  'Untagged',
  'EnableNumLock',
  'DisableNumLock',
]);

function writtenType(name: string): WrittenType | undefined {
  return SWITCHES.has(name) ? 'Switch' : BYTE_PARAMETERS.has(name) ? 'Bytes' : undefined;
}

export function commandText(command: Command): string {
  const parts: string[] = [command.cmdlet];
  for (const [name, value] of Object.entries(command.params)) {
    if (value !== undefined) parts.push(parameterText(writtenType(name), name, value));
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
  /** Told before each command is sent (its index), so a dialog can say which of them it is waiting for. */
  onSending?: (index: number) => void,
): Promise<boolean> {
  for (const [i, command] of commands.entries()) {
    onSending?.(i);
    const result = await bridge.invoke(command);
    if (!result.ok) {
      dialogs.show({ kind: 'error', title: error.title, intro: error.intro, error: consoleError(result.error), commandText: commandText(command) });
      return false;
    }
  }
  return true;
}
