// The "Select Folder" dialog behind every Browse... button: a tree over one computer's volumes and
// the shares it can reach, filled lazily from the engine's 'folders' query, plus the Folder: box.
// A folder made with "New Folder" exists only here until a move or setting puts files in it (the
// simulation tracks files, not empty folders — engine/queries/folder-listing.ts).
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, FolderEntry } from '../../engine/contract';
import { cleanFolder, folderProblem, samePath } from './wizard-paths';

export interface FolderNode {
  name: string;
  path: string;
  kind: FolderEntry['kind'];
  level: number;
  freeBytes?: number;
  capacityBytes?: number;
  /** Undefined until listed. */
  children: FolderNode[] | undefined;
  expanded: boolean;
  loading: boolean;
  error?: string;
  /** Made with New Folder; not on disk yet. */
  isNew?: boolean;
  parent?: FolderNode;
}

export class FolderBrowserStore {
  roots: FolderNode[] | undefined = undefined;
  loadError: string | undefined = undefined;
  selected: FolderNode | undefined = undefined;
  folderText: string;
  /** Set by OK when the box holds no full path; cleared by the next edit. */
  private refused: string | undefined = undefined;
  /** The user has chosen or typed something: opening the tree must not overwrite it. */
  private edited = false;

  constructor(
    private readonly bridge: Pick<Bridge, 'query'>,
    readonly host: string,
    initialFolder: string,
  ) {
    this.folderText = initialFolder;
    makeObservable<FolderBrowserStore, 'listInto' | 'refused'>(this, {
      roots: observable.ref,
      loadError: observable,
      selected: observable.ref,
      folderText: observable,
      refused: observable,
      problem: computed,
      canAccept: computed,
      visible: computed,
      select: action,
      setFolderText: action,
      toggle: action,
      newFolder: action,
      listInto: action,
    });
  }

  /** Loads the volumes and shares, then opens the tree down to the folder the box started with. */
  async load(): Promise<void> {
    const result = await this.bridge.query({ name: 'folders', host: this.host });
    if (!result.ok) {
      runInAction(() => {
        this.loadError = result.error.message;
      });
      return;
    }
    runInAction(() => {
      this.roots = result.value.entries.map((e) => node(e, 1));
    });
    await this.reveal(this.folderText);
  }

  /** Rows in display order: what the tree shows and what the arrow keys walk. */
  get visible(): FolderNode[] {
    const out: FolderNode[] = [];
    const walk = (nodes: readonly FolderNode[]) => {
      for (const n of nodes) {
        out.push(n);
        if (n.expanded && n.children) walk(n.children);
      }
    };
    walk(this.roots ?? []);
    return out;
  }

  select(n: FolderNode): void {
    this.selected = n;
    this.folderText = n.path;
    this.refused = undefined;
    this.edited = true;
  }

  setFolderText(text: string): void {
    this.folderText = text;
    this.refused = undefined;
    this.edited = true;
  }

  async toggle(n: FolderNode): Promise<void> {
    if (n.expanded) {
      n.expanded = false;
      // Collapsing the branch that holds the selection selects the branch, as Explorer does.
      if (this.selected && this.selected !== n && isDescendant(this.selected, n)) this.select(n);
      return;
    }
    await this.expand(n);
  }

  async expand(n: FolderNode): Promise<void> {
    const listed = runInAction(() => {
      n.expanded = true;
      if (n.children !== undefined || n.loading) return true;
      n.loading = true;
      return false;
    });
    if (listed) return;
    const result = await this.bridge.query({ name: 'folders', host: this.host, path: n.path });
    this.listInto(n, result.ok ? result.value.entries : undefined, result.ok ? undefined : result.error.message);
  }

  private listInto(n: FolderNode, entries: FolderEntry[] | undefined, error: string | undefined): void {
    n.loading = false;
    const made = (n.children ?? []).filter((c) => c.isNew);
    n.children = [...(entries ?? []).map((e) => node(e, n.level + 1, n)), ...made];
    if (error) n.error = error;
  }

  /** Adds "New folder" (or "New folder (2)") under the selected folder and selects it. */
  newFolder(): FolderNode | undefined {
    const parent = this.selected;
    if (!parent) return undefined;
    parent.expanded = true;
    const siblings = parent.children ?? [];
    let name = 'New folder';
    for (let i = 2; siblings.some((s) => s.name.toLowerCase() === name.toLowerCase()); i++) name = `New folder (${i})`;
    const made: FolderNode = folderNode({
      name,
      path: parent.path.endsWith('\\') ? `${parent.path}${name}` : `${parent.path}\\${name}`,
      kind: 'folder',
      level: parent.level + 1,
      children: [],
      expanded: false,
      loading: false,
      isNew: true,
      parent,
    });
    parent.children = [...siblings, made];
    this.select(made);
    return made;
  }

  /**
   * Shown under the Folder: box. A broken naming rule (too long, a reserved character or name) is
   * said as it is typed; a path that is not full yet, when OK is pressed.
   */
  get problem(): string | undefined {
    const p = folderProblem(this.folderText);
    return p?.kind === 'rule' ? p.message : this.refused;
  }

  /** OK stays disabled while the box is empty or breaks a naming rule. */
  get canAccept(): boolean {
    const p = folderProblem(this.folderText);
    return p === undefined || p.kind === 'incomplete';
  }

  /** The folder to hand back, or undefined (with `problem` set) when the box holds no usable path. */
  accept(): string | undefined {
    const problem = folderProblem(this.folderText);
    if (problem) {
      runInAction(() => {
        this.refused = problem.message;
      });
      return undefined;
    }
    return cleanFolder(this.folderText);
  }

  /** Expands the volume or share and the folders leading to `path`, selecting the deepest found. */
  private async reveal(path: string): Promise<void> {
    if (!path.trim() || folderProblem(path)) return;
    const target = cleanFolder(path).toLowerCase();
    let level = this.roots ?? [];
    for (;;) {
      const next = level.find(
        (n) => target === n.path.toLowerCase().replace(/\\$/, '') || target.startsWith(withSlash(n.path.toLowerCase())) || samePath(n.path, target),
      );
      if (!next || this.edited) return;
      runInAction(() => {
        this.selected = next;
      });
      if (samePath(next.path, target)) return;
      await this.expand(next);
      level = next.children ?? [];
    }
  }
}

/** Observable, with `children` replaced (never mutated) and `parent` kept as a plain reference. */
function folderNode(n: FolderNode): FolderNode {
  return observable(n, { children: observable.ref, parent: observable.ref }, { deep: false });
}

function node(e: FolderEntry, level: number, parent?: FolderNode): FolderNode {
  return folderNode({
    name: e.name,
    path: e.path,
    kind: e.kind,
    level,
    ...(e.freeBytes !== undefined ? { freeBytes: e.freeBytes } : {}),
    ...(e.capacityBytes !== undefined ? { capacityBytes: e.capacityBytes } : {}),
    children: undefined,
    expanded: false,
    loading: false,
    ...(parent ? { parent } : {}),
  });
}

function withSlash(p: string): string {
  return p.endsWith('\\') ? p : `${p}\\`;
}

function isDescendant(n: FolderNode, ancestor: FolderNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
