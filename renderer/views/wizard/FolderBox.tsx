// "Folder: [............] Browse..." — a folder box with its picker and its messages, as on the
// Move Wizard's location pages and the Smart Paging File Location page. With `file`, the box holds
// a virtual hard disk file's path and Browse... opens the Open dialog instead (the disk wizards).
import { observer } from 'mobx-react-lite';
import { useId, useRef, useState } from 'react';
import { Button, Input } from '@fluentui/react-components';
import type { Bridge } from '../../../engine/contract';
import { FilePicker } from './FilePicker';
import { FolderPicker } from './FolderPicker';
import { Messages, type ShownMessage } from './Messages';

export interface FolderBoxProps {
  bridge: Pick<Bridge, 'query'>;
  /** The computer whose folders Browse... shows. */
  host: string;
  label?: string;
  /** Names the box for screen readers when several are on one page ("Folder for SQL01.vhdx"). */
  accessibleName?: string;
  value: string;
  onChange(value: string): void;
  messages?: readonly ShownMessage[];
  disabled?: boolean;
  testId?: string;
  /** Browse... picks a virtual hard disk file, opening in this folder when the box names none. */
  file?: { defaultFolder: string };
}

export const FolderBox = observer(function FolderBox({
  bridge,
  host,
  label = 'Folder:',
  accessibleName,
  value,
  onChange,
  messages = [],
  disabled,
  testId,
  file,
}: FolderBoxProps) {
  const id = useId();
  const messagesId = useId();
  const [browsing, setBrowsing] = useState(false);
  const browseRef = useRef<HTMLButtonElement>(null);
  // Focus goes back to Browse... when the picker closes, as in Windows.
  const closePicker = () => {
    setBrowsing(false);
    requestAnimationFrame(() => browseRef.current?.focus());
  };
  const hasError = messages.length > 0;
  return (
    <div className="hv-folder-box">
      <div className="hv-folder-line">
        <label htmlFor={id}>{label}</label>
        <Input
          id={id}
          value={value}
          disabled={disabled}
          onChange={(_e, d) => onChange(d.value)}
          aria-label={accessibleName}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? messagesId : undefined}
          data-testid={testId}
          className="hv-folder-input"
        />
        <Button ref={browseRef} disabled={disabled} onClick={() => setBrowsing(true)} data-testid={testId ? `${testId}-browse` : undefined}>
          Browse...
        </Button>
      </div>
      <Messages id={messagesId} messages={messages} />
      {browsing && file && (
        <FilePicker
          bridge={bridge}
          host={host}
          initial={value}
          defaultFolder={file.defaultFolder}
          onChoose={(path) => {
            closePicker();
            onChange(path);
          }}
          onCancel={closePicker}
        />
      )}
      {browsing && !file && (
        <FolderPicker
          bridge={bridge}
          host={host}
          initial={value}
          onChoose={(folder) => {
            closePicker();
            onChange(folder);
          }}
          onCancel={closePicker}
        />
      )}
    </div>
  );
});
