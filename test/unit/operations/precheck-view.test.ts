// The pre-checks over the view a move touches give the same answer as over the whole world
// (engine/operations/precheck-view.ts), for random moves — valid and invalid — in the default world
// and in a generated multi-rack world.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PrecheckView } from '../../../engine/operations/precheck-view';
import { runPrechecks, toMoveRequest } from '../../../engine/operations/prechecks';
import { defaultWorld } from '../../../engine/model/default-world';
import { generateWorld } from '../../../engine/model/generate-world';
import { World } from '../../../engine/model/world';
import { engineOf, ok, refused, start, worldWith } from './support';

function equivalent(world: World, cmdlet: 'Move-VM' | 'Move-VMStorage' | 'Compare-VM', params: Record<string, unknown>): void {
  let request;
  try {
    request = toMoveRequest(cmdlet, params, world);
  } catch {
    return; // a binding refusal happens before any check
  }
  const view = new PrecheckView(() => world);
  const whole = runPrechecks(world, request);
  const part = runPrechecks(view.viewFor(request), request);
  expect(part).toEqual(whole);
  // Narrowed to the computers the move touches: the same result whenever the move passes.
  const narrow = runPrechecks(view.viewFor(request, false), request);
  if (narrow.errors.length === 0) expect(narrow).toEqual(whole);
  else expect(whole.errors.length).toBeGreaterThan(0);
}

const worlds: [string, () => World][] = [
  ['default', defaultWorld],
  ['generated 3 racks', () => World.parse(generateWorld({ hosts: 60, vms: 400, seed: 7, rackSize: 20 }))],
];

describe('pre-checks over the view = pre-checks over the world', () => {
  for (const [name, make] of worlds) {
    it(name, () => {
      const world = make();
      const vmNames = [...world.vms.map((v) => v.name), 'NOPE'];
      const hosts = [...world.hosts.map((h) => h.name), 'NOWHERE'];
      const folder = fc.constantFrom(
        'D:\\VMs\\X',
        'E:\\Moved',
        'C:\\VMs\\Y',
        'Z:\\Nope',
        ...world.hosts.filter((h) => h.role === 'FileServer').map((h) => `\\\\${h.name}\\VMs\\moved`),
        '\\\\FS01\\Missing\\A',
        `${world.vms[0]!.paths.configuration}`,
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...vmNames),
          fc.constantFrom(...hosts),
          fc.constantFrom(...hosts),
          folder,
          fc.integer({ min: 0, max: 4 }),
          (vm, on, dest, path, shape) => {
            const base = { ComputerName: [on] };
            if (shape === 0) equivalent(world, 'Move-VMStorage', { ...base, VMName: vm, DestinationStoragePath: path });
            else if (shape === 1) equivalent(world, 'Move-VMStorage', { ...base, VMName: vm, VirtualMachinePath: path, SmartPagingFilePath: path });
            else if (shape === 2) equivalent(world, 'Move-VM', { ...base, Name: vm, DestinationHost: dest });
            else if (shape === 3)
              equivalent(world, 'Move-VM', { ...base, Name: vm, DestinationHost: dest, IncludeStorage: true, DestinationStoragePath: path });
            else {
              const v = world.vms.find((x) => x.name === vm);
              const vhd = v?.vhds[0]?.path ?? 'D:\\a.vhdx';
              equivalent(world, 'Compare-VM', {
                ...base,
                Name: vm,
                DestinationHost: dest,
                Vhds: [{ SourceFilePath: vhd, DestinationFilePath: `${path}\\${vhd.split('\\').at(-1)}` }],
              });
            }
          },
        ),
        { numRuns: 300, seed: 4242 },
      );
    });
  }

  it('the view follows the world: after a switch and after a cmdlet change', () => {
    const e = engineOf();
    const same = (cmdlet: 'Move-VM' | 'Move-VMStorage', params: Record<string, unknown>) => {
      const world = e.state().world;
      const request = toMoveRequest(cmdlet, params, world);
      expect(JSON.parse(JSON.stringify(e.operations.prechecks(request)))).toEqual(JSON.parse(JSON.stringify(runPrechecks(world, request))));
    };
    same('Move-VMStorage', { VMName: 'WEB01', DestinationStoragePath: 'E:\\VMs\\WEB01' });
    start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    e.runUntilIdle();
    // DC01's 40 GiB are on E now: the free space WEB01's move sees must include them.
    same('Move-VMStorage', { VMName: 'WEB01', DestinationStoragePath: 'E:\\VMs\\WEB01' });
    ok(e, 'Disable-VMMigration -ComputerName HV02');
    same('Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' });
  });

  it('two moves may not write one destination file (partial files are not in the world yet)', () => {
    const e = engineOf(
      worldWith((x) => {
        x.vms!.push({
          ...structuredClone(x.vms!.find((v) => v.name === 'DC01')!),
          id: 'vm-dc02',
          name: 'DC02',
          paths: { configuration: 'D:\\VMs\\DC02', snapshots: 'D:\\VMs\\DC02', smartPaging: 'D:\\VMs\\DC02' },
          vhds: [{ path: 'D:\\VMs\\DC02\\DC01.vhdx', sizeBytes: 10 * 1024 ** 3, maxSizeBytes: 127 * 1024 ** 3 }],
        });
      }),
    );
    const a = start(e, 'Move-VMStorage DC01 E:\\Disks');
    const err = refused(e, 'Move-VMStorage DC02 E:\\Disks');
    expect(err.message).toBe("Failed to create 'E:\\Disks\\Virtual Hard Disks\\DC01.vhdx': The file exists. (0x80070050)");
    expect(err.fix).toMatch(new RegExp(`Job ${a} \\(moving 'DC01'\\)`));
    e.runUntilIdle();
    // Once DC01 is there, the pre-checks themselves see the file.
    expect(refused(e, 'Move-VMStorage DC02 E:\\Disks').message).toBe(
      "Failed to create 'E:\\Disks\\Virtual Hard Disks\\DC01.vhdx': The file exists. (0x80070050)",
    );
  });
});
