// A VM's checkpoint tree, read the same way by the engine (Checkpoint-VM, Restore-VMSnapshot,
// Remove-VMSnapshot) and the Checkpoints pane. Each checkpoint names its parent; the VM names the
// checkpoint its running state descends from (Hyper-V's ParentSnapshotId: the "Now" marker sits
// under it). Applying a checkpoint moves "Now" under it; a new checkpoint becomes a child of the
// current one; deleting one re-parents its children to its parent (Microsoft Learn, "Using
// checkpoints to revert virtual machines to a previous state", Hyper-V in Windows Server 2012 R2).
//
// A world written before the VM recorded its parent checkpoint (`parentSnapshotId` absent) runs
// from its newest checkpoint, which is what a chain of checkpoints gives; `null` means the VM
// runs from no checkpoint (all of them deleted, or none ever taken).

export interface CheckpointLike {
  id: string;
  name: string;
  createdAt: number;
  parentId?: string | undefined;
}

export interface CheckpointOwner<C extends CheckpointLike = CheckpointLike> {
  checkpoints: readonly C[];
  parentSnapshotId?: string | null | undefined;
}

/** The checkpoint the VM's current state descends from, if any. */
export function currentCheckpoint<C extends CheckpointLike>(vm: CheckpointOwner<C>): C | undefined {
  if (vm.parentSnapshotId === null) return undefined;
  if (vm.parentSnapshotId !== undefined) return vm.checkpoints.find((c) => c.id === vm.parentSnapshotId);
  let newest: C | undefined;
  for (const c of vm.checkpoints) if (!newest || c.createdAt >= newest.createdAt) newest = c;
  return newest;
}

/** The checkpoint's parent, when it still exists (a parent deleted by an old world file counts as none). */
export function parentOf<C extends CheckpointLike>(vm: CheckpointOwner<C>, cp: C): C | undefined {
  return cp.parentId === undefined ? undefined : vm.checkpoints.find((c) => c.id === cp.parentId);
}

/** The ids of the checkpoint and every checkpoint below it. Linear in the number of checkpoints. */
export function subtreeIds(vm: CheckpointOwner, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of vm.checkpoints) {
    if (c.parentId === undefined) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
    }
  }
  return out;
}

export interface CheckpointNode {
  key: string;
  label: string;
  /** 1 for a root checkpoint. */
  level: number;
  /** The "Now" marker (the VM's current state), under the current checkpoint. */
  now: boolean;
  /** The checkpoint's id; undefined for "Now". */
  id?: string;
}

/** The tree flattened depth-first, oldest first, with "Now" as the last child of the current checkpoint. */
export function checkpointNodes(vm: CheckpointOwner): CheckpointNode[] {
  const cps = [...vm.checkpoints].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  if (cps.length === 0) return [];
  const ids = new Set(cps.map((c) => c.id));
  const children = new Map<string | undefined, CheckpointLike[]>();
  for (const cp of cps) {
    const parent = cp.parentId && ids.has(cp.parentId) ? cp.parentId : undefined;
    const list = children.get(parent);
    if (list) list.push(cp);
    else children.set(parent, [cp]);
  }
  const current = currentCheckpoint(vm);
  const out: CheckpointNode[] = [];
  const walk = (parent: string | undefined, level: number) => {
    for (const cp of children.get(parent) ?? []) {
      out.push({ key: cp.id, label: cp.name, level, now: false, id: cp.id });
      walk(cp.id, level + 1);
      if (cp.id === current?.id) out.push({ key: `now:${cp.id}`, label: 'Now', level: level + 1, now: true });
    }
  };
  walk(undefined, 1);
  return out;
}
