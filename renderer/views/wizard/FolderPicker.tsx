// "Select Folder": the dialog behind Browse..., a tree over one computer's volumes and shares
// (filled from the engine's 'folders' query as branches open) and a Folder: box. A WAI-ARIA tree:
// Up/Down move, Right opens or steps in, Left closes or steps out, Home/End; Enter chooses (OK).
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Button, Input } from '@fluentui/react-components';
import {
  ChevronDownRegular,
  ChevronRightRegular,
  FolderAddRegular,
  FolderOpenRegular,
  FolderRegular,
  HardDriveRegular,
  ServerRegular,
} from '@fluentui/react-icons';
import type { Bridge } from '../../../engine/contract';
import { byteSizeText } from '../../../engine/common/byte-size';
import { FolderBrowserStore, type FolderNode } from '../../stores/wizard-folders';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import './wizard.css';

export interface FolderPickerProps {
  bridge: Pick<Bridge, 'query'>;
  host: string;
  initial: string;
  onChoose(folder: string): void;
  onCancel(): void;
}

export const FolderPicker = observer(function FolderPicker({ bridge, host, initial, onChoose, onCancel }: FolderPickerProps) {
  const [store] = useState(() => new FolderBrowserStore(bridge, host, initial));
  const treeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Once listed, the tree takes the focus on the folder it opened to, as Browse For Folder does
    // (unless the user has started typing a path meanwhile).
    void store.load().then(() =>
      requestAnimationFrame(() => {
        if (store.folderText !== initial && document.activeElement?.tagName === 'INPUT') return;
        treeRef.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
      }),
    );
  }, [store, initial]);
  const labelId = useId();
  const folderId = useId();
  const problemId = useId();

  const ok = () => {
    const folder = store.accept();
    if (folder !== undefined) onChoose(folder);
  };
  const makeNewFolder = () => {
    const made = store.newFolder();
    if (made) requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(made.path)}"]`)?.focus());
  };

  return (
    <WindowFrame title="Select Folder" className="hv-picker" testId="folder-picker" onCancel={onCancel} minHeight={300}>
      <WindowContent className="hv-picker-content">
        <p id={labelId} className="hv-picker-intro">
          Select a folder on <strong>{host}</strong>:
        </p>
        <FolderTree store={store} labelledBy={labelId} treeRef={treeRef} onOpen={ok} />
        <div className="hv-picker-folder">
          <label htmlFor={folderId}>Folder:</label>
          <Input
            id={folderId}
            value={store.folderText}
            onChange={(_e, d) => store.setFolderText(d.value)}
            aria-invalid={store.problem ? true : undefined}
            aria-describedby={store.problem ? problemId : undefined}
            data-testid="folder-picker-path"
          />
        </div>
        {store.problem && (
          <div id={problemId} className="hv-field-error" role="alert">
            {store.problem}
          </div>
        )}
      </WindowContent>
      <WindowButtons start={<AccessButton label="&Make New Folder" icon={<FolderAddRegular />} disabled={!store.selected} onClick={makeNewFolder} />}>
        <Button appearance="primary" data-default-button onClick={ok} disabled={!store.canAccept} data-testid="folder-picker-ok">
          OK
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </WindowButtons>
    </WindowFrame>
  );
});

/** The tree of volumes, shares and folders, as a WAI-ARIA tree (the Select Folder and Open dialogs). */
export const FolderTree = observer(function FolderTree({
  store,
  labelledBy,
  treeRef,
  onOpen,
}: {
  store: FolderBrowserStore;
  labelledBy: string;
  treeRef: RefObject<HTMLDivElement | null>;
  onOpen(): void;
}) {
  const rows = store.visible;
  const focusRow = (n: FolderNode | undefined) => {
    if (!n) return;
    store.select(n);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(n.path)}"]`)?.focus());
  };

  const onTreeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = store.selected ? rows.indexOf(store.selected) : -1;
    const cur = rows[at];
    switch (e.key) {
      case 'ArrowDown':
        focusRow(rows[Math.min(rows.length - 1, at + 1)]);
        break;
      case 'ArrowUp':
        focusRow(rows[Math.max(0, at - 1)]);
        break;
      case 'Home':
        focusRow(rows[0]);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (!cur) return;
        if (!cur.expanded) void store.expand(cur);
        else if (cur.children?.length) focusRow(cur.children[0]);
        break;
      case 'ArrowLeft':
        if (!cur) return;
        if (cur.expanded) void store.toggle(cur);
        else focusRow(cur.parent);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const tabStop = store.selected ?? rows[0];

  return (
    <div ref={treeRef} role="tree" aria-labelledby={labelledBy} className="hv-folder-tree" onKeyDown={onTreeKey} data-testid="folder-tree">
      {store.loadError && (
        <div className="hv-picker-note" role="alert">
          {store.loadError}
        </div>
      )}
      {!store.roots && !store.loadError && <div className="hv-picker-note">Loading…</div>}
      {rows.map((n) => (
        <FolderRow key={n.path} node={n} store={store} tabStop={n === tabStop} onOpen={onOpen} />
      ))}
    </div>
  );
});

const FolderRow = observer(function FolderRow({
  node,
  store,
  tabStop,
  onOpen,
}: {
  node: FolderNode;
  store: FolderBrowserStore;
  tabStop: boolean;
  onOpen(): void;
}) {
  const selected = store.selected === node;
  const leaf = node.children !== undefined && node.children.length === 0 && !node.loading;
  const Icon = node.kind === 'volume' ? HardDriveRegular : node.kind === 'share' ? ServerRegular : node.expanded ? FolderOpenRegular : FolderRegular;
  const siblings = node.parent?.children ?? store.roots ?? [];
  return (
    <div
      role="treeitem"
      aria-level={node.level}
      aria-setsize={siblings.length}
      aria-posinset={siblings.indexOf(node) + 1}
      aria-selected={selected}
      aria-expanded={leaf ? undefined : node.expanded}
      aria-busy={node.loading || undefined}
      tabIndex={tabStop ? 0 : -1}
      data-path={node.path}
      data-testid={`folder-${node.path}`}
      className={`hv-folder-row${selected ? ' selected' : ''}`}
      style={{ paddingLeft: 4 + (node.level - 1) * 16 }}
      onClick={() => store.select(node)}
      onDoubleClick={() => (leaf ? onOpen() : void store.toggle(node))}
    >
      <span
        className="hv-twisty"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          store.select(node);
          void store.toggle(node);
        }}
      >
        {leaf ? null : node.expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
      </span>
      <span className="hv-tree-icon" aria-hidden="true">
        <Icon />
      </span>
      <span>{node.name}</span>
      {node.kind !== 'folder' && node.freeBytes !== undefined && (
        <span className="hv-tree-note">
          {byteSizeText(node.freeBytes)} free{node.capacityBytes ? ` of ${byteSizeText(node.capacityBytes)}` : ''}
        </span>
      )}
      {node.isNew && <span className="hv-tree-note">(new)</span>}
      {node.error && <span className="hv-tree-note">— {node.error}</span>}
    </div>
  );
});
