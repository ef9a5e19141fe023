// Where the browser host and the CLI keep the world and settings when not told otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HVLAB_DATA_DIR) return env.HVLAB_DATA_DIR;
  const base = env.XDG_CONFIG_HOME ?? (process.platform === 'win32' ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')) : join(homedir(), '.config'));
  return join(base, 'hyperv-mobility-lab');
}
