// The New Virtual Machine Wizard window, with the page texts of Windows Server 2012 R2 Hyper-V
// Manager (paraphrased where the exact text is unconfirmed), in the shared wizard frame.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { Checkbox, Input, Select } from '@fluentui/react-components';
import { DesktopRegular } from '@fluentui/react-icons';
import type { DiskOption, InstallOption, NewVmWizardStore } from '../../stores/wizard-new-vm';
import { useRoot } from '../app/root-context';
import { WizardFrame } from './WizardFrame';
import { Field, Options } from './WizardFields';

/** Renders the open New Virtual Machine Wizard, if any. */
export const NewVmWizardHost = observer(function NewVmWizardHost() {
  const { wizards } = useRoot();
  const wizard = wizards.newVm;
  return wizard ? (
    <WizardFrame
      wizard={wizard}
      title="New Virtual Machine Wizard"
      icon={<DesktopRegular />}
      testId="new-vm-wizard"
      busyText={wizard.finishing ? 'Creating the virtual machine…' : ''}
    >
      <NewVmPage wizard={wizard} />
    </WizardFrame>
  ) : null;
});

type Props = { wizard: NewVmWizardStore };

const NewVmPage = observer(function NewVmPage({ wizard }: Props) {
  switch (wizard.page.id) {
    case 'before':
      return <BeforePage wizard={wizard} />;
    case 'name':
      return <NamePage wizard={wizard} />;
    case 'generation':
      return <GenerationPage wizard={wizard} />;
    case 'memory':
      return <MemoryPage wizard={wizard} />;
    case 'network':
      return <NetworkPage wizard={wizard} />;
    case 'disk':
      return <DiskPage wizard={wizard} />;
    case 'install':
      return <InstallPage wizard={wizard} />;
    default:
      return <SummaryPage wizard={wizard} />;
  }
});

