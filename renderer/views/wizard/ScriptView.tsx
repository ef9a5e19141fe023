// "View script": what the wizard or dialog will run, as PowerShell, behind a toggle.
import { useId } from 'react';
import { Button } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';

export function ScriptToggle({ open, onToggle, controls, testId }: { open: boolean; onToggle(): void; controls: string; testId?: string }) {
  return (
    <Button
      appearance="transparent"
      className="hv-script-toggle"
      icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      data-testid={testId}
    >
      View script
    </Button>
  );
}

export function ScriptText({
  id,
  text,
  pending,
  empty = 'Nothing to run: no setting has changed.',
  testId,
}: {
  id: string;
  text: string | undefined;
  pending?: boolean;
  empty?: string;
  testId?: string;
}) {
  const labelId = useId();
  return (
    <div id={id} className="hv-script">
      <div id={labelId} className="hv-script-label">
        Windows PowerShell
      </div>
      <pre tabIndex={0} aria-labelledby={labelId} data-testid={testId}>
        {pending ? 'Checking…' : text || empty}
      </pre>
    </div>
  );
}
