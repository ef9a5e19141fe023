// Things the engine says once ('notice' events) and the console's own one-off messages.
import { action, makeObservable, observable } from 'mobx';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

const LIMIT = 5;

export class NoticeStore {
  readonly items = observable.array<Notice>([], { deep: false });
  private nextId = 1;

  constructor() {
    makeObservable(this, { add: action, dismiss: action });
  }

  add(level: Notice['level'], message: string): void {
    this.items.push({ id: this.nextId++, level, message });
    if (this.items.length > LIMIT) this.items.splice(0, this.items.length - LIMIT);
  }

  dismiss(id: number): void {
    const i = this.items.findIndex((n) => n.id === id);
    if (i >= 0) this.items.splice(i, 1);
  }
}
