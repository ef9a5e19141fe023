// Properties over many generated moves: the checks never write to the world (it is deeply
// frozen, so a write would throw), never crash, give the same answer twice, and a plan's volume
// demands add up to the files it copies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandRefusal } from '../../../engine/errors';
import type { World } from '../../../engine/model/world';
import { runPrechecks, toMoveRequest } from '../../../engine/operations/prechecks';
import { world } from './helpers';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const frozen: World = deepFreeze(
  world((w) => {
    // Give the planner more to do: a smart paging file and a pass-through disk.
    w.vms.find((v) => v.name === 'SQL01')!.smartPagingFile = { path: 'D:\\VMs\\SQL01\\SQL01.slp', sizeBytes: 2 * 1024 ** 3, createdAt: 0 };
    w.vms.find((v) => v.name === 'APP01')!.passThroughDisks = [{ controller: 'SCSI 0:3', diskNumber: 2 }];
  }),
);

const vmName = fc.constantFrom('DC01', 'SQL01', 'WEB01', 'APP01', 'TEST01', 'NOPE');
const hostName = fc.constantFrom('HV01', 'HV02', 'FS01', 'hv02.contoso.com', 'HV09');
const folder = fc.constantFrom('D:\\VMs\\X', 'E:\\VMs\\X', 'Z:\\X', '\\\\FS01\\VMs\\X', '\\\\FS01\\Nope\\X', 'bad|path', 'D:\\VMs\\SQL01', '\\\\HV02\\E$\\X');
const vhdSource = fc.constantFrom(
  'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
  'D:\\VMs\\APP01\\Virtual Hard Disks\\APP01.vhdx',
  '\\\\FS01\\VMs\\WEB01\\Virtual Hard Disks\\WEB01.vhdx',
  'D:\\x.vhdx',
);

const params = fc.record({
  cmdlet: fc.constantFrom('Move-VM', 'Move-VMStorage', 'Compare-VM'),
  name: vmName,
  destination: hostName,
  computer: fc.option(hostName, { nil: undefined }),
  single: fc.option(folder, { nil: undefined }),
  config: fc.option(folder, { nil: undefined }),
  smartPaging: fc.option(folder, { nil: undefined }),
  includeStorage: fc.boolean(),
  vhds: fc.array(
    fc.record({
      SourceFilePath: vhdSource,
      DestinationFilePath: fc.tuple(folder, fc.constantFrom('SQL01.vhdx', 'APP01.vhdx', 'WEB01.vhdx', 'other.vhdx')).map(([f, n]) => `${f}\\${n}`),
    }),
    { maxLength: 3 },
  ),
});

describe('pre-check properties', () => {
  it('never write the world, never crash, answer deterministically, and sum volume demands', () => {
    fc.assert(
      fc.property(params, (p) => {
        const bound: Record<string, unknown> =
          p.cmdlet === 'Move-VMStorage' ? { VMName: p.name } : { Name: p.name, DestinationHost: p.destination, IncludeStorage: p.includeStorage };
        if (p.computer) bound.ComputerName = p.computer;
        if (p.single) bound.DestinationStoragePath = p.single;
        if (p.config) bound.VirtualMachinePath = p.config;
        if (p.smartPaging) bound.SmartPagingFilePath = p.smartPaging;
        if (p.vhds.length) bound.Vhds = p.vhds;
        let request;
        try {
          request = toMoveRequest(p.cmdlet, bound, frozen);
        } catch (e) {
          expect(e).toBeInstanceOf(CommandRefusal);
          return;
        }
        const a = runPrechecks(frozen, request);
        const b = runPrechecks(frozen, request);
        expect(a).toEqual(b);
        for (const row of [...a.errors, ...a.warnings]) {
          expect(row.message.length).toBeGreaterThan(0);
          expect(row.fix.length).toBeGreaterThan(0);
        }
        if (a.placement) {
          const copied = a.placement.files.filter((f) => f.action === 'copy' && f.destination.ok).reduce((n, f) => n + f.sizeBytes, 0);
          expect(a.placement.volumes.reduce((n, v) => n + v.requiredBytes, 0)).toBe(copied);
          expect(a.placement.bytesToCopy).toBe(copied);
        }
      }),
      { numRuns: 400, seed: 2012 },
    );
  });
});
