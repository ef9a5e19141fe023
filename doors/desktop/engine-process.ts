// The desktop's engine process: doors/worker/engine-worker.ts (bundled as engine-worker.cjs) in an
// Electron utility process, talking over a MessageChannelMain whose second port it is handed in the
// first message. Electron's modules are passed in by electron.main.ts (the only file that loads
// electron), so the fakes of test/unit/desktop can stand for them.
import type { ForkOptions, MessageChannelMain, UtilityProcess } from 'electron';
import type { EngineThread } from '../worker/engine-client';
import { fromElectronPort } from '../worker/engine-protocol';
import { PRODUCT_NAME } from './app-identity';

export const ENGINE_PROCESS_FILE = 'engine-worker.cjs';

export interface UtilityProcessApi {
  fork(modulePath: string, args?: string[], options?: ForkOptions): Pick<UtilityProcess, 'postMessage' | 'once' | 'kill'>;
}

/** Forks the engine (modulePath: dist/electron/engine-worker.cjs) and connects a port to it. */
export function forkEngineProcess(
  utilityProcess: UtilityProcessApi,
  newChannel: () => Pick<MessageChannelMain, 'port1' | 'port2'>,
  modulePath: string,
): EngineThread {
  // Shown in the OS task manager and Electron's process list.
  const child = utilityProcess.fork(modulePath, [], { serviceName: `${PRODUCT_NAME} engine` });
  const { port1, port2 } = newChannel();
  child.postMessage({ type: 'connect' }, [port2]);
  return {
    port: fromElectronPort(port1),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
