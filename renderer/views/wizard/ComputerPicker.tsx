// "Select Computer": the Browse... of Specify Destination Computer (and of Connect to Server), listing the lab's hosts
// (in Windows it is the Active Directory object picker; the lab knows its computers directly).
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { Button, Radio, RadioGroup } from '@fluentui/react-components';
import type { Host } from '../../../engine/model/world';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';

export interface ComputerPickerProps {
  hosts: readonly Host[];
  /** The VM's own host, marked as such. */
  source: string;
  initial: string;
  /** The line above the list (the Move Wizard's by default). */
  intro?: string;
  onChoose(name: string): void;
  onCancel(): void;
}

export const ComputerPicker = observer(function ComputerPicker({ hosts, source, initial, intro, onChoose, onCancel }: ComputerPickerProps) {
  const first =
    hosts.find((h) => h.name.toLowerCase() === initial.trim().toLowerCase()) ?? hosts.find((h) => h.name.toLowerCase() !== source.toLowerCase()) ?? hosts[0];
  const [chosen, setChosen] = useState(first?.name ?? '');
  const labelId = useId();
  const ok = () => chosen && onChoose(chosen);
  return (
    <WindowFrame title="Select Computer" className="hv-picker" testId="computer-picker" onCancel={onCancel}>
      <WindowContent>
        <p id={labelId} className="hv-picker-intro">
          {intro ?? 'Select the computer running Hyper-V to move the virtual machine to:'}
        </p>
        <RadioGroup aria-labelledby={labelId} value={chosen} onChange={(_e, d) => setChosen(d.value)} className="hv-computer-list">
          {hosts.map((h) => (
            <Radio
              key={h.name}
              value={h.name}
              label={`${h.name} — Windows Server ${h.os === '2012R2' ? '2012 R2' : '2012'}, ${h.cpu.vendor} ${h.cpu.family}${h.name.toLowerCase() === source.toLowerCase() ? ' (the virtual machine is on this computer)' : ''}`}
            />
          ))}
        </RadioGroup>
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={ok} disabled={!chosen} data-testid="computer-picker-ok">
          OK
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </WindowButtons>
    </WindowFrame>
  );
});
