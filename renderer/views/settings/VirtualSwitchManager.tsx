// "Virtual Switch Manager for <host>" (Windows Server 2012 R2 layout): on the left the switches,
// "New virtual network switch" and Global Network Settings (MAC Address Range); on the right the
// selected page. Apply and OK ask Hyper-V's "Apply Networking Changes" question, then run the
// PowerShell shown by "View script" (renderer/stores/vswitch-manager.ts). A switch over an RDMA
// adapter or a team of them is warned about on its page, in the engine's words.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { Button, Checkbox, Dropdown, Input, Option, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import { VLAN_ID_MAX, VLAN_ID_MIN, vEthernetName } from '../../../engine/common/virtual-switch';
import { SWITCH_TYPE_TEXT, type SwitchDraft, type SwitchManagerPage, type SwitchManagerStore, type SwitchType } from '../../stores/vswitch-manager';
import { SettingsFrame, SettingsGroup, type SettingsNavSection } from './SettingsFrame';

const TYPES: SwitchType[] = ['External', 'Internal', 'Private'];

function detailOf(store: SwitchManagerStore, d: SwitchDraft): string {
  if (d.type === 'Internal') return 'Internal only';
  if (d.type === 'Private') return 'Private virtual switch';
  return store.uplinks.find((u) => u.name.toLowerCase() === d.adapter.toLowerCase())?.description ?? (d.adapter || 'No adapter chosen');
}

export const VirtualSwitchManager = observer(function VirtualSwitchManager({ store }: { store: SwitchManagerStore }) {
  const errors = store.errors;
  const sections: SettingsNavSection[] = [
    {
      heading: 'Virtual Switches',
      items: [
        { id: 'new', label: 'New virtual network switch' },
        ...store.drafts.map((d) => ({
          id: `switch:${d.key}`,
          label: d.name.trim() || '(no name)',
          detail: detailOf(store, d),
          error: store.showErrors && !!errors[d.key],
        })),
      ],
    },
    {
      heading: 'Global Network Settings',
      items: [{ id: 'mac', label: 'MAC Address Range', detail: `${store.macMinimum} to ${store.macMaximum}`, error: store.showErrors && !!errors.mac }],
    },
  ];
  const current = store.current;
  const heading = store.page === 'new' ? 'Create virtual switch' : store.page === 'mac' ? 'MAC Address Range' : 'Virtual Switch Properties';
  return (
    <SettingsFrame
      title={`Virtual Switch Manager for ${store.host}`}
      testId="vswitch-manager"
      sections={sections}
      current={store.page}
      onSelect={(id) => store.setPage(id as SwitchManagerPage)}
      pageHeading={heading}
      script={store.script}
      scriptVisible={store.scriptVisible}
      onToggleScript={() => store.toggleScript()}
      errors={store.showErrors ? Object.values(errors) : []}
      applying={store.applying}
      applyingText={store.applyingText}
      canApply={store.dirty}
      onOk={() => void store.ok()}
      onCancel={() => store.cancel()}
      onApply={() => void store.apply()}
    >
      {store.page === 'new' && <NewSwitchPage store={store} />}
      {store.page === 'mac' && <MacRangePage store={store} />}
      {current && <SwitchPage store={store} draft={current} error={store.showErrors ? errors[current.key] : undefined} />}
    </SettingsFrame>
  );
});

const NewSwitchPage = observer(function NewSwitchPage({ store }: { store: SwitchManagerStore }) {
  const labelId = useId();
  return (
    <>
      <p id={labelId}>What type of virtual switch do you want to create?</p>
      <RadioGroup aria-labelledby={labelId} value={store.newType} onChange={(_e, d) => store.setNewType(d.value as SwitchType)} data-testid="vswitch-new-type">
        {TYPES.map((t) => (
          <Radio key={t} value={t} label={SWITCH_TYPE_TEXT[t].label} data-testid={`vswitch-new-${t}`} />
        ))}
      </RadioGroup>
      <div className="hv-vswitch-actions">
        <Button onClick={() => store.create()} data-testid="vswitch-create">
          Create Virtual Switch
        </Button>
      </div>
      <p className="hv-muted" data-testid="vswitch-new-what">
        {SWITCH_TYPE_TEXT[store.newType].what}
      </p>
    </>
  );
});

