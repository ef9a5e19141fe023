// "Open": Windows' file dialog as Hyper-V Manager shows it for a virtual hard disk (Inspect Disk,
// Edit Disk's Locate Disk, Browse... for a parent or source disk): the folders of one computer on
// the left, the folder's .vhd and .vhdx files on the right, File name: and the file type below.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Input } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import type { Bridge } from '../../../engine/contract';
import { byteSizeText } from '../../../engine/common/byte-size';
import { OpenFileStore, VHD_FILE_FILTER } from '../../stores/open-file';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { FolderTree } from './FolderPicker';
import './wizard.css';

export interface FilePickerProps {
  bridge: Pick<Bridge, 'query'>;
  host: string;
  /** The path in the box that opened the dialog (its folder opens, its name is in File name:). */
  initial: string;
  /** Where the dialog opens when `initial` names no folder: Hyper-V's default disk folder. */
  defaultFolder: string;
  title?: string;
  onChoose(path: string): void;
  onCancel(): void;
}

export const FilePicker = observer(function FilePicker({ bridge, host, initial, defaultFolder, title = 'Open', onChoose, onCancel }: FilePickerProps) {
  const [store] = useState(() => new OpenFileStore(bridge, host, initial, defaultFolder));
  const treeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  const treeLabel = useId();
  const filesLabel = useId();
  const nameId = useId();
  const problemId = useId();

  const open = async () => {
    const path = await store.accept();
    if (path !== undefined) onChoose(path);
  };
  const files = store.files;
  const chosen = store.fileText.trim().toLowerCase();

  return (
    <WindowFrame title={title} className="hv-picker hv-file-picker" testId="file-picker" onCancel={onCancel} minWidth={520} minHeight={340}>
      <WindowContent className="hv-picker-content">
        <p className="hv-picker-intro">
          Look in <strong>{host}</strong>: <span className="hv-path">{store.tree.selected?.path ?? ''}</span>
        </p>
        <div className="hv-file-panes">
          <div className="hv-file-pane">
            <span id={treeLabel} className="visually-hidden">
              Folders on {host}
            </span>
            <FolderTree store={store.tree} labelledBy={treeLabel} treeRef={treeRef} onOpen={() => undefined} />
          </div>
          <div className="hv-file-pane">
            <span id={filesLabel} className="visually-hidden">
              Files in the selected folder
            </span>
            <ul role="listbox" aria-labelledby={filesLabel} className="hv-file-list" data-testid="file-list" tabIndex={files?.length ? undefined : -1}>
              {files === undefined && <li className="hv-picker-note">Loading…</li>}
              {files?.length === 0 && <li className="hv-picker-note">{store.filesError ?? 'No virtual hard disks in this folder.'}</li>}
              {files?.map((f, i) => {
                const selected = f.name.toLowerCase() === chosen;
                return (
                  <li
                    key={f.path}
                    role="option"
                    aria-selected={selected}
                    tabIndex={selected || (i === 0 && !files.some((x) => x.name.toLowerCase() === chosen)) ? 0 : -1}
                    className={`hv-file-row${selected ? ' selected' : ''}`}
                    data-testid={`file-${f.name}`}
                    onClick={() => store.choose(f)}
                    onDoubleClick={() => {
                      store.choose(f);
                      void open();
                    }}
                    onKeyDown={(e) => {
                      if (e.key === ' ' || e.key === 'Enter') {
                        e.preventDefault();
                        e.stopPropagation();
                        store.choose(f);
                        if (e.key === 'Enter') void open();
                      }
                    }}
                  >
                    <DocumentRegular aria-hidden="true" />
                    <span className="hv-file-name">{f.name}</span>
                    <span className="hv-tree-note">{byteSizeText(f.sizeBytes)}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
        <div className="hv-picker-folder">
          <label htmlFor={nameId}>File name:</label>
          <Input
            id={nameId}
            value={store.fileText}
            onChange={(_e, d) => store.setFileText(d.value)}
            aria-invalid={store.problem ? true : undefined}
            aria-describedby={store.problem ? problemId : undefined}
            data-testid="file-picker-name"
          />
          <span className="hv-muted">{VHD_FILE_FILTER}</span>
        </div>
        {store.problem && (
          <div id={problemId} className="hv-field-error hv-preline" role="alert" data-testid="file-picker-problem">
            {store.problem}
          </div>
        )}
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={() => void open()} data-testid="file-picker-open">
          Open
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </WindowButtons>
    </WindowFrame>
  );
});
