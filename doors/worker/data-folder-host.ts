// The engine host over a door's data folder, as both doors keep it: world.json, settings.json
// (conf — the library electron-store is built on, so the desktop's file is the same), the scenarios
// folder and the datacenter a lab keeps aside, and logs/. Opened in the engine's own thread
// (engine-service.ts), the one writer of these files.
import { join } from 'node:path';
import { EngineHost } from '../common/engine-host';
import type { WallTimer } from '../common/clock-driver';
import { JsonStateStore } from '../node/json-state-store';
import { FileLogger } from '../node/file-logger';
import { fileAsideStore, nodeScenarioFiles } from '../node/scenario-files';
import { openConfSettings } from '../node/conf-settings-store';

export const WORLD_FILE = 'world.json';
export const LOG_DIR = 'logs';

export interface DataFolderOptions {
  /** The desktop shows native Open / Save As dialogs (ScenarioStatus.nativeDialogs). */
  nativeDialogs?: boolean;
  startClock?: boolean;
  timer?: WallTimer;
}

export function openDataFolder(dataDir: string, options: DataFolderOptions = {}): EngineHost {
  const settings = openConfSettings(dataDir);
  return new EngineHost({
    store: new JsonStateStore(join(dataDir, WORLD_FILE)),
    settings: settings.store,
    notices: settings.notice ? [settings.notice] : [],
    logger: new FileLogger(join(dataDir, LOG_DIR)),
    scenarios: { files: nodeScenarioFiles(dataDir), aside: fileAsideStore(join(dataDir, 'world-aside.json')), nativeDialogs: options.nativeDialogs ?? false },
    ...(options.startClock === false ? { startClock: false } : {}),
    ...(options.timer ? { timer: options.timer } : {}),
  });
}
