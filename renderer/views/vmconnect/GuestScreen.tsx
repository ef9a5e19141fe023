// The guest's screen inside Virtual Machine Connection, drawn by this console from the VM's state:
// VMConnect's own messages when the VM is off or saved (TechNet, "Virtual Machine Connection
// Overview"), then a Windows Server 2012 R2 guest: boot, lock screen, sign-in, desktop. A paused VM
// keeps its last picture under a "Paused" veil; during a live migration's blackout the picture
// freezes for that moment, and the connection stays up ("users are not cut off").
import { observer } from 'mobx-react-lite';
import { Button } from '@fluentui/react-components';
import type { VmConnectStore } from '../../stores/vm-connect';

export const GuestScreenView = observer(function GuestScreenView({ store }: { store: VmConnectStore }) {
  const vm = store.vm;
  const screen = store.screen;
  const name = vm?.name ?? store.vmName;
  const blackout = store.moveStage === 'Blackout';
  switch (screen.kind) {
    case 'gone':
      return <Message testId="guest-gone">The virtual machine &apos;{name}&apos; no longer exists on this server. Close this window.</Message>;
    case 'off':
      return (
        <Message testId="guest-off">
          The virtual machine &apos;{name}&apos; is turned off. To start the virtual machine, select Start from the Action menu.
        </Message>
      );
    case 'saved':
      return (
        <Message testId="guest-saved">
          The virtual machine &apos;{name}&apos; is saved. To restore the virtual machine from its saved state, select Start from the Action menu.
        </Message>
      );
    case 'starting':
      return <Message testId="guest-starting">The virtual machine &apos;{name}&apos; is starting...</Message>;
    case 'stopping':
      return (
        <div className="hv-guest hv-guest-boot" data-testid="guest-stopping">
          <div className="hv-guest-spinner" aria-hidden="true" />
          <p>Shutting down</p>
        </div>
      );
    default:
      break;
  }
  const paused = vm?.state === 'Paused';
  return (
    <div className="hv-guest-frame">
      <Guest store={store} />
      {(paused || blackout) && (
        <div className="hv-guest-veil" data-testid={paused ? 'guest-paused' : 'guest-blackout'}>
          {paused ? 'Paused' : `Moving to ${store.move?.destination ?? 'the destination'}: the picture resumes in a moment`}
        </div>
      )}
    </div>
  );
});

const Guest = observer(function Guest({ store }: { store: VmConnectStore }) {
  const screen = store.screen;
  const vm = store.vm;
  const running = vm?.state === 'Running';
  switch (screen.kind) {
    case 'booting':
      return (
        <div className="hv-guest hv-guest-boot" data-testid="guest-booting">
          <div className="hv-guest-logo" aria-hidden="true">
            <span />
            <span />
            <span />
            <span />
          </div>
          <div className="hv-guest-spinner" aria-hidden="true" />
          <p>Starting Windows ({screen.percent}%)</p>
        </div>
      );
    case 'lock':
      return (
        <div className="hv-guest hv-guest-lock" data-testid="guest-lock">
          <p className="hv-guest-big">{vm?.name}</p>
          <p>Press Ctrl+Alt+Delete to sign in.</p>
        </div>
      );
    case 'signin':
      return (
        <div className="hv-guest hv-guest-lock" data-testid="guest-signin">
          <div className="hv-guest-user" aria-hidden="true" />
          <p className="hv-guest-big">Administrator</p>
          <p>{vm?.name}\Administrator — a simulated guest: no password is asked.</p>
          <Button appearance="primary" disabled={!running} onClick={() => store.signIn()} data-testid="guest-sign-in">
            Sign in
          </Button>
        </div>
      );
    case 'security':
      return (
        <div className="hv-guest hv-guest-lock hv-guest-security" data-testid="guest-security">
          <Button appearance="transparent" disabled={!running} onClick={() => store.lock()}>
            Lock
          </Button>
          <Button appearance="transparent" disabled={!running} onClick={() => store.signOut()}>
            Sign out
          </Button>
          <Button appearance="transparent" disabled={!running} onClick={() => store.cancelSecurity()}>
            Cancel
          </Button>
        </div>
      );
    case 'desktop':
      return (
        <div className="hv-guest hv-guest-desktop" data-testid="guest-desktop">
          <div className="hv-guest-window">
            <div className="hv-guest-window-title">Server Manager • Local Server</div>
            <dl>
              <dt>Computer name</dt>
              <dd>{vm?.name}</dd>
              <dt>Processors</dt>
              <dd>{vm?.processorCount ?? 1} virtual processor(s)</dd>
              <dt>Host</dt>
              <dd>{vm?.host} (Hyper-V)</dd>
            </dl>
          </div>
          <div className="hv-guest-taskbar" aria-hidden="true">
            <span className="hv-guest-start" />
          </div>
        </div>
      );
    default:
      return null;
  }
});

function Message({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <div className="hv-guest-message" data-testid={testId}>
      <p>{children}</p>
    </div>
  );
}
