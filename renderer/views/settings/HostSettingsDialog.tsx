// "Hyper-V Settings for <host>" (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"): the Server pages that govern moves,
// the default folders and NUMA spanning, and User → Reset Check Boxes. Physical GPUs, Enhanced Session Mode Policy and Replication
// Configuration are left out, and so are Keyboard and Mouse Release Key: nothing in this lab (no RemoteFX GPUs, no replicas, no
// guest console taking the keyboard) would change with them.
// Option texts and explanations follow Windows Server 2012 R2's dialog.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef } from 'react';
import { Button, Checkbox, Input, Radio, RadioGroup } from '@fluentui/react-components';
import {
  MIGRATIONS_MAX,
  MIGRATIONS_MIN,
  type Authentication,
  type HostSettingsPage,
  type HostSettingsStore,
  type PerformanceOption,
} from '../../stores/settings-host';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { useRoot } from '../app/root-context';
import { FolderBox } from '../wizard/FolderBox';
import { SettingsFrame, SettingsGroup, type SettingsNavSection } from './SettingsFrame';

const PAGE_HEADINGS: Record<HostSettingsPage, string> = {
  vhdPath: 'Virtual Hard Disks',
  vmPath: 'Virtual Machines',
  numa: 'NUMA Spanning',
  resetCheckBoxes: 'Reset Check Boxes',
  liveMigrations: 'Live Migrations',
  advanced: 'Advanced Features',
  storageMigrations: 'Storage Migrations',
};

const PERFORMANCE_LABEL: Record<PerformanceOption, string> = { TCPIP: 'TCP/IP', Compression: 'Compression', SMB: 'SMB' };

export const HostSettingsDialog = observer(function HostSettingsDialog({ store }: { store: HostSettingsStore }) {
  const f = store.form;
  const errors = store.errors;
  const sections: SettingsNavSection[] = [
    {
      heading: 'Server',
      items: [
        { id: 'vhdPath', label: 'Virtual Hard Disks', detail: store.server?.vhdPath ?? '…', error: store.showErrors && !!errors.vhdPath },
        { id: 'vmPath', label: 'Virtual Machines', detail: store.server?.vmPath ?? '…', error: store.showErrors && !!errors.vmPath },
        { id: 'numa', label: 'NUMA Spanning', detail: store.server ? (store.server.numaSpanning ? 'Allow NUMA Spanning' : 'Do not allow NUMA Spanning') : '…' },
        {
          id: 'liveMigrations',
          label: 'Live Migrations',
          detail: f.enabled ? `${f.maxLive} Simultaneous Migrations` : 'Disabled',
          error: store.showErrors && !!errors.maxLive,
        },
        { id: 'advanced', label: 'Advanced Features', detail: `${PERFORMANCE_LABEL[f.performance]}, ${f.authentication}`, indent: 1 },
        {
          id: 'storageMigrations',
          label: 'Storage Migrations',
          detail: `${f.maxStorage} Simultaneous Migrations`,
          error: store.showErrors && !!errors.maxStorage,
        },
      ],
    },
    {
      heading: 'User',
      items: [{ id: 'resetCheckBoxes', label: 'Reset Check Boxes' }],
    },
  ];
  return (
    <SettingsFrame
      title={`Hyper-V Settings for ${store.host}`}
      testId="host-settings"
      sections={sections}
      current={store.page}
      onSelect={(id) => store.setPage(id as HostSettingsPage)}
      pageHeading={PAGE_HEADINGS[store.page]}
      script={store.script}
      scriptVisible={store.scriptVisible}
      onToggleScript={() => store.toggleScript()}
      errors={store.showErrors ? Object.values(errors) : []}
      applying={store.applying}
      canApply={store.dirty}
      onOk={() => void store.ok()}
      onCancel={() => store.cancel()}
      onApply={() => void store.apply()}
    >
      {store.page === 'vhdPath' && <DefaultFolder store={store} field="vhdPath" text="Specify the default folder to store virtual hard disk files." />}
      {store.page === 'vmPath' && (
        <DefaultFolder store={store} field="vmPath" text="Specify the default folder to store virtual machine configuration files." />
      )}
      {store.page === 'numa' && <NumaSpanningPage store={store} />}
      {store.page === 'resetCheckBoxes' && <ResetCheckBoxesPage store={store} />}
      {store.page === 'liveMigrations' && <LiveMigrationsPage store={store} />}
      {store.page === 'advanced' && <AdvancedPage store={store} />}
      {store.page === 'storageMigrations' && (
        <>
          <p>Specify how many storage migrations can be performed at the same time on this computer.</p>
          <CountBox
            label="Simultaneous storage migrations:"
            value={f.maxStorage}
            onChange={(v) => store.set('maxStorage', v)}
            error={errors.maxStorage}
            testId="settings-max-storage"
          />
        </>
      )}
    </SettingsFrame>
  );
});

