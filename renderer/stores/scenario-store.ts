// The File menu's state: the scenario's name and unsaved mark (shown in the title), the recent
// list and the data folder's scenarios, and the flows that end as 'scenario' requests through the
// bridge. Replacing a datacenter with unsaved changes asks Save / Don't Save / Cancel first (the
// door refuses otherwise); the dialogs themselves are renderer/views/scenarios/ScenarioDialogs.tsx.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type {
  Bridge,
  ContractError,
  EngineEvent,
  Result,
  ScenarioAction,
  ScenarioDownload,
  ScenarioResult,
  ScenarioStatus,
  ScenarioTemplate,
} from '../../engine/contract';
import type { DialogStore } from './dialog-store';

export const APP_TITLE = 'Hyper-V Mobility Lab';
/** The contract's GENERATED_LIMITS (the renderer imports engine types only; a test keeps them equal). */
export const GENERATED_LIMITS = { hosts: { min: 2, max: 1000 }, vms: { min: 0, max: 10_000 } } as const;
/** The contract's SCENARIO_UPLOAD_MAX_CHARS: an upload travels in one WebSocket message. */
export const UPLOAD_MAX_CHARS = 900 * 1024;

/** The dialog of the File menu on screen, if any. */
export type ScenarioDialog =
  { kind: 'new' } | { kind: 'open' } | { kind: 'saveAs'; then?: () => void } | { kind: 'saveChanges'; name: string; then: () => void };

export interface ScenarioStoreDeps {
  bridge: Pick<Bridge, 'scenario'>;
  dialogs: DialogStore;
  /** The door replaced the world, jobs, log and clock: refetch what the console shows. */
  onWorldReplaced?: () => void;
  /** Starts a file download (browser); a test passes a recorder. */
  download?: (fileName: string, text: string) => void;
}

export class ScenarioStore {
  status: ScenarioStatus | undefined = undefined;
  dialog: ScenarioDialog | undefined = undefined;
  busy = false;

  constructor(private readonly deps: ScenarioStoreDeps) {
    makeObservable<ScenarioStore, 'setStatus'>(this, {
      status: observable.ref,
      dialog: observable.ref,
      busy: observable,
      setStatus: action,
      apply: action,
      closeDialog: action,
      showNew: action,
      title: computed,
      dirty: computed,
    });
  }

  get available(): boolean {
    return typeof this.deps.bridge.scenario === 'function';
  }

  get dirty(): boolean {
    return (this.status?.dirty ?? false) && !this.status?.lab;
  }

  /** "Rack A* - Hyper-V Mobility Lab": the scenario, its unsaved mark, the app (Windows' order). */
  get title(): string {
    const s = this.status;
    if (!s) return APP_TITLE;
    if (s.lab) return `${s.lab.title} (lab) - ${APP_TITLE}`;
    return `${s.name}${s.dirty ? '*' : ''} - ${APP_TITLE}`;
  }

  async sync(): Promise<void> {
    const r = await this.request({ type: 'status' });
    if (r.ok) this.setStatus(r.value);
  }

  apply(event: Extract<EngineEvent, { type: 'scenario' }>): void {
    this.setStatus(event.status);
    if (event.worldReplaced) this.deps.onWorldReplaced?.();
  }

  closeDialog(): void {
    this.dialog = undefined;
  }

  // ── File menu ─────────────────────────────────────────────────────────────────────────────────

  /** File → New...: asks for the kind of datacenter (the dialog then calls create). */
  showNew(): void {
    this.dialog = { kind: 'new' };
  }

  /** Replaces the datacenter by a new one, after asking to save changes. */
  create(template: ScenarioTemplate, size?: { hosts: number; vms: number }): void {
    this.replacing((discardChanges) => void this.perform({ type: 'new', template, ...(size ?? {}), discardChanges }, 'create the new datacenter'));
  }

  /** File → Open...: the desktop's native dialog, or the data folder's list (browser). */
  showOpen(): void {
    if (this.status?.nativeDialogs) this.replacing((discardChanges) => void this.perform({ type: 'open', discardChanges }, 'open the scenario'));
    else runInAction(() => (this.dialog = { kind: 'open' }));
  }

  /** Opens a scenario of the data folder (from the Open dialog, whose choice is already made). */
  open(name: string): void {
    this.replacing((discardChanges) => void this.perform({ type: 'open', name, discardChanges }, 'open the scenario'));
  }

  openRecent(key: string): void {
    this.replacing((discardChanges) => void this.perform({ type: 'openRecent', key, discardChanges }, 'open the scenario'));
  }

