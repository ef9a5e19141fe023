// Starts the real browser host (web.main.ts, as `npm start` does: its bundle dist/web/web-host.mjs,
// scripts/build-web.mjs) in a child process and waits for the URL it prints. Shared by the e2e
// fixture, the crash test and the renderer benchmark. The bundle is built (once per test process)
// when a source is newer than it; the runners' global setup builds it before any test starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_NODE_FLAGS } from '../../scripts/engine-node-flags.mjs';
import { ensureWebHostBuilt } from '../../scripts/build-web.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface WebHostProcess {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

export interface LaunchOptions {
  /** Serve the renderer through Vite's dev server (no build needed). */
  dev?: boolean;
  /** Its own process group, so one SIGKILL to the group stops the host and anything it started together. */
  detached?: boolean;
  timeoutMs?: number;
  /** 'remembered': no --port, so the host takes the port it kept in its data folder (default: any free port). */
  port?: number | 'remembered';
}

let built: Promise<string> | undefined;

/** The browser host's bundle, checked (and built if stale) once per process. */
export function webHostEntry(): Promise<string> {
  built ??= ensureWebHostBuilt();
  return built;
}

export async function launchWebHost(dataDir: string, options: LaunchOptions = {}): Promise<WebHostProcess> {
  const args = [
    ...ENGINE_NODE_FLAGS,
    await webHostEntry(),
    ...(options.port === 'remembered' ? [] : ['--port', String(options.port ?? 0)]),
    '--data-dir',
    dataDir,
    ...(options.dev ? ['--dev'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser host did not start:\n${output}`)), options.timeoutMs ?? 60_000);
    const onData = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code}):\n${output}`));
    });
  }).catch((e: unknown) => {
    stopNow(child, options.detached ?? false);
    throw e;
  });
  const parsed = new URL(url);
  return { url, port: Number(parsed.port), token: parsed.searchParams.get('token')!, dataDir, process: child, output: () => output };
}

function stopNow(child: ChildProcess, group: boolean): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(group ? -child.pid : child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export async function stopWebHost(host: WebHostProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (host.process.exitCode !== null || host.process.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    host.process.once('exit', () => resolve());
    host.process.kill(signal);
  });
}
