// Shows the first queued dialog: a Hyper-V-style error, information, a confirmation, About.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { version } from '../../../package.json';
import type { OpenDialog } from '../../stores/dialog-store';
import { useRoot } from '../app/root-context';
import { AccessButton } from '../shared/AccessKey';
import { PaneBoundary } from '../shared/PaneBoundary';
import { WindowButtons, WindowContent, WindowFrame } from '../shared/WindowFrame';
import { SettingsHost } from '../settings/SettingsHost';
import { MoveWizardHost } from '../wizard/MoveWizard';
import { NewVmWizardHost } from '../wizard/NewVmWizard';
import { EditVhdWizardHost } from '../wizard/EditVhdWizard';
import { InspectDiskHost } from '../wizard/InspectDisk';
import { NewVhdWizardHost } from '../wizard/NewVhdWizard';
import { ExportImportHost } from '../wizard/ExportImport';
import { ScenarioDialogs } from '../scenarios/ScenarioDialogs';
import { ConnectServerDialog } from '../manager/ConnectServerDialog';
import { VmConnectWindow } from '../vmconnect/VmConnectWindow';
import { TourPanel } from '../help/TourPanel';
import { HelpWindow } from '../help/HelpWindow';

export const DialogHost = observer(function DialogHost() {
  return (
    <>
      {/* Windows the user works in; a queued dialog (an error from their OK or Finish) opens over them. */}
      <DialogBoundaries />
    </>
  );
});

/** Each window behind its own error boundary: a crashed one says so and can be closed. */
const DialogBoundaries = observer(function DialogBoundaries() {
  const { wizards, settings, dialogs, servers, vmConnect, help, tour } = useRoot();
  const current = dialogs.current;
  return (
    <>
      {/* Windows that are not modal come first, so a dialog opened from them stays above them. */}
      <PaneBoundary name="Virtual Machine Connection" floating exits={[{ label: 'Close', run: () => vmConnect.close(), testId: 'pane-close-window' }]}>
        <VmConnectWindow />
      </PaneBoundary>
      <PaneBoundary name="Help" floating exits={[{ label: 'Close', run: () => help.close(), testId: 'pane-close-window' }]}>
        <HelpWindow />
      </PaneBoundary>
      <PaneBoundary name="Getting Started Tour" floating exits={[{ label: 'Close', run: () => tour.close(), testId: 'pane-close-window' }]}>
        <TourPanel />
      </PaneBoundary>
      <PaneBoundary name="Move Wizard" floating exits={[{ label: 'Close', run: () => wizards.close(), testId: 'pane-close-window' }]}>
        <MoveWizardHost />
        <NewVmWizardHost />
        <ExportImportHost />
      </PaneBoundary>
      <PaneBoundary name="Virtual hard disk" floating exits={[{ label: 'Close', run: () => wizards.disks.closeAll(), testId: 'pane-close-window' }]}>
        <NewVhdWizardHost />
        <EditVhdWizardHost />
        <InspectDiskHost />
      </PaneBoundary>
      <PaneBoundary name="Settings" floating exits={[{ label: 'Close', run: () => settings.close(), testId: 'pane-close-window' }]}>
        <SettingsHost />
      </PaneBoundary>
      <PaneBoundary name="Connect to Server" floating exits={[{ label: 'Close', run: () => servers.cancel(), testId: 'pane-close-window' }]}>
        <ConnectServerDialog />
      </PaneBoundary>
      {/* Not floating: its message must not cover the console when there is no store to close it from. */}
      <PaneBoundary name="Datacenter files">
        <ScenarioDialogs />
      </PaneBoundary>
      <PaneBoundary
        name="Hyper-V Manager message"
        floating
        exits={current ? [{ label: 'Close', run: () => dialogs.close(current.id), testId: 'pane-close-window' }] : []}
      >
        <QueuedDialog />
      </PaneBoundary>
    </>
  );
});

const QueuedDialog = observer(function QueuedDialog() {
  const { dialogs } = useRoot();
  const dialog = dialogs.current;
  if (!dialog) return null;
  const close = () => dialogs.close(dialog.id);
  const cancel = () => {
    close();
    if (dialog.kind === 'confirm') dialog.onCancel?.();
  };
  return (
    <WindowFrame key={dialog.id} title={titleOf(dialog)} className="hv-message" testId={`dialog-${dialog.kind}`} onCancel={cancel}>
      <Content dialog={dialog} close={close} />
    </WindowFrame>
  );
});

