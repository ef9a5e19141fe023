// The New Virtual Hard Disk Wizard window, with the page texts of Windows Server 2012 R2 Hyper-V
// Manager (paraphrased where the exact text is unconfirmed), in the shared wizard frame.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { Checkbox, Input } from '@fluentui/react-components';
import { HardDriveRegular } from '@fluentui/react-icons';
import type { VhdFormatChoice, VhdTypeChoice } from '../../stores/vhd-choices';
import type { NewVhdSource, NewVhdWizardStore } from '../../stores/wizard-new-vhd';
import { DEFAULT_VHD_FOLDER } from '../../stores/wizard-new-vm';
import { useRoot } from '../app/root-context';
import { FolderBox } from './FolderBox';
import { WizardFrame } from './WizardFrame';
import { Field, Options } from './WizardFields';

/** Renders the open New Virtual Hard Disk Wizard, if any. */
export const NewVhdWizardHost = observer(function NewVhdWizardHost() {
  const { wizards } = useRoot();
  const wizard = wizards.disks.newVhd;
  return wizard ? (
    <WizardFrame
      wizard={wizard}
      title="New Virtual Hard Disk Wizard"
      icon={<HardDriveRegular />}
      testId="new-vhd-wizard"
      busyText={wizard.finishing ? 'Creating the virtual hard disk…' : ''}
    >
      <NewVhdPage wizard={wizard} />
    </WizardFrame>
  ) : null;
});

type Props = { wizard: NewVhdWizardStore };

const NewVhdPage = observer(function NewVhdPage({ wizard }: Props) {
  switch (wizard.page.id) {
    case 'before':
      return <BeforePage wizard={wizard} />;
    case 'format':
      return <FormatChoice value={wizard.format} onChange={(f) => wizard.setFormat(f)} testId="new-vhd-format" />;
    case 'type':
      return <TypePage wizard={wizard} />;
    case 'name':
      return <NamePage wizard={wizard} />;
    case 'configure':
      return <ConfigurePage wizard={wizard} />;
    default:
      return (
        <SummaryTable
          rows={wizard.summaryRows}
          intro="You have successfully completed the New Virtual Hard Disk Wizard. You are about to create the following virtual hard disk."
          finishText="To create the virtual hard disk and close this wizard, click Finish."
        />
      );
  }
});

