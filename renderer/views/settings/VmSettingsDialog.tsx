// "Settings for <VM> on <host>", laid out as Windows Server 2012 R2's: Hardware (Add Hardware,
// BIOS or Firmware, Memory, Processor with Compatibility and NUMA, the controllers with their
// drives, the network adapters) and Management (Name, Integration Services, the checkpoint and
// smart paging folders, Automatic Start and Stop Action; pages in VmSettingsPages.tsx) (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Hyper-V Dynamic Memory Overview").
import { observer } from 'mobx-react-lite';
import { useId, type ReactNode } from 'react';
import { Checkbox, Dropdown, Input, Option, Slider } from '@fluentui/react-components';
import { byteSizeText } from '../../../engine/common/byte-size';
import { weightName, type VmField, type VmSettingsPage, type VmSettingsStore } from '../../stores/settings-vm';
import { fileName } from '../../stores/wizard-paths';
import { useRoot } from '../app/root-context';
import { FolderBox } from '../wizard/FolderBox';
import { Messages } from '../wizard/Messages';
import { SettingsFrame, SettingsGroup, type SettingsNavSection } from './SettingsFrame';
import {
  AddHardwarePage,
  AddedDevicePage,
  BiosPage,
  CheckpointLocationPage,
  ControllerPage,
  FirmwarePage,
  IntegrationServicesPage,
  NamePage,
  NumaPage,
  ResourceControl,
  StartActionPage,
  StopActionPage,
} from './VmSettingsPages';
import { BIOS_DEVICE_LABELS, INTEGRATION_SERVICES, type AutomaticStartAction, type AutomaticStopAction } from '../../../engine/common/vm-configuration';

