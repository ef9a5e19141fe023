// The browser host's token rules (issue 18: long enough, better from a file or the environment
// than from `ps`) and its remembered port and token (issue 12: kept in the data folder, mode 0600).
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost } from '../../../doors/common/engine-host';
import { MIN_TOKEN_LENGTH, REMEMBERED_FILE, rememberIdentity, resolveIdentity } from '../../../doors/node/web-host-identity';
import { startWebHost } from '../../../doors/web/web-host';

const LONG = 'a'.repeat(MIN_TOKEN_LENGTH);
const dirs: string[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hvlab-identity-'));
  dirs.push(d);
  return d;
}

describe('browser host token', () => {
  it('refuses a short token from --token, --token-file or HVLAB_TOKEN, naming the source and the minimum', () => {
    const dir = tempDir();
    expect(() => resolveIdentity(dir, { token: 'secret' })).toThrow(`the token from --token is 6 characters long; it must be at least ${MIN_TOKEN_LENGTH}`);
    writeFileSync(join(dir, 'token.txt'), 'short\n');
    expect(() => resolveIdentity(dir, { tokenFile: join(dir, 'token.txt') })).toThrow(/--token-file .*token\.txt is 5 characters long; it must be at least 32/);
    expect(() => resolveIdentity(dir, {}, { HVLAB_TOKEN: 'abc' })).toThrow(/HVLAB_TOKEN is 3 characters long/);
    expect(() => resolveIdentity(dir, { token: `${LONG}&x=1` })).toThrow(/only the letters A-Z and a-z, digits, '-' and '_'/);
    expect(() => resolveIdentity(dir, { token: LONG, tokenFile: 'x' })).toThrow('give --token or --token-file, not both');
  });

  it('reads the token from a file (trimmed) or from HVLAB_TOKEN, and never writes a given token down', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'token.txt'), `${LONG}\n`);
    expect(resolveIdentity(dir, { tokenFile: join(dir, 'token.txt') })).toMatchObject({ token: LONG, ownToken: false });
    const fromEnv = resolveIdentity(dir, {}, { HVLAB_TOKEN: `${LONG}b` });
    expect(fromEnv).toMatchObject({ token: `${LONG}b`, ownToken: false });
    rememberIdentity(dir, 4800, fromEnv.ownToken ? fromEnv.token : undefined);
    expect(JSON.parse(readFileSync(join(dir, REMEMBERED_FILE), 'utf8'))).toEqual({ port: 4800 });
  });
});

describe('browser host identity across restarts', () => {
  it('keeps its port and its own token in the data folder, readable by the user only', () => {
    const dir = tempDir();
    expect(resolveIdentity(dir, {}, {})).toEqual({ port: 0, portIsPreference: false, ownToken: true, notices: [] });
    expect(rememberIdentity(dir, 4801, LONG)).toBeUndefined();
    const file = join(dir, REMEMBERED_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveIdentity(dir, {}, {})).toEqual({ port: 4801, portIsPreference: true, token: LONG, ownToken: true, notices: [] });
    // A port asked for is not a preference: it is used or the start fails.
    expect(resolveIdentity(dir, { port: '4900' }, {})).toMatchObject({ port: 4900, portIsPreference: false, token: LONG });
    expect(() => resolveIdentity(dir, { port: '70000' }, {})).toThrow('--port must be a port number 0..65535, got "70000"');
  });

  it('does not reuse a token others could read, and says so', () => {
    const dir = tempDir();
    rememberIdentity(dir, 4802, LONG);
    chmodSync(join(dir, REMEMBERED_FILE), 0o644);
    const identity = resolveIdentity(dir, {}, {});
    expect(identity.token).toBeUndefined();
    expect(identity.port).toBe(4802);
    expect(identity.notices[0]).toMatch(/was readable by other users, so the browser host made a new token/);
    expect(statSync(join(dir, REMEMBERED_FILE)).mode & 0o777).toBe(0o600);
  });

  it('says why it could not remember (a read-only data folder) instead of failing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, REMEMBERED_FILE)); // a folder where the file goes: the write fails
    expect(rememberIdentity(dir, 4803, LONG)).toMatch(/could not keep its address in .*web-host\.json/);
  });

  it('takes another port when the remembered one is busy, and fails on a busy port that was asked for', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const busyPort = (busy.address() as AddressInfo).port;
    const host = new EngineHost({ startClock: false });
    closers.push(() => host.dispose());
    const web = await startWebHost({ engineHost: host, rendererDir: tempDir(), port: busyPort, portIsPreference: true });
    closers.push(() => web.close());
    expect(web.portTaken).toBe(busyPort);
    expect(web.port).not.toBe(busyPort);
    await expect(startWebHost({ engineHost: host, rendererDir: tempDir(), port: busyPort })).rejects.toThrow(/EADDRINUSE/);
  });
});
