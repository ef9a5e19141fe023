// The File menu's dialogs: New Scenario, Open Scenario and Save Scenario As (the browser host's
// data folder; the desktop uses native dialogs instead), and the "Do you want to save changes"
// prompt with Windows' three buttons. State lives in ScenarioStore; every choice ends as a
// 'scenario' request through the bridge.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup, SpinButton } from '@fluentui/react-components';
import { ArrowUploadRegular, WarningRegular } from '@fluentui/react-icons';
import type { LibraryScenario, ScenarioTemplate } from '../../../engine/contract';
import { APP_TITLE, GENERATED_LIMITS, UPLOAD_MAX_CHARS, type ScenarioStore } from '../../stores/scenario-store';
import { useRoot } from '../app/root-context';
import { readFileText } from '../labs/download';
import { AccessButton } from '../shared/AccessKey';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import './scenarios.css';

export const ScenarioDialogs = observer(function ScenarioDialogs() {
  const { scenarios } = useRoot();
  const d = scenarios.dialog;
  if (!d) return null;
  const cancel = () => (d.kind === 'saveChanges' ? scenarios.answerSaveChanges('cancel') : scenarios.closeDialog());
  const title = d.kind === 'saveChanges' ? APP_TITLE : d.kind === 'new' ? 'New Scenario' : d.kind === 'open' ? 'Open Scenario' : 'Save Scenario As';
  return (
    <WindowFrame
      key={d.kind}
      title={title}
      className={d.kind === 'saveChanges' ? 'hv-message hv-scenario-dialog' : 'hv-scenario-dialog hv-scenario-window'}
      testId={`scenario-dialog-${d.kind}`}
      onCancel={cancel}
      minWidth={d.kind === 'saveChanges' ? 360 : 460}
      minHeight={d.kind === 'saveChanges' ? 150 : 300}
    >
      {d.kind === 'saveChanges' && <SaveChanges name={d.name} store={scenarios} />}
      {d.kind === 'new' && <NewScenario store={scenarios} />}
      {d.kind === 'open' && <OpenScenario store={scenarios} />}
      {d.kind === 'saveAs' && <SaveScenarioAs store={scenarios} />}
    </WindowFrame>
  );
});

function SaveChanges({ name, store }: { name: string; store: ScenarioStore }) {
  return (
    <>
      <WindowContent>
        <div className="hv-dialog-body">
          <span className="hv-dialog-icon warning" aria-hidden="true">
            <WarningRegular />
          </span>
          <div className="hv-dialog-text">
            <p>Do you want to save changes to {name}?</p>
          </div>
        </div>
      </WindowContent>
      <WindowButtons>
        {/* Windows' message box: Save (default), Don't Save (Alt+N), Cancel (Esc). */}
        <AccessButton label="&Save" appearance="primary" data-default-button onClick={() => store.answerSaveChanges('save')} data-testid="save-changes-save" />
        <AccessButton label="Do&n't Save" onClick={() => store.answerSaveChanges('discard')} data-testid="save-changes-discard" />
        <Button onClick={() => store.answerSaveChanges('cancel')} data-testid="save-changes-cancel">
          Cancel
        </Button>
      </WindowButtons>
    </>
  );
}

const NewScenario = observer(function NewScenario({ store }: { store: ScenarioStore }) {
  const [template, setTemplate] = useState<ScenarioTemplate>('training');
  const [hosts, setHosts] = useState(10);
  const [vms, setVms] = useState(100);
  const clamp = (v: number | null | undefined, l: { min: number; max: number }, fallback: number) =>
    v === null || v === undefined || !Number.isFinite(v) ? fallback : Math.min(l.max, Math.max(l.min, Math.round(v)));
  const ok = () => {
    store.closeDialog();
    store.create(template, template === 'generated' ? { hosts, vms } : undefined);
  };
  return (
    <>
      <WindowContent>
        <p className="hv-scenario-intro">Choose the datacenter to start from:</p>
        <RadioGroup value={template} onChange={(_e, d) => setTemplate(d.value as ScenarioTemplate)} aria-label="Datacenter" data-testid="new-template">
          <Radio value="training" label="Training datacenter (HV01, HV02 and the file server FS01, with five VMs)" data-testid="new-training" />
          <Radio value="empty" label="Empty datacenter (the same computers, network and storage, without VMs)" data-testid="new-empty" />
          <Radio value="generated" label="Generated datacenter of the size you choose (racks of hosts, each with a file server)" data-testid="new-generated" />
        </RadioGroup>
        <div className="hv-scenario-size" aria-disabled={template !== 'generated'}>
          <Field label="Hosts" size="small" hint={`${GENERATED_LIMITS.hosts.min} to ${GENERATED_LIMITS.hosts.max}`}>
            <SpinButton
              size="small"
              value={hosts}
              min={GENERATED_LIMITS.hosts.min}
              max={GENERATED_LIMITS.hosts.max}
              disabled={template !== 'generated'}
              onChange={(_e, d) => setHosts(clamp(d.value ?? Number(d.displayValue), GENERATED_LIMITS.hosts, hosts))}
              data-testid="new-hosts"
            />
          </Field>
          <Field label="Virtual machines" size="small" hint={`${GENERATED_LIMITS.vms.min} to ${GENERATED_LIMITS.vms.max.toLocaleString('en-US')}`}>
            <SpinButton
              size="small"
              value={vms}
              min={GENERATED_LIMITS.vms.min}
              max={GENERATED_LIMITS.vms.max}
              step={10}
              disabled={template !== 'generated'}
              onChange={(_e, d) => setVms(clamp(d.value ?? Number(d.displayValue), GENERATED_LIMITS.vms, vms))}
              data-testid="new-vms"
            />
          </Field>
        </div>
        {store.dirty && <p className="hv-scenario-note">{store.status?.name} has unsaved changes: you will be asked whether to save them.</p>}
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={ok} data-testid="new-ok">
          OK
        </Button>
        <Button onClick={() => store.closeDialog()}>Cancel</Button>
      </WindowButtons>
    </>
  );
});

