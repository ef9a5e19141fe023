// The Export Virtual Machine dialog and the Import Virtual Machine wizard of Windows Server 2012 R2
// Hyper-V Manager (page texts paraphrased where the exact wording is unconfirmed). The export dialog
// is a small window (Location + Browse..., Export / Cancel); the import wizard uses the frame every
// Hyper-V Manager wizard shares.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { Button, Checkbox, Radio, RadioGroup } from '@fluentui/react-components';
import { ArrowExportRegular, ArrowImportRegular } from '@fluentui/react-icons';
import { byteSizeText } from '../../../engine/common/byte-size';
import { dayAndTime } from '../../../engine/common/time-span';
import type { ExportVmDialogStore, ImportType, ImportWizardStore } from '../../stores/export-import';
import { useRoot } from '../app/root-context';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { FolderBox } from './FolderBox';
import { WizardFrame } from './WizardFrame';
import './wizard.css';
import './export-import.css';

/** Renders the open Export dialog and Import wizard, if any (mounted beside the other wizards). */
export const ExportImportHost = observer(function ExportImportHost() {
  const { wizards } = useRoot();
  return (
    <>
      {wizards.exportVm && <ExportVmDialog dialog={wizards.exportVm} />}
      {wizards.importVm && <ImportWizard wizard={wizards.importVm} />}
    </>
  );
});

const ExportVmDialog = observer(function ExportVmDialog({ dialog }: { dialog: ExportVmDialogStore }) {
  const { bridge } = useRoot();
  return (
    <WindowFrame title={`Export Virtual Machine`} className="hv-export-dialog" testId="export-dialog" onCancel={() => dialog.cancel()} minWidth={420}>
      <WindowContent>
        <div className="hv-export-body">
          <span className="hv-export-icon" aria-hidden="true">
            <ArrowExportRegular />
          </span>
          <div>
            {dialog.checkpoint === undefined ? (
              <p>
                Specify where you want to save the files of <strong>{dialog.vm.name}</strong>. They go into a folder named after the virtual machine, with the
                folders Virtual Machines, Virtual Hard Disks and Snapshots.
              </p>
            ) : (
              <p>
                Specify where you want to save the files of the checkpoint <strong>{dialog.checkpoint}</strong> of <strong>{dialog.vm.name}</strong>. It is
                exported as a virtual machine of its own, in the state of the checkpoint and without checkpoints, into a folder named after the virtual machine.
              </p>
            )}
            <FolderBox
              bridge={bridge}
              host={dialog.vm.host}
              label="Location:"
              value={dialog.location}
              onChange={(v) => dialog.setLocation(v)}
              messages={dialog.problem ? [{ message: dialog.problem }] : []}
              testId="export-location"
            />
          </div>
        </div>
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button disabled={!dialog.canExport} onClick={() => void dialog.export()} data-testid="export-ok">
          Export
        </Button>
        <Button onClick={() => dialog.cancel()} data-testid="export-cancel">
          Cancel
        </Button>
      </WindowButtons>
    </WindowFrame>
  );
});

type Props = { wizard: ImportWizardStore };

const ImportWizard = observer(function ImportWizard({ wizard }: Props) {
  return (
    <WizardFrame
      wizard={wizard}
      title="Import Virtual Machine"
      icon={<ArrowImportRegular />}
      testId="import-wizard"
      busyText={wizard.searching ? 'Searching…' : wizard.finishing ? 'Importing…' : ''}
    >
      <ImportPage wizard={wizard} />
    </WizardFrame>
  );
});

const ImportPage = observer(function ImportPage({ wizard }: Props) {
  switch (wizard.page.id) {
    case 'before':
      return <BeforePage wizard={wizard} />;
    case 'locate':
      return <LocatePage wizard={wizard} />;
    case 'select':
      return <SelectPage wizard={wizard} />;
    case 'type':
      return <TypePage wizard={wizard} />;
    case 'folders':
      return <FoldersPage wizard={wizard} />;
    case 'storage':
      return <StoragePage wizard={wizard} />;
    default:
      return <SummaryPage wizard={wizard} />;
  }
});

