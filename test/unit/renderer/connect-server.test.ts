// Remove Server and Connect to Server...: which servers the console tree shows, remembered between
// sessions; a name that is not a Hyper-V server of the lab gets Hyper-V Manager's error.
import { describe, expect, it } from 'vitest';
import { lookUpServer } from '../../../renderer/stores/connect-server';
import { rootWithWorld } from '../../support/renderer-root';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('Connect to Server', () => {
  it('resolves short names, the domain FQDN and localhost to a Hyper-V server, and refuses the rest with a reason', () => {
    const { root } = rootWithWorld();
    expect(lookUpServer(root.inventory, 'hv02')).toEqual({ ok: true, name: 'HV02' });
    expect(lookUpServer(root.inventory, ' HV02.contoso.com ')).toEqual({ ok: true, name: 'HV02' });
    expect(lookUpServer(root.inventory, 'localhost')).toEqual({ ok: true, name: 'HV01' });
    const fileServer = lookUpServer(root.inventory, 'FS01');
    expect(fileServer).toMatchObject({ ok: false, error: { message: "Hyper-V is not installed on computer 'FS01'." } });
    const unknown = lookUpServer(root.inventory, 'HV9');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NotFound', message: expect.stringContaining("The computer 'HV9' could not be resolved") } });
    expect(lookUpServer(root.inventory, 'HV02.fabrikam.com').ok).toBe(false);
    expect(lookUpServer(root.inventory, '   ').ok).toBe(false);
  });

  it('Remove Server hides the server and selects the root; Connect to Server brings it back, selected; the list survives a restart', async () => {
    const storage = memoryStorage();
    const { root } = rootWithWorld(undefined, storage);
    root.ui.selectServer('HV02');
    root.ui.removeServer('HV02');
    expect(root.inventory.managedServers.map((h) => h.name)).toEqual(['HV01']);
    expect(root.ui.tree).toEqual({ kind: 'root' });
    expect(root.inventory.selectedHost).toBeUndefined();
    await new Promise((r) => setTimeout(r, 300)); // remembered 250 ms after the change

    const next = rootWithWorld(undefined, storage).root;
    expect(next.inventory.managedServers.map((h) => h.name)).toEqual(['HV01']);
    expect(next.inventory.defaultServer('HV02')).toBe('HV01');

    next.servers.show();
    next.servers.setComputer('FS01');
    next.servers.ok();
    expect(next.servers.open).toBe(true);
    expect(next.dialogs.current).toMatchObject({ kind: 'error', intro: expect.stringContaining('connect to server "FS01"') });

    next.servers.setComputer('hv02');
    next.servers.ok();
    expect(next.servers.open).toBe(false);
    expect(next.inventory.managedServers.map((h) => h.name)).toEqual(['HV01', 'HV02']);
    expect(next.inventory.selectedHost?.name).toBe('HV02');
  });
});
