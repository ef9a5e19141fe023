// Which power actions a virtual machine accepts in which state, once for the engine (Start-VM,
// Stop-VM, Save-VM, Suspend-VM, Resume-VM refuse by it) and the console (the Actions pane and
// context menu list exactly the actions it allows, as Hyper-V Manager does). The states are
// 2012 R2's (Msvm_ComputerSystem EnabledState as Get-VM prints it: Microsoft Learn, "Get-VM",
// VMState enumeration). In this simulation a power change takes no simulated time, so the
// transitional states (Starting, Stopping) appear only when a world file sets them; Saving,
// Pausing and Resuming never occur and are not modelled.
//
// Rules (Microsoft Learn, "Stop-VM", "Save-VM", "Suspend-VM", "Resume-VM" for Windows Server 2012
// R2; Hyper-V Manager's Action pane): a paused VM is resumed (not started) and cannot be shut down
// (its guest is not running to answer the shutdown request: turn it off or resume it); only a
// running or paused VM can be saved or paused; Turn Off works from every state but Off, and on
// a saved VM discards its saved state (Hyper-V Manager's "Delete Saved State"). Refusing Start
// on a paused VM and Shut Down on a paused VM is *unconfirmed* (the lab's reading of the cmdlets'
// descriptions); so are the texts, kept in engine/operations/parameters.ts.

export type PowerState = 'Running' | 'Off' | 'Saved' | 'Paused' | 'Starting' | 'Stopping';
export type PowerAction = 'Start' | 'ShutDown' | 'TurnOff' | 'Save' | 'Pause' | 'Resume';

export type PowerVerdict =
  /** The VM goes to this state. */
  | { kind: 'change'; to: PowerState }
  /** PowerShell writes a warning that the VM is already there, and changes nothing. */
  | { kind: 'already' }
  /** Refused: the action is not valid in this state; `instead` names the action that is, if any. */
  | { kind: 'refuse'; instead?: PowerAction };

const change = (to: PowerState): PowerVerdict => ({ kind: 'change', to });
const already: PowerVerdict = { kind: 'already' };
const refuse = (instead?: PowerAction): PowerVerdict => (instead ? { kind: 'refuse', instead } : { kind: 'refuse' });

const RULES: Record<PowerAction, Record<PowerState, PowerVerdict>> = {
  Start: { Off: change('Running'), Saved: change('Running'), Running: already, Paused: refuse('Resume'), Starting: already, Stopping: refuse() },
  ShutDown: { Running: change('Off'), Off: already, Saved: already, Paused: refuse('TurnOff'), Starting: refuse('TurnOff'), Stopping: already },
  TurnOff: { Running: change('Off'), Paused: change('Off'), Saved: change('Off'), Starting: change('Off'), Stopping: change('Off'), Off: already },
  Save: { Running: change('Saved'), Paused: change('Saved'), Saved: already, Off: refuse(), Starting: refuse(), Stopping: refuse() },
  Pause: { Running: change('Paused'), Paused: already, Off: refuse(), Saved: refuse(), Starting: refuse(), Stopping: refuse() },
  Resume: { Paused: change('Running'), Running: already, Off: refuse('Start'), Saved: refuse('Start'), Starting: refuse(), Stopping: refuse() },
};

export function powerVerdict(state: PowerState, action: PowerAction): PowerVerdict {
  return RULES[action][state];
}

/** True when the action would change the VM's state (what the console offers). */
export function powerActionValid(state: PowerState, action: PowerAction): boolean {
  return RULES[action][state].kind === 'change';
}

/** The cmdlet that performs each action (what the console sends and the fixes name). */
export const POWER_COMMAND: Record<PowerAction, { cmdlet: string; switch?: 'TurnOff' | 'Save' }> = {
  Start: { cmdlet: 'Start-VM' },
  ShutDown: { cmdlet: 'Stop-VM' },
  TurnOff: { cmdlet: 'Stop-VM', switch: 'TurnOff' },
  Save: { cmdlet: 'Save-VM' },
  Pause: { cmdlet: 'Suspend-VM' },
  Resume: { cmdlet: 'Resume-VM' },
};

/** "Stop-VM -TurnOff" for fixes. */
export function powerCommandText(action: PowerAction): string {
  const c = POWER_COMMAND[action];
  return c.switch ? `${c.cmdlet} -${c.switch}` : c.cmdlet;
}