const BeforePage = observer(function BeforePage({ wizard }: Props) {
  return (
    <>
      <p>
        This wizard helps you create a new virtual hard disk. Virtual hard disks are the storage of virtual machines: they hold the operating system,
        applications and data, just as physical hard disks do.
      </p>
      <p>You choose the disk&apos;s format and type, its name and location, and whether it starts empty or with the contents of another disk.</p>
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

/** Choose Disk Format, shared with the Edit Virtual Hard Disk Wizard's Convert pages. */
export function FormatChoice({ value, onChange, testId }: { value: VhdFormatChoice; onChange(f: VhdFormatChoice): void; testId: string }) {
  return (
    <Options<VhdFormatChoice>
      question="What format do you want to use for the virtual hard disk?"
      value={value}
      onChange={onChange}
      testId={testId}
      options={[
        { value: 'VHD', label: 'VHD', description: 'Supports virtual hard disks up to 2,040 GB in size.' },
        {
          value: 'VHDX',
          label: 'VHDX',
          description:
            'This format supports virtual disks up to 64 TB and is resilient to consistency issues that might occur from power failures. This format is not supported in operating systems earlier than Windows Server 2012.',
        },
      ]}
    />
  );
}

/** The descriptions of Choose Disk Type, shared with the Edit Virtual Hard Disk Wizard. */
export function typeOptions(format: VhdFormatChoice, withDifferencing: boolean): { value: VhdTypeChoice; label: string; description: string }[] {
  const ext = format === 'VHD' ? '.vhd' : '.vhdx';
  const out: { value: VhdTypeChoice; label: string; description: string }[] = [
    {
      value: 'Fixed',
      label: 'Fixed size',
      description: `This type of disk provides better performance and is recommended for servers running applications with high levels of disk activity. The ${ext} file that is created initially uses the size of the virtual hard disk and does not change when data is deleted or added.`,
    },
    {
      value: 'Dynamic',
      label: 'Dynamically expanding',
      description: `This type of disk provides better use of physical storage space and is recommended for servers running applications that are not disk intensive. The ${ext} file that is created is small initially and changes as data is added.`,
    },
  ];
  if (withDifferencing)
    out.push({
      value: 'Differencing',
      label: 'Differencing',
      description:
        'This type of disk is associated in a parent-child relationship with another disk that you want to leave intact. You can make changes to the data or operating system without affecting the parent disk, so that you can revert the changes easily. All children must have the same virtual hard disk format as the parent (VHD or VHDX).',
    });
  return out;
}

const TypePage = observer(function TypePage({ wizard }: Props) {
  return (
    <Options<VhdTypeChoice>
      question="What type of virtual hard disk do you want to create?"
      value={wizard.type}
      onChange={(t) => wizard.set('type', t)}
      testId="new-vhd-type"
      options={typeOptions(wizard.format, true)}
    />
  );
});

const NamePage = observer(function NamePage({ wizard }: Props) {
  const nameId = useId();
  const { bridge } = useRoot();
  return (
    <>
      <p>Specify the name and location of the virtual hard disk file.</p>
      <Field label="Name:" field="name" wizard={wizard} id={nameId} testPrefix="new-vhd">
        <Input className="hv-wide-input" id={nameId} value={wizard.name} onChange={(_e, d) => wizard.set('name', d.value)} data-testid="new-vhd-name" />
      </Field>
      <FolderBox
        bridge={bridge}
        host={wizard.host.name}
        label="Location:"
        value={wizard.location}
        onChange={(v) => wizard.set('location', v)}
        messages={wizard.problems.filter((p) => p.field === 'location')}
        testId="new-vhd-location"
      />
    </>
  );
});

const ConfigurePage = observer(function ConfigurePage({ wizard }: Props) {
  const sizeId = useId();
  const { bridge } = useRoot();
  if (wizard.type === 'Differencing') {
    return (
      <>
        <p>Specify the parent virtual hard disk. The new disk records only the changes made to it; the parent stays as it is.</p>
        <FolderBox
          bridge={bridge}
          host={wizard.host.name}
          label="Path:"
          accessibleName="Parent virtual hard disk"
          value={wizard.parentPath}
          onChange={(v) => wizard.set('parentPath', v)}
          messages={wizard.parentPath.trim() ? wizard.problems.filter((p) => p.field === 'parentPath') : []}
          testId="new-vhd-parent"
          file={{ defaultFolder: DEFAULT_VHD_FOLDER }}
        />
      </>
    );
  }
  return (
    <>
      <p>You can create a blank virtual hard disk or copy the contents of an existing physical disk or virtual hard disk.</p>
      <Options<NewVhdSource>
        question="Configure the virtual hard disk:"
        value={wizard.source}
        onChange={(v) => wizard.set('source', v)}
        testId="new-vhd-source"
        options={[
          { value: 'blank', label: 'Create a new blank virtual hard disk' },
          {
            value: 'physical',
            label: 'Copy the contents of the specified physical disk',
            description: 'Not available in this lab: its servers have no physical disks besides the volumes it models.',
            disabled: true,
          },
          { value: 'virtual', label: 'Copy the contents of the specified virtual hard disk' },
        ]}
      />
      {wizard.source === 'blank' && (
        <Field label="Size:" field="size" wizard={wizard} id={sizeId} testPrefix="new-vhd">
          <Input className="hv-size-input" id={sizeId} value={wizard.sizeGb} onChange={(_e, d) => wizard.set('sizeGb', d.value)} data-testid="new-vhd-size" />
          <span>GB (Maximum: {wizard.maxSizeText})</span>
        </Field>
      )}
      {wizard.source === 'virtual' && (
        <FolderBox
          bridge={bridge}
          host={wizard.host.name}
          label="Path:"
          accessibleName="Virtual hard disk to copy"
          value={wizard.sourcePath}
          onChange={(v) => wizard.set('sourcePath', v)}
          messages={wizard.sourcePath.trim() ? wizard.problems.filter((p) => p.field === 'sourcePath') : []}
          testId="new-vhd-source-path"
          file={{ defaultFolder: DEFAULT_VHD_FOLDER }}
        />
      )}
    </>
  );
});

/** The Summary page of the disk wizards: the Description table between two sentences. */
export function SummaryTable({ rows, intro, finishText }: { rows: [string, string][]; intro: string; finishText: string }) {
  return (
    <>
      <p>{intro}</p>
      <table className="hv-wizard-table hv-summary" aria-label="Description" data-testid="wizard-summary">
        <caption>Description:</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className="hv-path">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{finishText}</p>
    </>
  );
}
