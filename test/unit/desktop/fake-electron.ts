// A recording stand-in for the `electron` module (the runtime is not installed where tests run).
// `vi.mock('electron', async () => (await import('./fake-electron')).electron)`; call resetFakeElectron()
// before each scenario. Only what the desktop door uses is modelled.
import { vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>();

  on(event: string, fn: Listener): this {
    this.list(event).push({ fn, once: false });
    return this;
  }

  once(event: string, fn: Listener): this {
    this.list(event).push({ fn, once: true });
    return this;
  }

  addListener(event: string, fn: Listener): this {
    return this.on(event, fn);
  }

  removeListener(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      this.list(event).filter((l) => l.fn !== fn),
    );
    return this;
  }

  off(event: string, fn: Listener): this {
    return this.removeListener(event, fn);
  }

  removeAllListeners(event?: string): this {
    if (event === undefined) this.listeners.clear();
    else this.listeners.delete(event);
    return this;
  }

  listenerCount(event: string): number {
    return this.list(event).length;
  }

  emit(event: string, ...args: unknown[]): unknown[] {
    const entries = [...this.list(event)];
    this.listeners.set(
      event,
      this.list(event).filter((l) => !l.once),
    );
    return entries.map((l) => (l.fn as (...a: unknown[]) => unknown)(...args));
  }

  private list(event: string): { fn: Listener; once: boolean }[] {
    let l = this.listeners.get(event);
    if (!l) this.listeners.set(event, (l = []));
    return l;
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
    public processId = 7,
    public routingId = 1,
  ) {}
}

