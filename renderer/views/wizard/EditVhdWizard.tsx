// The Edit Virtual Hard Disk Wizard window, with the page texts of Windows Server 2012 R2 Hyper-V
// Manager (paraphrased where the exact text is unconfirmed), in the shared wizard frame.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { Checkbox, Input } from '@fluentui/react-components';
import { HardDriveRegular } from '@fluentui/react-icons';
import { byteSizeText } from '../../../engine/common/byte-size';
import { maxSizeText, typeText } from '../../stores/vhd-choices';
import type { EditVhdAction, EditVhdWizardStore } from '../../stores/wizard-edit-vhd';
import { DEFAULT_VHD_FOLDER } from '../../stores/wizard-new-vm';
import { useRoot } from '../app/root-context';
import { FolderBox } from './FolderBox';
import { Messages } from './Messages';
import { FormatChoice, SummaryTable, typeOptions } from './NewVhdWizard';
import { WizardFrame } from './WizardFrame';
import { Field, Options } from './WizardFields';

/** Renders the open Edit Virtual Hard Disk Wizard, if any. */
export const EditVhdWizardHost = observer(function EditVhdWizardHost() {
  const { wizards } = useRoot();
  const wizard = wizards.disks.editVhd;
  return wizard ? (
    <WizardFrame
      wizard={wizard}
      title="Edit Virtual Hard Disk Wizard"
      icon={<HardDriveRegular />}
      testId="edit-vhd-wizard"
      busyText={wizard.locating ? 'Reading the virtual hard disk…' : wizard.finishing ? 'Editing the virtual hard disk…' : ''}
    >
      <EditVhdPage wizard={wizard} />
    </WizardFrame>
  ) : null;
});

type Props = { wizard: EditVhdWizardStore };

const EditVhdPage = observer(function EditVhdPage({ wizard }: Props) {
  switch (wizard.page.id) {
    case 'before':
      return <BeforePage wizard={wizard} />;
    case 'locate':
      return <LocatePage wizard={wizard} />;
    case 'action':
      return <ActionPage wizard={wizard} />;
    case 'format':
      return (
        <>
          <FormatChoice value={wizard.format} onChange={(f) => wizard.setFormat(f)} testId="edit-vhd-format" />
          <Messages messages={wizard.problems} testId="edit-vhd-format-messages" />
        </>
      );
    case 'type':
      return (
        <Options<'Fixed' | 'Dynamic'>
          question="What type of virtual hard disk do you want to create?"
          value={wizard.type}
          onChange={(t) => wizard.set('type', t)}
          testId="edit-vhd-type"
          options={typeOptions(wizard.format, false) as { value: 'Fixed' | 'Dynamic'; label: string; description: string }[]}
        />
      );
    case 'configure':
      return <ConfigurePage wizard={wizard} />;
    default:
      return (
        <SummaryTable
          rows={wizard.summaryRows}
          intro="You have successfully completed the Edit Virtual Hard Disk Wizard. You are about to make the following changes."
          finishText="To complete the action and close this wizard, click Finish."
        />
      );
  }
});

const BeforePage = observer(function BeforePage({ wizard }: Props) {
  return (
    <>
      <p>This wizard helps you edit a virtual hard disk: compact it, convert it to another format or type, change its size, or merge a differencing disk.</p>
      <p>
        Turn off the virtual machine that uses the disk first, unless you are expanding or shrinking a .vhdx disk on a SCSI controller, which Hyper-V can do
        while the virtual machine runs. Editing a disk that has checkpoints or that a replicated virtual machine uses can make them unusable.
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
      <p>Where is the virtual hard disk located?</p>
      <FolderBox
        bridge={bridge}
        host={wizard.host.name}
        label="Path:"
        accessibleName="Virtual hard disk to edit"
        value={wizard.path}
        onChange={(v) => wizard.setPath(v)}
        // An empty box keeps Next disabled without an error: nothing has been typed wrong yet.
        messages={wizard.path.trim() ? wizard.problems.filter((p) => p.field === 'path') : []}
        testId="edit-vhd-path"
        file={{ defaultFolder: DEFAULT_VHD_FOLDER }}
      />
    </>
  );
});

