// A saved console state is cross-checked like a world file (issue 18): each inconsistency below
// used to load silently (and `hvlab run --world <state>` ran it). Now the store moves the file
// aside with a notice naming the field, the console starts from defaults, and the CLI exits
// non-zero naming it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { Engine, type EngineState } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { JsonStateStore } from '../../../doors/node/json-state-store';
import { run } from '../../../cli.main';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-state-checks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real saved state with a finished job (a storage move run to completion). */
function savedState(): EngineState {
  const engine = new Engine({ world: defaultWorld() });
  const r = engine.invoke({
    cmdlet: 'Move-VMStorage',
    params: { VMName: 'TEST01', ComputerName: ['HV02'], DestinationStoragePath: 'E:\\VMs\\TEST01-moved', AsJob: true },
  });
  expect(r.ok).toBe(true);
  engine.runUntilIdle();
  return JSON.parse(JSON.stringify(engine.state())) as EngineState;
}

/** Two VMs on one host, each with a VHD. */
function sameHostPair(s: EngineState): [number, number] {
  const vms = s.world.vms;
  for (let i = 0; i < vms.length; i++) {
    for (let j = i + 1; j < vms.length; j++) {
      if (vms[i]!.host === vms[j]!.host && vms[i]!.vhds.length && vms[j]!.vhds.length) return [i, j];
    }
  }
  throw new Error('the default world has no two VMs with disks on one host');
}

const cases: [string, (s: EngineState) => string | RegExp, ((text: string) => string)?][] = [
  [
    'a VM on a host that does not exist',
    (s) => {
      s.world.vms[0]!.host = 'HV99';
      return `state.world.vms[${s.world.vms[0]!.name}].host: host "HV99" does not exist`;
    },
  ],
  [
    'two VMs with one id',
    (s) => {
      s.world.vms[1]!.id = s.world.vms[0]!.id;
      return `state.world.vms[${s.world.vms[1]!.name}].id: duplicate VM id`;
    },
  ],
  [
    'a VHD on a missing volume',
    (s) => {
      const vm = s.world.vms.find((v) => v.vhds.length)!;
      vm.vhds[0]!.path = 'Q:\\VMs\\lost.vhdx';
      return `state.world.vms[${vm.name}].vhds[0].path`;
    },
  ],
  [
    'two VMs sharing one VHD',
    (s) => {
      const [i, j] = sameHostPair(s);
      s.world.vms[j]!.vhds[0]!.path = s.world.vms[i]!.vhds[0]!.path;
      return new RegExp(`state\\.world\\.vms\\[(${s.world.vms[i]!.name}|${s.world.vms[j]!.name})\\]\\.vhds\\[0\\]\\.path`);
    },
  ],
  [
    'a clock of 1e308',
    (s) => {
      s.now = 1e308;
      return 'state.now: the simulated clock reads 1e+308 ms';
    },
  ],
  // Only the clock: encodeState would stamp savedAt with it too.
  ['a negative clock', () => 'state.now: Too small', (text) => text.replace(/"now":\d+(\.\d+)?}/, '"now":-5}')],
  // A running job acts on its VM at start-up; an ended one may name a VM deleted since (Remove-VM).
  [
    'a running job whose VM does not exist',
    (s) => {
      s.jobs[0]!.state = 'Running';
      s.jobs[0]!.vmId = 'a0000000-0000-0000-0000-00000000dead';
      return 'state.jobs[0].vmId: VM "a0000000-0000-0000-0000-00000000dead" (TEST01) does not exist in the saved world';
    },
  ],
  [
    'two jobs with one id',
    (s) => {
      s.jobs.push({ ...s.jobs[0]! });
      return 'state.jobs[1].id: duplicate job id';
    },
  ],
];

describe('a saved state is cross-checked', () => {
  it('a consistent state (with a finished job) loads', () => {
    const decoded = decodeState(encodeState(savedState()));
    expect(decoded.ok, decoded.ok ? '' : decoded.reason).toBe(true);
  });

  it('a clock that is not finite (1e999 in the file reads as Infinity) is refused', () => {
    const text = encodeState(savedState()).replace(/"now":\d+(\.\d+)?}/, '"now":1e999}');
    expect(text).toContain('"now":1e999');
    const decoded = decodeState(text);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/state\.now/);
  });

  for (const [what, corrupt, patch] of cases) {
    it(`${what}: refused naming the field, moved aside with a notice, and the CLI exits non-zero`, async () => {
      const state = savedState();
      const expected = corrupt(state);
      const text = (patch ?? ((t: string) => t))(encodeState(state));
      const decoded = decodeState(text);
      expect(decoded.ok).toBe(false);
      if (decoded.ok) return;
      const named = (s: string) => (typeof expected === 'string' ? expect(s).toContain(expected) : expect(s).toMatch(expected));
      named(decoded.reason);

      const path = join(dir, 'world.json');
      writeFileSync(path, text);
      const loaded = new JsonStateStore(path).load();
      expect(loaded.state).toBeUndefined();
      named(loaded.notice!);
      expect(loaded.notice).toMatch(/It was moved, unchanged, to .*world\.corrupt-.*\.json and the console started from the default world\.$/);
      expect(readdirSync(dir).filter((f) => f.startsWith('world.corrupt-'))).toHaveLength(1);

      const statePath = join(dir, 'state.json');
      writeFileSync(statePath, text);
      const script = join(dir, 'script.ps1');
      writeFileSync(script, 'Get-VM -ComputerName HV01\n');
      let out = '';
      let err = '';
      const code = await run(
        ['run', script, '--world', statePath],
        (s) => (out += s),
        (s) => (err += s),
      );
      expect(code).not.toBe(0);
      named(err);
      expect(out).toBe('');
    });
  }
});