function modified(ms: number): string {
  return ms ? new Date(ms).toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'short' }) : '';
}

function size(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
}

/** The data folder's scenarios as a list to pick from (arrow keys move, Enter or double-click chooses). */
function ScenarioList({
  items,
  selected,
  onSelect,
  onChoose,
  label,
}: {
  items: LibraryScenario[];
  selected: string | undefined;
  onSelect(name: string): void;
  onChoose(name: string): void;
  label: string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = items.findIndex((s) => s.name === selected);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      onChoose(selected);
      return;
    }
    if (next === undefined || !items[next]) return;
    e.preventDefault();
    onSelect(items[next]!.name);
  };
  return (
    <div
      className="hv-scenario-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="scenario-list"
      aria-activedescendant={selected ? `scenario-${encodeURIComponent(selected)}` : undefined}
    >
      <div className="hv-scenario-row head" aria-hidden="true">
        <span>Name</span>
        <span>Date modified</span>
        <span>Size</span>
      </div>
      {items.length === 0 && <p className="hv-scenario-empty">No scenarios are saved in the data folder yet.</p>}
      {items.map((s) => (
        <div
          key={s.name}
          id={`scenario-${encodeURIComponent(s.name)}`}
          role="option"
          aria-selected={s.name === selected}
          className={`hv-scenario-row${s.name === selected ? ' selected' : ''}`}
          onClick={() => onSelect(s.name)}
          onDoubleClick={() => onChoose(s.name)}
          data-testid={`scenario-item-${s.name}`}
        >
          <span className="name">{s.name}</span>
          <span>{modified(s.modifiedAt)}</span>
          <span className="num">{size(s.sizeBytes)}</span>
        </div>
      ))}
    </div>
  );
}

const OpenScenario = observer(function OpenScenario({ store }: { store: ScenarioStore }) {
  const items = store.status?.library ?? [];
  const [selected, setSelected] = useState<string | undefined>(items[0]?.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const file = useRef<HTMLInputElement>(null);
  const choose = (name: string) => {
    store.closeDialog();
    store.open(name);
  };
  const upload = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > UPLOAD_MAX_CHARS) {
      setError(
        `${f.name} is ${size(f.size)}: a file uploaded from this computer can be at most ${size(UPLOAD_MAX_CHARS)}. Copy it into the data folder's scenarios folder instead, and open it from this list.`,
      );
      return;
    }
    const text = await readFileText(f);
    store.closeDialog();
    store.openFile(f.name, text);
  };
  return (
    <>
      <WindowContent>
        <p className="hv-scenario-intro">Scenarios in the data folder:</p>
        <ScenarioList items={items} selected={selected} onSelect={setSelected} onChoose={choose} label="Scenarios in the data folder" />
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void upload(e.currentTarget.files?.[0])}
          data-testid="scenario-upload-input"
        />
        {error && (
          <p className="hv-scenario-error" role="alert">
            {error}
          </p>
        )}
      </WindowContent>
      <WindowButtons
        start={
          <AccessButton
            label="&Upload from this computer..."
            icon={<ArrowUploadRegular />}
            onClick={() => file.current?.click()}
            data-testid="scenario-upload"
          />
        }
      >
        <AccessButton
          label="&Open"
          appearance="primary"
          data-default-button
          disabled={!selected}
          onClick={() => selected && choose(selected)}
          data-testid="open-ok"
        />
        <Button onClick={() => store.closeDialog()}>Cancel</Button>
      </WindowButtons>
    </>
  );
});

const SaveScenarioAs = observer(function SaveScenarioAs({ store }: { store: ScenarioStore }) {
  const items = store.status?.library ?? [];
  const current = store.status?.name;
  const [name, setName] = useState(current && current !== 'Untitled' ? current : '');
  const [error, setError] = useState<string | undefined>(undefined);
  const save = async () => {
    const r = await store.saveAs(name.trim());
    if (!r.ok && r.error.parameter !== 'overwrite') setError(r.error.message);
  };
  return (
    <>
      <WindowContent>
        <p className="hv-scenario-intro">Scenarios in the data folder:</p>
        <ScenarioList
          items={items}
          selected={items.find((s) => s.name === name)?.name}
          onSelect={setName}
          onChoose={setName}
          label="Scenarios in the data folder"
        />
        <Field
          label="File name:"
          orientation="horizontal"
          className="hv-scenario-name"
          {...(error
            ? { validationState: 'error' as const, validationMessage: error }
            : { hint: "Saved as <name>.hvlab.json in the data folder's scenarios folder." })}
        >
          <Input
            value={name}
            onChange={(_e, d) => {
              setName(d.value);
              setError(undefined);
            }}
            contentAfter={<span className="hv-scenario-ext">.hvlab.json</span>}
            maxLength={100}
            autoFocus
            data-testid="save-as-name"
          />
        </Field>
      </WindowContent>
      <WindowButtons>
        <AccessButton
          label="&Save"
          appearance="primary"
          data-default-button
          disabled={!name.trim() || store.busy}
          onClick={() => void save()}
          data-testid="save-as-ok"
        />
        <Button onClick={() => store.closeDialog()}>Cancel</Button>
      </WindowButtons>
    </>
  );
});