  /** Opens a scenario file picked on this computer (browser upload). */
  openFile(fileName: string, text: string): void {
    this.replacing((discardChanges) => void this.perform({ type: 'openText', fileName, text, discardChanges }, 'open the scenario'));
  }

  /** File → Save: where it came from; a scenario never saved goes through Save As. */
  async save(then?: () => void): Promise<void> {
    if (this.status?.location === 'none' && !this.status.nativeDialogs) {
      runInAction(() => (this.dialog = { kind: 'saveAs', ...(then ? { then } : {}) }));
      return;
    }
    const r = await this.perform({ type: 'save' }, 'save the scenario');
    if (r) then?.();
  }

  /** File → Save As...: the desktop's native dialog, or a name in the data folder (browser). */
  async showSaveAs(then?: () => void): Promise<void> {
    if (this.status?.nativeDialogs) {
      const r = await this.perform({ type: 'saveAs' }, 'save the scenario');
      if (r) then?.();
      return;
    }
    runInAction(() => (this.dialog = { kind: 'saveAs', ...(then ? { then } : {}) }));
  }

  /**
   * Saves under a name in the data folder. An existing scenario of that name is replaced only
   * after "… already exists. Do you want to replace it?" (Windows' Save As wording).
   */
  async saveAs(name: string, overwrite = false): Promise<Result<ScenarioStatus>> {
    const then = this.dialog?.kind === 'saveAs' ? this.dialog.then : undefined;
    const r = await this.request({ type: 'saveAs', name, overwrite });
    if (r.ok) {
      runInAction(() => {
        this.setStatus(r.value);
        this.dialog = undefined;
      });
      then?.();
    } else if (r.error.parameter === 'overwrite') {
      this.deps.dialogs.show({
        kind: 'confirm',
        title: 'Confirm Save As',
        message: `${name}.hvlab.json already exists.`,
        detail: 'Do you want to replace it?',
        confirmLabel: 'Yes',
        cancelLabel: 'No',
        onConfirm: () => void this.saveAs(name, true),
      });
    }
    return r;
  }

  /** File → Revert to Saved: asks first, since every change since the last save is lost. */
  revert(): void {
    const s = this.status;
    if (!s) return;
    const run = () => void this.perform({ type: 'revert' }, 'revert the scenario');
    if (!s.dirty) run();
    else {
      this.deps.dialogs.show({
        kind: 'confirm',
        title: 'Revert to Saved',
        message: `Revert to the saved version of ${s.name}?`,
        detail: 'Every change since you last saved it — moves, settings, jobs and events — is lost.',
        confirmLabel: 'Revert',
        onConfirm: run,
      });
    }
  }

  /** Downloads the datacenter as a scenario file (browser). */
  async download(): Promise<ScenarioDownload | undefined> {
    const r = await this.perform({ type: 'download' }, 'download the scenario');
    if (r) this.deps.download?.(r.fileName, r.text);
    return r;
  }

  /** The Save changes prompt's answer. */
  answerSaveChanges(choice: 'save' | 'discard' | 'cancel'): void {
    const d = this.dialog;
    if (d?.kind !== 'saveChanges') return;
    runInAction(() => (this.dialog = undefined));
    if (choice === 'discard') d.then();
    else if (choice === 'save') void this.save(d.then);
  }

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Runs `go` once the user's changes are safe: at once when there are none; otherwise after the
   * Save / Don't Save / Cancel prompt (Save saves first; Don't Save discards).
   */
  private replacing(go: (discardChanges: boolean) => void): void {
    if (!this.dirty) {
      go(false);
      return;
    }
    runInAction(() => (this.dialog = { kind: 'saveChanges', name: this.status!.name, then: () => go(true) }));
  }

  /** A request whose answer is the new status; a failure is shown as the console's error dialog. */
  private async perform<A extends ScenarioAction>(a: A, what: string): Promise<ScenarioResult<A> | undefined> {
    const r = await this.request(a);
    if (!r.ok) {
      if (r.error.message !== 'Cancelled.') {
        this.deps.dialogs.show({ kind: 'error', title: APP_TITLE, intro: `An error occurred while attempting to ${what}.`, error: r.error });
      }
      return undefined;
    }
    if (a.type !== 'download') this.setStatus(r.value as ScenarioStatus);
    return r.value;
  }

  private async request<A extends ScenarioAction>(a: A): Promise<Result<ScenarioResult<A>>> {
    const bridge = this.deps.bridge;
    if (!bridge.scenario) return { ok: false, error: unavailable };
    runInAction(() => (this.busy = true));
    try {
      return await bridge.scenario(a);
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  private setStatus(status: ScenarioStatus): void {
    this.status = status;
  }
}

const unavailable: ContractError = { code: 'Internal', message: 'This console is connected through a door that does not offer scenarios.' };
