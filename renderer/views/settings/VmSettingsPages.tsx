// The pages of VM Settings beyond Memory and moves, with Windows Server 2012 R2's texts: Add
// Hardware, BIOS (generation 1) or Firmware (generation 2), Processor's resource control and NUMA,
// the controllers with their drives, Name, Integration Services, Checkpoint File Location and the
// Automatic Start and Stop Actions. Each edits the dialog's form; OK sends the cmdlets
// (renderer/stores/settings-vm.ts). Names, labels and defaults come from
// engine/common/vm-configuration.ts, the same the cmdlets use.
import { observer } from 'mobx-react-lite';
import { useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Dropdown, Input, Option, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import {
  AUTOMATIC_START_ACTIONS,
  AUTOMATIC_START_LABELS,
  AUTOMATIC_STOP_ACTIONS,
  AUTOMATIC_STOP_LABELS,
  BIOS_DEVICE_LABELS,
  INTEGRATION_SERVICES,
  numaNodeOf,
  percentOfSystem,
  type AutomaticStartAction,
  type AutomaticStopAction,
} from '../../../engine/common/vm-configuration';
import type { Addition, VmSettingsStore } from '../../stores/settings-vm';
import { fileName } from '../../stores/wizard-paths';
import { useRoot } from '../app/root-context';
import { FolderBox } from '../wizard/FolderBox';
import { SettingsGroup } from './SettingsFrame';

function Note({ children }: { children: ReactNode }) {
  return <p className="hv-settings-note">{children}</p>;
}

const offOnly = 'Some settings cannot be modified because the virtual machine is not turned off. Turn it off to change them.';

/** A list with Move Up / Move Down, as BIOS → Startup order and Firmware → Boot order are drawn. */
function OrderList({
  label,
  items,
  disabled,
  onMove,
  testId,
}: {
  label: string;
  items: { key: string; text: string }[];
  disabled: boolean;
  onMove(index: number, delta: -1 | 1): void;
  testId: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState(0);
  const at = Math.min(selected, items.length - 1);
  const move = (delta: -1 | 1) => {
    onMove(at, delta);
    setSelected(Math.max(0, Math.min(items.length - 1, at + delta)));
  };
  return (
    <div className="hv-settings-field">
      <label htmlFor={id}>{label}</label>
      <div className="hv-order">
        <select
          id={id}
          size={Math.max(2, Math.min(8, items.length))}
          value={items[at]?.key ?? ''}
          onChange={(e) => setSelected(items.findIndex((i) => i.key === e.target.value))}
          disabled={disabled}
          className="hv-order-list"
          data-testid={testId}
        >
          {items.map((i) => (
            <option key={i.key} value={i.key}>
              {i.text}
            </option>
          ))}
        </select>
        <div className="hv-order-buttons">
          <Button size="small" disabled={disabled || at <= 0} onClick={() => move(-1)} data-testid={`${testId}-up`}>
            Move Up
          </Button>
          <Button size="small" disabled={disabled || at >= items.length - 1} onClick={() => move(1)} data-testid={`${testId}-down`}>
            Move Down
          </Button>
        </div>
      </div>
    </div>
  );
}

export const AddHardwarePage = observer(function AddHardwarePage({ store }: { store: VmSettingsStore }) {
  const id = useId();
  const gen1 = store.vm.generation === 1;
  const choices = [
    { value: 'scsi', text: 'SCSI Controller' },
    { value: 'nic', text: 'Network Adapter' },
    ...(gen1 ? [{ value: 'legacy', text: 'Legacy Network Adapter' }] : []),
  ];
  const [choice, setChoice] = useState('nic');
  const full = choice === 'scsi' && store.controllers.filter((c) => c.type === 'SCSI').length >= 4;
  const add = () => {
    if (choice === 'scsi') store.add({ kind: 'scsi' });
    else store.add({ kind: 'nic', legacy: choice === 'legacy', switchName: '' });
  };
  return (
    <>
      <p>You can use this setting to add devices to your virtual machine.</p>
      <p>Select the devices you want to add and click the Add button.</p>
      {!store.off && <Note>{offOnly}</Note>}
      <div className="hv-settings-field">
        <label htmlFor={id}>Devices:</label>
        <select
          id={id}
          size={choices.length}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          className="hv-order-list"
          data-testid="vm-add-hardware"
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.text}
            </option>
          ))}
        </select>
      </div>
      <Button disabled={!store.off || full} onClick={add} data-testid="vm-add-hardware-add">
        Add
      </Button>
      {full && <Note>A virtual machine can have at most 4 SCSI controllers.</Note>}
      <p className="hv-muted">
        {gen1
          ? 'A legacy network adapter emulates a physical card: use it to install an operating system over the network, or for a guest without integration services.'
          : 'A generation 2 virtual machine has no legacy network adapter or IDE controller: it boots from the network and from SCSI devices.'}{' '}
        Fibre Channel adapters are left out: the hosts of this lab have no Fibre Channel ports.
      </p>
    </>
  );
});