/** An Electron-style event: `preventDefault()` records that it was called. */
export function fakeEvent<T extends object>(fields: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends FakeEmitter {
  mainFrame = new FakeWebFrame('hvlab://console/index.html');
  readonly sent: [string, unknown][] = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  destroyed = false;
  readonly reloadIgnoringCache = vi.fn();
  readonly toggleDevTools = vi.fn();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, structuredClone(payload)]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly progress: [number, unknown][] = [];
  bounds: Bounds;
  loadedUrl?: string;
  maximized = false;
  minimized = false;
  visible = false;
  focused = 0;
  destroyed = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.instances.push(this);
    const n = (k: string, d: number) => (typeof options[k] === 'number' ? options[k] : d);
    this.bounds = { x: n('x', 160), y: n('y', 90), width: n('width', 800), height: n('height', 600) };
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  setProgressBar(progress: number, options?: unknown): void {
    this.progress.push([progress, options]);
  }

  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isFullScreen(): boolean {
    return false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isVisible(): boolean {
    return this.visible;
  }

  maximize(): void {
    this.maximized = true;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused++;
  }

  /** As BrowserWindow.close(): 'close' (which may be prevented), then 'closed'. */
  close(): void {
    const event = fakeEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeNotification extends FakeEmitter {
  static shown: { title?: string; body?: string }[] = [];
  static supported = true;

  constructor(readonly options: { title?: string; body?: string }) {
    super();
  }

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

class FakeIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  lock = true;
  userData = '/nonexistent';
  readonly quit = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly enableSandbox = vi.fn();
  ready = Promise.resolve();

  requestSingleInstanceLock(): boolean {
    return this.lock;
  }

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }

  getVersion(): string {
    return '0.1.0';
  }

  whenReady(): Promise<void> {
    return this.ready;
  }
}

export interface FakeSession {
  protocol: { handlers: Map<string, (request: Request) => Promise<Response>>; handle(scheme: string, fn: (request: Request) => Promise<Response>): void };
  webRequest: {
    headersReceived?: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    onHeadersReceived(fn: FakeSession['webRequest']['headersReceived']): void;
    onBeforeRequest(fn: FakeSession['webRequest']['beforeRequest']): void;
  };
  permissionRequest?: (contents: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
  permissionCheck?: (contents: unknown, permission: string) => boolean;
  devicePermission?: (details: unknown) => boolean;
  setPermissionRequestHandler(fn: FakeSession['permissionRequest']): void;
  setPermissionCheckHandler(fn: FakeSession['permissionCheck']): void;
  setDevicePermissionHandler(fn: FakeSession['devicePermission']): void;
}

export function fakeSession(): FakeSession {
  const s: FakeSession = {
    protocol: {
      handlers: new Map(),
      handle(scheme, fn) {
        s.protocol.handlers.set(scheme, fn);
      },
    },
    webRequest: {
      onHeadersReceived(fn) {
        s.webRequest.headersReceived = fn;
      },
      onBeforeRequest(fn) {
        s.webRequest.beforeRequest = fn;
      },
    },
    setPermissionRequestHandler(fn) {
      s.permissionRequest = fn;
    },
    setPermissionCheckHandler(fn) {
      s.permissionCheck = fn;
    },
    setDevicePermissionHandler(fn) {
      s.devicePermission = fn;
    },
  };
  return s;
}

/** MessagePortMain over one end of a real node MessageChannel (messages are cloned as between processes). */
export class FakeMessagePortMain {
  constructor(private readonly port: MessagePort) {}
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  on(_event: 'message', listener: (e: { data: unknown; ports: FakeMessagePortMain[] }) => void): this {
    this.port.on('message', (data: unknown) => listener({ data, ports: [] }));
    return this;
  }
  start(): void {}
  close(): void {
    this.port.close();
  }
}

export class FakeMessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new FakeMessagePortMain(port1);
    this.port2 = new FakeMessagePortMain(port2);
  }
}

/**
 * utilityProcess.fork's child, in this thread: the real engine entry (doors/worker/engine-worker.ts,
 * serveElectronParent) given a stand-in for process.parentPort. crash() ends it as a dying process
 * would; kill() as Electron's kill does. Spies on engine classes see its calls.
 */
export class FakeUtilityProcess extends FakeEmitter {
  static forked: FakeUtilityProcess[] = [];
  private readonly parent = new FakeEmitter();
  private readonly entry: Promise<{ dispose(): void }>;
  private ports: FakeMessagePortMain[] = [];
  exited = false;

  constructor(
    readonly modulePath: string,
    readonly options: unknown,
  ) {
    super();
    FakeUtilityProcess.forked.push(this);
    this.entry = import('../../../doors/worker/engine-worker').then((m) => m.serveElectronParent(this.parent as never));
  }

  postMessage(message: unknown, transfer: FakeMessagePortMain[] = []): void {
    this.ports.push(...transfer);
    void this.entry.then(() => this.parent.emit('message', { data: message, ports: transfer }));
  }

  kill(): boolean {
    return this.end(0);
  }

  crash(code = 1): boolean {
    return this.end(code);
  }

  private end(code: number): boolean {
    if (this.exited) return false;
    this.exited = true;
    void this.entry.then((served) => {
      served.dispose();
      for (const port of this.ports) port.close();
      setImmediate(() => this.emit('exit', code));
    });
    return true;
  }
}

export interface Display {
  workArea: Bounds;
}

function build() {
  const displays: Display[] = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: Object.assign(new FakeEmitter(), { invoke: vi.fn(), send: vi.fn() }),
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    session: { defaultSession: fakeSession() },
    screen: { displays, getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => ({ template }) },
    dialog: {
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
    },
    shell: { openPath: vi.fn(), openExternal: vi.fn() },
    utilityProcess: { fork: vi.fn((modulePath: string, _args?: string[], options?: unknown) => new FakeUtilityProcess(modulePath, options)) },
    MessageChannelMain: FakeMessageChannelMain,
  };
}

/** The mocked module; its members are replaced in place by resetFakeElectron(). */
export const electron = build();

export function resetFakeElectron(): typeof electron {
  Object.assign(electron, build());
  FakeBrowserWindow.instances = [];
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  FakeUtilityProcess.forked = [];
  return electron;
}
