// The desktop door's composition root: one instance, the engine in a utility process (it opens the
// settings, the world and the scenarios in userData), one hardened window on the app's own origin,
// the IPC bridge, the menu bar, taskbar progress and job notifications. The main process keeps only
// what must run here (windows, menus, native dialogs), so a long simulation or a save never blocks
// them. Logic lives in doors/; this file only wires it.
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, Menu, Notification, protocol, screen, session, utilityProcess } from 'electron';
import ElectronStore from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient } from './doors/worker/engine-client';
import { LOG_DIR } from './doors/worker/data-folder-host';
import { FileLogger } from './doors/node/file-logger';
import { guardUnsavedClose, openRecentScenario, withNativeScenarioDialogs } from './doors/desktop/scenario-dialogs';
import { ENGINE_PROCESS_FILE, forkEngineProcess } from './doors/desktop/engine-process';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererProtocolHandler } from './doors/desktop/app-protocol';
import { appMenuTemplate } from './doors/desktop/app-menu';
import { APP_ID, PRODUCT_NAME } from './doors/desktop/app-identity';
import { installIpcBridge } from './doors/desktop/ipc-bridge';
import { createPdfPrinter, withPdfReports } from './doors/desktop/lab-report-pdf';
import { createJobNotifier } from './doors/desktop/job-notifier';
import { claimSingleInstance, focusWindow } from './doors/desktop/single-instance';
import { TaskbarProgress } from './doors/desktop/taskbar-progress';
import { guardWebContents, hardenSession } from './doors/desktop/window-security';
import { MIN_WINDOW_SIZE, restoreWindowState, trackWindowState } from './doors/desktop/window-state';
import { openWindowSettings } from './doors/desktop/desktop-settings';

// Built layout: dist/electron/{main,preload}.cjs beside dist/renderer/.
const here = __dirname;
const rendererDir = join(here, '..', 'renderer');
const dev = !app.isPackaged;
let mainWindow: BrowserWindow | undefined;

// Before ready: every renderer sandboxed (not only ours), and the app's own scheme registered.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const userData = app.getPath('userData');
  const logger = new FileLogger(join(userData, LOG_DIR));
  const engine = await EngineClient.start(
    () => forkEngineProcess(utilityProcess, () => new MessageChannelMain(), join(here, ENGINE_PROCESS_FILE)),
    {
      dataDir: userData,
      nativeDialogs: true,
      doorSettingKeys: [],
      watchJobs: true,
      startClock: true,
    },
    { logger },
  );
  // The window's bounds stay in the main process, in electron-store (the engine's process owns settings.json).
  const windowSettings = openWindowSettings(
    userData,
    (options) => new ElectronStore<Record<string, unknown>>(options),
    (err) => logger.log('warn', 'The window position could not be saved', err),
  );
  if (windowSettings.notice) logger.log('warn', windowSettings.notice);
  // electron-store answers any page's synchronous 'electron-store-get-data' with the user-data path;
  // the console never uses electron-store in a page, so that channel is closed.
  ipcMain.removeAllListeners('electron-store-get-data');
  const scenarios = engine.scenarioSession();

  hardenSession(session.defaultSession);
  session.defaultSession.protocol.handle(APP_SCHEME, createRendererProtocolHandler(rendererDir));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  const restored = restoreWindowState(windowSettings.store, screen.getAllDisplays(), screen.getPrimaryDisplay());
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
  const windowState = trackWindowState(win, windowSettings.store);
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });

  // File → Open / Save As show native dialogs; closing with unsaved changes asks Save / Don't Save / Cancel.
  const scenarioDialogs = {
    dialog,
    window: () => mainWindow,
    scenarios,
    onSaveFailed: (error: { message: string }) =>
      void dialog.showMessageBox(win, { type: 'error', title: PRODUCT_NAME, message: error.message, buttons: ['OK'] }),
  };
  const unguard = guardUnsavedClose(win, scenarioDialogs);
  const bridge = installIpcBridge({
    ipcMain,
    // Lab reports also come as PDF on the desktop (untested without the Electron runtime).
    engine: withNativeScenarioDialogs(
      withPdfReports(
        { handle: (raw) => engine.respond(raw) },
        createPdfPrinter(
          (options) =>
            new BrowserWindow({
              ...options,
              // The hidden report window: sandboxed, no script, no preload.
              webPreferences: {
                sandbox: true,
                contextIsolation: true,
                nodeIntegration: false,
                javascript: false,
                webSecurity: true,
                spellcheck: false,
                disableBlinkFeatures: 'Auxclick',
              },
            }),
        ),
        (err) => console.warn('hvlab: the lab report could not be printed to PDF', err),
      ),
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
  // The engine's process works out which jobs run and which just ended (doors/desktop/job-notifier.ts).
  engine.onJobs((active, ended) => {
    taskbar.update(active);
    for (const job of ended) notifyEnded(job);
  });
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          {
            send: (command) => bridge.menu(command),
            openRecent: (key) =>
              void openRecentScenario(key, scenarioDialogs).then((r) => {
                if (!r.ok && r.error.message !== 'Cancelled.') scenarioDialogs.onSaveFailed(r.error);
              }),
            quit: () => app.quit(),
            about: () =>
              void dialog.showMessageBox(win, {
                type: 'info',
                title: `About ${PRODUCT_NAME}`,
                message: PRODUCT_NAME,
                detail: `Version ${app.getVersion()}\nLearn and rehearse Hyper-V VM mobility offline, over a simulated datacenter.\nElectron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
                buttons: ['OK'],
              }),
            reload: () => win.webContents.reloadIgnoringCache(),
            toggleDevTools: () => win.webContents.toggleDevTools(),
          },
          { dev, platform: process.platform, recent: scenarios.status().recent },
        ),
      ),
    );
  setMenu();
  let recentKeys = JSON.stringify(scenarios.status().recent);
  const unsubscribe = engine.subscribe((event) => {
    bridge.forward(event);
    // The recent list is in the File menu: rebuilt when it changes.
    if (event.type === 'scenario' && JSON.stringify(event.status.recent) !== recentKeys) {
      recentKeys = JSON.stringify(event.status.recent);
      setMenu();
    }
  });

  win.on('closed', () => {
    mainWindow = undefined;
  });
  // Quitting waits for the engine's last save: the first 'will-quit' is held, the engine saves and
  // ends, then the app quits again.
  let engineStopped = false;
  app.on('will-quit', (event) => {
    if (engineStopped) return;
    event.preventDefault();
    unguard();
    windowState.dispose();
    unsubscribe();
    bridge.dispose();
    void engine.stop().then((unsaved) => {
      for (const line of unsaved) console.error(`hvlab: ${line}`);
      engineStopped = true;
      app.quit();
    });
  });
  if (!existsSync(join(rendererDir, 'index.html'))) {
    dialog.showErrorBox(PRODUCT_NAME, `The console is not built yet (${join(rendererDir, 'index.html')} is missing): run \`npm run build\`.`);
  }
  void win.loadURL(APP_ENTRY_URL);
}

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(start)
    .catch((err: Error) => {
      dialog.showErrorBox(PRODUCT_NAME, `The engine could not start: ${err.message}`);
      app.quit();
    });
}
