// Hyper-V Manager's Connect to Server... ("Select Computer": Local computer, or Another computer
// by name or Browse...) and Remove Server. Both change only which servers the console tree shows
// (UiStore.removedServers); the hosts themselves stay in the datacenter. Texts follow Hyper-V
// Manager 2012 R2 (TechNet, "Hyper-V Manager" / "Connect to a server"); the error wording for a
// computer that is not a Hyper-V server is *unconfirmed*.
import { action, computed, makeObservable, observable } from 'mobx';
import type { ContractError } from '../../engine/contract';
import type { DialogStore } from './dialog-store';
import type { InventoryStore } from './inventory-store';
import type { UiStore } from './ui-store';

export type ConnectTarget = 'local' | 'another';

/** How a name typed in "Another computer" resolves: a Hyper-V host of the lab, or why not. */
export type ServerLookup = { ok: true; name: string } | { ok: false; error: ContractError };

const LOCAL_NAMES = new Set(['localhost', '.', '127.0.0.1', '::1']);

export function connectIntro(name: string): string {
  return `An error occurred while attempting to connect to server "${name}". Check that the Virtual Machine Management service is running and that you are authorized to connect to the server.`;
}

/** Resolves a computer name as the dialog takes it: short name, FQDN of the lab's domain, or localhost. */
export function lookUpServer(inventory: InventoryStore, typed: string): ServerLookup {
  const text = typed.trim();
  if (!text) return { ok: false, error: { code: 'InvalidParameter', message: 'Type the name of a computer, or choose Browse... to pick one.' } };
  const signedInOn = inventory.world?.session.signedInOn ?? '';
  const wanted = LOCAL_NAMES.has(text.toLowerCase()) ? signedInOn : text;
  // HV01.contoso.com names HV01 when contoso is its domain.
  const [short = '', ...rest] = wanted.split('.');
  const host = inventory.host(short);
  const domainOk = rest.length === 0 || (host !== undefined && rest[0]?.toLowerCase() === host.domain.toLowerCase());
  if (!host || !domainOk) {
    return {
      ok: false,
      error: {
        code: 'NotFound',
        message: `The computer '${text}' could not be resolved. Make sure you typed the machine name correctly and that you have network access.`,
        fix: `Computers in this lab: ${inventory.hosts.map((h) => h.name).join(', ')}.`,
      },
    };
  }
  if (host.role !== 'HyperV') {
    return {
      ok: false,
      error: {
        code: 'CommandRefused',
        message: `Hyper-V is not installed on computer '${host.name}'.`,
        fix: `${host.name} is a file server. Connect to one of the Hyper-V servers: ${inventory.hyperVHosts.map((h) => h.name).join(', ')}.`,
      },
    };
  }
  return { ok: true, name: host.name };
}

export class ConnectServerStore {
  open = false;
  target: ConnectTarget = 'another';
  computer = '';
  browsing = false;

  constructor(private readonly deps: { inventory: InventoryStore; ui: UiStore; dialogs: DialogStore }) {
    makeObservable(this, {
      open: observable,
      target: observable,
      computer: observable,
      browsing: observable,
      localName: computed,
      show: action,
      cancel: action,
      setTarget: action,
      setComputer: action,
      setBrowsing: action,
      choose: action,
      ok: action,
    });
  }

  /** The computer the console runs on (the lab's session). */
  get localName(): string {
    return this.deps.inventory.world?.session.signedInOn ?? 'localhost';
  }

  show(): void {
    this.open = true;
    this.target = 'another';
    this.computer = '';
    this.browsing = false;
  }

  cancel(): void {
    this.open = false;
    this.browsing = false;
  }

  setTarget(target: ConnectTarget): void {
    this.target = target;
  }

  setComputer(text: string): void {
    this.computer = text;
    this.target = 'another';
  }

  setBrowsing(browsing: boolean): void {
    this.browsing = browsing;
  }

  /** Browse... chose a computer. */
  choose(name: string): void {
    this.computer = name;
    this.target = 'another';
    this.browsing = false;
  }

  /** OK: the server joins the tree and is selected, or Hyper-V Manager's error says why not (the dialog stays open). */
  ok(): void {
    const typed = this.target === 'local' ? this.localName : this.computer;
    const found = lookUpServer(this.deps.inventory, typed);
    if (!found.ok) {
      this.deps.dialogs.show({ kind: 'error', title: 'Hyper-V Manager', intro: connectIntro(typed.trim() || '(no name)'), error: found.error });
      return;
    }
    this.deps.ui.addServer(found.name);
    this.deps.ui.selectServer(found.name);
    this.open = false;
  }
}
