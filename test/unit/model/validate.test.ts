import { describe, expect, it } from 'vitest';
import { defaultWorldInput } from '../../../engine/model/default-world';
import { parseWorldJson, validateWorld } from '../../../engine/model/validate';
import type { WorldInput } from '../../../engine/model/world';

function mutate(f: (w: WorldInput) => void): WorldInput {
  const w = defaultWorldInput();
  f(w);
  return w;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const r = validateWorld(input);
  return r.ok ? [] : r.errors;
}

const hv01 = (w: WorldInput) => w.hosts.find((h) => h.name === 'HV01')!;

describe('validateWorld', () => {
  it('accepts the default world', () => {
    const r = validateWorld(defaultWorldInput());
    expect(r.ok).toBe(true);
  });

  it('names hosts and adapters in schema errors', () => {
    const errs = errorsOf(
      mutate((w) => {
        (hv01(w).nics![0] as { speedGbps: number }).speedGbps = 3;
      }),
    );
    expect(errs[0]!.path).toBe('hosts[HV01].nics[NIC1].speedGbps');
  });

  it('reports a team member that does not exist', () => {
    const errs = errorsOf(
      mutate((w) => {
        hv01(w).teams![0]!.members.push('NIC9');
      }),
    );
    expect(errs).toContainEqual({ path: 'hosts[HV01].teams[Team1].members[2]', message: 'adapter "NIC9" does not exist on HV01' });
  });

  it('reports a VM on a host that does not exist', () => {
    const errs = errorsOf(
      mutate((w) => {
        w.vms!.find((v) => v.name === 'SQL01')!.host = 'HV09';
      }),
    );
    expect(errs).toContainEqual({ path: 'vms[SQL01].host', message: 'host "HV09" does not exist' });
  });

  it('reports duplicates: host names, NIC names, VM ids, VM names on a host', () => {
    const errs = errorsOf(
      mutate((w) => {
        w.hosts.push({ ...structuredClone(w.hosts[1]!), name: 'hv02' });
        hv01(w).nics!.push({ name: 'nic1', speedGbps: 1 });
        w.vms!.push({ ...structuredClone(w.vms![0]!), name: 'Other' });
        w.vms!.push({ ...structuredClone(w.vms![0]!), id: 'vm-new' });
      }),
    );
    const paths = errs.map((e) => e.path);
    expect(paths).toContain('hosts[hv02].name');
    expect(paths).toContain('hosts[HV01].nics[nic1].name');
    expect(errs.some((e) => e.path === 'vms[Other].id' && /duplicate VM id/.test(e.message))).toBe(true);
    expect(errs.some((e) => e.path === 'vms[DC01].name' && /duplicate VM name "DC01" on HV01/.test(e.message))).toBe(true);
  });

  it('counts VM names per computer name, even across two computers whose names clash', () => {
    const errs = errorsOf(
      mutate((w) => {
        w.hosts[1]!.name = 'Hv01';
        const vm = w.vms!.find((v) => v.host === 'HV02')!;
        vm.host = 'Hv01';
        vm.name = 'dc01';
      }),
    );
    expect(errs).toContainEqual({ path: 'hosts[Hv01].name', message: 'duplicate computer name "Hv01"' });
    expect(errs.filter((e) => e.path === 'vms[dc01].name')).toEqual([{ path: 'vms[dc01].name', message: 'duplicate VM name "dc01" on Hv01' }]);
  });

  it('reports a NIC in two teams and a teamed InfiniBand NIC', () => {
    const errs = errorsOf(
      mutate((w) => {
        const h = hv01(w);
        h.nics!.push({ name: 'IB1', speedGbps: 56, medium: 'InfiniBand', rdma: { type: 'InfiniBand', enabled: true } });
        h.teams!.push({ name: 'Team2', members: ['NIC1', 'IB1'] });
      }),
    );
    expect(errs).toContainEqual({ path: 'hosts[HV01].teams[Team2].members[0]', message: 'adapter "NIC1" is already a member of team Team1' });
    expect(errs).toContainEqual({ path: 'hosts[HV01].teams[Team2].members[1]', message: 'adapter "IB1" is InfiniBand: InfiniBand cannot be teamed by the OS' });
  });

  it('reports RDMA type InfiniBand on an Ethernet adapter', () => {
    const errs = errorsOf(
      mutate((w) => {
        hv01(w).nics![2]!.rdma = { type: 'InfiniBand', enabled: true };
      }),
    );
    expect(errs.map((e) => e.path)).toContain('hosts[HV01].nics[SMB1].rdma.type');
  });

  it('reports a switch bound to a missing adapter, but allows a VM whose switch is missing', () => {
    const errs = errorsOf(
      mutate((w) => {
        hv01(w).virtualSwitches![0]!.adapter = 'Team7';
      }),
    );
    expect(errs).toContainEqual({ path: 'hosts[HV01].virtualSwitches[Production].adapter', message: 'adapter "Team7" does not exist on HV01' });
    const ok = validateWorld(
      mutate((w) => {
        w.vms![0]!.networkAdapters = [{ name: 'Network Adapter', switchName: 'Nowhere' }];
      }),
    );
    expect(ok.ok).toBe(true);
  });

  it('reports VM files on a missing volume or share, and an over-full volume', () => {
    const errs = errorsOf(
      mutate((w) => {
        w.vms![0]!.vhds![0]!.path = 'Q:\\VMs\\DC01\\DC01.vhdx';
        w.vms![1]!.vhds![0]!.path = '\\\\FS01\\Nope\\SQL01.vhdx';
        w.vms![3]!.vhds![0]!.sizeBytes = 3 * 1000 ** 4;
        w.vms![3]!.vhds![0]!.maxSizeBytes = 3 * 1000 ** 4;
        w.vms![2]!.checkpoints = [
          {
            id: 'cp-1',
            name: 'Before',
            createdAt: 0,
            files: [
              { path: 'D:\\ok.vmcx', sizeBytes: 1 },
              { path: 'R:\\cp.vmrs', sizeBytes: 1 },
            ],
          },
        ];
        w.vms![2]!.smartPagingFile = { path: 'S:\\sp.slp', sizeBytes: 1, createdAt: 0 };
      }),
    );
    expect(errs).toContainEqual({ path: 'vms[DC01].vhds[0].path', message: 'volume Q: does not exist on HV01' });
    expect(errs).toContainEqual({ path: 'vms[WEB01].checkpoints[0].files[1].path', message: 'volume R: does not exist on HV01' });
    expect(errs).toContainEqual({ path: 'vms[WEB01].smartPagingFile.path', message: 'volume S: does not exist on HV01' });
    expect(errs).toContainEqual({ path: 'vms[SQL01].vhds[0].path', message: 'share "Nope" does not exist on FS01' });
    expect(errs.some((e) => e.path === 'hosts[HV02].volumes[D].capacityBytes' && /more than its capacity/.test(e.message))).toBe(true);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = parseWorldJson('{\n  "schemaVersion": 1,\n  oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^not valid JSON at line 3, column 3/);
    const empty = parseWorldJson('');
    expect(!empty.ok && empty.errors[0]!.message).toBe('not valid JSON: the file is empty');
  });

  it('parses JSON text of the default world to the same world as validateWorld', () => {
    const text = JSON.stringify(defaultWorldInput());
    const a = parseWorldJson(text);
    const b = validateWorld(JSON.parse(text));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.world).toEqual(b.world);
  });
});

describe('defaults are never shared between objects', () => {
  it('gives each host its own SMB limits and migration networks, and each VM its own workload', async () => {
    const { defaultWorld } = await import('../../../engine/model/default-world');
    const w = defaultWorld();
    w.hosts[0]!.smb.bandwidthLimits.LiveMigration = 100 * 1024 * 1024;
    w.hosts[2]!.migration.networks.push({ subnet: '10.0.0.0/8', priority: 0 });
    expect(w.hosts[1]!.smb.bandwidthLimits.LiveMigration).toBeUndefined();
    expect(w.hosts[1]!.migration.networks).toHaveLength(2);
    expect(w.vms.find((v) => v.name === 'WEB01')!.workload).not.toBe(w.vms.find((v) => v.name === 'APP01')!.workload);
  });
});