function titleOf(dialog: OpenDialog): string {
  switch (dialog.kind) {
    case 'error':
    case 'info':
    case 'confirm':
      return dialog.title;
    case 'about':
      return 'About Hyper-V Mobility Lab';
  }
}

function Content({ dialog, close }: { dialog: OpenDialog; close(): void }) {
  switch (dialog.kind) {
    case 'error':
      return <ErrorContent dialog={dialog} close={close} />;
    case 'info':
      return (
        <>
          <WindowContent>
            <div className="hv-dialog-body">
              <span className="hv-dialog-icon info" aria-hidden="true">
                <InfoRegular />
              </span>
              <div className="hv-dialog-text">
                <p>{dialog.message}</p>
              </div>
            </div>
          </WindowContent>
          <WindowButtons>
            <Button appearance="primary" data-default-button onClick={close}>
              OK
            </Button>
          </WindowButtons>
        </>
      );
    case 'confirm':
      return (
        <>
          <WindowContent>
            <div className="hv-dialog-body">
              <span className="hv-dialog-icon warning" aria-hidden="true">
                <WarningRegular />
              </span>
              <div className="hv-dialog-text">
                <p>{dialog.message}</p>
                {dialog.detail && <p>{dialog.detail}</p>}
              </div>
            </div>
          </WindowContent>
          <WindowButtons>
            <Button
              appearance="primary"
              data-default-button
              data-testid="confirm-ok"
              onClick={() => {
                close();
                dialog.onConfirm();
              }}
            >
              {dialog.confirmLabel}
            </Button>
            <Button
              onClick={() => {
                close();
                dialog.onCancel?.();
              }}
              data-testid="confirm-cancel"
            >
              {dialog.cancelLabel ?? 'Cancel'}
            </Button>
          </WindowButtons>
        </>
      );
    case 'about':
      return <AboutContent close={close} />;
  }
}

function ErrorContent({ dialog, close }: { dialog: Extract<OpenDialog, { kind: 'error' }>; close(): void }) {
  const [details, setDetails] = useState(true);
  const e = dialog.error;
  return (
    <>
      <WindowContent>
        <div className="hv-dialog-body" role="alert">
          <span className="hv-dialog-icon error" aria-hidden="true">
            <ErrorCircleRegular />
          </span>
          <div className="hv-dialog-text">
            <p>{dialog.intro}</p>
            {details && (
              <div className="hv-dialog-details" data-testid="error-message">
                {e.message}
                {e.fix && (
                  <>
                    {'\n\n'}
                    <strong>To fix this:</strong> {e.fix}
                  </>
                )}
                {(e.parameter || e.messageId !== undefined) && (
                  <>
                    {'\n\n'}
                    <span style={{ color: 'var(--hv-text-muted)' }}>
                      {e.parameter && <>Parameter: {e.parameter}</>}
                      {e.parameter && e.messageId !== undefined && ' · '}
                      {e.messageId !== undefined && <>Message ID: {e.messageId}</>}
                    </span>
                  </>
                )}
              </div>
            )}
          </div>
        </div>
      </WindowContent>
      <WindowButtons>
        <AccessButton label={details ? 'Hide &Details' : 'See &Details'} onClick={() => setDetails(!details)} aria-expanded={details} />
        <Button appearance="primary" data-default-button onClick={close} data-testid="error-close">
          Close
        </Button>
      </WindowButtons>
    </>
  );
}

const AboutContent = observer(function AboutContent({ close }: { close(): void }) {
  const { inventory, connection } = useRoot();
  return (
    <>
      <WindowContent>
        <div className="hv-dialog-text">
          <p>
            <strong>Hyper-V Mobility Lab</strong> {version}
          </p>
          <p>
            An offline console that looks and behaves like Windows Server 2012 R2 Hyper-V Manager, for learning and rehearsing live migration, storage migration
            and smart paging over a simulated datacenter.
          </p>
          <p>
            Lab: {inventory.world?.name ?? '—'} · {connection.label}.
          </p>
          <p style={{ color: 'var(--hv-text-muted)' }}>Not affiliated with Microsoft. Hyper-V and Windows Server are trademarks of Microsoft Corporation.</p>
        </div>
      </WindowContent>
      <WindowButtons>
        <Button appearance="primary" data-default-button onClick={close}>
          OK
        </Button>
      </WindowButtons>
    </>
  );
});
