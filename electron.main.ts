// The desktop door's composition root: one instance, settings in electron-store, the world beside
// them, the engine host, one hardened window on the app's own origin, the IPC bridge, the menu bar,
// taskbar progress and job notifications. Logic lives in doors/desktop/; this file only wires it.
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session } from 'electron';
import ElectronStore from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHost } from './doors/common/engine-host';
import { JsonStateStore } from './doors/node/json-state-store';
import { FileLogger } from './doors/node/file-logger';
import { fileAsideStore, nodeScenarioFiles } from './doors/node/scenario-files';
import { guardUnsavedClose, openRecentScenario, withNativeScenarioDialogs } from './doors/desktop/scenario-dialogs';
import type { Job } from './engine/model/jobs';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererProtocolHandler } from './doors/desktop/app-protocol';
import { appMenuTemplate } from './doors/desktop/app-menu';
import { APP_ID, PRODUCT_NAME } from './doors/desktop/app-identity';
import { openDesktopSettings, worldFilePath } from './doors/desktop/desktop-settings';
import { installIpcBridge } from './doors/desktop/ipc-bridge';
import { createPdfPrinter, withPdfReports } from './doors/desktop/lab-report-pdf';
import { createJobNotifier, JobWatcher } from './doors/desktop/job-notifier';
import { claimSingleInstance, focusWindow } from './doors/desktop/single-instance';
import { TaskbarProgress } from './doors/desktop/taskbar-progress';
import { guardWebContents, hardenSession } from './doors/desktop/window-security';
import { MIN_WINDOW_SIZE, restoreWindowState, trackWindowState } from './doors/desktop/window-state';

// Built layout: dist/electron/{main,preload}.cjs beside dist/renderer/.
const here = __dirname;
const rendererDir = join(here, '..', 'renderer');
const dev = !app.isPackaged;
let mainWindow: BrowserWindow | undefined;

// Before ready: every renderer sandboxed (not only ours), and the app's own scheme registered.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const userData = app.getPath('userData');
  const settings = openDesktopSettings(userData, (options) => new ElectronStore<Record<string, unknown>>(options));
  // electron-store answers any page's synchronous 'electron-store-get-data' with the user-data path;
  // the console never uses electron-store in a page, so that channel is closed.
  ipcMain.removeAllListeners('electron-store-get-data');
  const engineHost = new EngineHost({
    store: new JsonStateStore(worldFilePath(userData)),
    settings: settings.store,
    notices: settings.notice ? [settings.notice] : [],
    logger: new FileLogger(join(userData, 'logs')),
    scenarios: { files: nodeScenarioFiles(userData), aside: fileAsideStore(join(userData, 'world-aside.json')), nativeDialogs: true },
  });

  hardenSession(session.defaultSession);
  session.defaultSession.protocol.handle(APP_SCHEME, createRendererProtocolHandler(rendererDir));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  const restored = restoreWindowState(engineHost.settings, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const iconFile = join(here, 'icon.png');
  const icon = existsSync(iconFile) ? { icon: iconFile } : {};
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#ffffff',
    ...icon,
    // Electron's security checklist, stated at the call where static checkers (Electronegativity) look.
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: dev,
    },
  });
  mainWindow = win;
  const windowState = trackWindowState(win, engineHost.settings);
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });

  // File → Open / Save As show native dialogs; closing with unsaved changes asks Save / Don't Save / Cancel.
  const scenarioDialogs = {
    dialog,
    window: () => mainWindow,
    scenarios: engineHost.scenarios,
    onSaveFailed: (error: { message: string }) => void dialog.showMessageBox(win, { type: 'error', title: PRODUCT_NAME, message: error.message, buttons: ['OK'] }),
  };
  const unguard = guardUnsavedClose(win, scenarioDialogs);
  const bridge = installIpcBridge({
    ipcMain,
    // Lab reports also come as PDF on the desktop (untested without the Electron runtime).
    engine: withNativeScenarioDialogs(
      withPdfReports(engineHost, createPdfPrinter((options) => new BrowserWindow({
        ...options,
        // The hidden report window: sandboxed, no script, no preload.
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
      })), (err) => console.warn('hvlab: the lab report could not be printed to PDF', err)),
      scenarioDialogs,
    ),
    window: win,
    onRefused: (channel, url) => console.warn(`hvlab: refused IPC on ${channel} from ${url}`),
  });
  const taskbar = new TaskbarProgress(win);
  const notifyEnded = createJobNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    focus: () => focusWindow(mainWindow),
    ...icon,
  });
  const watcher = new JobWatcher(
    {
      activeJobs: () => engineHost.engine.activeJobs(),
      allJobs: () => {
        const jobs = engineHost.engine.query({ name: 'jobs' });
        return jobs.ok ? (jobs.value as Job[]) : [];
      },
    },
    { progress: (active) => taskbar.update(active), ended: notifyEnded },
  );
  const setMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({
    send: (command) => bridge.menu(command),
    openRecent: (key) => void openRecentScenario(key, scenarioDialogs).then((r) => {
      if (!r.ok && r.error.message !== 'Cancelled.') scenarioDialogs.onSaveFailed(r.error);
    }),
    quit: () => app.quit(),
    about: () => void dialog.showMessageBox(win, {
      type: 'info',
      title: `About ${PRODUCT_NAME}`,
      message: PRODUCT_NAME,
      detail: `Version ${app.getVersion()}\nLearn and rehearse Hyper-V VM mobility offline, over a simulated datacenter.\nElectron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
      buttons: ['OK'],
    }),
    reload: () => win.webContents.reloadIgnoringCache(),
    toggleDevTools: () => win.webContents.toggleDevTools(),
  }, { dev, platform: process.platform, recent: engineHost.scenarios.status().recent })));
  setMenu();
  let recentKeys = JSON.stringify(engineHost.scenarios.status().recent);
  const unsubscribe = engineHost.subscribe((event) => {
    bridge.forward(event);
    watcher.onEvent(event);
    // The recent list is in the File menu: rebuilt when it changes.
    if (event.type === 'scenario' && JSON.stringify(event.status.recent) !== recentKeys) {
      recentKeys = JSON.stringify(event.status.recent);
      setMenu();
    }
  });

  win.on('closed', () => {
    mainWindow = undefined;
  });
  app.once('will-quit', () => {
    unguard();
    windowState.dispose();
    unsubscribe();
    bridge.dispose();
    for (const unsaved of engineHost.flush()) console.error(`hvlab: ${unsaved}`);
    engineHost.dispose();
  });
  if (!existsSync(join(rendererDir, 'index.html'))) {
    dialog.showErrorBox(PRODUCT_NAME, `The console is not built yet (${join(rendererDir, 'index.html')} is missing): run \`npm run build\`.`);
  }
  void win.loadURL(APP_ENTRY_URL);
}

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
