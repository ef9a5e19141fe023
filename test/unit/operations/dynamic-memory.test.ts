// Dynamic Memory driven through the product: worlds with demand curves, PowerShell commands, simulated time.
import { describe, expect, it } from 'vitest';
import { MoveParameters as P } from '../../../engine/operations/parameters';
import { share } from '../../../engine/operations/dynamic-memory';
import { World } from '../../../engine/model/world';
import { runScript } from '../../../engine/scripting/run-script';
import { GiB, MiB, engineOf, ok, refused, start, job, vm, worldWith } from './support';

const params = { moveParams: { hostReserveBytes: 0 } };
const assigned = (e: ReturnType<typeof engineOf>, name: string, host = 'HV01') =>
  ok(e, `Get-VM ${name} -ComputerName ${host}`).output[0] as { MemoryAssigned: number; MemoryDemand: number; MemoryStatus: string };

describe('Dynamic Memory follows demand plus buffer, between minimum and maximum (TechNet, "Hyper-V Dynamic Memory Overview")', () => {
  it('a demand curve moves assigned memory at the balloon and hot-add rates', () => {
    const e = engineOf(
      worldWith((x) => {
        const web = x.vms!.find((v) => v.name === 'WEB01')!;
        // 2 GiB startup, 1 GiB minimum, 8 GiB maximum, 20 % buffer.
        web.workload = {
          ...web.workload,
          memoryDemand: [
            { afterSeconds: 0, bytes: 1000 * MiB },
            { afterSeconds: 600, bytes: 5000 * MiB },
            { afterSeconds: 1200, bytes: 9000 * MiB },
          ],
        };
      }),
      params,
    );
    // Booting: it holds its startup memory until the guest's Dynamic Memory driver runs.
    expect(assigned(e, 'WEB01')).toMatchObject({ MemoryAssigned: 2 * GiB, MemoryDemand: 1000 * MiB });
    e.advance(P.dynamicMemoryBootMs);
    // Target 1000 MB × 1.2 = 1200 MB: ballooned out from 2048 MB at the balloon rate.
    const down = Math.ceil(((2048 - 1200) * MiB * 1000) / P.dynamicMemoryBalloonBytesPerSec);
    e.advance(down / 2);
    const half = assigned(e, 'WEB01').MemoryAssigned;
    expect(half).toBeLessThan(2 * GiB);
    expect(half).toBeGreaterThan(1200 * MiB);
    e.advance(down / 2);
    expect(assigned(e, 'WEB01')).toEqual(expect.objectContaining({ MemoryAssigned: 1200 * MiB, MemoryStatus: 'OK' }));
    // At 600 s demand rises to 5000 MB: 6000 MB after hot add at its rate; until then the status is Warning.
    e.advance(600_000 - e.now);
    expect(assigned(e, 'WEB01')).toMatchObject({ MemoryDemand: 5000 * MiB, MemoryStatus: 'Warning' });
    e.advance(Math.ceil(((6000 - 1200) * MiB * 1000) / P.dynamicMemoryHotAddBytesPerSec));
    expect(assigned(e, 'WEB01')).toMatchObject({ MemoryAssigned: 6000 * MiB, MemoryStatus: 'OK' });
    // At 1200 s demand exceeds the 8 GiB maximum: it stops there, short of its buffer and demand.
    e.advance(1_200_000 - e.now);
    e.runUntilIdle();
    expect(assigned(e, 'WEB01')).toMatchObject({ MemoryAssigned: 8 * GiB, MemoryStatus: 'Warning' });
    expect(e.idle).toBe(true);
  });

  it('under host pressure memory weight decides: each keeps its minimum, the rest goes by weight', () => {
    // HV01 of 14 GiB, no reserve: DC01 (2 GiB static) leaves 12 GiB. SQL01 (weight 8000) and WEB01
    // (weight 5000) each want 8 GiB (their maximum).
    const world = worldWith((x) => {
      x.hosts.find((h) => h.name === 'HV01')!.memoryBytes = 14 * GiB;
      for (const name of ['SQL01', 'WEB01']) {
        const v = x.vms!.find((y) => y.name === name)!;
        v.memory = { ...v.memory, dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 8 * GiB };
        v.workload = { ...v.workload, memoryDemand: [{ afterSeconds: 0, bytes: 7 * GiB }] };
      }
      x.vms!.find((y) => y.name === 'WEB01')!.memory.weight = 5000;
    });
    const e = engineOf(world, params);
    e.runUntilIdle();
    const sql = assigned(e, 'SQL01').MemoryAssigned;
    const web = assigned(e, 'WEB01').MemoryAssigned;
    // 12 GiB − 2 × 1 GiB minimum = 10 GiB shared 8:5 (capped at 7 GiB each above the minimum).
    expect(sql + web).toBeLessThanOrEqual(12 * GiB);
    expect(sql + web).toBeGreaterThan(12 * GiB - 4 * MiB);
    expect(Math.abs(sql - (1 * GiB + (10 * GiB * 8) / 13))).toBeLessThan(2 * MiB);
    expect(sql).toBeGreaterThan(web);
    expect(assigned(e, 'WEB01').MemoryStatus).toBe('Warning');
    // Equal weights: equal shares.
    ok(e, 'Set-VMMemory WEB01 -Priority 80');
    e.runUntilIdle();
    expect(Math.abs(assigned(e, 'SQL01').MemoryAssigned - assigned(e, 'WEB01').MemoryAssigned)).toBeLessThanOrEqual(2 * MiB);
  });

  it('host free memory counts assigned memory, not startup: a VM starts in memory another has ballooned out', () => {
    // HV01 of 12.5 GiB, no reserve: DC01 2 GiB, SQL01 8 GiB, WEB01 2 GiB startup with a demand of 500 MB.
    const world = worldWith((x) => {
      x.hosts.find((h) => h.name === 'HV01')!.memoryBytes = 12.5 * GiB;
      const web = x.vms!.find((v) => v.name === 'WEB01')!;
      web.workload = { ...web.workload, memoryDemand: [{ afterSeconds: 0, bytes: 500 * MiB }] };
      x.vms!.push({
        ...structuredClone(x.vms!.find((v) => v.name === 'TEST01')!),
        id: 'vm-new01',
        name: 'NEW01',
        host: 'HV01',
        memory: { dynamic: false, startupBytes: 1 * GiB, minimumBytes: 1 * GiB, maximumBytes: 1 * GiB },
        vhds: [],
        checkpoints: [],
      });
    });
    const e = engineOf(world, params);
    expect(refused(e, 'Start-VM NEW01').message).toMatch(/Not enough memory in the system to start the virtual machine NEW01/);
    e.runUntilIdle();
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(1 * GiB); // 600 MB target, raised to the 1 GiB minimum
    ok(e, 'Start-VM NEW01');
    expect(vm(e, 'NEW01').state).toBe('Running');
  });

  it('a live migration copies the memory assigned now, not the startup memory', () => {
    const world = worldWith((x) => {
      const web = x.vms!.find((v) => v.name === 'WEB01')!;
      web.workload = { ...web.workload, memoryDemand: [{ afterSeconds: 0, bytes: 1000 * MiB }] };
    });
    const e = engineOf(world);
    e.runUntilIdle();
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(1200 * MiB);
    const id = start(e, 'Move-VM WEB01 HV02 -AsJob');
    e.runUntilIdle();
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect(j.precopyPasses[0]!.bytes).toBe(1200 * MiB);
    expect(assigned(e, 'WEB01', 'HV02').MemoryAssigned).toBe(1200 * MiB);
  });

  it('Smart Paging arises from the default world by hand, and its file goes once the VM has ballooned down', () => {
    const e = engineOf();
    // WEB01 (2 GiB startup, 1 GiB minimum, no demand curve) sits at its startup memory with the
    // default 20 % buffer; a 5 % buffer lets it give 256 MB back.
    ok(e, 'Set-VMMemory WEB01 -Buffer 5');
    e.advance(120_000);
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(1792 * MiB);
    // HV01: 128 GiB − 8576 MB reserve − DC01 2 GiB − SQL01 8 GiB − WEB01 1792 MB = 110464 MB free. Take it all.
    ok(e, 'New-VM FILL -MemoryStartupBytes 110464MB -NoVHD -Path D:\\VMs');
    ok(e, 'Start-VM FILL');
    const out = ok(e, 'Restart-VM WEB01 -Force');
    expect(out.warnings[0]).toMatch(/256 MB smart paging file at \\\\FS01\\VMs\\WEB01\\vm-web01\.slp/);
    expect(vm(e, 'WEB01').smartPagingFile?.sizeBytes).toBe(256 * MiB);
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(2 * GiB);
    const releaseIn = P.dynamicMemoryBootMs + Math.ceil((256 * MiB * 1000) / P.dynamicMemoryBalloonBytesPerSec);
    e.advance(releaseIn - 1);
    expect(vm(e, 'WEB01').smartPagingFile).toBeDefined();
    e.advance(1);
    expect(vm(e, 'WEB01').smartPagingFile).toBeUndefined();
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(1792 * MiB);
    e.runUntilIdle();
    expect(e.idle).toBe(true);
  });
});

