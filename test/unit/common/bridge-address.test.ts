// Both ends of the browser host's bridge read one path and one token parameter.
import { describe, expect, it } from 'vitest';
import { BRIDGE_PATH, TOKEN_PARAMETER, bridgeSocketUrl, pageUrl } from '../../../engine/common/bridge-address';
import { readBridgeToken } from '../../../renderer/bridge/token';

describe('bridge address', () => {
  it('the printed page address carries the token the page reads', () => {
    const url = new URL(pageUrl(4800, 'abc-DEF_123'));
    expect(url.href).toBe('http://127.0.0.1:4800/?token=abc-DEF_123');
    const location = { search: url.search, pathname: url.pathname, hash: '' } as Location;
    expect(readBridgeToken(location, undefined)).toBe('abc-DEF_123');
  });

  it('the socket address is the page origin, the bridge path and the token, ws: or wss:', () => {
    expect(bridgeSocketUrl({ protocol: 'http:', host: '127.0.0.1:4800' }, 't')).toBe('ws://127.0.0.1:4800/bridge?token=t');
    expect(bridgeSocketUrl({ protocol: 'https:', host: 'localhost:4801' }, 't')).toBe('wss://localhost:4801/bridge?token=t');
    const u = new URL(bridgeSocketUrl({ protocol: 'http:', host: 'localhost:1' }, 'a b&c=d'));
    expect(u.pathname).toBe(BRIDGE_PATH);
    expect(u.searchParams.get(TOKEN_PARAMETER)).toBe('a b&c=d');
  });
});
