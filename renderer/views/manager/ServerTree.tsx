// The console tree: "Hyper-V Manager" and one node per Hyper-V server. Arrow keys move the
// selection (it follows focus, as in the MMC); right-click or Shift+F10 opens the server's actions.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ChevronDownRegular, ChevronRightRegular, ServerMultipleRegular, ServerRegular } from '@fluentui/react-icons';
import { hostActions, managerActions } from '../../actions/catalogue';
import { useRoot } from '../app/root-context';
import { ContextMenu, type ContextMenuRequest } from '../shared/ContextMenu';

type NodeId = 'root' | `server:${string}`;

export const ServerTree = observer(function ServerTree({ id }: { id: string }) {
  const root = useRoot();
  const { ui, inventory } = root;
  const [expanded, setExpanded] = useState(true);
  const [menu, setMenu] = useState<ContextMenuRequest | undefined>();
  const treeRef = useRef<HTMLUListElement>(null);
  const servers = inventory.managedServers;

  const selected: NodeId | undefined = ui.tree?.kind === 'root' ? 'root' : ui.tree ? `server:${ui.tree.name}` : undefined;
  const visible: NodeId[] = ['root', ...(expanded ? servers.map((h) => `server:${h.name}` as const) : [])];

  const focusNode = (node: NodeId) => {
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(node)}"]`)?.focus());
  };
  const select = (node: NodeId) => {
    if (node === 'root') ui.selectRoot();
    else ui.selectServer(node.slice('server:'.length));
  };
  const openMenu = (node: NodeId, x: number, y: number, returnFocus: HTMLElement | null) => {
    select(node);
    if (node === 'root') {
      setMenu({ x, y, label: 'Hyper-V Manager', items: managerActions(root), returnFocus });
      return;
    }
    const host = inventory.host(node.slice('server:'.length));
    if (host) setMenu({ x, y, label: host.name, items: hostActions(root, host), returnFocus });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const current = (e.target as HTMLElement).closest<HTMLElement>('[data-node]')?.dataset.node as NodeId | undefined;
    if (!current) return;
    const i = visible.indexOf(current);
    let next: NodeId | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = visible[Math.min(visible.length - 1, i + 1)];
        break;
      case 'ArrowUp':
        next = visible[Math.max(0, i - 1)];
        break;
      case 'Home':
        next = visible[0];
        break;
      case 'End':
        next = visible[visible.length - 1];
        break;
      case 'ArrowRight':
        if (current === 'root') {
          if (!expanded) setExpanded(true);
          else next = visible[1];
        }
        break;
      case 'ArrowLeft':
        if (current === 'root') setExpanded(false);
        else next = 'root';
        break;
      case 'Enter':
      case ' ':
        select(current);
        break;
      case 'ContextMenu':
      case 'F10':
        if (e.key === 'F10' && !e.shiftKey) return;
        {
          const rect = (e.target as HTMLElement).getBoundingClientRect();
          openMenu(current, rect.left + 24, rect.bottom, e.target as HTMLElement);
        }
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next) {
      select(next);
      focusNode(next);
    }
  };

  const onContextMenu = (node: NodeId) => (e: MouseEvent<HTMLElement>) => {
    e.preventDefault();
    e.stopPropagation();
    openMenu(node, e.clientX, e.clientY, e.currentTarget.closest<HTMLElement>('[data-node]'));
  };

  const tabStop = selected ?? 'root';

  return (
    <nav id={id} className="hv-pane" style={{ width: ui.paneSizes.tree }} aria-label="Console tree">
      <ul ref={treeRef} role="tree" aria-label="Hyper-V Manager console tree" className="hv-tree" onKeyDown={onKeyDown} data-testid="server-tree">
        <li
          role="treeitem"
          aria-level={1}
          aria-expanded={expanded}
          aria-selected={selected === 'root'}
          tabIndex={tabStop === 'root' ? 0 : -1}
          data-node="root"
          data-testid="tree-root"
          className="hv-treeitem"
        >
          <div className="hv-treeitem-row" style={{ paddingLeft: 2 }} onClick={() => select('root')} onContextMenu={onContextMenu('root')}>
            <span
              className="hv-twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                setExpanded(!expanded);
              }}
            >
              {expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
            </span>
            <span className="hv-tree-icon" aria-hidden="true">
              <ServerMultipleRegular />
            </span>
            <span>Hyper-V Manager</span>
          </div>
          {expanded && (
            <ul role="group">
              {servers.map((host) => {
                const node = `server:${host.name}` as const;
                return (
                  <li
                    key={host.name}
                    role="treeitem"
                    aria-level={2}
                    aria-selected={selected === node}
                    tabIndex={tabStop === node ? 0 : -1}
                    data-node={node}
                    data-testid={`server-${host.name}`}
                    className="hv-treeitem"
                  >
                    <div className="hv-treeitem-row" style={{ paddingLeft: 22 }} onClick={() => select(node)} onContextMenu={onContextMenu(node)}>
                      <span className="hv-tree-icon" aria-hidden="true">
                        <ServerRegular />
                      </span>
                      <span>{host.name}</span>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      </ul>
      <ContextMenu request={menu} onClose={() => setMenu(undefined)} />
    </nav>
  );
});