describe('the demand curve in a world file', () => {
  it('is refused with a message naming the fault when its steps are out of order or too large', () => {
    const bad = worldWith(() => undefined);
    const input = structuredClone(bad) as unknown as { vms: { workload: Record<string, unknown> }[] };
    input.vms[0]!.workload.memoryDemand = [
      { afterSeconds: 10, bytes: 1 * GiB },
      { afterSeconds: 5, bytes: 2 * GiB },
    ];
    const r = World.safeParse(input);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/strictly increasing afterSeconds/);
    input.vms[0]!.workload.memoryDemand = [{ afterSeconds: 0, bytes: 2 * 1024 ** 4 }];
    expect(JSON.stringify(World.safeParse(input).error?.issues)).toMatch(/cannot demand more than 1 TB/);
  });
});

describe('share (weighted max-min)', () => {
  it('gives targets when they fit, else minimums plus the rest by weight, weight 0 last', () => {
    expect(share([{ minimum: 1 * GiB, target: 2 * GiB, weight: 5000 }], 4 * GiB)).toEqual([2 * GiB]);
    const out = share(
      [
        { minimum: 1 * GiB, target: 9 * GiB, weight: 10000 },
        { minimum: 1 * GiB, target: 2 * GiB, weight: 5000 },
        { minimum: 1 * GiB, target: 9 * GiB, weight: 0 },
      ],
      10 * GiB,
    );
    // 7 GiB above minimums: the second is capped at its target (1 GiB more), the first takes the other 6.
    expect(out).toEqual([7 * GiB, 2 * GiB, 1 * GiB]);
  });
});