const DefaultFolder = observer(function DefaultFolder({ store, field, text }: { store: HostSettingsStore; field: 'vhdPath' | 'vmPath'; text: string }) {
  const { bridge } = useRoot();
  const error = store.errors[field];
  return (
    <>
      <p>{text}</p>
      {store.server ? (
        <FolderBox
          bridge={bridge}
          host={store.host}
          value={store.server[field]}
          onChange={(v) => store.setServer(field, v)}
          messages={error ? [{ message: error }] : []}
          testId={`settings-${field === 'vhdPath' ? 'vhd' : 'vm'}-folder`}
        />
      ) : (
        <p className="hv-muted">Reading the settings of {store.host}…</p>
      )}
      <p className="hv-muted">
        {field === 'vhdPath'
          ? 'New virtual hard disks go here when you give only a file name (the New Virtual Machine Wizard, New-VM -NewVHDPath).'
          : 'New virtual machines go here when you do not choose a different location (the New Virtual Machine Wizard, New-VM without -Path).'}
      </p>
    </>
  );
});

const NumaSpanningPage = observer(function NumaSpanningPage({ store }: { store: HostSettingsStore }) {
  return (
    <>
      <p>
        NUMA spanning lets a virtual machine use memory from more than one NUMA node of this computer. With it, a virtual machine can start when one node has
        not enough free memory, at some cost in performance; without it, each virtual machine stays within one node.
      </p>
      <Checkbox
        label="Allow virtual machines to span physical NUMA nodes"
        checked={store.server?.numaSpanning ?? true}
        disabled={!store.server}
        onChange={(_e, d) => store.setServer('numaSpanning', d.checked === true)}
        data-testid="settings-numa-spanning"
      />
      <p className="hv-muted">
        It applies to virtual machines started afterwards: one that does not fit in a NUMA node then fails to start. Running virtual machines keep their memory.
      </p>
    </>
  );
});

const ResetCheckBoxesPage = observer(function ResetCheckBoxesPage({ store }: { store: HostSettingsStore }) {
  return (
    <>
      <p>Hyper-V Manager displays wizard pages that you can choose not to show again, such as Before You Begin. Click Reset to show them again.</p>
      <Button disabled={store.checkBoxesReset} onClick={() => store.resetCheckBoxes()} data-testid="settings-reset-check-boxes">
        Reset
      </Button>
      {store.checkBoxesReset && <p role="status">The pages you chose not to show again will be shown again.</p>}
    </>
  );
});

function CountBox({
  label,
  value,
  onChange,
  error,
  disabled,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  disabled?: boolean;
  testId: string;
}) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="hv-settings-field">
      <div className="hv-settings-row">
        <label htmlFor={id}>{label}</label>
        <Input
          id={id}
          type="number"
          min={MIGRATIONS_MIN}
          max={MIGRATIONS_MAX}
          value={value}
          disabled={disabled}
          onChange={(_e, d) => onChange(d.value)}
          className="hv-number"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={testId}
        />
      </div>
      {error && (
        <div id={errorId} className="hv-field-error">
          {error}
        </div>
      )}
    </div>
  );
}

