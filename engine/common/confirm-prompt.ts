// The question PowerShell asks before a cmdlet changes something (ShouldProcess with -Confirm, or
// a cmdlet of High ConfirmImpact), and how the console reads the answer typed on the next line.
// Shared by the engine (which decides when to ask, engine/cmdlets/should-process.ts) and the
// console (which shows the question and sends the answer back with the run it resumes).
// Texts as Windows PowerShell 4.0's console host writes them (Microsoft Learn "about_Preference_Variables",
// $ConfirmPreference; "Requesting Confirmation from Cmdlets").

export const CONFIRM_CAPTION = 'Confirm';
export const CONFIRM_CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):';
/** What `?` prints: the help of each choice. */
export const CONFIRM_HELP = [
  'Y - Continue with only the next step of the operation.',
  'A - Continue with all the steps of the operation.',
  'N - Skip this operation and proceed with the next operation.',
  'L - Skip this operation and all subsequent operations.',
  'S - Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
].join('\n');
/** S would open a nested prompt (>>) in PowerShell; this console has none. */
export const SUSPEND_UNAVAILABLE = 'This console cannot suspend a pipeline (S); answer Y, A, N or L.';

export const CONFIRM_ANSWERS = ['Yes', 'YesToAll', 'No', 'NoToAll'] as const;
export type ConfirmAnswer = (typeof CONFIRM_ANSWERS)[number];

/** A typed answer: Y/A/N/L (any case), Enter for the default (Yes); S, ? or anything else asks again. */
export function readConfirmAnswer(typed: string): ConfirmAnswer | 'Suspend' | 'Help' | undefined {
  const t = typed.trim().toLowerCase();
  if (t === '' || t === 'y') return 'Yes';
  if (t === 'a') return 'YesToAll';
  if (t === 'n') return 'No';
  if (t === 'l') return 'NoToAll';
  if (t === 's') return 'Suspend';
  if (t === '?') return 'Help';
  return undefined;
}
