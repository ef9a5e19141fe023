// The pages of the Move Wizard, with the option texts of Windows Server 2012 R2 (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?").
// Explanatory paragraphs paraphrase the product where its exact text is unconfirmed.
import { observer } from 'mobx-react-lite';
import { useId, useRef, useState } from 'react';
import { Button, Checkbox, Input, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import {
  MOVE_TYPE_TEXT,
  STORAGE_OPTION_TEXT,
  VM_OPTION_TEXT,
  type ItemKey,
  type MoveType,
  type MoveWizardStore,
  type PageMessage,
  type StorageMoveOption,
  type VmMoveOption,
} from '../../stores/wizard-move';
import { fileName } from '../../stores/wizard-paths';
import { useRoot } from '../app/root-context';
import { ComputerPicker } from './ComputerPicker';
import { FolderBox } from './FolderBox';
import { Messages } from './Messages';
import { ScriptText, ScriptToggle } from './ScriptView';

type Props = { wizard: MoveWizardStore };

export const WizardPageContent = observer(function WizardPageContent({ wizard }: Props) {
  const id = wizard.page.id;
  switch (id) {
    case 'before':
      return <BeforePage wizard={wizard} />;
    case 'type':
      return <TypePage wizard={wizard} />;
    case 'destination':
      return <DestinationPage wizard={wizard} />;
    case 'vmOptions':
      return <VmOptionsPage wizard={wizard} />;
    case 'storageOptions':
      return <StorageOptionsPage wizard={wizard} />;
    case 'location':
      return <LocationPage wizard={wizard} />;
    case 'items':
      return <ItemsPage wizard={wizard} />;
    case 'vhds':
      return <DisksPage wizard={wizard} />;
    case 'summary':
      return <SummaryPage wizard={wizard} />;
    default:
      return <ItemPage wizard={wizard} itemKey={id.slice(5) as ItemKey} />;
  }
});

function fieldMessages(messages: readonly PageMessage[], field: string) {
  return messages.filter((m) => m.field === field);
}

const BeforePage = observer(function BeforePage({ wizard }: Props) {
  return (
    <>
      <p>This wizard helps you move a virtual machine or its storage.</p>
      <p>
        You can move a running virtual machine to another computer running Hyper-V, together with its storage or, when its files are on shared storage such as
        an SMB 3.0 share, on its own. You can also move only the virtual machine&apos;s storage — its virtual hard disks, configuration, checkpoints and smart
        paging file — to another location on the same computer, while the virtual machine keeps running.
      </p>
      <p>
        Before you move a virtual machine to another computer, make sure that live migrations are enabled on both computers (Hyper-V Settings, Live Migrations),
        that their processors come from the same manufacturer, that the destination has a virtual switch with the same name for each connected network adapter,
        and that it has enough memory.
      </p>
      <div className="hv-wizard-bottom">
        <Checkbox
          label="Do not show this page again"
          checked={wizard.skipIntro}
          onChange={(_e, d) => wizard.setSkipIntro(d.checked === true)}
          data-testid="wizard-skip-intro"
        />
      </div>
    </>
  );
});

function OptionGroup<T extends string>({
  question,
  value,
  options,
  onChange,
  testId,
}: {
  question: string;
  value: T;
  options: { value: T; label: string; description: string }[];
  onChange(v: T): void;
  testId: string;
}) {
  const questionId = useId();
  return (
    <>
      <p id={questionId}>{question}</p>
      <RadioGroup aria-labelledby={questionId} value={value} onChange={(_e, d) => onChange(d.value as T)} data-testid={testId} className="hv-option-group">
        {options.map((o) => (
          <div key={o.value} className="hv-option">
            <Radio value={o.value} label={o.label} aria-describedby={`${questionId}-${o.value}`} />
            <div id={`${questionId}-${o.value}`} className="hv-option-description">
              {o.description}
            </div>
          </div>
        ))}
      </RadioGroup>
    </>
  );
}

const TypePage = observer(function TypePage({ wizard }: Props) {
  return (
    <OptionGroup<MoveType>
      question="What type of move do you want to perform?"
      value={wizard.moveType}
      onChange={(v) => wizard.setMoveType(v)}
      testId="move-type"
      options={[
        {
          value: 'vm',
          label: MOVE_TYPE_TEXT.vm,
          description:
            'Move the virtual machine to another computer running Hyper-V (live migration). A running virtual machine keeps running; its storage can move with it.',
        },
        {
          value: 'storage',
          label: MOVE_TYPE_TEXT.storage,
          description:
            "Move only the virtual machine's storage to another location on this computer or to an SMB 3.0 share (storage migration). The virtual machine stays on this computer and keeps running.",
        },
      ]}
    />
  );
});

const DestinationPage = observer(function DestinationPage({ wizard }: Props) {
  const { inventory } = useRoot();
  const inputId = useId();
  const messagesId = useId();
  const [browsing, setBrowsing] = useState(false);
  const browseRef = useRef<HTMLButtonElement>(null);
  const closePicker = () => {
    setBrowsing(false);
    requestAnimationFrame(() => browseRef.current?.focus());
  };
  const messages = wizard.messagesFor('destination');
  return (
    <>
      <p>Specify the name of the computer to which you want to move the virtual machine.</p>
      <div className="hv-folder-line">
        <label htmlFor={inputId}>Name:</label>
        <Input
          id={inputId}
          value={wizard.destinationHost}
          onChange={(_e, d) => wizard.setDestinationHost(d.value)}
          aria-invalid={messages.length ? true : undefined}
          aria-describedby={messages.length ? messagesId : undefined}
          className="hv-folder-input"
          data-testid="wizard-destination"
        />
        <Button ref={browseRef} onClick={() => setBrowsing(true)} data-testid="wizard-destination-browse">
          Browse...
        </Button>
      </div>
      <Messages id={messagesId} messages={messages} />
      <p className="hv-muted">
        The virtual machine &quot;{wizard.vm.name}&quot; is on {wizard.sourceHost}.
      </p>
      {browsing && (
        <ComputerPicker
          hosts={inventory.hyperVHosts}
          source={wizard.sourceHost}
          initial={wizard.destinationHost}
          onChoose={(name) => {
            closePicker();
            wizard.setDestinationHost(name);
          }}
          onCancel={closePicker}
        />
      )}
    </>
  );
});

/** Where each of the VM's files is now. */
const CurrentLocations = observer(function CurrentLocations({ wizard }: Props) {
  return (
    <table className="hv-wizard-table" aria-label="Current locations">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Current location</th>
        </tr>
      </thead>
      <tbody>
        {wizard.items.map((i) => (
          <tr key={i.key}>
            <td>{i.label}</td>
            <td className="hv-path">{i.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const VmOptionsPage = observer(function VmOptionsPage({ wizard }: Props) {
  return (
    <>
      <OptionGroup<VmMoveOption>
        question="What do you want to do with the virtual machine's items?"
        value={wizard.vmOption}
        onChange={(v) => wizard.setVmOption(v)}
        testId="vm-move-option"
        options={[
          {
            value: 'single',
            label: VM_OPTION_TEXT.single,
            description: `All of the virtual machine's files move to one folder on ${wizard.destinationHost.trim() || 'the destination computer'}.`,
          },
          { value: 'items', label: VM_OPTION_TEXT.items, description: 'Choose which items move, and a folder on the destination computer for each of them.' },
          {
            value: 'vmOnly',
            label: VM_OPTION_TEXT.vmOnly,
            description:
              'Only the virtual machine moves; its files stay where they are. All of them must be on shared storage, such as an SMB 3.0 share, that the destination computer can reach.',
          },
        ]}
      />
      <CurrentLocations wizard={wizard} />
    </>
  );
});

const StorageOptionsPage = observer(function StorageOptionsPage({ wizard }: Props) {
  return (
    <>
      <OptionGroup<StorageMoveOption>
        question="What do you want to do with the virtual machine's storage?"
        value={wizard.storageOption}
        onChange={(v) => wizard.setStorageOption(v)}
        testId="storage-move-option"
        options={[
          {
            value: 'single',
            label: STORAGE_OPTION_TEXT.single,
            description:
              'Configuration, checkpoints, smart paging file and virtual hard disks all move to the folder you choose; the disks go to its Virtual Hard Disks subfolder.',
          },
          {
            value: 'items',
            label: STORAGE_OPTION_TEXT.items,
            description:
              'Choose which items move, and a folder for each: every virtual hard disk, the current configuration, the checkpoints and the smart paging file.',
          },
          {
            value: 'vhds',
            label: STORAGE_OPTION_TEXT.vhds,
            description:
              'Only the virtual hard disks move, each to the folder you choose. The configuration, checkpoints and smart paging file stay where they are.',
          },
        ]}
      />
      <CurrentLocations wizard={wizard} />
    </>
  );
});

const LocationPage = observer(function LocationPage({ wizard }: Props) {
  const { bridge } = useRoot();
  const messages = wizard.messagesFor('location');
  const remote = wizard.moveType === 'vm';
  return (
    <>
      <p>
        {remote ? `Specify a folder on ${wizard.browseHost} for the virtual machine's files.` : "Specify the folder to move the virtual machine's files to."}{' '}
        The virtual hard disks are placed in its Virtual Hard Disks subfolder; the configuration, checkpoint and smart paging locations all point at the folder.
      </p>
      <FolderBox
        bridge={bridge}
        host={wizard.browseHost}
        value={wizard.singleFolder}
        onChange={(v) => wizard.setSingleFolder(v)}
        messages={fieldMessages(messages, 'folder')}
        testId="wizard-folder"
      />
      <p className="hv-muted">
        Source location: {wizard.vm.paths.configuration} on {wizard.sourceHost}
      </p>
    </>
  );
});

const ItemsPage = observer(function ItemsPage({ wizard }: Props) {
  const messages = wizard.messagesFor('items');
  return (
    <>
      <p>Select the items you want to move. You choose a new location for each of them on the next pages.</p>
      {wizard.moveType === 'vm' && (
        <p className="hv-muted">Items you do not select stay where they are: they must be on shared storage that {wizard.destinationHost.trim()} can reach.</p>
      )}
      <table className="hv-wizard-table" aria-label="Items to move">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Type</th>
            <th scope="col">Current location</th>
          </tr>
        </thead>
        <tbody>
          {wizard.items.map((i) => (
            <tr key={i.key}>
              <td>
                <Checkbox
                  label={i.label}
                  checked={wizard.ticked.has(i.key)}
                  onChange={(_e, d) => wizard.setTicked(i.key, d.checked === true)}
                  data-testid={`wizard-item-${i.key}`}
                />
              </td>
              <td className="hv-nowrap">{i.type}</td>
              <td className="hv-path">{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Messages messages={messages} />
    </>
  );
});

const ItemPage = observer(function ItemPage({ wizard, itemKey }: Props & { itemKey: ItemKey }) {
  const { bridge } = useRoot();
  const item = wizard.item(itemKey);
  if (!item) return null;
  const messages = wizard.messagesFor(`item:${itemKey}`);
  return (
    <>
      <dl className="hv-wizard-facts">
        <dt>Item:</dt>
        <dd>
          {item.label} ({item.type})
        </dd>
        <dt>Current location:</dt>
        <dd className="hv-path">{item.source}</dd>
      </dl>
      <p>
        {item.parameter === 'Vhds'
          ? 'Specify the folder to move the virtual hard disk to. The file keeps its name.'
          : `Specify the folder to move the ${item.label.toLowerCase()} to.`}
      </p>
      <FolderBox
        bridge={bridge}
        host={wizard.browseHost}
        value={wizard.folders.get(itemKey) ?? ''}
        onChange={(v) => wizard.setFolder(itemKey, v)}
        messages={fieldMessages(messages, itemKey)}
        testId="wizard-folder"
      />
    </>
  );
});

const DisksPage = observer(function DisksPage({ wizard }: Props) {
  const { bridge } = useRoot();
  const messages = wizard.messagesFor('vhds');
  const disks = wizard.items.filter((i) => i.parameter === 'Vhds');
  return (
    <>
      <p>Select the virtual hard disks to move and the folder for each. The files keep their names.</p>
      {disks.length === 0 && <p>This virtual machine has no virtual hard disks.</p>}
      {disks.map((d) => {
        const ticked = wizard.disksTicked.has(d.key);
        return (
          <fieldset key={d.key} className="hv-disk" data-testid={`wizard-disk-${d.label}`}>
            <legend>
              <Checkbox
                label={`${d.label} (${d.type.replace(/^Virtual hard disk \((.*)\)$/, '$1')})`}
                checked={ticked}
                onChange={(_e, v) => wizard.setDiskTicked(d.key, v.checked === true)}
              />
            </legend>
            <div className="hv-muted hv-path">Current location: {d.source}</div>
            <FolderBox
              bridge={bridge}
              host={wizard.browseHost}
              accessibleName={`Folder for ${fileName(d.source)}`}
              value={wizard.folders.get(d.key) ?? ''}
              onChange={(v) => wizard.setFolder(d.key, v)}
              messages={fieldMessages(messages, d.key)}
              disabled={!ticked}
              testId={`wizard-disk-folder-${d.label}`}
            />
          </fieldset>
        );
      })}
      <Messages messages={messages.filter((m) => !m.field)} />
    </>
  );
});

const SummaryPage = observer(function SummaryPage({ wizard }: Props) {
  const scriptId = useId();
  const report = wizard.report;
  const pending = wizard.precheckPending;
  const errors = wizard.summaryErrors;
  const warnings = wizard.summaryWarnings;
  return (
    <>
      <p>You have successfully completed the Move Wizard. You are about to perform the following operation.</p>
      <table className="hv-wizard-table hv-summary" aria-label="Description" data-testid="wizard-summary">
        <caption>Description:</caption>
        <tbody>
          {wizard.summaryRows.map(([k, v], i) => (
            <tr key={i}>
              <th scope="row">{k}</th>
              <td className="hv-path">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="hv-precheck" data-testid="wizard-precheck" aria-live="polite">
        {pending && <Spinner size="tiny" label="Checking whether the move can start…" />}
        {!pending && errors.length > 0 && (
          <>
            <p className="hv-precheck-title">The move cannot start. Correct the following and try again:</p>
            <Messages messages={errors} testId="wizard-precheck-errors" />
          </>
        )}
        {!pending && warnings.length > 0 && (
          <Messages messages={warnings.map((w) => ({ ...w, severity: 'warning' as const }))} testId="wizard-precheck-warnings" />
        )}
        {!pending && report && errors.length === 0 && (
          <p className="hv-precheck-ok">
            <CheckmarkCircleRegular aria-hidden="true" /> The pre-checks found nothing that prevents the move.
          </p>
        )}
      </div>
      <ScriptToggle open={wizard.scriptVisible} onToggle={() => wizard.toggleScript()} controls={scriptId} testId="wizard-view-script" />
      {wizard.scriptVisible && (
        <ScriptText
          id={scriptId}
          text={wizard.scriptText}
          pending={pending}
          empty={wizard.nothingSelected ? 'No command to show: nothing is selected to move.' : 'No command to show: the engine refused the choices above.'}
          testId="wizard-script"
        />
      )}
      <p>To complete the move and close this wizard, click Finish.</p>
    </>
  );
});