describe('through hvlab run (runScript): start VMs, let time pass, read Get-VM and the smart paging file', () => {
  it('builds the Smart Paging world from the default one by hand and watches the file come and go', () => {
    const e = engineOf();
    const r = runScript(
      e,
      [
        'Set-VMMemory WEB01 -Buffer 5',
        'Start-Sleep -Seconds 120',
        '(Get-VM WEB01).MemoryAssigned',
        'New-VM FILL -MemoryStartupBytes 110464MB -NoVHD -Path D:\\VMs',
        'Start-VM FILL',
        'Restart-VM WEB01 -Force',
        '(Get-VM WEB01).MemoryAssigned',
        'Start-Sleep -Seconds 60',
        'Get-VM WEB01 | Select-Object MemoryAssigned, MemoryDemand, MemoryStatus',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    const outputs = r.statements.filter((s) => s.text.startsWith('Get-VM') || s.text.startsWith('(Get-VM')).map((s) => s.output);
    expect(outputs).toEqual([[1792 * MiB], [2 * GiB], [{ MemoryAssigned: 2 * GiB, MemoryDemand: 1789569706, MemoryStatus: 'OK' }]]);
    expect(r.statements.find((s) => s.text.startsWith('Restart-VM'))!.warnings[0]).toMatch(/256 MB smart paging file/);
    // Run to idle at the end: WEB01 ballooned to 1792 MB and its smart paging file is gone.
    expect(r.vms.find((v) => v.name === 'WEB01')!.smartPagingFile).toBeUndefined();
    expect(assigned(e, 'WEB01').MemoryAssigned).toBe(1792 * MiB);
    expect(e.state().log.some((l) => /no longer uses its smart paging file/.test(l.message))).toBe(true);
  });
});