const SwitchPage = observer(function SwitchPage({ store, draft: d, error }: { store: SwitchManagerStore; draft: SwitchDraft; error: string | undefined }) {
  const nameId = useId();
  const notesId = useId();
  const adapterId = useId();
  const vlanId = useId();
  const typeLabel = useId();
  const warning = store.warningFor(d);
  const choices = store.uplinks.filter((u) => !store.boundElsewhere(u.name, d));
  const chosen = store.uplinks.find((u) => u.name.toLowerCase() === d.adapter.toLowerCase());
  const shared = d.type === 'Internal' || (d.type === 'External' && d.allowManagementOS);
  return (
    <>
      <div className="hv-settings-field">
        <label htmlFor={nameId}>Name:</label>
        <Input id={nameId} value={d.name} onChange={(_e, v) => store.set('name', v.value)} data-testid="vswitch-name" />
      </div>
      <div className="hv-settings-field">
        <label htmlFor={notesId}>Notes:</label>
        <Textarea id={notesId} rows={2} value={d.notes} onChange={(_e, v) => store.set('notes', v.value)} resize="vertical" data-testid="vswitch-notes" />
      </div>
      <SettingsGroup title="Connection type">
        <p id={typeLabel}>What do you want to connect this virtual switch to?</p>
        <RadioGroup aria-labelledby={typeLabel} value={d.type} onChange={(_e, v) => store.set('type', v.value as SwitchType)} data-testid="vswitch-type">
          <Radio value="External" label="External network:" data-testid="vswitch-type-External" />
          <div className="hv-vswitch-indent">
            <Dropdown
              id={adapterId}
              aria-label="External network adapter"
              disabled={d.type !== 'External'}
              value={chosen ? `${chosen.description} (${chosen.name})` : ''}
              selectedOptions={chosen ? [chosen.name] : []}
              placeholder="Choose a network adapter"
              onOptionSelect={(_e, v) => v.optionValue && store.set('adapter', v.optionValue)}
              data-testid="vswitch-adapter"
            >
              {choices.map((u) => (
                <Option key={u.name} value={u.name} text={`${u.description} (${u.name})`}>{`${u.description} (${u.name})`}</Option>
              ))}
            </Dropdown>
            <Checkbox
              label="Allow management operating system to share this network adapter"
              checked={d.type === 'External' ? d.allowManagementOS : false}
              disabled={d.type !== 'External'}
              onChange={(_e, v) => store.set('allowManagementOS', v.checked === true)}
              data-testid="vswitch-share"
            />
            {warning && (
              <p className="hv-note hv-note-warning" role="note" data-testid="vswitch-rdma-warning">
                <WarningFilled aria-hidden="true" />
                <span>{warning}</span>
              </p>
            )}
          </div>
          <Radio value="Internal" label="Internal network" data-testid="vswitch-type-Internal" />
          <Radio value="Private" label="Private network" data-testid="vswitch-type-Private" />
        </RadioGroup>
      </SettingsGroup>
      <SettingsGroup title="VLAN ID">
        <Checkbox
          label="Enable virtual LAN identification for management operating system"
          checked={shared && d.vlanEnabled}
          disabled={!shared}
          onChange={(_e, v) => store.set('vlanEnabled', v.checked === true)}
          data-testid="vswitch-vlan-enable"
        />
        <p className="hv-muted">
          The VLAN identifier specifies the virtual LAN that the management operating system uses for all its traffic through
          {shared ? ` '${vEthernetName(d.name.trim() || 'New Virtual Switch')}'` : ' this network adapter'}. It does not change the virtual machines' VLANs.
        </p>
        <div className="hv-settings-row">
          <label htmlFor={vlanId}>VLAN ID:</label>
          <Input
            id={vlanId}
            type="number"
            min={VLAN_ID_MIN}
            max={VLAN_ID_MAX}
            className="hv-number"
            value={d.vlanId}
            disabled={!shared || !d.vlanEnabled}
            onChange={(_e, v) => store.set('vlanId', v.value)}
            data-testid="vswitch-vlan-id"
          />
        </div>
      </SettingsGroup>
      {error && (
        <div className="hv-field-error" data-testid="vswitch-error">
          {error}
        </div>
      )}
      <div className="hv-vswitch-actions">
        <Button onClick={() => store.remove()} data-testid="vswitch-remove">
          Remove
        </Button>
      </div>
    </>
  );
});

const MacRangePage = observer(function MacRangePage({ store }: { store: SwitchManagerStore }) {
  const minId = useId();
  const maxId = useId();
  const error = store.showErrors ? store.errors.mac : undefined;
  return (
    <>
      <p>Specify the range of MAC addresses Hyper-V gives to virtual network adapters with a dynamic MAC address.</p>
      <div className="hv-vswitch-mac">
        <div className="hv-settings-row">
          <label htmlFor={minId}>Minimum:</label>
          <Input id={minId} value={store.macMinimum} onChange={(_e, v) => store.setMac('macMinimum', v.value)} data-testid="vswitch-mac-min" />
        </div>
        <div className="hv-settings-row">
          <label htmlFor={maxId}>Maximum:</label>
          <Input id={maxId} value={store.macMaximum} onChange={(_e, v) => store.setMac('macMaximum', v.value)} data-testid="vswitch-mac-max" />
        </div>
      </div>
      {error && (
        <div className="hv-field-error" data-testid="vswitch-mac-error">
          {error}
        </div>
      )}
      <p className="hv-muted">Each Hyper-V host needs its own range: two hosts giving out the same addresses put duplicate MAC addresses on the network.</p>
    </>
  );
});
