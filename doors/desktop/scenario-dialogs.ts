// The desktop door's File menu: native Open and Save As dialogs (Electron's dialog module, passed
// in so the fakes of test/unit/desktop can stand for it), and the Save / Don't Save / Cancel prompt
// Windows applications show when a window with unsaved changes is closed. The renderer never sends
// a path: an open/saveAs without a name (and a Save of a scenario never saved) is answered here by
// asking the user, then handled by the ScenarioSession with the path they chose.
import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { ScenarioAction, type ContractError, type Response, type Result, type ScenarioStatus } from '../../engine/contract';
import { SCENARIO_EXTENSION } from '../../engine/persistence/scenario-file';
import { PRODUCT_NAME } from './app-identity';

export type DialogLike = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
/**
 * The scenario as the door reaches it: a ScenarioSession in this thread, or the engine's process
 * through EngineClient.scenarioSession() (status() from the last event; the rest answered later).
 */
export interface ScenarioSessionLike {
  status(): ScenarioStatus;
  openFile(path: string, discardChanges: boolean): Result<ScenarioStatus> | Promise<Result<ScenarioStatus>>;
  saveFileAs(path: string): Result<ScenarioStatus> | Promise<Result<ScenarioStatus>>;
  handle(action: ScenarioAction): Result<unknown> | Promise<Result<unknown>>;
}

const FILTERS = [
  { name: 'Hyper-V Mobility Lab scenarios', extensions: ['hvlab.json'] },
  { name: 'World files', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Asks for a scenario to open; undefined when the user cancelled. */
export async function chooseScenarioToOpen(dialog: DialogLike, window: BrowserWindow | undefined): Promise<string | undefined> {
  const options: OpenDialogOptions = { title: 'Open Scenario', filters: FILTERS, properties: ['openFile'] };
  const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return r.canceled ? undefined : r.filePaths[0];
}

/** Asks where to save the scenario; the file name ends in .hvlab.json. */
export async function chooseScenarioToSave(dialog: DialogLike, window: BrowserWindow | undefined, name: string): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title: 'Save Scenario As',
    defaultPath: `${name}${SCENARIO_EXTENSION}`,
    filters: FILTERS.slice(0, 1),
    properties: ['showOverwriteConfirmation'],
  };
  const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return undefined;
  return r.filePath.toLowerCase().endsWith(SCENARIO_EXTENSION) ? r.filePath : `${r.filePath.replace(/\.json$/i, '')}${SCENARIO_EXTENSION}`;
}

const CANCELLED: ContractError = { code: 'CommandRefused', message: 'Cancelled.', parameter: 'name' };

function scenarioAction(raw: unknown): ScenarioAction | undefined {
  if (typeof raw !== 'object' || raw === null || (raw as { kind?: unknown }).kind !== 'scenario') return undefined;
  const parsed = ScenarioAction.safeParse((raw as { action?: unknown }).action);
  return parsed.success ? parsed.data : undefined;
}

function answer(raw: unknown, result: Result<ScenarioStatus>): Response {
  const id = (raw as { id?: unknown }).id;
  return { kind: 'result', id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0, result };
}

export interface NativeScenarioOptions {
  dialog: DialogLike;
  window: () => BrowserWindow | undefined;
  scenarios: ScenarioSessionLike;
}

/**
 * Wraps the door's request handler: scenario requests that need a file the user has not chosen
 * yet show the native dialog first. Everything else passes through unchanged.
 */
export function withNativeScenarioDialogs<H extends { handle(raw: unknown): Response | Promise<Response> }>(
  handler: H,
  options: NativeScenarioOptions,
): { handle(raw: unknown): Response | Promise<Response> } {
  return {
    handle(raw) {
      const action = scenarioAction(raw);
      if (!action) return handler.handle(raw);
      const status = options.scenarios.status();
      // A running lab refuses File actions; let the session say so rather than show a dialog first.
      if (status.lab) return handler.handle(raw);
      if (action.type === 'open' && action.name === undefined) {
        return chooseScenarioToOpen(options.dialog, options.window()).then(async (path) =>
          answer(raw, path === undefined ? { ok: false, error: CANCELLED } : await options.scenarios.openFile(path, action.discardChanges ?? false)),
        );
      }
      if ((action.type === 'saveAs' && action.name === undefined) || (action.type === 'save' && status.location === 'none')) {
        return saveAs(options).then((result) => answer(raw, result));
      }
      return handler.handle(raw);
    },
  };
}

async function saveAs(options: NativeScenarioOptions): Promise<Result<ScenarioStatus>> {
  const path = await chooseScenarioToSave(options.dialog, options.window(), options.scenarios.status().name);
  return path === undefined ? { ok: false, error: CANCELLED } : options.scenarios.saveFileAs(path);
}

/** The prompt's buttons, in Windows' order and wording. */
export const SAVE_CHANGES_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

/**
 * "Do you want to save changes to <name>?" — Save (saves, or asks where for a scenario never
 * saved), Don't Save, Cancel. Resolves to what the user chose; a failed or cancelled save is
 * 'cancel' (the caller then changes nothing), and a failure is reported through onSaveFailed.
 */
export async function askToSaveChanges(
  options: NativeScenarioOptions & { onSaveFailed?: (error: ContractError) => void },
): Promise<'saved' | 'discard' | 'cancel'> {
  const status = options.scenarios.status();
  const box: MessageBoxOptions = {
    type: 'warning',
    title: PRODUCT_NAME,
    message: `Do you want to save changes to ${status.name}?`,
    buttons: [...SAVE_CHANGES_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const win = options.window();
  const { response } = win ? await options.dialog.showMessageBox(win, box) : await options.dialog.showMessageBox(box);
  if (response === 1) return 'discard';
  if (response !== 0) return 'cancel';
  const saved = status.location === 'none' ? await saveAs(options) : await options.scenarios.handle({ type: 'save' });
  if (saved.ok) return 'saved';
  if (saved.error !== CANCELLED) options.onSaveFailed?.(saved.error);
  return 'cancel';
}

/**
 * Asks before the window closes (the close button, Alt+F4, File → Exit, app.quit() — Electron
 * closes the windows before it quits, so preventing 'close' also stops the quit) when the
 * scenario has unsaved changes. During a lab nothing is asked: the user's datacenter is kept aside
 * on disk and comes back when they leave the lab, after a restart too. Returns the remover.
 */
export function guardUnsavedClose(
  window: Pick<BrowserWindow, 'on' | 'removeListener' | 'close'>,
  options: NativeScenarioOptions & { onSaveFailed?: (error: ContractError) => void },
): () => void {
  let allowed = false;
  let asking = false;
  const onClose = (event: { preventDefault(): void }) => {
    if (allowed) return;
    const status = options.scenarios.status();
    if (!status.dirty || status.lab) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void askToSaveChanges(options).then((choice) => {
      asking = false;
      if (choice === 'cancel') return;
      allowed = true;
      window.close();
    });
  };
  window.on('close', onClose);
  return () => window.removeListener('close', onClose);
}

/** File → Recent on the desktop: asks to save changes first, then opens the entry. */
export async function openRecentScenario(
  key: string,
  options: NativeScenarioOptions & { onSaveFailed?: (error: ContractError) => void },
): Promise<Result<ScenarioStatus>> {
  const status = options.scenarios.status();
  if (status.dirty && !status.lab) {
    const choice = await askToSaveChanges(options);
    if (choice === 'cancel') return { ok: false, error: CANCELLED };
  }
  return (await options.scenarios.handle({ type: 'openRecent', key, discardChanges: true })) as Result<ScenarioStatus>;
}