export const VmSettingsDialog = observer(function VmSettingsDialog({ store }: { store: VmSettingsStore }) {
  const vm = store.vm;
  const f = store.form;
  const errors = store.errors;
  const shown = (field: VmField) => !!errors[field];
  const onController = (controller: string) => (c: string) => c.toUpperCase().startsWith(`${controller}:`);
  const first = store.bootEntries[0];
  const servicesOn = INTEGRATION_SERVICES.filter((s) => f.services[s.name]).length;
  const sections: SettingsNavSection[] = [
    {
      heading: 'Hardware',
      items: [
        { id: 'addHardware', label: 'Add Hardware', error: shown('added') },
        vm.generation === 1
          ? { id: 'bios', label: 'BIOS', detail: `Boot from ${BIOS_DEVICE_LABELS[f.biosOrder[0] ?? 'CD']}` }
          : { id: 'firmware', label: 'Firmware', detail: first ? `Boot from ${first.device}` : 'Boot from File' },
        { id: 'memory', label: 'Memory', detail: `${f.startupMb} MB`, error: shown('startup') || shown('minimum') || shown('maximum') || shown('buffer') },
        {
          id: 'processor',
          label: 'Processor',
          detail: `${f.processors} Virtual processor${f.processors === '1' ? '' : 's'}`,
          error: shown('processors') || shown('reserve') || shown('limit') || shown('weight'),
        },
        { id: 'compatibility', label: 'Compatibility', indent: 1 },
        { id: 'numa', label: 'NUMA', indent: 1 },
        ...store.controllers.flatMap((c) => [
          { id: `controller:${c.id}`, label: c.label },
          ...vm.vhds.flatMap((d, index) =>
            onController(c.slot)(d.controller) ? [{ id: `disk:${index}`, label: 'Hard Drive', detail: fileName(d.path), indent: 1 }] : [],
          ),
          ...vm.dvdDrives.flatMap((d, index) =>
            onController(c.slot)(d.controller) ? [{ id: `dvd:${index}`, label: 'DVD Drive', detail: d.path ? fileName(d.path) : 'None', indent: 1 }] : [],
          ),
          ...store.additions.flatMap((a, index) =>
            'controller' in a && a.controller === c.slot
              ? [{ id: `controller:${c.id}#${index}`, label: a.kind === 'dvd' ? 'DVD Drive' : 'Hard Drive', detail: '(new)', indent: 1 }]
              : [],
          ),
        ]),
        ...vm.networkAdapters.map((a, i) => ({ id: `net:${i}`, label: a.name, detail: store.networkSwitches[i] || 'Not connected' })),
        ...store.additions.flatMap((a, i) =>
          a.kind === 'nic'
            ? [{ id: `added:${i}`, label: a.legacy ? 'Legacy Network Adapter' : 'Network Adapter', detail: `${a.switchName || 'Not connected'} (new)` }]
            : a.kind === 'scsi'
              ? [{ id: `added:${i}`, label: 'SCSI Controller', detail: '(new)' }]
              : [],
        ),
      ],
    },
    {
      heading: 'Management',
      items: [
        { id: 'name', label: 'Name', detail: f.name, error: shown('name') },
        {
          id: 'integration',
          label: 'Integration Services',
          detail: servicesOn === INTEGRATION_SERVICES.length ? 'All services offered' : servicesOn === 0 ? 'No services offered' : 'Some services offered',
        },
        { id: 'checkpoints', label: 'Checkpoint File Location', detail: f.checkpoints, error: shown('checkpoints') },
        { id: 'smartPaging', label: 'Smart Paging File Location', detail: f.smartPaging, error: shown('smartPaging') },
        { id: 'startAction', label: 'Automatic Start Action', detail: START_DETAIL[f.startAction], error: shown('startDelay') },
        { id: 'stopAction', label: 'Automatic Stop Action', detail: STOP_DETAIL[f.stopAction] },
      ],
    },
  ];
  // A drive added in this dialog is shown on its controller's page.
  const select = (id: string) => store.setPage(id.replace(/#\d+$/, '') as VmSettingsPage);
  return (
    <SettingsFrame
      title={`Settings for ${vm.name} on ${vm.host}`}
      testId="vm-settings"
      sections={sections}
      current={store.page}
      onSelect={select}
      pageHeading={headingOf(store)}
      script={store.script}
      scriptVisible={store.scriptVisible}
      onToggleScript={() => store.toggleScript()}
      errors={store.showErrors ? Object.values(errors) : []}
      applying={store.applying}
      canApply={store.commands.length > 0}
      onOk={() => void store.ok()}
      onCancel={() => store.cancel()}
      onApply={() => void store.apply()}
    >
      {store.lock && (
        <Messages
          testId="vm-settings-locked"
          messages={[{ severity: 'warning', message: store.lock.message, fix: `${store.lock.guiFix} Your changes stay in this dialog until then.` }]}
        />
      )}
      {store.page === 'addHardware' && <AddHardwarePage store={store} />}
      {store.page === 'bios' && <BiosPage store={store} />}
      {store.page === 'firmware' && <FirmwarePage store={store} />}
      {store.page === 'memory' && <MemoryPage store={store} />}
      {store.page === 'processor' && <ProcessorPage store={store} />}
      {store.page === 'compatibility' && <CompatibilityPage store={store} />}
      {store.page === 'numa' && <NumaPage store={store} />}
      {store.page.startsWith('controller:') && <ControllerPage store={store} id={store.page.slice(11)} />}
      {store.page.startsWith('disk:') && <DiskPage store={store} index={Number(store.page.slice(5))} />}
      {store.page.startsWith('dvd:') && <DvdPage store={store} index={Number(store.page.slice(4))} />}
      {store.page.startsWith('net:') && <NetworkAdapterPage store={store} index={Number(store.page.slice(4))} />}
      {store.page.startsWith('added:') && <AddedDevicePage store={store} index={Number(store.page.slice(6))} />}
      {store.page === 'name' && <NamePage store={store} />}
      {store.page === 'integration' && <IntegrationServicesPage store={store} />}
      {store.page === 'checkpoints' && <CheckpointLocationPage store={store} />}
      {store.page === 'smartPaging' && <SmartPagingPage store={store} />}
      {store.page === 'startAction' && <StartActionPage store={store} />}
      {store.page === 'stopAction' && <StopActionPage store={store} />}
    </SettingsFrame>
  );
});

const PAGE_HEADINGS: Record<string, string> = {
  addHardware: 'Add Hardware',
  bios: 'BIOS',
  firmware: 'Firmware',
  memory: 'Memory',
  processor: 'Processor',
  compatibility: 'Compatibility',
  numa: 'NUMA',
  name: 'Name',
  integration: 'Integration Services',
  checkpoints: 'Checkpoint File Location',
  smartPaging: 'Smart Paging File Location',
  startAction: 'Automatic Start Action',
  stopAction: 'Automatic Stop Action',
};

/** The values under Automatic Start / Stop Action in the list, as 2012 R2 words them. */
const START_DETAIL: Record<AutomaticStartAction, string> = { Nothing: 'None', StartIfRunning: 'Restart if previously running', Start: 'Always start' };
const STOP_DETAIL: Record<AutomaticStopAction, string> = { Save: 'Save', TurnOff: 'Turn Off', ShutDown: 'Shut Down' };

function headingOf(store: VmSettingsStore): string {
  const page = store.page;
  if (page.startsWith('disk:')) return 'Hard Drive';
  if (page.startsWith('dvd:')) return 'DVD Drive';
  if (page.startsWith('net:')) return 'Network Adapter';
  if (page.startsWith('controller:')) return store.controllers.find((c) => `controller:${c.id}` === page)?.label ?? 'Controller';
  if (page.startsWith('added:')) {
    const a = store.additions[Number(page.slice(6))];
    return a?.kind === 'scsi' ? 'SCSI Controller' : a?.kind === 'nic' && a.legacy ? 'Legacy Network Adapter' : 'Network Adapter';
  }
  return PAGE_HEADINGS[page] ?? '';
}

/** Network Adapter: the virtual switch it connects to (Connect- / Disconnect-VMNetworkAdapter on OK). */
const NetworkAdapterPage = observer(function NetworkAdapterPage({ store, index }: { store: VmSettingsStore; index: number }) {
  const id = useId();
  const value = store.networkSwitches[index] ?? '';
  const switches = store.hostSwitches;
  const shown = value && !switches.includes(value) ? [value, ...switches] : switches;
  return (
    <>
      <p>Specify the configuration of the network adapter.</p>
      <div className="hv-settings-field">
        <label htmlFor={id}>Virtual switch:</label>
        <Dropdown
          id={id}
          value={value || 'Not connected'}
          selectedOptions={[value]}
          onOptionSelect={(_e, d) => store.setNetworkSwitch(index, d.optionValue ?? '')}
          data-testid="vm-settings-switch"
        >
          <Option value="" text="Not connected">
            Not connected
          </Option>
          {shown.map((name) => (
            <Option key={name} value={name} text={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </div>
      <p className="hv-muted">
        A live migration needs a virtual switch with the same name on the destination computer. Create and change switches with Virtual Switch Manager.
      </p>
    </>
  );
});

/** "SCSI 0:1" → "SCSI Controller"; "IDE 0:0" → "IDE Controller 0". */
function controllerName(controller: string): string {
  const m = /^(SCSI|IDE)\s*(\d+)/i.exec(controller);
  if (!m) return controller;
  return m[1]!.toUpperCase() === 'IDE' ? `IDE Controller ${m[2]}` : 'SCSI Controller';
}

function MbBox({
  label,
  value,
  onChange,
  error,
  disabled,
  unit = 'MB',
  testId,
  describedBy,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  disabled?: boolean;
  unit?: string;
  testId: string;
  describedBy?: string;
}) {
  const id = useId();
  const errorId = useId();
  const described = [error ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined;
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
          aria-describedby={described}
          data-testid={testId}
        />
        <span aria-hidden="true">{unit}</span>
      </div>
      {error && (
        <div id={errorId} className="hv-field-error" data-testid={`${testId}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

function Note({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="hv-settings-note">
      {children}
    </p>
  );
}

const MemoryPage = observer(function MemoryPage({ store }: { store: VmSettingsStore }) {
  const f = store.form;
  const errors = store.errors;
  const editable = store.memoryEditable;
  const running = store.running;
  const runningNoteId = useId();
  const weightLabelId = useId();
  return (
    <>
      <p>You can configure options for assigning and managing memory for this virtual machine.</p>
      {!editable && <Note>The memory settings cannot be changed while the virtual machine is {store.vm.state.toLowerCase()}.</Note>}
      <p>Specify the amount of memory that this virtual machine can use.</p>
      <MbBox
        label="Startup RAM:"
        value={f.startupMb}
        onChange={(v) => store.set('startupMb', v)}
        error={errors.startup}
        disabled={!editable || running}
        testId="vm-startup"
        {...(running ? { describedBy: runningNoteId } : {})}
      />
      {running && (
        <Note id={runningNoteId}>
          The virtual machine is running: its startup RAM and whether it uses Dynamic Memory can be changed only when it is turned off. While it runs, the
          maximum RAM can only be increased and the minimum RAM only decreased.
        </Note>
      )}
      <SettingsGroup title="Dynamic Memory">
        <p>You can allow the amount of memory available to this virtual machine to change dynamically within the range you set.</p>
        <Checkbox
          label="Enable Dynamic Memory"
          checked={f.dynamic}
          disabled={!editable || running}
          onChange={(_e, d) => store.set('dynamic', d.checked === true)}
          data-testid="vm-dynamic"
        />
        <MbBox
          label="Minimum RAM:"
          value={f.minimumMb}
          onChange={(v) => store.set('minimumMb', v)}
          error={f.dynamic ? errors.minimum : undefined}
          disabled={!editable || !f.dynamic}
          testId="vm-minimum"
        />
        <MbBox
          label="Maximum RAM:"
          value={f.maximumMb}
          onChange={(v) => store.set('maximumMb', v)}
          error={f.dynamic ? errors.maximum : undefined}
          disabled={!editable || !f.dynamic}
          testId="vm-maximum"
        />
        <p>
          Specify the percentage of memory that Hyper-V should try to reserve as a buffer. Hyper-V uses the percentage and the current demand for memory to
          determine an amount of memory for the buffer.
        </p>
        <MbBox
          label="Memory buffer:"
          unit="%"
          value={f.buffer}
          onChange={(v) => store.set('buffer', v)}
          error={f.dynamic ? errors.buffer : undefined}
          disabled={!editable || !f.dynamic}
          testId="vm-buffer"
        />
      </SettingsGroup>
      <SettingsGroup title="Memory weight">
        <p id={weightLabelId}>
          Specify how to prioritize the availability of memory for this virtual machine compared to other virtual machines on this computer.
        </p>
        <div className="hv-weight">
          <span aria-hidden="true">Low</span>
          <Slider
            min={0}
            max={100}
            step={1}
            value={f.priority}
            disabled={!editable}
            onChange={(_e, d) => store.set('priority', d.value)}
            aria-labelledby={weightLabelId}
            aria-valuetext={`${f.priority} (${weightName(f.priority)})`}
            data-testid="vm-weight"
          />
          <span aria-hidden="true">High</span>
          <span className="hv-muted" data-testid="vm-weight-text">
            {weightName(f.priority)} ({f.priority})
          </span>
        </div>
        <p className="hv-muted">
          Specifying a lower setting for this virtual machine might prevent it from starting when other virtual machines are running and available memory is
          low.
        </p>
      </SettingsGroup>
    </>
  );
});

const ProcessorPage = observer(function ProcessorPage({ store }: { store: VmSettingsStore }) {
  const { inventory } = useRoot();
  const host = inventory.host(store.host);
  return (
    <>
      <p>You can modify the number of virtual processors based on the number of processors on the physical computer.</p>
      <MbBox
        label="Number of virtual processors:"
        unit=""
        value={store.form.processors}
        onChange={(v) => store.set('processors', v)}
        error={store.errors.processors}
        disabled={!store.off}
        testId="vm-processors"
      />
      {!store.off && <Note>The number of virtual processors can be changed only when the virtual machine is turned off.</Note>}
      {host && (
        <p className="hv-muted">
          {host.name} has {host.cpu.cores} logical processors ({host.cpu.vendor} {host.cpu.family}).
        </p>
      )}
      <ResourceControl store={store} />
    </>
  );
});

const CompatibilityPage = observer(function CompatibilityPage({ store }: { store: VmSettingsStore }) {
  const noteId = useId();
  return (
    <>
      <p>
        You can limit the processor features that this virtual machine can use. This lets you move a running virtual machine, or one in a saved state, to a
        physical computer with a different processor version from the same manufacturer.
      </p>
      <Checkbox
        label="Migrate to a physical computer with a different processor version"
        checked={store.form.compatibility}
        disabled={!store.off}
        onChange={(_e, d) => store.set('compatibility', d.checked === true)}
        aria-describedby={store.off ? undefined : noteId}
        data-testid="vm-compatibility"
      />
      {!store.off && <Note id={noteId}>You can change this setting only when the virtual machine is turned off.</Note>}
      <p className="hv-muted">Processor compatibility never allows a move between processor manufacturers (Intel and AMD).</p>
    </>
  );
});

const DiskPage = observer(function DiskPage({ store, index }: { store: VmSettingsStore; index: number }) {
  const disk = store.vm.vhds[index];
  const pathId = useId();
  if (!disk) return <p>This hard drive is no longer attached.</p>;
  const m = /^(\w+)\s*(\d+):(\d+)$/.exec(disk.controller);
  return (
    <>
      <p>You can change how this virtual hard disk is attached to the virtual machine when it is turned off; this lab shows it read-only.</p>
      <dl className="hv-wizard-facts">
        <dt>Controller:</dt>
        <dd>{m ? controllerName(disk.controller) : disk.controller}</dd>
        <dt>Location:</dt>
        <dd>{m ? `${m[3]} (in use)` : '—'}</dd>
        <dt>Type:</dt>
        <dd>
          {disk.type}, {byteSizeText(disk.sizeBytes)} of {byteSizeText(disk.maxSizeBytes)}
        </dd>
      </dl>
      <div className="hv-settings-field">
        <label htmlFor={pathId}>Virtual hard disk:</label>
        <Input id={pathId} value={disk.path} readOnly className="hv-wide" data-testid="vm-disk-path" />
      </div>
      <p className="hv-muted">To move the file, use the Move Wizard: Move the virtual machine&apos;s storage.</p>
    </>
  );
});

const DvdPage = observer(function DvdPage({ store, index }: { store: VmSettingsStore; index: number }) {
  const drive = store.vm.dvdDrives[index];
  if (!drive) return <p>This DVD drive is no longer attached.</p>;
  const m = /^(\w+)\s*(\d+):(\d+)$/.exec(drive.controller);
  return (
    <>
      <p>Select the controller and location on the controller to attach the CD/DVD drive.</p>
      <dl className="hv-wizard-facts">
        <dt>Controller:</dt>
        <dd>{controllerName(drive.controller)}</dd>
        <dt>Location:</dt>
        <dd>{m ? `${m[3]} (in use)` : '—'}</dd>
        <dt>Media:</dt>
        <dd data-testid="vm-dvd-media">{drive.path ? `Image file: ${drive.path}` : 'None'}</dd>
      </dl>
      <p className="hv-muted">Insert or eject an image with Set-VMDvdDrive -Path at the PowerShell prompt.</p>
    </>
  );
});

const SmartPagingPage = observer(function SmartPagingPage({ store }: { store: VmSettingsStore }) {
  const { bridge } = useRoot();
  const error = store.errors.smartPaging;
  return (
    <>
      <p>
        Specify the folder to store the Smart Paging file for this virtual machine. Hyper-V uses the file only while the virtual machine restarts and the host
        has no free memory to give it its startup memory; it is deleted once the memory has been returned through Dynamic Memory.
      </p>
      <FolderBox
        bridge={bridge}
        host={store.host}
        label="Folder:"
        value={store.form.smartPaging}
        onChange={(v) => store.set('smartPaging', v)}
        messages={error ? [{ message: error }] : []}
        disabled={!store.off}
        testId="vm-smart-paging"
      />
      {!store.off && (
        <Note>
          The Smart Paging File Location can be changed here only when the virtual machine is turned off. To move it while the virtual machine runs, use the
          Move Wizard: Move the virtual machine&apos;s storage → different locations → Smart paging.
        </Note>
      )}
      {store.vm.smartPagingFile && <Note>A smart paging file is in use now ({store.vm.smartPagingFile.path}).</Note>}
    </>
  );
});
