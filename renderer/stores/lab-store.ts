// The Labs pane's state: the list of labs with the learner's standing, the lab on display, and the
// actions (start, hints, Check, reset, quit, import, export, report) sent to the door through the
// bridge's lab(). The door decides everything; this store shows its answers and its 'lab' events.
// Whether the pane is open, its width and the lab on display survive reloads (localStorage); the
// progress itself lives in the door (SettingsStore), so a reload shows it again.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import { readRemembered, rememberWith } from './remembered';
import type {
  Bridge,
  ContractError,
  EngineEvent,
  LabAction,
  LabExport,
  LabHintView,
  LabListItem,
  LabReport,
  LabResult,
  LabResultDownload,
  LabView,
  Result,
} from '../../engine/contract';
import { LAB_PACK_LIMITS, sizeText, utf8Bytes } from '../../engine/common/lab-limits';
import type { ClockStore } from './clock-store';
import type { DialogStore } from './dialog-store';

export const LABS_WIDTH = { min: 300, max: 760, default: 440 };

const STORAGE_KEY = 'hvlab.labs.v1';
/** The contract's limit for the learner's name on a report. */
export const LEARNER_MAX = 120;

interface Persisted {
  open?: boolean;
  width?: number;
  selected?: string | null;
  learner?: string;
}

export type ImportOutcome = { ok: true; fileName: string; lab: LabListItem } | { ok: false; fileName: string; error: ContractError };

export interface LabStoreDeps {
  bridge: Pick<Bridge, 'lab'>;
  dialogs: DialogStore;
  clock: ClockStore;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** The door replaced the world, jobs and event log with a lab's: refetch what the console shows. */
  onWorldReplaced?: () => void;
  /** The user's scenario, named in the question before a lab keeps it aside. */
  scenarioName?: () => string | undefined;
}

export const LAB_STATUS_TEXT: Record<LabListItem['status'], string> = {
  NotStarted: 'Not started',
  InProgress: 'In progress',
  Completed: 'Completed',
};

export class LabStore {
  open = false;
  width = LABS_WIDTH.default;
  labs: LabListItem[] = [];
  activeLabId: string | null = null;
  /** The lab on display; null: the list. */
  selectedId: string | null = null;
  view: LabView | undefined = undefined;
  loaded = false;
  /** The action in flight, if any (buttons are disabled meanwhile). */
  busy: LabAction['type'] | undefined = undefined;
  /** Why the last action failed (shown in the pane). */
  error: ContractError | undefined = undefined;
  lastImport: ImportOutcome | undefined = undefined;
  /** Bumped to ask the pane to open its file picker (Labs menu → Import). */
  importRequest = 0;
  /** Set to ask the pane to move focus into itself once it is on screen (menu, toolbar). */
  focusPending = false;
  /** The learner's name for the report (remembered on this computer). */
  learner = '';
  private readonly disposers: (() => void)[] = [];
  private firstSync = true;

  constructor(private readonly deps: LabStoreDeps) {
    const saved = readRemembered<Persisted>(deps.storage, STORAGE_KEY);
    if (typeof saved.open === 'boolean') this.open = saved.open;
    if (typeof saved.width === 'number' && Number.isFinite(saved.width)) this.width = clampWidth(saved.width);
    if (typeof saved.selected === 'string') this.selectedId = saved.selected;
    if (typeof saved.learner === 'string') this.learner = saved.learner.slice(0, LEARNER_MAX);
    makeObservable<LabStore, 'setView' | 'setListing'>(this, {
      open: observable,
      width: observable,
      labs: observable.ref,
      activeLabId: observable,
      selectedId: observable,
      view: observable.ref,
      loaded: observable,
      busy: observable,
      error: observable.ref,
      lastImport: observable.ref,
      importRequest: observable,
      focusPending: observable,
      learner: observable,
      setLearner: action,
      focusTaken: action,
      setOpen: action,
      show: action,
      toggle: action,
      setWidth: action,
      select: action,
      back: action,
      apply: action,
      requestImport: action,
      dismissImport: action,
      setView: action,
      setListing: action,
      selectedItem: computed,
      activeLab: computed,
      timeLeftMs: computed,
      elapsedMs: computed,
    });
    this.disposers.push(
      rememberWith(
        this.deps.storage,
        STORAGE_KEY,
        () => ({ open: this.open, width: this.width, selected: this.selectedId, learner: this.learner }) satisfies Persisted,
      ),
    );
  }

