// "New team", as Server Manager's NIC Teaming dialog asks for it: a name, the member adapters (the
// ones not in a team yet), the teaming mode and the load balancing mode. OK sends New-NetLbfoTeam;
// the engine's refusal is shown in the dialog.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import type { ContractError, NetworkView } from '../../../engine/contract';
import { useRoot } from '../app/root-context';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { LOAD_BALANCING, TEAMING_MODES, speedText, type LoadBalancingAlgorithm, type TeamingMode } from './net-format';

export const TeamDialog = observer(function TeamDialog({ view, onClose }: { view: NetworkView; onClose(): void }) {
  const { network } = useRoot();
  const [name, setName] = useState(() => nextTeamName(view));
  const [members, setMembers] = useState<string[]>([]);
  const [mode, setMode] = useState<TeamingMode>('SwitchIndependent');
  const [lb, setLb] = useState<LoadBalancingAlgorithm>('Dynamic');
  const [error, setError] = useState<ContractError | undefined>();
  const [busy, setBusy] = useState(false);
  const membersLabel = useId();
  const candidates = view.adapters.filter((a) => !a.team);
  const rdmaMembers = candidates.filter((a) => members.includes(a.name) && a.rdmaEnabled);
  const script = `New-NetLbfoTeam -Name ${quote(name || '<name>')} -TeamMembers ${members.length ? members.map(quote).join(',') : '<adapters>'} -TeamingMode ${mode} -LoadBalancingAlgorithm ${lb} -CimSession ${view.host}`;

  const ok = async () => {
    setBusy(true);
    const result = await network.invoke({
      cmdlet: 'New-NetLbfoTeam',
      params: { Name: name.trim(), TeamMembers: members, TeamingMode: mode, LoadBalancingAlgorithm: lb, CimSession: [view.host] },
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <WindowFrame title={`New team — ${view.host}`} className="hv-team-dialog" testId="team-dialog" onCancel={onClose} minWidth={360} minHeight={260}>
      <WindowContent>
        <div className="hv-form">
          <Field label="Team name" required>
            <Input value={name} onChange={(_e, d) => setName(d.value)} data-testid="team-name" />
          </Field>
          <fieldset className="hv-fieldset" aria-labelledby={membersLabel}>
            <legend id={membersLabel}>Member adapters</legend>
            {candidates.length === 0 && <p className="hv-text-muted">Every adapter of {view.host} is already in a team.</p>}
            {candidates.map((a) => (
              <Checkbox
                key={a.name}
                checked={members.includes(a.name)}
                onChange={(_e, d) => setMembers((m) => (d.checked ? [...m, a.name] : m.filter((x) => x !== a.name)))}
                label={`${a.name} — ${a.description}, ${speedText(a.speedGbps)}${a.rdmaType !== 'none' ? `, RDMA ${a.rdmaType}${a.rdmaEnabled ? ' (enabled)' : ''}` : ''}${a.linkUp ? '' : ', link down'}`}
                data-testid={`team-member-${a.name}`}
              />
            ))}
          </fieldset>
          <div className="hv-form-row">
            <Field label="Teaming mode">
              <Select value={mode} onChange={(_e, d) => setMode(TEAMING_MODES.find((m) => m.value === d.value)?.value ?? mode)} data-testid="team-mode">
                {TEAMING_MODES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Load balancing mode">
              <Select value={lb} onChange={(_e, d) => setLb(LOAD_BALANCING.find((m) => m.value === d.value)?.value ?? lb)} data-testid="team-lb">
                {LOAD_BALANCING.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {rdmaMembers.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="team-rdma-warning">
              <MessageBarBody>
                {rdmaMembers.map((a) => a.name).join(', ')} {rdmaMembers.length === 1 ? 'has' : 'have'} RDMA enabled. In Windows Server 2012 R2 teamed adapters
                do not support RDMA: SMB Direct will stop using {rdmaMembers.length === 1 ? 'it' : 'them'}. SMB Multichannel already aggregates and fails over
                un-teamed RDMA adapters.
              </MessageBarBody>
            </MessageBar>
          )}
          <div>
            <div className="hv-text-muted">PowerShell</div>
            <pre className="hv-command-text" data-testid="team-script">
              {script}
            </pre>
          </div>
          {error && (
            <MessageBar intent="error" layout="multiline" data-testid="team-error">
              <MessageBarBody>
                New-NetLbfoTeam : {error.message}
                {error.fix ? ` ${error.fix}` : ''}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </WindowContent>
      <WindowButtons>
        <Button
          appearance="primary"
          data-default-button
          disabled={busy || !name.trim() || members.length === 0}
          onClick={() => void ok()}
          data-testid="team-ok"
        >
          OK
        </Button>
        <Button onClick={onClose} data-testid="team-cancel">
          Cancel
        </Button>
      </WindowButtons>
    </WindowFrame>
  );
});

function nextTeamName(view: NetworkView): string {
  const taken = new Set(view.teams.map((t) => t.name.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`team${i}`)) return `Team${i}`;
}

function quote(s: string): string {
  return /^[\w.-]+$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}