const LiveMigrationsPage = observer(function LiveMigrationsPage({ store }: { store: HostSettingsStore }) {
  const f = store.form;
  const listLabelId = useId();
  const off = !f.enabled;
  const selected = store.selectedNetwork;
  const addRef = useRef<HTMLButtonElement>(null);
  // Focus goes back to Add... when the Add IP Address dialog closes.
  const adding = store.adding !== undefined;
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) requestAnimationFrame(() => addRef.current?.focus());
    wasAdding.current = adding;
  }, [adding]);
  return (
    <>
      <Checkbox
        label="Enable incoming and outgoing live migrations"
        checked={f.enabled}
        onChange={(_e, d) => store.set('enabled', d.checked === true)}
        data-testid="settings-enable-migrations"
      />
      <SettingsGroup title="Simultaneous live migrations">
        <p>Specify how many simultaneous live migrations are allowed.</p>
        <CountBox
          label="Simultaneous live migrations:"
          value={f.maxLive}
          onChange={(v) => store.set('maxLive', v)}
          error={store.errors.maxLive}
          disabled={off}
          testId="settings-max-live"
        />
      </SettingsGroup>
      <SettingsGroup title="Incoming live migrations">
        <RadioGroup
          aria-label="Incoming live migrations"
          value={f.useAnyNetwork ? 'any' : 'these'}
          disabled={off}
          onChange={(_e, d) => store.set('useAnyNetwork', d.value === 'any')}
          data-testid="settings-incoming"
        >
          <Radio value="any" label="Use any available network for live migration" />
          <Radio value="these" label="Use these IP addresses for live migration:" />
        </RadioGroup>
        <div className="hv-network-editor">
          <span id={listLabelId} className="visually-hidden">
            IP addresses for live migration, in order of preference
          </span>
          <NetworkList store={store} labelId={listLabelId} disabled={off || f.useAnyNetwork} />
          <div className="hv-network-buttons">
            <Button ref={addRef} disabled={off || f.useAnyNetwork} onClick={() => store.startAdd()} data-testid="settings-network-add">
              Add...
            </Button>
            <Button disabled={off || f.useAnyNetwork || selected === undefined} onClick={() => store.removeNetwork()} data-testid="settings-network-remove">
              Remove
            </Button>
            <Button disabled={off || f.useAnyNetwork || selected === undefined || selected === 0} onClick={() => store.moveNetwork(-1)}>
              Move Up
            </Button>
            <Button disabled={off || f.useAnyNetwork || selected === undefined || selected === f.networks.length - 1} onClick={() => store.moveNetwork(1)}>
              Move Down
            </Button>
          </div>
        </div>
        <p className="hv-muted">Live migration traffic is not encrypted. Use a private network for it.</p>
      </SettingsGroup>
      {store.adding && <AddNetworkDialog store={store} />}
    </>
  );
});

/** The list of migration networks: a single-select listbox (arrows move the selection). */
const NetworkList = observer(function NetworkList({ store, labelId, disabled }: { store: HostSettingsStore; labelId: string; disabled: boolean }) {
  const networks = store.form.networks;
  const selected = store.selectedNetwork;
  const optionId = (i: number) => `${labelId}-opt-${i}`;
  return (
    <div
      role="listbox"
      aria-labelledby={labelId}
      aria-disabled={disabled || undefined}
      tabIndex={disabled ? -1 : 0}
      aria-activedescendant={selected !== undefined ? optionId(selected) : undefined}
      className={`hv-network-list${disabled ? ' disabled' : ''}`}
      data-testid="settings-networks"
      onKeyDown={(e) => {
        if (disabled || !networks.length) return;
        if (e.key === 'ArrowDown') store.selectNetwork(Math.min(networks.length - 1, (selected ?? -1) + 1));
        else if (e.key === 'ArrowUp') store.selectNetwork(Math.max(0, (selected ?? networks.length) - 1));
        else if (e.key === 'Delete' && selected !== undefined) store.removeNetwork();
        else return;
        e.preventDefault();
      }}
    >
      {networks.length === 0 && <div className="hv-muted hv-network-empty">No IP addresses have been added.</div>}
      {networks.map((n, i) => (
        <div
          key={n}
          id={optionId(i)}
          role="option"
          aria-selected={selected === i}
          className={`hv-network-option${selected === i ? ' selected' : ''}`}
          onClick={() => !disabled && store.selectNetwork(i)}
        >
          {n}
        </div>
      ))}
    </div>
  );
});