  get available(): boolean {
    return typeof this.deps.bridge.lab === 'function';
  }

  get selectedItem(): LabListItem | undefined {
    return this.labs.find((l) => l.id === this.selectedId);
  }

  get activeLab(): LabListItem | undefined {
    return this.labs.find((l) => l.id === this.activeLabId);
  }

  /** Simulated ms left before the time limit of the lab on display, while it runs. */
  get timeLeftMs(): number | undefined {
    const v = this.view;
    if (!v || !v.summary.active || v.timeLimitMs === undefined || v.startedAt === undefined) return undefined;
    return v.startedAt + v.timeLimitMs - this.deps.clock.now;
  }

  /** Simulated ms since the lab on display started, while it runs. */
  get elapsedMs(): number | undefined {
    const v = this.view;
    if (!v || !v.summary.active || v.startedAt === undefined) return undefined;
    return Math.max(0, this.deps.clock.now - v.startedAt);
  }

  setLearner(name: string): void {
    this.learner = name.slice(0, LEARNER_MAX);
  }

  setOpen(open: boolean): void {
    this.open = open;
  }

  /** Opens the pane and moves focus into it (menu, toolbar). */
  show(): void {
    this.open = true;
    this.focusPending = true;
  }

  /** The pane moved focus into itself. */
  focusTaken(): void {
    this.focusPending = false;
  }

  toggle(): void {
    if (this.open) this.open = false;
    else this.show();
  }

  setWidth(px: number): void {
    this.width = Math.round(clampWidth(px));
  }

  requestImport(): void {
    this.show();
    this.importRequest += 1;
  }

  dismissImport(): void {
    this.lastImport = undefined;
  }

  /** Loads the list (at connect and after a reconnect); the first time, reopens the running lab. */
  async sync(): Promise<void> {
    const r = await this.call({ type: 'list' }, { quiet: true });
    if (!r) return;
    runInAction(() => {
      this.setListing(r.labs, r.activeLabId);
      this.loaded = true;
      // A restarted console reopens the lab the learner was doing.
      if (this.firstSync && r.activeLabId) {
        this.open = true;
        if (!this.selectedId) this.selectedId = r.activeLabId;
      }
      this.firstSync = false;
      if (this.selectedId && !r.labs.some((l) => l.id === this.selectedId)) this.selectedId = null;
    });
    if (this.selectedId) await this.loadView(this.selectedId);
  }

  select(id: string): void {
    this.selectedId = id;
    if (this.view?.summary.id !== id) this.view = undefined;
    this.error = undefined;
    void this.loadView(id);
  }

  back(): void {
    this.selectedId = null;
    this.view = undefined;
    this.error = undefined;
  }

  /**
   * Start (or start over) the lab on display. Always asks first: the lab's datacenter takes the
   * console's place, and the user's own datacenter is kept aside until Leave lab (or, from another
   * lab, that lab's datacenter is discarded).
   */
  start(id: string): void {
    const item = this.labs.find((l) => l.id === id);
    const title = item?.title ?? id;
    const other = this.activeLab && this.activeLab.id !== id ? this.activeLab : undefined;
    const run = () => void this.perform({ type: 'start', labId: id });
    const again = item && !item.active && item.status !== 'NotStarted';
    if (other) {
      this.deps.dialogs.show({
        kind: 'confirm',
        title: 'Start lab',
        message: `Start “${title}”? The lab you are doing, “${other.title}”, ends, and its datacenter is replaced by this lab's.`,
        detail: 'Your own datacenter stays kept aside and comes back when you leave the lab. Your progress and best score in every lab are kept.',
        confirmLabel: 'Start lab',
        onConfirm: run,
      });
      return;
    }
    const name = this.deps.scenarioName?.();
    this.deps.dialogs.show({
      kind: 'confirm',
      title: again ? 'Start lab again' : 'Start lab',
      message: `Start “${title}”${again ? ' again from the beginning' : ''}? The lab's datacenter takes the place of ${name ? `“${name}”` : 'your datacenter'} in the console.`,
      detail: `${name ? `“${name}”` : 'Your datacenter'} is kept aside — its VMs, jobs, event log and clock — and comes back exactly as it is now when you choose Leave lab.${again ? ' Results of your last attempt are cleared; hints you took stay taken. Your best score is kept.' : ''}`,
      confirmLabel: again ? 'Start again' : 'Start lab',
      onConfirm: run,
    });
  }