/** A device added in this dialog and not yet applied: a network adapter (switch) or a SCSI controller. */
export const AddedDevicePage = observer(function AddedDevicePage({ store, index }: { store: VmSettingsStore; index: number }) {
  const id = useId();
  const added = store.additions[index];
  if (!added) return <p>This device was removed.</p>;
  const remove = (
    <Button onClick={() => store.removeAddition(index)} data-testid="vm-added-remove">
      Remove
    </Button>
  );
  if (added.kind !== 'nic') {
    return (
      <>
        <p>This SCSI controller is added when you click OK or Apply. Then add hard drives and DVD drives to it from its page.</p>
        {remove}
      </>
    );
  }
  return (
    <>
      <p>Specify the configuration of the {added.legacy ? 'legacy ' : ''}network adapter. It is added when you click OK or Apply.</p>
      <div className="hv-settings-field">
        <label htmlFor={id}>Virtual switch:</label>
        <Dropdown
          id={id}
          value={added.switchName || 'Not connected'}
          selectedOptions={[added.switchName]}
          onOptionSelect={(_e, d) => store.setAddition(index, { ...added, switchName: d.optionValue ?? '' })}
          data-testid="vm-added-switch"
        >
          <Option value="" text="Not connected">
            Not connected
          </Option>
          {store.hostSwitches.map((name) => (
            <Option key={name} value={name} text={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </div>
      <p>To remove the network adapter from this virtual machine, click Remove.</p>
      {remove}
    </>
  );
});

export const BiosPage = observer(function BiosPage({ store }: { store: VmSettingsStore }) {
  const f = store.form;
  return (
    <>
      <p>Specify the startup order of devices to check for bootable media.</p>
      {!store.off && <Note>{offOnly}</Note>}
      <Checkbox
        label="Num Lock"
        checked={f.numLock}
        disabled={!store.off}
        onChange={(_e, d) => store.set('numLock', d.checked === true)}
        data-testid="vm-numlock"
      />
      <SettingsGroup title="Startup order">
        <OrderList
          label="Move a device up or down the list to change the order:"
          items={f.biosOrder.map((d) => ({ key: d, text: BIOS_DEVICE_LABELS[d] }))}
          disabled={!store.off}
          onMove={(i, delta) => store.moveBoot('biosOrder', i, delta)}
          testId="vm-bios-order"
        />
      </SettingsGroup>
    </>
  );
});

export const FirmwarePage = observer(function FirmwarePage({ store }: { store: VmSettingsStore }) {
  const f = store.form;
  return (
    <>
      <SettingsGroup title="Secure Boot">
        <Checkbox
          label="Enable Secure Boot"
          checked={f.secureBoot}
          disabled={!store.off}
          onChange={(_e, d) => store.set('secureBoot', d.checked === true)}
          data-testid="vm-secure-boot"
        />
        <p className="hv-muted">
          Secure Boot lets only signed boot loaders start. Turn it off to boot an operating system whose loader is not signed by Microsoft.
        </p>
      </SettingsGroup>
      <SettingsGroup title="Boot order">
        <p>Specify the order in which firmware will check boot devices for bootable media.</p>
        {!store.off && <Note>{offOnly}</Note>}
        <OrderList
          label="Boot entries:"
          items={store.bootEntries.map((e) => ({
            key: e.key,
            text: `${e.device}${e.bootType === 'Drive' ? ` (${e.key})` : ''}${e.detail ? `: ${e.bootType === 'Drive' ? fileName(e.detail) : e.detail}` : ''}`,
          }))}
          disabled={!store.off}
          onMove={(i, delta) => store.moveBoot('bootOrder', i, delta)}
          testId="vm-boot-order"
        />
        <p className="hv-muted">Devices you add later go to the end of the list.</p>
      </SettingsGroup>
    </>
  );
});

function NumberBox({
  label,
  value,
  onChange,
  error,
  disabled,
  testId,
  after,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  disabled?: boolean;
  testId: string;
  after?: string;
}) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="hv-settings-field">
      <div className="hv-settings-row">
        <label htmlFor={id}>{label}</label>
        <Input
          id={id}
          value={value}
          inputMode="numeric"
          disabled={disabled}
          onChange={(_e, d) => onChange(d.value)}
          className="hv-number"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={testId}
        />
        {after && <span className="hv-muted">{after}</span>}
      </div>
      {error && (
        <div id={errorId} className="hv-field-error" data-testid={`${testId}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** Processor → Resource control (part of the Processor page). */
export const ResourceControl = observer(function ResourceControl({ store }: { store: VmSettingsStore }) {
  const f = store.form;
  const errors = store.errors;
  const vps = Number(f.processors) || 0;
  const share = (text: string) => {
    const n = Number(text);
    return Number.isInteger(n) && n >= 0 && n <= 100 ? String(percentOfSystem(n, vps, store.hostCpu.cores)) : '—';
  };
  return (
    <SettingsGroup title="Resource control">
      <p>You can use resource controls to balance resources among virtual machines.</p>
      <NumberBox
        label="Virtual machine reserve (percentage):"
        value={f.reserve}
        onChange={(v) => store.set('reserve', v)}
        error={errors.reserve}
        testId="vm-reserve"
        after={`Percent of total system resources: ${share(f.reserve)}`}
      />
      <NumberBox
        label="Virtual machine limit (percentage):"
        value={f.limit}
        onChange={(v) => store.set('limit', v)}
        error={errors.limit}
        testId="vm-limit"
        after={`Percent of total system resources: ${share(f.limit)}`}
      />
      <NumberBox label="Relative weight:" value={f.weight} onChange={(v) => store.set('weight', v)} error={errors.weight} testId="vm-weight-cpu" />
    </SettingsGroup>
  );
});

/** Processor → NUMA: the topology the VM sees, read-only in this lab. */
export const NumaPage = observer(function NumaPage({ store }: { store: VmSettingsStore }) {
  const node = numaNodeOf(store.hostCpu);
  const vps = Number(store.form.processors) || store.vm.processorCount;
  const startupMb = Number(store.form.startupMb) || store.vm.memory.startupBytes / 1024 ** 2;
  const nodes = Math.max(1, Math.ceil(vps / node.processors), Math.ceil((startupMb * 1024 ** 2) / Math.max(1, node.memoryBytes)));
  return (
    <>
      <p>The NUMA topology of this virtual machine follows the physical computer&apos;s NUMA nodes.</p>
      <SettingsGroup title="Configuration">
        <p data-testid="vm-numa-configuration">
          This virtual machine is configured with the following: {vps} Processor{vps === 1 ? '' : 's'}, {nodes} NUMA node{nodes === 1 ? '' : 's'}, {nodes}{' '}
          socket{nodes === 1 ? '' : 's'}.
        </p>
      </SettingsGroup>
      <SettingsGroup title="NUMA topology">
        <dl className="hv-wizard-facts">
          <dt>Maximum number of processors:</dt>
          <dd>{node.processors}</dd>
          <dt>Maximum amount of memory (MB):</dt>
          <dd>{Math.floor(node.memoryBytes / 1024 ** 2).toLocaleString('en-US')}</dd>
          <dt>Maximum NUMA nodes allowed on a socket:</dt>
          <dd>1</dd>
        </dl>
        <p className="hv-muted">
          This lab describes each host as two sockets with one NUMA node each, and does not let you change the virtual topology. Turning NUMA spanning off in
          Hyper-V Settings keeps a virtual machine within one node.
        </p>
      </SettingsGroup>
    </>
  );
});

/** IDE Controller 0/1 or a SCSI Controller: its drives, and Add for a hard drive or a DVD drive. */
export const ControllerPage = observer(function ControllerPage({ store, id: nodeId }: { store: VmSettingsStore; id: string }) {
  const id = useId();
  const node = store.controllers.find((c) => c.id === nodeId);
  const controller = node?.slot ?? '';
  const ide = node?.type === 'IDE';
  const [kind, setKind] = useState<'disk' | 'dvd'>('disk');
  const prefix = `${controller}:`;
  const drives = [
    ...store.vm.vhds.filter((d) => d.controller.toUpperCase().startsWith(prefix)).map((d) => ({ text: `Hard Drive (${d.controller}): ${fileName(d.path)}` })),
    ...store.vm.dvdDrives
      .filter((d) => d.controller.toUpperCase().startsWith(prefix))
      .map((d) => ({ text: `DVD Drive (${d.controller}): ${d.path ? fileName(d.path) : 'None'}` })),
  ];
  const pending = store.additions
    .map((a, i) => ({ a, i }))
    .filter((x): x is { a: Extract<Addition, { controller: string }>; i: number } => 'controller' in x.a && x.a.controller === controller);
  const canDvd = ide || store.vm.generation === 2;
  const full = ide && drives.length + pending.length >= 2;
  const canAdd = !!node && (ide ? store.off : store.off || kind === 'disk') && !full;
  return (
    <>
      <p>
        {ide
          ? 'You can add hard drives and CD/DVD drives to your IDE controller.'
          : `You can add hard drives${canDvd ? ' and DVD drives' : ''} to your SCSI controller.`}{' '}
        Select the type of drive you want to attach to the controller and then click Add.
      </p>
      {ide && !store.off && <Note>Drives can be added to an IDE controller only while the virtual machine is turned off.</Note>}
      <div className="hv-settings-field">
        <label htmlFor={id}>Type of drive:</label>
        <select
          id={id}
          size={canDvd ? 2 : 1}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'disk' | 'dvd')}
          className="hv-order-list"
          data-testid="vm-controller-kind"
        >
          <option value="disk">Hard Drive</option>
          {canDvd && <option value="dvd">DVD Drive</option>}
        </select>
      </div>
      <Button disabled={!canAdd} onClick={() => store.add({ kind, controller, path: '' })} data-testid="vm-controller-add">
        Add
      </Button>
      {full && <Note>Both locations of this IDE controller are in use.</Note>}
      <SettingsGroup title="Drives">
        {drives.length === 0 && pending.length === 0 ? (
          <p className="hv-muted">No drives are attached to this controller.</p>
        ) : (
          <ul className="hv-settings-list" data-testid="vm-controller-drives">
            {drives.map((d) => (
              <li key={d.text}>{d.text}</li>
            ))}
          </ul>
        )}
        {pending.map(({ a, i }) => (
          <PendingDrive key={i} store={store} index={i} addition={a} />
        ))}
      </SettingsGroup>
    </>
  );
});

const PendingDrive = observer(function PendingDrive({
  store,
  index,
  addition,
}: {
  store: VmSettingsStore;
  index: number;
  addition: Extract<Addition, { controller: string }>;
}) {
  const id = useId();
  const disk = addition.kind === 'disk';
  return (
    <div className="hv-settings-field" data-testid="vm-pending-drive">
      <label htmlFor={id}>{disk ? 'New hard drive, virtual hard disk (an existing .vhdx or .vhd file):' : 'New DVD drive, image file (.iso, optional):'}</label>
      <div className="hv-settings-row">
        <Input
          id={id}
          className="hv-wide"
          value={addition.path}
          onChange={(_e, d) => store.setAddition(index, { ...addition, path: d.value })}
          data-testid="vm-pending-drive-path"
        />
        <Button onClick={() => store.removeAddition(index)}>Remove</Button>
      </div>
    </div>
  );
});

export const NamePage = observer(function NamePage({ store }: { store: VmSettingsStore }) {
  const nameId = useId();
  const notesId = useId();
  const errorId = useId();
  const error = store.errors.name;
  return (
    <>
      <p>You can edit the name of this virtual machine. The name is displayed in Hyper-V Manager.</p>
      <div className="hv-settings-field">
        <label htmlFor={nameId}>Name:</label>
        <Input
          id={nameId}
          className="hv-wide"
          value={store.form.name}
          onChange={(_e, d) => store.set('name', d.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid="vm-name"
        />
        {error && (
          <div id={errorId} className="hv-field-error">
            {error}
          </div>
        )}
      </div>
      <div className="hv-settings-field">
        <label htmlFor={notesId}>Notes:</label>
        <Textarea id={notesId} value={store.form.notes} onChange={(_e, d) => store.set('notes', d.value)} resize="vertical" data-testid="vm-notes" />
      </div>
      <p className="hv-muted">Renaming changes the name only: the virtual machine&apos;s files and folders keep theirs.</p>
    </>
  );
});

export const IntegrationServicesPage = observer(function IntegrationServicesPage({ store }: { store: VmSettingsStore }) {
  const labelId = useId();
  return (
    <>
      <p>
        Select the services that you want Hyper-V to offer to this virtual machine. To use the services you select, they must be supported by the guest
        operating system.
      </p>
      <div role="group" aria-labelledby={labelId} className="hv-settings-group">
        <h4 id={labelId}>Services</h4>
        {INTEGRATION_SERVICES.map((s) => (
          <div key={s.name}>
            <Checkbox
              label={s.label}
              checked={store.form.services[s.name] ?? s.enabledByDefault}
              onChange={(_e, d) => store.setService(s.name, d.checked === true)}
              data-testid={`vm-service-${s.name.replace(/\W+/g, '-').toLowerCase()}`}
            />
          </div>
        ))}
      </div>
      <p className="hv-muted">Without Operating system shutdown, Hyper-V cannot shut the guest down: Shut Down is refused and only Turn Off works.</p>
    </>
  );
});

export const CheckpointLocationPage = observer(function CheckpointLocationPage({ store }: { store: VmSettingsStore }) {
  const { bridge } = useRoot();
  const error = store.errors.checkpoints;
  const locked = store.vm.checkpoints.length > 0;
  return (
    <>
      <p>Specify the folder to store checkpoint files for this virtual machine.</p>
      <FolderBox
        bridge={bridge}
        host={store.host}
        label="Checkpoint File Location:"
        value={store.form.checkpoints}
        onChange={(v) => store.set('checkpoints', v)}
        messages={error ? [{ message: error }] : []}
        disabled={locked}
        testId="vm-checkpoint-folder"
      />
      {locked && (
        <Note>
          You cannot modify the checkpoint file location because the virtual machine has checkpoints. Delete them, or move them with the Move Wizard (Move the
          virtual machine&apos;s storage).
        </Note>
      )}
    </>
  );
});

export const StartActionPage = observer(function StartActionPage({ store }: { store: VmSettingsStore }) {
  const labelId = useId();
  const error = store.errors.startDelay;
  return (
    <>
      <p id={labelId}>What do you want this virtual machine to do when the physical computer starts?</p>
      <RadioGroup
        aria-labelledby={labelId}
        value={store.form.startAction}
        onChange={(_e, d) => store.set('startAction', d.value as AutomaticStartAction)}
        data-testid="vm-start-action"
      >
        {AUTOMATIC_START_ACTIONS.map((a) => (
          <Radio key={a} value={a} label={AUTOMATIC_START_LABELS[a]} />
        ))}
      </RadioGroup>
      <SettingsGroup title="Automatic start delay">
        <p>Specify a startup delay to reduce resource contention between virtual machines.</p>
        <NumberBox
          label="Startup delay:"
          value={store.form.startDelay}
          onChange={(v) => store.set('startDelay', v)}
          error={error}
          disabled={store.form.startAction === 'Nothing'}
          testId="vm-start-delay"
          after="seconds"
        />
      </SettingsGroup>
    </>
  );
});

export const StopActionPage = observer(function StopActionPage({ store }: { store: VmSettingsStore }) {
  const labelId = useId();
  return (
    <>
      <p id={labelId}>What do you want this virtual machine to do when the physical computer shuts down?</p>
      {!store.off && <Note>{offOnly}</Note>}
      <RadioGroup
        aria-labelledby={labelId}
        value={store.form.stopAction}
        disabled={!store.off}
        onChange={(_e, d) => store.set('stopAction', d.value as AutomaticStopAction)}
        data-testid="vm-stop-action"
      >
        {AUTOMATIC_STOP_ACTIONS.map((a) => (
          <Radio key={a} value={a} label={AUTOMATIC_STOP_LABELS[a]} />
        ))}
      </RadioGroup>
      {store.form.stopAction === 'Save' && (
        <p className="hv-muted">
          Saving keeps a file the size of the virtual machine&apos;s memory beside its configuration while it runs, so its state can be written at shutdown.
        </p>
      )}
    </>
  );
});
