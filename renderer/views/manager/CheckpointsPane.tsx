// The "Checkpoints" pane: the selected VM's checkpoint tree with the "Now" marker under the
// checkpoint the VM is running from (engine/common/checkpoint-tree.ts, the engine's own reading).
// Right-click or Shift+F10 on a checkpoint offers Apply, Rename, Delete Checkpoint and Delete
// Checkpoint Subtree; Rename (and F2) edits the name in place.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type KeyboardEvent } from 'react';
import { CameraRegular, PlayRegular } from '@fluentui/react-icons';
import type { Vm } from '../../../engine/model/world';
import { checkpointNodes } from '../../../engine/common/checkpoint-tree';
import { checkpointActions } from '../../actions/catalogue';
import { useRoot } from '../app/root-context';
import { ContextMenu, type ContextMenuRequest } from '../shared/ContextMenu';
import { InlineRename } from '../shared/InlineRename';

export const CheckpointsPane = observer(function CheckpointsPane({ id, height }: { id: string; height: number }) {
  const { inventory } = useRoot();
  const vm = inventory.selectedVm;
  return (
    <section id={id} className="hv-pane" style={{ height, flex: 'none' }} aria-label="Checkpoints" data-testid="checkpoints-pane">
      <div className="hv-pane-title">
        <h2>Checkpoints</h2>
      </div>
      {vm ? <CheckpointTree key={vm.id} vm={vm} /> : <div className="hv-empty">No virtual machine selected.</div>}
    </section>
  );
});

const CheckpointTree = observer(function CheckpointTree({ vm }: { vm: Vm }) {
  const root = useRoot();
  const nodes = checkpointNodes(vm);
  const [selected, setSelected] = useState<string | undefined>();
  const [menu, setMenu] = useState<ContextMenuRequest | undefined>();
  const ref = useRef<HTMLUListElement>(null);
  const actionsOf = (key: string) => {
    const cp = vm.checkpoints.find((c) => c.id === key);
    return cp ? { cp, items: checkpointActions(root, vm, cp) } : undefined;
  };
  const openMenu = (key: string, x: number, y: number) => {
    const found = actionsOf(key);
    if (!found) return;
    setSelected(key);
    setMenu({
      x,
      y,
      label: found.cp.name,
      items: found.items,
      returnFocus: ref.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null,
    });
  };
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
    else if (e.key === 'F2' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      if (e.key === 'F2')
        actionsOf(active)
          ?.items.find((a) => a.id === 'rename-checkpoint' && a.enabled)
          ?.run();
      else {
        const r = ref.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(active)}"]`)?.getBoundingClientRect();
        if (r) openMenu(active, r.left + 40, r.bottom);
      }
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    const key = nodes[next]!.key;
    setSelected(key);
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };

  // A flat list of treeitems with aria-level: the tree's shape without nested markup.
  return (
    <>
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
            <div
              className="hv-treeitem-row"
              style={{ paddingLeft: 4 + (n.level - 1) * 18 }}
              onClick={() => setSelected(n.key)}
              onContextMenu={(e) => {
                e.preventDefault();
                if (!n.now) openMenu(n.key, e.clientX, e.clientY);
              }}
            >
              <span className="hv-tree-icon" aria-hidden="true" style={n.now ? { color: 'var(--hv-running)' } : undefined}>
                {n.now ? <PlayRegular /> : <CameraRegular />}
              </span>
              {n.id && root.renames.isEditing('checkpoint', n.id) ? (
                <InlineRename
                  value={n.label}
                  label={`New name of checkpoint ${n.label}`}
                  testId="rename-checkpoint-input"
                  onCommit={(text) => root.renames.commit(text)}
                  onCancel={() => root.renames.cancel()}
                />
              ) : (
                <span>{n.label}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ContextMenu request={menu} onClose={() => setMenu(undefined)} />
    </>
  );
});