const BeforePage = observer(function BeforePage({ wizard }: Props) {
  return (
    <>
      <p>
        This wizard helps you create a virtual machine. You can use virtual machines in place of physical computers for a variety of uses. You can use this
        wizard to configure the virtual machine now, and you can change the configuration later using Hyper-V Manager.
      </p>
      <p>To create a virtual machine, do one of the following:</p>
      <ul>
        <li>Click Finish to create a virtual machine that is configured with default values.</li>
        <li>Click Next to create a virtual machine with a custom configuration.</li>
      </ul>
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

const NamePage = observer(function NamePage({ wizard }: Props) {
  const nameId = useId();
  const locationId = useId();
  return (
    <>
      <p>Choose a name and location for this virtual machine.</p>
      <p>
        The name is displayed in Hyper-V Manager. We recommend that you use a name that helps you easily identify this virtual machine, such as the name of the
        guest operating system or workload.
      </p>
      <Field label="Name:" field="name" wizard={wizard} id={nameId}>
        <Input className="hv-wide-input" id={nameId} value={wizard.name} onChange={(_e, d) => wizard.setName(d.value)} data-testid="new-vm-name" />
      </Field>
      <p>
        You can create a folder or use an existing folder to store the virtual machine. If you don&apos;t select a folder, the virtual machine is stored in the
        default folder configured for this server.
      </p>
      <Checkbox
        label="Store the virtual machine in a different location"
        checked={wizard.storeElsewhere}
        onChange={(_e, d) => wizard.setStoreElsewhere(d.checked === true)}
        data-testid="new-vm-store-elsewhere"
      />
      <Field label="Location:" field="location" wizard={wizard} id={locationId}>
        <Input
          className="hv-wide-input"
          id={locationId}
          value={wizard.location}
          disabled={!wizard.storeElsewhere}
          onChange={(_e, d) => wizard.setLocation(d.value)}
          data-testid="new-vm-location"
        />
      </Field>
      <p className="hv-option-description">
        If you plan to take checkpoints of this virtual machine, select a location that has enough free space. Checkpoints include virtual machine data and may
        require a large amount of space.
      </p>
    </>
  );
});

const GenerationPage = observer(function GenerationPage({ wizard }: Props) {
  return (
    <>
      <Options<'1' | '2'>
        question="Choose the generation of this virtual machine."
        value={String(wizard.generation) as '1' | '2'}
        onChange={(v) => wizard.set('generation', v === '2' ? 2 : 1)}
        testId="new-vm-generation"
        options={[
          {
            value: '1',
            label: 'Generation 1',
            description: 'This virtual machine generation provides the same virtual hardware to the virtual machine as in previous versions of Hyper-V.',
          },
          {
            value: '2',
            label: 'Generation 2',
            description:
              'This virtual machine generation provides support for features such as Secure Boot, SCSI boot, and PXE boot using a standard network adapter. Guest operating systems must be running at least Windows Server 2012 or 64-bit versions of Windows 8.',
          },
        ]}
      />
      <p className="hv-option-description">Once a virtual machine has been created, you cannot change its generation.</p>
    </>
  );
});

const MemoryPage = observer(function MemoryPage({ wizard }: Props) {
  const id = useId();
  return (
    <>
      <p>
        Specify the amount of memory to allocate to this virtual machine. You can specify an amount from 32 MB through 1048576 MB. To improve performance,
        specify more than the minimum amount recommended for the operating system.
      </p>
      <Field label="Startup memory (MB):" field="memory" wizard={wizard} id={id}>
        <Input className="hv-wide-input" id={id} value={wizard.memoryMb} onChange={(_e, d) => wizard.set('memoryMb', d.value)} data-testid="new-vm-memory" />
      </Field>
      <Checkbox
        label="Use Dynamic Memory for this virtual machine."
        checked={wizard.dynamicMemory}
        onChange={(_e, d) => wizard.set('dynamicMemory', d.checked === true)}
        data-testid="new-vm-dynamic"
      />
      <p className="hv-option-description">
        When you decide how much memory to assign to a virtual machine, consider how you intend to use the virtual machine and the operating system that it will
        run.
      </p>
    </>
  );
});

const NetworkPage = observer(function NetworkPage({ wizard }: Props) {
  const id = useId();
  return (
    <>
      <p>Each new virtual machine includes a network adapter. You can configure the network adapter to use a virtual switch, or it can remain disconnected.</p>
      <Field label="Connection:" field="switch" wizard={wizard} id={id}>
        <Select id={id} value={wizard.switchName} onChange={(_e, d) => wizard.set('switchName', d.value)} data-testid="new-vm-switch">
          <option value="">Not Connected</option>
          {wizard.host.virtualSwitches.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
});

const DiskPage = observer(function DiskPage({ wizard }: Props) {
  const nameId = useId();
  const locationId = useId();
  const sizeId = useId();
  const pathId = useId();
  const create = wizard.diskOption === 'create';
  return (
    <>
      <p>
        A virtual machine requires storage so that you can install an operating system. You can specify the storage now or configure it later by modifying the
        virtual machine&apos;s properties.
      </p>
      <Options<DiskOption>
        question="Connect a virtual hard disk:"
        value={wizard.diskOption}
        onChange={(v) => wizard.set('diskOption', v)}
        testId="new-vm-disk-option"
        options={[
          { value: 'create', label: 'Create a virtual hard disk', description: 'Use this option to create a VHDX dynamically expanding virtual hard disk.' },
          {
            value: 'existing',
            label: 'Use an existing virtual hard disk',
            description: 'Use this option to attach an existing virtual hard disk, either VHD or VHDX format.',
          },
          {
            value: 'later',
            label: 'Attach a virtual hard disk later',
            description: 'Use this option to skip this step now and attach an existing virtual hard disk later.',
          },
        ]}
      />
      {create && (
        <>
          <Field label="Name:" field="vhdName" wizard={wizard} id={nameId}>
            <Input
              className="hv-wide-input"
              id={nameId}
              value={wizard.vhdName}
              onChange={(_e, d) => wizard.setVhdName(d.value)}
              data-testid="new-vm-vhd-name"
            />
          </Field>
          <Field label="Location:" field="vhdLocation" wizard={wizard} id={locationId}>
            <Input
              className="hv-wide-input"
              id={locationId}
              value={wizard.vhdLocation}
              onChange={(_e, d) => wizard.setVhdLocation(d.value)}
              data-testid="new-vm-vhd-location"
            />
          </Field>
          <Field label="Size (GB):" field="vhdSize" wizard={wizard} id={sizeId}>
            <Input
              className="hv-wide-input"
              id={sizeId}
              value={wizard.vhdSizeGb}
              onChange={(_e, d) => wizard.set('vhdSizeGb', d.value)}
              data-testid="new-vm-vhd-size"
            />
          </Field>
        </>
      )}
      {wizard.diskOption === 'existing' && (
        <Field label="Location:" field="existingPath" wizard={wizard} id={pathId}>
          <Input
            className="hv-wide-input"
            id={pathId}
            value={wizard.existingPath}
            placeholder="D:\Disks\Disk.vhdx"
            onChange={(_e, d) => wizard.set('existingPath', d.value)}
            data-testid="new-vm-existing-path"
          />
        </Field>
      )}
    </>
  );
});

const InstallPage = observer(function InstallPage({ wizard }: Props) {
  const isoId = useId();
  return (
    <>
      <p>You can install an operating system now if you have access to the setup media, or you can install it later.</p>
      <Options<InstallOption>
        question="Installation options:"
        value={wizard.install}
        onChange={(v) => wizard.set('install', v)}
        testId="new-vm-install"
        options={[
          { value: 'later', label: 'Install an operating system later' },
          {
            value: 'image',
            label:
              wizard.generation === 1
                ? 'Install an operating system from a bootable CD/DVD-ROM (image file .iso)'
                : 'Install an operating system from a bootable image file',
          },
          {
            value: 'network',
            label: 'Install an operating system from a network-based installation server',
            description: wizard.generation === 1 ? 'The network adapter becomes a legacy network adapter, which can boot from the network.' : undefined,
          },
        ].map((o) =>
          o.description === undefined
            ? { value: o.value as InstallOption, label: o.label }
            : { value: o.value as InstallOption, label: o.label, description: o.description },
        )}
      />
      {wizard.install === 'image' && (
        <Field label="Image file (.iso):" field="isoPath" wizard={wizard} id={isoId}>
          <Input
            className="hv-wide-input"
            id={isoId}
            value={wizard.isoPath}
            placeholder="D:\ISO\WindowsServer2012R2.iso"
            onChange={(_e, d) => wizard.set('isoPath', d.value)}
            data-testid="new-vm-iso"
          />
        </Field>
      )}
    </>
  );
});

const SummaryPage = observer(function SummaryPage({ wizard }: Props) {
  return (
    <>
      <p>You have successfully completed the New Virtual Machine Wizard. You are about to create the following virtual machine.</p>
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
      <p>To create the virtual machine and close the wizard, click Finish.</p>
    </>
  );
});