  /** Reveals a hint after the learner confirms its cost. */
  takeHint(hint: LabHintView): void {
    if (hint.taken) return;
    this.deps.dialogs.show({
      kind: 'confirm',
      title: 'Show hint',
      message: `Show this hint? It takes ${hint.costPoints} point${hint.costPoints === 1 ? '' : 's'} off your score.`,
      confirmLabel: `Show hint (−${hint.costPoints})`,
      onConfirm: () => void this.perform({ type: 'hint', hintId: hint.id }),
    });
  }

  check(): Promise<LabView | undefined> {
    return this.perform({ type: 'check' });
  }

  /** Starts the running lab over, after confirmation. */
  reset(): void {
    const lab = this.activeLab;
    if (!lab) return;
    this.deps.dialogs.show({
      kind: 'confirm',
      title: 'Reset lab',
      message: `Reset “${lab.title}”? The lab's datacenter goes back to its starting state: your moves, jobs and event log in the lab are lost, and results are cleared.`,
      detail: 'Hints you took stay taken (and keep their cost). Your best score is kept.',
      confirmLabel: 'Reset lab',
      onConfirm: () => void this.perform({ type: 'reset' }),
    });
  }

  /** Leave lab, after confirmation: the user's datacenter kept aside comes back. */
  leave(): void {
    const lab = this.activeLab;
    if (!lab) return;
    const name = this.deps.scenarioName?.();
    this.deps.dialogs.show({
      kind: 'confirm',
      title: 'Leave lab',
      message: `Leave “${lab.title}”? ${name ? `“${name}”` : 'Your datacenter'} comes back exactly as it was when you started the lab.`,
      detail: "The lab's datacenter is discarded. Your progress, hints and best score in the lab are kept.",
      confirmLabel: 'Leave lab',
      onConfirm: () => void this.quit(),
    });
  }

  async quit(): Promise<void> {
    const r = await this.call({ type: 'quit' });
    if (r) this.setListing(r.labs, r.activeLabId);
    if (this.selectedId) await this.loadView(this.selectedId);
  }

  /**
   * Reads a picked file and sends it to the door, unless it is over the pack size limit (checked
   * before reading, so a huge file is never loaded); the outcome is kept for the pane to show.
   */
  async importFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<ImportOutcome> {
    if (file.size > LAB_PACK_LIMITS.packBytes) return this.refuseImport(file.name, file.size);
    return this.importPack(file.name, await file.text());
  }

  /** Sends a pack's JSON text to the door; the outcome is kept for the pane to show. */
  async importPack(fileName: string, text: string): Promise<ImportOutcome> {
    const bytes = utf8Bytes(text);
    if (bytes > LAB_PACK_LIMITS.packBytes) return this.refuseImport(fileName, bytes);
    runInAction(() => (this.busy = 'import'));
    const r = await this.bridgeCall({ type: 'import', packJson: text });
    const outcome: ImportOutcome = r.ok ? { ok: true, fileName, lab: r.value } : { ok: false, fileName, error: r.error };
    runInAction(() => {
      this.busy = undefined;
      this.lastImport = outcome;
    });
    return outcome;
  }

