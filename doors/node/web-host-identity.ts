// The browser host's address and token across restarts. An open tab holds the token (in its
// sessionStorage) and reconnects to the same port on its own, so a restarted host that kept both
// is found again without a new URL (issue 12). They are kept in the data folder, readable by the
// user only (mode 0600): the token is the only thing between another local user and the console.
// A token the user gives is checked for length and never written down by the host.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { readUserFile } from './user-file';

/** The generated token's length (24 random bytes, base64url); a given one must be at least as long. */
export const MIN_TOKEN_LENGTH = 32;
/** Characters that go into the printed URL as they are (base64url's alphabet). */
const TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;
export const REMEMBERED_FILE = 'web-host.json';
export const TOKEN_ENV = 'HVLAB_TOKEN';

export interface IdentityOptions {
  /** --port as given; absent: the remembered port, else any free one. */
  port?: string;
  /** --token as given (visible in `ps`: --token-file or HVLAB_TOKEN are better). */
  token?: string;
  /** --token-file: a file holding the token. */
  tokenFile?: string;
}

export interface HostIdentity {
  /** The port to listen on; 0 for any free one. */
  port: number;
  /** The remembered port, tried first; another is taken if it is busy (unlike a --port given). */
  portIsPreference: boolean;
  /** The given or remembered token; absent: the web host makes a new one. */
  token?: string;
  /** Whether the token is the host's own (generated or remembered), to be kept for the next start. */
  ownToken: boolean;
  notices: string[];
}

interface Remembered {
  port?: number;
  token?: string;
}

export function resolveIdentity(dataDir: string, options: IdentityOptions, env: NodeJS.ProcessEnv = process.env): HostIdentity {
  const notices: string[] = [];
  const remembered = readRemembered(dataDir, notices);
  const given = givenToken(options, env);
  const port = options.port === undefined ? (remembered.port ?? 0) : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number 0..65535, got "${String(options.port)}"`);
  const token = given ?? remembered.token;
  return {
    port,
    portIsPreference: options.port === undefined && port !== 0,
    ...(token !== undefined ? { token } : {}),
    ownToken: given === undefined,
    notices,
  };
}

/**
 * Keeps the port and (when it is the host's own) the token for the next start, readable by the user
 * only. Returns a notice when it could not (a read-only data folder): the host still runs.
 */
export function rememberIdentity(dataDir: string, port: number, token: string | undefined): string | undefined {
  const path = join(dataDir, REMEMBERED_FILE);
  const kept: Remembered = { port };
  const keptToken = token ?? readRemembered(dataDir, []).token;
  if (keptToken !== undefined) kept.token = keptToken;
  try {
    writeFileAtomic(path, `${JSON.stringify(kept, null, 2)}\n`, 0o600);
    return undefined;
  } catch (err) {
    return `The browser host could not keep its address in ${path} (${(err as Error).message}); after a restart, open the new address it prints.`;
  }
}

/** Checks a token the user gave: long enough not to be guessed, and safe to print in a URL. */
export function checkToken(token: string, source: string): string {
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `the token from ${source} is ${token.length} characters long; it must be at least ${MIN_TOKEN_LENGTH}, or it can be guessed. Leave it out and the host makes one.`,
    );
  }
  if (!TOKEN_CHARS.test(token))
    throw new Error(`the token from ${source} may hold only the letters A-Z and a-z, digits, '-' and '_' (it goes into the console's address as it is).`);
  return token;
}

function givenToken(options: IdentityOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (options.token !== undefined && options.tokenFile !== undefined) throw new Error('give --token or --token-file, not both');
  if (options.token !== undefined) return checkToken(options.token, '--token');
  if (options.tokenFile !== undefined) {
    const text = readUserFile(options.tokenFile, { maxBytes: 4096, what: 'token' });
    return checkToken(text.trim(), `--token-file ${options.tokenFile}`);
  }
  const fromEnv = env[TOKEN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return checkToken(fromEnv, TOKEN_ENV);
  return undefined;
}

function readRemembered(dataDir: string, notices: string[]): Remembered {
  const path = join(dataDir, REMEMBERED_FILE);
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    notices.push(`The browser host's remembered address (${path}) could not be read; it uses a new port and token.`);
    return {};
  }
  const r = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const port = Number.isInteger(r.port) && (r.port as number) > 0 && (r.port as number) <= 65535 ? (r.port as number) : undefined;
  let token = typeof r.token === 'string' && r.token.length >= MIN_TOKEN_LENGTH && TOKEN_CHARS.test(r.token) ? r.token : undefined;
  // Readable by others (copied, restored from a backup, a umask of 022 before this file was 0600):
  // the token may have been seen, so it is not reused.
  if (token !== undefined && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    notices.push(`${path} was readable by other users, so the browser host made a new token (an open tab needs the new address).`);
    chmodSync(path, 0o600);
    token = undefined;
  }
  return { ...(port !== undefined ? { port } : {}), ...(token !== undefined ? { token } : {}) };
}
