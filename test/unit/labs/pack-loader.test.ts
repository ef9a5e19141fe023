// The loader refuses a bad pack with every error, each naming its path in the file.
import { describe, expect, it } from 'vitest';
import { parseLabPackJson, formatPackIssues, summarizeLab } from '../../../engine/labs';
import { builtinJson, lines, loadErrors, loadOk, minimalPack } from './helpers';

type Obj = Record<string, unknown>;
const tasksOf = (p: Obj) => p.tasks as Obj[];
const checksOf = (p: Obj, i: number) => tasksOf(p)[i]!.checks as Obj[];

describe('loading a lab pack', () => {
  it('accepts a valid pack, applies defaults and resolves the world', () => {
    const pack = loadOk(minimalPack());
    expect(pack.tasks[1]!.points).toBe(10); // default
    expect(pack.world.hosts.map((h) => h.name)).toEqual(['HV01', 'HV02', 'FS01']);
    expect(summarizeLab(pack)).toMatchObject({ id: 'tiny-lab', taskCount: 2, hintCount: 2, maxScore: 20 });
    expect('$schema' in pack).toBe(false);
  });

  it('names a missing field by its path: tasks[0].checks[0].vm: required', () => {
    const p = minimalPack();
    delete checksOf(p, 0)[0]!.vm;
    expect(lines(loadErrors(p))).toContain('tasks[0].checks[0].vm: required');
  });

  it('reports every error at once, not just the first', () => {
    const p = minimalPack();
    delete p.title;
    p.level = 'Expert';
    p.estimatedMinutes = 0;
    delete checksOf(p, 1)[0]!.vm;
    tasksOf(p)[0]!.id = 'Move It';
    const errs = lines(loadErrors(p));
    expect(errs).toEqual(
      expect.arrayContaining([
        'title: required',
        expect.stringMatching(/^level: .*Beginner.*Intermediate.*Advanced/),
        expect.stringMatching(/^estimatedMinutes: /),
        'tasks[1].checks[0].vm: required',
        expect.stringMatching(/^tasks\[0\]\.id: must be lower-case letters/),
      ]),
    );
  });

  it('an unknown check type lists the known ones', () => {
    const p = minimalPack();
    checksOf(p, 0)[0] = { type: 'vmIsHappy', vm: 'SQL01' };
    const [e] = loadErrors(p);
    expect(e!.path).toBe('tasks[0].checks[0].type');
    expect(e!.message).toContain('unknown check type "vmIsHappy"');
    expect(e!.message).toContain('vmFilesUnder');
    expect(e!.message).toContain('migrationDowntimeBelow');
  });

  it('a check without a type says so', () => {
    const p = minimalPack();
    checksOf(p, 0)[0] = { vm: 'SQL01' };
    expect(lines(loadErrors(p))[0]).toMatch(/^tasks\[0\]\.checks\[0\]\.type: required: the kind of check, one of /);
  });

  it('unknown fields are refused (a typo must not be silently ignored)', () => {
    const p = minimalPack();
    checksOf(p, 0)[0]!.itmes = ['vhds'];
    p.timelimit = 30;
    const errs = lines(loadErrors(p));
    expect(errs.some((e) => e.startsWith('tasks[0].checks[0]') && e.includes('itmes'))).toBe(true);
    expect(errs.some((e) => e.startsWith('(root)') && e.includes('timelimit'))).toBe(true);
  });

  it('errors inside nested allOf / not checks carry the full path', () => {
    const p = minimalPack();
    checksOf(p, 0)[0] = {
      type: 'allOf',
      checks: [
        { type: 'vmOnHost', vm: 'SQL01' },
        { type: 'not', check: { type: 'teamExists', host: 'HV01' } },
      ],
    };
    expect(lines(loadErrors(p))).toEqual(
      expect.arrayContaining(['tasks[0].checks[0].checks[0].host: required', 'tasks[0].checks[0].checks[1].check.team: required']),
    );
  });

  it('check-specific rules: a path must be a Windows path; smartPagingLocation needs pathUnder or volume', () => {
    const p = minimalPack();
    checksOf(p, 0)[0]!.path = 'not a path';
    checksOf(p, 1)[0] = { type: 'smartPagingLocation', vm: 'SQL01' };
    const errs = lines(loadErrors(p));
    expect(errs).toContain('tasks[0].checks[0].path: must be a Windows path such as D:\\VMs or \\\\FS01\\VMs');
    expect(errs).toContain('tasks[1].checks[0].pathUnder: give pathUnder or volume');
  });

  it('a check naming a VM, host or adapter the world does not have is refused', () => {
    const p = minimalPack();
    checksOf(p, 0)[0]!.vm = 'SQL02';
    checksOf(p, 1)[0] = { type: 'nicRdmaOperational', host: 'HV01', nic: 'SMB3' };
    checksOf(p, 1)[1] = { type: 'anyOf', checks: [{ type: 'vmOnHost', vm: 'SQL01', host: 'HV09' }] };
    const errs = lines(loadErrors(p));
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tasks\[0\]\.checks\[0\]\.vm: no virtual machine named "SQL02" in the lab's world \(the lab's world has DC01, SQL01, /),
        expect.stringMatching(/^tasks\[1\]\.checks\[0\]\.nic: no network adapter named "SMB3" on HV01 \(it has NIC1, NIC2, SMB1 and SMB2\)/),
        expect.stringMatching(/^tasks\[1\]\.checks\[1\]\.checks\[0\]\.host: no computer named "HV09"/),
      ]),
    );
  });

  it('duplicate ids and hints for unknown tasks are refused', () => {
    const p = minimalPack();
    tasksOf(p)[1]!.id = 'move';
    (p.hints as Obj[])[1]!.id = 'h1';
    (p.hints as Obj[])[0]!.task = 'moove';
    const errs = lines(loadErrors(p));
    expect(errs).toEqual(
      expect.arrayContaining([
        'tasks[1].id: duplicate task id "move"',
        'hints[1].id: duplicate hint id "h1"',
        'hints[0].task: no task with id "moove" (tasks: move)',
      ]),
    );
  });

  it('a reference solution that does not parse is refused with its line and column', () => {
    const p = minimalPack();
    p.referenceSolution = 'Get-VM\nMove-VMStorage SQL01 -DestinationStoragePth X:\\';
    const errs = lines(loadErrors(p));
    expect(errs.some((e) => /^referenceSolution: line 2, column \d+: .*DestinationStoragePth/.test(e))).toBe(true);
  });

  it('a full world is validated like any world, errors under world.', () => {
    const p = minimalPack();
    p.world = {
      schemaVersion: 1,
      session: { signedInOn: 'HV01' },
      hosts: [{ name: 'HV01', cpu: { vendor: 'Intel', family: 'x', cores: 4, ghz: 2 }, memoryBytes: 1e9, volumes: [] }],
    };
    const errs = lines(loadErrors(p));
    expect(errs).toContain('world.hosts[HV01].volumes: a computer needs at least one volume');
  });

  it('a full world whose VM the checks name is checked against that world', () => {
    const p = minimalPack();
    p.world = {
      schemaVersion: 1,
      session: { signedInOn: 'HV01' },
      hosts: [
        {
          name: 'HV01',
          cpu: { vendor: 'Intel', family: 'x', cores: 4, ghz: 2 },
          memoryBytes: 1e9,
          volumes: [{ letter: 'C', capacityBytes: 1e12, readBytesPerSec: 1e8, writeBytesPerSec: 1e8 }],
        },
      ],
    };
    const errs = lines(loadErrors(p));
    expect(errs.some((e) => e.startsWith('tasks[0].checks[0].vm: no virtual machine named "SQL01" in the lab\'s world'))).toBe(true);
  });

  it('the patch form: errors in the patched world name the path and say so', () => {
    const p = minimalPack();
    p.world = { base: 'default', patch: { hosts: { HV01: { nics: { SMB1: { speedGbps: 3 } } } } } };
    const errs = lines(loadErrors(p));
    expect(errs.some((e) => e.startsWith('world.hosts[HV01].nics[SMB1].speedGbps: ') && e.endsWith('(in the world after the patch)'))).toBe(true);
  });

  it('the patch form: removing what does not exist, an unknown base, a non-object entry', () => {
    const p = minimalPack();
    p.world = { base: 'default', patch: { vms: { SQL99: null, DC01: 5 } } };
    expect(lines(loadErrors(p))).toEqual([
      'world.patch.vms.SQL99: nothing named "SQL99" to remove',
      'world.patch.vms.DC01: must be an object (the changes to "DC01"), or null to remove it',
    ]);
    p.world = { base: 'empty', patch: {} };
    expect(lines(loadErrors(p))[0]).toMatch(/^world\.base: /);
    p.world = 'default';
    expect(lines(loadErrors(p))).toContain('world: must be a world object, or { "base": "default", "patch": { ... } }');
    delete p.world;
    expect(lines(loadErrors(p))).toContain('world: required');
  });

  it('the patch form can add a host and remove a VM, and checks see the result', () => {
    const p = minimalPack();
    const hv03 = {
      role: 'HyperV',
      cpu: { vendor: 'Intel', family: 'Xeon E5-2600 v2 (Ivy Bridge-EP)', cores: 16, ghz: 2.6 },
      memoryBytes: 128 * 1024 ** 3,
      volumes: [{ letter: 'D', capacityBytes: 2e12, readBytesPerSec: 1e9, writeBytesPerSec: 9e8 }],
    };
    p.world = { base: 'default', patch: { hosts: { HV03: hv03 }, vms: { TEST01: null } } };
    checksOf(p, 1)[0] = { type: 'vmOnHost', vm: 'SQL01', host: 'HV03' };
    const pack = loadOk(p);
    expect(pack.world.hosts.map((h) => h.name)).toEqual(['HV01', 'HV02', 'FS01', 'HV03']);
    expect(pack.world.vms.some((v) => v.name === 'TEST01')).toBe(false);
    checksOf(p, 1)[0] = { type: 'vmOnHost', vm: 'TEST01', host: 'HV03' };
    expect(lines(loadErrors(p))[0]).toMatch(/^tasks\[1\]\.checks\[0\]\.vm: no virtual machine named "TEST01"/);
  });

  it('not an object at all', () => {
    for (const bad of [null, 42, 'pack', [], undefined]) expect(lines(loadErrors(bad))).toEqual(['(root): a lab pack must be a JSON object']);
  });

  it('JSON text: a syntax error says where', () => {
    const r = parseLabPackJson('{\n  "id": "x",\n  "title": }');
    expect(r.ok).toBe(false);
    // Where the runtime's JSON.parse reports a position, the message gives line and column (engine/model/validate.ts).
    if (!r.ok) expect(formatPackIssues(r.errors)).toMatch(/^\(file\): not valid JSON/);
    const truncated = parseLabPackJson('{\n  "id": "x",\n  "title": "y"');
    expect(!truncated.ok && truncated.errors[0]!.path).toBe('(file)');
    const empty = parseLabPackJson('   ');
    expect(!empty.ok && empty.errors[0]!.message).toBe('not valid JSON: the file is empty');
  });

  it("every built-in pack file loads as a trainer's file would, $schema and all", () => {
    const file = builtinJson('storage-single-location');
    expect(file.$schema).toBe('../../schemas/lab-pack.schema.json');
    expect(loadOk(file).id).toBe('storage-single-location');
  });
});