  private refuseImport(fileName: string, bytes: number): ImportOutcome {
    const outcome: ImportOutcome = {
      ok: false,
      fileName,
      error: {
        code: 'InvalidParameter',
        message: `The file is ${sizeText(bytes)}; a lab pack may be at most ${sizeText(LAB_PACK_LIMITS.packBytes)}.`,
        parameter: 'packJson',
        fix: 'Pick the lab pack file (.json) itself; a pack that big is not one.',
      },
    };
    runInAction(() => (this.lastImport = outcome));
    return outcome;
  }

  /** Forgets an imported lab after the learner confirms. */
  remove(id: string): void {
    const lab = this.labs.find((l) => l.id === id);
    if (!lab || lab.source !== 'imported') return;
    this.deps.dialogs.show({
      kind: 'confirm',
      title: 'Remove lab',
      message: `Remove the imported lab “${lab.title}” from this console? Your progress and best score in it are removed too.`,
      detail: 'Import its pack file again to get it back.',
      confirmLabel: 'Remove lab',
      onConfirm: () => void this.removeNow(id),
    });
  }

  private async removeNow(id: string): Promise<void> {
    const r = await this.call({ type: 'remove', labId: id });
    if (!r) return;
    runInAction(() => {
      this.setListing(r.labs, r.activeLabId);
      if (this.selectedId === id) this.back();
    });
  }

  exportPack(id: string): Promise<LabExport | undefined> {
    return this.call({ type: 'export', labId: id });
  }

  /** The result report, with the learner's name on it. */
  report(id?: string, learner?: string): Promise<LabReport | undefined> {
    const name = learner?.trim();
    return this.call({ type: 'report', ...(id ? { labId: id } : {}), ...(name ? { learner: name } : {}) });
  }

  /** The attempt as a result file a trainer regrades (`hvlab lab grade`), with the learner's name in it. */
  resultFile(id: string, learner: string): Promise<LabResultDownload | undefined> {
    return this.call({ type: 'result', labId: id, learner: learner.trim() });
  }

  /** A 'lab' event from the door. */
  apply(event: Extract<EngineEvent, { type: 'lab' }>): void {
    this.setListing(event.listing.labs, event.listing.activeLabId);
    if (event.view && event.view.summary.id === this.selectedId) this.setView(event.view);
    else if (this.selectedId && this.loaded && !event.listing.labs.some((l) => l.id === this.selectedId)) this.back(); // removed elsewhere
    if (event.worldReplaced) this.deps.onWorldReplaced?.();
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private async loadView(id: string): Promise<void> {
    const r = await this.call({ type: 'show', labId: id }, { quiet: true });
    runInAction(() => {
      if (r && this.selectedId === id) this.setView(r);
      else if (!r && this.selectedId === id) this.selectedId = null;
    });
  }

  /** A lab action that answers with the lab's view. */
  private async perform(a: Extract<LabAction, { type: 'start' | 'hint' | 'check' | 'reset' }>): Promise<LabView | undefined> {
    const view = await this.call(a);
    if (view) {
      runInAction(() => {
        this.selectedId = view.summary.id;
        this.setView(view);
      });
    }
    return view;
  }

  private async call<A extends LabAction>(a: A, options: { quiet?: boolean } = {}): Promise<LabResult<A> | undefined> {
    runInAction(() => {
      this.busy = a.type;
      if (!options.quiet) this.error = undefined;
    });
    const r = await this.bridgeCall(a);
    runInAction(() => {
      this.busy = undefined;
      if (!r.ok && !options.quiet) this.error = r.error;
    });
    return r.ok ? r.value : undefined;
  }

  private bridgeCall<A extends LabAction>(a: A): Promise<Result<LabResult<A>>> {
    const bridge = this.deps.bridge;
    if (!bridge.lab)
      return Promise.resolve({ ok: false, error: { code: 'Internal', message: 'This console is connected through a door that does not offer labs.' } });
    return bridge.lab(a);
  }

  private setView(view: LabView): void {
    this.view = view;
  }

  private setListing(labs: LabListItem[], activeLabId: string | null): void {
    this.labs = labs;
    this.activeLabId = activeLabId;
  }
}

function clampWidth(px: number): number {
  return Math.min(LABS_WIDTH.max, Math.max(LABS_WIDTH.min, px));
}
