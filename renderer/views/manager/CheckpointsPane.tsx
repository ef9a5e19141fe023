// The "Checkpoints" pane: the selected VM's checkpoint tree with the "Now" marker under the
// checkpoint the VM is running from.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type KeyboardEvent } from 'react';
import { CameraRegular, PlayRegular } from '@fluentui/react-icons';
import type { Checkpoint, Vm } from '../../../engine/model/world';
import { useRoot } from '../app/root-context';

interface Node {
  key: string;
  label: string;
  level: number;
  now: boolean;
}

/**
 * Flattens the tree depth-first. The world model does not yet record which checkpoint the running
 * state descends from; we take the newest one (what a linear chain of checkpoints gives). *Unconfirmed.*
 */
export function checkpointNodes(vm: Vm): Node[] {
  const cps = [...vm.checkpoints].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  if (cps.length === 0) return [];
  const ids = new Set(cps.map((c) => c.id));
  const children = new Map<string | undefined, Checkpoint[]>();
  for (const cp of cps) {
    const parent = cp.parentId && ids.has(cp.parentId) ? cp.parentId : undefined;
    const list = children.get(parent);
    if (list) list.push(cp);
    else children.set(parent, [cp]);
  }
  const current = cps[cps.length - 1]!;
  const out: Node[] = [];
  const walk = (parent: string | undefined, level: number) => {
    for (const cp of children.get(parent) ?? []) {
      out.push({ key: cp.id, label: cp.name, level, now: false });
      walk(cp.id, level + 1);
      if (cp.id === current.id) out.push({ key: `now:${cp.id}`, label: 'Now', level: level + 1, now: true });
    }
  };
  walk(undefined, 1);
  return out;
}

export const CheckpointsPane = observer(function CheckpointsPane({ id, height }: { id: string; height: number }) {
  const { inventory } = useRoot();
  const vm = inventory.selectedVm;
  return (
    <section id={id} className="hv-pane" style={{ height, flex: 'none' }} aria-label="Checkpoints" data-testid="checkpoints-pane">
      <div className="hv-pane-title"><h2>Checkpoints</h2></div>
      {vm ? <CheckpointTree key={vm.id} vm={vm} /> : <div className="hv-empty">No virtual machine selected.</div>}
    </section>
  );
});

const CheckpointTree = observer(function CheckpointTree({ vm }: { vm: Vm }) {
  const nodes = checkpointNodes(vm);
  const [selected, setSelected] = useState<string | undefined>();
  const ref = useRef<HTMLUListElement>(null);
  if (nodes.length === 0) return <div className="hv-empty">The selected virtual machine has no checkpoints.</div>;
  // Nothing is selected until the user picks a node; the tab stop then sits on the first one.
  const picked = selected && nodes.some((n) => n.key === selected) ? selected : undefined;
  const active = picked ?? nodes[0]!.key;

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = nodes.findIndex((n) => n.key === active);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(nodes.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = nodes.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const key = nodes[next]!.key;
    setSelected(key);
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };

  // A flat list of treeitems with aria-level: the tree's shape without nested markup.
  return (
    <ul ref={ref} role="tree" aria-label={`Checkpoints of ${vm.name}`} className="hv-tree" onKeyDown={onKeyDown} data-testid="checkpoint-tree">
      {nodes.map((n) => (
        <li
          key={n.key}
          role="treeitem"
          aria-level={n.level}
          aria-selected={n.key === picked}
          tabIndex={n.key === active ? 0 : -1}
          data-key={n.key}
          className="hv-treeitem"
          data-testid={n.now ? 'checkpoint-now' : `checkpoint-${n.label}`}
        >
          <div className="hv-treeitem-row" style={{ paddingLeft: 4 + (n.level - 1) * 18 }} onClick={() => setSelected(n.key)}>
            <span className="hv-tree-icon" aria-hidden="true" style={n.now ? { color: 'var(--hv-running)' } : undefined}>
              {n.now ? <PlayRegular /> : <CameraRegular />}
            </span>
            <span>{n.label}</span>
          </div>
        </li>
      ))}
    </ul>
  );
});