const ACTION_TEXT: Record<EditVhdAction, { label: string; description: string }> = {
  compact: {
    label: 'Compact',
    description: 'This option compacts the file size of a virtual hard disk. The storage capacity of the virtual hard disk remains the same.',
  },
  convert: {
    label: 'Convert',
    description:
      'This option converts a virtual hard disk by copying the contents to a new virtual hard disk. The new virtual hard disk can use a different type and format than the original virtual hard disk.',
  },
  expand: { label: 'Expand', description: 'This option expands the capacity of the virtual hard disk.' },
  shrink: { label: 'Shrink', description: 'This option reduces the storage capacity of the virtual hard disk.' },
  merge: {
    label: 'Merge',
    description: 'This option merges the changes stored in a differencing disk into the parent disk or another disk.',
  },
};

const ActionPage = observer(function ActionPage({ wizard }: Props) {
  const d = wizard.disk;
  return (
    <>
      {d && (
        <p className="hv-path" data-testid="edit-vhd-located">
          {d.Path}: {d.VhdFormat}, {typeText(d.VhdType).toLowerCase()}, {byteSizeText(d.Size)}.
        </p>
      )}
      <Options<EditVhdAction | ''>
        question="What do you want to do to the virtual hard disk?"
        value={wizard.action ?? ''}
        onChange={(a) => a && wizard.setAction(a)}
        testId="edit-vhd-action"
        options={wizard.actions.map((a) => ({ value: a, ...ACTION_TEXT[a] }))}
      />
    </>
  );
});

const ConfigurePage = observer(function ConfigurePage({ wizard }: Props) {
  const sizeId = useId();
  const nameId = useId();
  const { bridge } = useRoot();
  const d = wizard.disk!;
  const newFile = (
    <>
      <Field label="Name:" field="newName" wizard={wizard} id={nameId} testPrefix="edit-vhd">
        <Input
          className="hv-wide-input"
          id={nameId}
          value={wizard.newName}
          onChange={(_e, v) => wizard.set('newName', v.value)}
          data-testid="edit-vhd-new-name"
        />
      </Field>
      <FolderBox
        bridge={bridge}
        host={wizard.host.name}
        label="Location:"
        value={wizard.newLocation}
        onChange={(v) => wizard.set('newLocation', v)}
        messages={wizard.problems.filter((p) => p.field === 'newLocation')}
        testId="edit-vhd-new-location"
      />
    </>
  );
  switch (wizard.action) {
    case 'convert':
      return (
        <>
          <p>Specify the name and location of the new virtual hard disk file. The original disk stays as it is.</p>
          {newFile}
        </>
      );
    case 'merge':
      return (
        <>
          <Options<'parent' | 'new'>
            question="Where do you want to merge the changes?"
            value={wizard.mergeInto}
            onChange={(v) => wizard.set('mergeInto', v)}
            testId="edit-vhd-merge-into"
            options={[
              { value: 'parent', label: 'To the parent virtual hard disk:', description: d.ParentPath },
              {
                value: 'new',
                label: 'To a new virtual hard disk',
                description: 'The differencing disk and its parent are combined into a new disk; both stay as they are.',
              },
            ]}
          />
          {wizard.mergeInto === 'new' && (
            <>
              {newFile}
              <Options<'Fixed' | 'Dynamic'>
                question="Disk type:"
                value={wizard.type}
                onChange={(t) => wizard.set('type', t)}
                testId="edit-vhd-merge-type"
                options={[
                  { value: 'Fixed', label: 'Fixed size' },
                  { value: 'Dynamic', label: 'Dynamically expanding' },
                ]}
              />
            </>
          )}
        </>
      );
    default: {
      const shrink = wizard.action === 'shrink';
      return (
        <>
          <p data-testid="edit-vhd-current-size">
            Current size is {byteSizeText(d.Size)}.{shrink && d.MinimumSize !== null ? ` Minimum size is ${byteSizeText(d.MinimumSize)}.` : ''}
          </p>
          <p>{shrink ? 'What do you want to shrink the size of the virtual hard disk to?' : 'What size do you want to make the virtual hard disk?'}</p>
          <Field label="New size:" field="size" wizard={wizard} id={sizeId} testPrefix="edit-vhd">
            <Input
              className="hv-size-input"
              id={sizeId}
              value={wizard.sizeGb}
              onChange={(_e, v) => wizard.set('sizeGb', v.value)}
              data-testid="edit-vhd-size"
            />
            <span>GB {shrink ? '' : `(Maximum: ${maxSizeText(d.VhdFormat)})`}</span>
          </Field>
        </>
      );
    }
  }
});
