// Hyper-V Manager's Connect to Server...: the "Select Computer" dialog (Connect to virtualization
// server: Local computer, or Another computer with Browse...). Texts from Hyper-V Manager 2012 R2
// (TechNet, "Connect to a server"); renderer/stores/connect-server.ts decides what OK does.
import { observer } from 'mobx-react-lite';
import { useId, useRef } from 'react';
import { Button, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useRoot } from '../app/root-context';
import { AccessText, accessKeyProps } from '../shared/AccessKey';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { ComputerPicker } from '../wizard/ComputerPicker';

export const ConnectServerDialog = observer(function ConnectServerDialog() {
  const root = useRoot();
  const store = root.servers;
  const groupId = useId();
  const inputId = useId();
  const browseRef = useRef<HTMLButtonElement>(null);
  if (!store.open) return null;
  const closePicker = () => {
    store.setBrowsing(false);
    requestAnimationFrame(() => browseRef.current?.focus());
  };
  return (
    <WindowFrame title="Select Computer" className="hv-connect-server" testId="connect-server" onCancel={() => store.cancel()} minWidth={380} minHeight={200}>
      <WindowContent>
        <fieldset className="hv-connect-group">
          <legend id={groupId}>Connect to virtualization server</legend>
          <RadioGroup aria-labelledby={groupId} value={store.target} onChange={(_e, d) => store.setTarget(d.value === 'local' ? 'local' : 'another')}>
            <Radio
              value="local"
              label={<AccessText label={`&Local computer (the computer this console is running on: ${store.localName})`} />}
              {...accessKeyProps('&Local computer')}
              data-testid="connect-server-local"
            />
            <div className="hv-connect-another">
              <Radio
                value="another"
                label={<AccessText label="&Another computer:" />}
                {...accessKeyProps('&Another computer')}
                data-testid="connect-server-another"
              />
              <Input
                id={inputId}
                aria-label="Another computer"
                value={store.computer}
                disabled={store.target !== 'another'}
                onChange={(_e, d) => store.setComputer(d.value)}
                data-testid="connect-server-name"
              />
              <Button
                ref={browseRef}
                {...accessKeyProps('&Browse...')}
                disabled={store.target !== 'another'}
                onClick={() => store.setBrowsing(true)}
                data-testid="connect-server-browse"
              >
                <AccessText label="&Browse..." />
              </Button>
            </div>
          </RadioGroup>
        </fieldset>
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={() => store.ok()} data-testid="connect-server-ok">
          OK
        </Button>
        <Button onClick={() => store.cancel()}>Cancel</Button>
      </WindowButtons>
      {store.browsing && (
        <ComputerPicker
          hosts={root.inventory.hosts}
          source=""
          initial={store.computer}
          intro="Select the computer to connect to:"
          onChoose={(name) => {
            closePicker();
            store.choose(name);
          }}
          onCancel={closePicker}
        />
      )}
    </WindowFrame>
  );
});