const AddNetworkDialog = observer(function AddNetworkDialog({ store }: { store: HostSettingsStore }) {
  const id = useId();
  const errorId = useId();
  const adding = store.adding!;
  return (
    <WindowFrame title="Add IP Address" className="hv-picker" testId="add-network" onCancel={() => store.cancelAdd()}>
      <WindowContent>
        <p>Specify the IP address or subnet of a network to accept incoming live migrations on, for example 192.168.10.0/24 or fd00::/64.</p>
        <div className="hv-picker-folder">
          <label htmlFor={id}>IP address or subnet:</label>
          <Input
            id={id}
            value={adding.text}
            onChange={(_e, d) => store.setAddText(d.value)}
            aria-invalid={adding.problem ? true : undefined}
            aria-describedby={adding.problem ? errorId : undefined}
            data-testid="add-network-subnet"
          />
        </div>
        {adding.problem && (
          <div id={errorId} className="hv-field-error" role="alert">
            {adding.problem}
          </div>
        )}
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={() => store.confirmAdd()} data-testid="add-network-ok">
          OK
        </Button>
        <Button onClick={() => store.cancelAdd()}>Cancel</Button>
      </WindowButtons>
    </WindowFrame>
  );
});

const AdvancedPage = observer(function AdvancedPage({ store }: { store: HostSettingsStore }) {
  const f = store.form;
  const authId = useId();
  const perfId = useId();
  const off = !f.enabled;
  return (
    <>
      {off && <p className="hv-muted">Live migrations are not enabled on this computer. Enable them on the Live Migrations page to change these options.</p>}
      <SettingsGroup title="Authentication protocol">
        <p id={authId}>Specify the authentication protocol to use for live migrations.</p>
        <RadioGroup
          aria-labelledby={authId}
          value={f.authentication}
          disabled={off}
          onChange={(_e, d) => store.set('authentication', d.value as Authentication)}
          data-testid="settings-authentication"
        >
          <Radio value="CredSSP" label="Use Credential Security Support Provider (CredSSP)" aria-describedby={`${authId}-credssp`} />
          <div id={`${authId}-credssp`} className="hv-option-description">
            This protocol is less secure than Kerberos, and requires you to sign in to the source server to perform a live migration. It does not require
            constrained delegation.
          </div>
          <Radio value="Kerberos" label="Use Kerberos" aria-describedby={`${authId}-kerberos`} />
          <div id={`${authId}-kerberos`} className="hv-option-description">
            This protocol is more secure but requires constrained delegation for live migration (the cifs and Microsoft Virtual System Migration Service
            services).
          </div>
        </RadioGroup>
      </SettingsGroup>
      <SettingsGroup title="Performance options">
        <p id={perfId}>Specify how network traffic for live migrations will be handled.</p>
        <RadioGroup
          aria-labelledby={perfId}
          value={f.performance}
          disabled={off}
          onChange={(_e, d) => store.set('performance', d.value as PerformanceOption)}
          data-testid="settings-performance"
        >
          <Radio value="TCPIP" label="TCP/IP" aria-describedby={`${perfId}-tcpip`} />
          <div id={`${perfId}-tcpip`} className="hv-option-description">
            The memory of the virtual machine being migrated is copied over the network to the destination server over a TCP/IP connection.
          </div>
          <Radio value="Compression" label="Compression" aria-describedby={`${perfId}-compression`} />
          <div id={`${perfId}-compression`} className="hv-option-description">
            The memory of the virtual machine being migrated is compressed and then copied over the network to the destination server over a TCP/IP connection.
          </div>
          <Radio value="SMB" label="SMB" aria-describedby={`${perfId}-smb`} />
          <div id={`${perfId}-smb`} className="hv-option-description">
            The memory of the virtual machine is copied over the network to the destination server over an SMB connection. SMB Direct will be used when the
            network adapters of both the source and destination server have Remote Direct Memory Access (RDMA) capabilities enabled.
          </div>
        </RadioGroup>
      </SettingsGroup>
    </>
  );
});
