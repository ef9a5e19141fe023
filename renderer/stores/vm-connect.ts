// Virtual Machine Connection (VMConnect): the window Connect... opens on a VM. It shows the guest's
// screen as the VM's state and uptime make it (turned off, starting, the sign-in screen, the
// desktop, saved, paused), follows every change made elsewhere (the Manager, the PowerShell
// prompt, a move), and its toolbar and Action menu run the Manager's own actions (catalogue.ts),
// so the same cmdlets and confirmations apply. Only the guest's session is its own: Ctrl+Alt+
// Delete, signing in. Texts after Virtual Machine Connection in Windows Server 2012 R2 (TechNet,
// "Virtual Machine Connection Overview" and "Connect to a virtual machine"); the guest screens
// are drawn by this console.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Job } from '../../engine/model/jobs';
import type { Vm } from '../../engine/model/world';
import type { ClockStore } from './clock-store';
import type { InventoryStore } from './inventory-store';
import type { JobStore } from './job-store';

/**
 * Simulated time the guest takes from power-on to its sign-in screen. Illustrative only (a drawn
 * boot screen, no simulation depends on it); a Windows Server 2012 R2 guest on SSD-backed storage
 * typically boots in tens of seconds (*unconfirmed*).
 */
export const GUEST_BOOT_MS = 20_000;

/** What the screen area shows. */
export type GuestScreen =
  | { kind: 'off' }
  | { kind: 'saved' }
  | { kind: 'starting' }
  | { kind: 'booting'; percent: number }
  | { kind: 'lock' }
  | { kind: 'signin' }
  | { kind: 'security' }
  | { kind: 'desktop' }
  | { kind: 'stopping' }
  | { kind: 'gone' };

/** The guest session's own state: reset whenever the VM starts again. */
type Session = 'lock' | 'signin' | 'security' | 'desktop';

export class VmConnectStore {
  /** The VM the open window is connected to (one window at a time). */
  vmId: string | undefined = undefined;
  /** The VM's name when the window opened: what the window says if the VM is deleted. */
  vmName = '';
  session: Session = 'lock';
  /** The boot the session belongs to (the VM's startedAt): a restart starts at the lock screen again. */
  private sessionBoot: number | undefined = undefined;
  toolbarVisible = true;
  fullScreen = false;

  constructor(private readonly deps: { inventory: InventoryStore; jobs: JobStore; clock: ClockStore }) {
    makeObservable<VmConnectStore, 'sessionBoot'>(this, {
      vmId: observable,
      vmName: observable,
      session: observable,
      sessionBoot: observable,
      toolbarVisible: observable,
      fullScreen: observable,
      vm: computed,
      move: computed,
      screen: computed,
      open: action,
      close: action,
      ctrlAltDel: action,
      signIn: action,
      cancelSecurity: action,
      lock: action,
      signOut: action,
      toggleToolbar: action,
      toggleFullScreen: action,
    });
  }

  get vm(): Vm | undefined {
    return this.vmId === undefined ? undefined : this.deps.inventory.vm(this.vmId);
  }

  /** The move the VM is in, if any: the connection stays up through a live migration. */
  get move(): Job | undefined {
    return this.vmId === undefined ? undefined : this.deps.jobs.activeMoveByVm.get(this.vmId);
  }

  /** The move's stage now (Blackout: the guest is paused for the last memory pages). */
  get moveStage(): string | undefined {
    return this.move?.stages.find((s) => s.status === 'Running')?.name;
  }

  get screen(): GuestScreen {
    const vm = this.vm;
    if (!vm) return { kind: 'gone' };
    switch (vm.state) {
      case 'Off':
        return { kind: 'off' };
      case 'Saved':
        return { kind: 'saved' };
      case 'Starting':
        return { kind: 'starting' };
      case 'Stopping':
        return { kind: 'stopping' };
      case 'Running':
      case 'Paused': {
        const uptime = vm.startedAt === undefined ? GUEST_BOOT_MS : this.deps.clock.now - vm.startedAt;
        if (uptime < GUEST_BOOT_MS) return { kind: 'booting', percent: Math.max(0, Math.floor((uptime / GUEST_BOOT_MS) * 100)) };
        return { kind: this.sessionBoot === vm.startedAt ? this.session : 'lock' };
      }
    }
  }

  open(vm: Vm): void {
    if (this.vmId !== vm.id) {
      this.session = 'lock';
      this.sessionBoot = undefined;
    }
    this.vmId = vm.id;
    this.vmName = vm.name;
  }

  close(): void {
    this.vmId = undefined;
    this.fullScreen = false;
  }

  /** Action > Ctrl+Alt+Delete: the sign-in prompt from the lock screen, the security screen from the desktop. */
  ctrlAltDel(): void {
    const screen = this.screen.kind;
    if (screen === 'lock') this.setSession('signin');
    else if (screen === 'desktop') this.setSession('security');
  }

  signIn(): void {
    if (this.screen.kind === 'signin') this.setSession('desktop');
  }

  cancelSecurity(): void {
    if (this.screen.kind === 'security') this.setSession('desktop');
  }

  lock(): void {
    this.setSession('lock');
  }

  signOut(): void {
    this.setSession('lock');
  }

  toggleToolbar(): void {
    this.toolbarVisible = !this.toolbarVisible;
  }

  toggleFullScreen(): void {
    this.fullScreen = !this.fullScreen;
  }

  private setSession(session: Session): void {
    this.session = session;
    this.sessionBoot = this.vm?.startedAt;
  }
}