const BeforePage = observer(function BeforePage({ wizard }: Props) {
  return (
    <>
      <p>
        This wizard helps you import a virtual machine from a set of configuration files. It guides you through resolving configuration problems to prepare the
        virtual machine for use on this computer.
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

const LocatePage = observer(function LocatePage({ wizard }: Props) {
  const { bridge } = useRoot();
  return (
    <>
      <p>Specify the folder containing the virtual machine to import.</p>
      <FolderBox
        bridge={bridge}
        host={wizard.host.name}
        label="Folder:"
        value={wizard.folder}
        onChange={(v) => wizard.setFolder(v)}
        messages={wizard.problems.filter((p) => p.field === 'folder')}
        testId="import-folder"
      />
    </>
  );
});

const SelectPage = observer(function SelectPage({ wizard }: Props) {
  const labelId = useId();
  const selected = wizard.selected;
  return (
    <>
      <p id={labelId}>Select the virtual machine to import:</p>
      <table className="hv-wizard-table hv-import-list" aria-labelledby={labelId} data-testid="import-vm-list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date Created</th>
          </tr>
        </thead>
        <tbody>
          {wizard.found.map((e) => {
            const { day, time } = dayAndTime(e.exportedAt);
            const isSelected = e.id === wizard.selectedId;
            return (
              <tr key={e.id} className={isSelected ? 'selected' : undefined}>
                <td>
                  <Radio
                    name="import-vm"
                    value={e.id}
                    checked={isSelected}
                    label={e.name}
                    onChange={() => wizard.select(e.id)}
                    data-testid={`import-vm-${e.name}`}
                  />
                </td>
                <td>
                  Day {day}, {time}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {selected && (
        <p className="hv-option-description" data-testid="import-vm-details">
          {selected.name}: generation {selected.generation}, {selected.vhds.length} virtual hard disk{selected.vhds.length === 1 ? '' : 's'}
          {selected.vhds.length ? ` (${selected.vhds.join(', ')})` : ''}, {selected.checkpoints} checkpoint{selected.checkpoints === 1 ? '' : 's'},{' '}
          {byteSizeText(selected.sizeBytes)} in all. Configuration file: <span className="hv-path">{selected.configurationFile}</span>
        </p>
      )}
    </>
  );
});

const TYPES: { value: ImportType; label: string; description: string }[] = [
  {
    value: 'register',
    label: 'Register the virtual machine in-place (use the existing unique ID)',
    description: 'The virtual machine uses its files where they are now. Its unique ID must not be registered on this server already.',
  },
  {
    value: 'restore',
    label: 'Restore the virtual machine (use the existing unique ID)',
    description: 'The files are copied to the folders you choose next, and the virtual machine keeps its unique ID. The exported files stay where they are.',
  },
  {
    value: 'copy',
    label: 'Copy the virtual machine (create a new unique ID)',
    description: 'The files are copied to the folders you choose next, and the virtual machine gets a new unique ID: you can import the same export again.',
  },
];

const TypePage = observer(function TypePage({ wizard }: Props) {
  const questionId = useId();
  return (
    <>
      <p id={questionId}>Choose the type of import to perform:</p>
      <RadioGroup
        aria-labelledby={questionId}
        value={wizard.importType}
        onChange={(_e, d) => wizard.setImportType(d.value as ImportType)}
        data-testid="import-type"
        className="hv-option-group"
      >
        {TYPES.map((o) => (
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
});

const FoldersPage = observer(function FoldersPage({ wizard }: Props) {
  const { bridge } = useRoot();
  const field = (name: string) => wizard.problems.filter((p) => p.field === name);
  return (
    <>
      <p>
        You can specify new or existing folders to store the virtual machine files. Otherwise, the wizard imports the files to default Hyper-V folders on this
        computer.
      </p>
      <Checkbox
        label="Store the virtual machine in a different location"
        checked={wizard.storeElsewhere}
        onChange={(_e, d) => wizard.setStoreElsewhere(d.checked === true)}
        data-testid="import-store-elsewhere"
      />
      <div className="hv-import-folders">
        <FolderBox
          bridge={bridge}
          host={wizard.host.name}
          label="Virtual machine configuration folder:"
          value={wizard.configurationFolder}
          onChange={(v) => wizard.setFolderField('configurationFolder', v)}
          messages={field('configurationFolder')}
          disabled={!wizard.storeElsewhere}
          testId="import-vm-folder"
        />
        <FolderBox
          bridge={bridge}
          host={wizard.host.name}
          label="Checkpoint store:"
          value={wizard.checkpointFolder}
          onChange={(v) => wizard.setFolderField('checkpointFolder', v)}
          messages={field('checkpointFolder')}
          disabled={!wizard.storeElsewhere}
          testId="import-checkpoint-folder"
        />
        <FolderBox
          bridge={bridge}
          host={wizard.host.name}
          label="Smart Paging folder:"
          value={wizard.smartPagingFolder}
          onChange={(v) => wizard.setFolderField('smartPagingFolder', v)}
          messages={field('smartPagingFolder')}
          disabled={!wizard.storeElsewhere}
          testId="import-paging-folder"
        />
      </div>
    </>
  );
});

const StoragePage = observer(function StoragePage({ wizard }: Props) {
  const { bridge } = useRoot();
  return (
    <>
      <p>Where do you want to store the imported virtual hard disks for this virtual machine?</p>
      <FolderBox
        bridge={bridge}
        host={wizard.host.name}
        label="Location:"
        value={wizard.vhdFolder}
        onChange={(v) => wizard.setFolderField('vhdFolder', v)}
        messages={wizard.problems.filter((p) => p.field === 'vhdFolder')}
        testId="import-vhd-folder"
      />
    </>
  );
});

const SummaryPage = observer(function SummaryPage({ wizard }: Props) {
  return (
    <>
      <p>You are about to perform the following operation.</p>
      <table className="hv-wizard-table hv-summary" aria-label="Description" data-testid="wizard-summary">
        <caption>Description:</caption>
        <tbody>
          {wizard.summaryRows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className="hv-path">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>To complete the import and close this wizard, click Finish.</p>
    </>
  );
});
