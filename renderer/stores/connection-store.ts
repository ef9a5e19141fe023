// The state of the line to the engine, for the banner, the error page and the status bar.
import { action, computed, makeObservable, observable } from 'mobx';
import type { ConnectionSource, ConnectionStatus } from '../bridge/connection';

export class ConnectionStore {
  status: ConnectionStatus;
  private readonly unsubscribe: () => void;

  constructor(private readonly source: ConnectionSource) {
    this.status = source.status();
    makeObservable(this, {
      status: observable.ref,
      set: action,
      connected: computed,
      label: computed,
    });
    this.unsubscribe = source.onStatus((s) => this.set(s));
  }

  set(status: ConnectionStatus): void {
    this.status = status;
  }

  get connected(): boolean {
    return this.status.phase === 'connected';
  }

  /** Short text for the status bar. */
  get label(): string {
    const where = this.status.transport === 'desktop' ? 'desktop engine' : this.status.transport === 'dev' ? 'development fake engine' : 'engine';
    switch (this.status.phase) {
      case 'connected':
        return `Connected to the ${where}`;
      case 'connecting':
        return `Connecting to the ${where}…`;
      case 'reconnecting':
        return 'Disconnected — reconnecting…';
      case 'failed':
        return 'Not connected';
    }
  }

  retry(): void {
    this.source.retry();
  }

  dispose(): void {
    this.unsubscribe();
  }
}
