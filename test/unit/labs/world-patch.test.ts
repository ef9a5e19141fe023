// The patch form of a starting world: JSON Merge Patch, plus lists of named things patched by name.
import { describe, expect, it } from 'vitest';
import { applyWorldPatch, baseWorldInput } from '../../../engine/labs';

describe('world patches', () => {
  it('merge patch rules: objects merge, null removes, other values replace', () => {
    const r = applyWorldPatch({ a: { b: 1, c: 2 }, d: [1, 2], e: 'x' }, { a: { c: null, f: 3 }, d: [9], e: 5 });
    expect(r).toEqual({ ok: true, value: { a: { b: 1, f: 3 }, d: [9], e: 5 } });
  });

  it('named lists: patch by name (case-insensitive), add new elements with their name, remove with null', () => {
    const base = {
      hosts: [
        {
          name: 'HV01',
          volumes: [
            { letter: 'C', label: 'System' },
            { letter: 'D', label: 'VMs' },
          ],
        },
        { name: 'HV02' },
      ],
    };
    const r = applyWorldPatch(base, { hosts: { hv01: { volumes: { D: { label: 'Fast' }, E: { label: 'New' } } }, HV02: null, HV03: { role: 'HyperV' } } });
    expect(r).toEqual({
      ok: true,
      value: {
        hosts: [
          {
            name: 'HV01',
            volumes: [
              { letter: 'C', label: 'System' },
              { letter: 'D', label: 'Fast' },
              { label: 'New', letter: 'E' },
            ],
          },
          { role: 'HyperV', name: 'HV03' },
        ],
      },
    });
  });

  it('does not change its inputs', () => {
    const base = baseWorldInput('default') as { hosts: { name: string }[] };
    const copy = JSON.parse(JSON.stringify(base)) as unknown;
    const patch = { hosts: { HV01: { name: 'HV09' } } };
    applyWorldPatch(base, patch);
    expect(base).toEqual(copy);
    expect(patch).toEqual({ hosts: { HV01: { name: 'HV09' } } });
  });

  it('errors name the path inside the patch', () => {
    expect(applyWorldPatch({ hosts: [{ name: 'HV01' }] }, { hosts: { HV02: null, HV01: 'x' } })).toEqual({
      ok: false,
      errors: [
        { path: 'hosts.HV02', message: 'nothing named "HV02" to remove' },
        { path: 'hosts.HV01', message: 'must be an object (the changes to "HV01"), or null to remove it' },
      ],
    });
    expect(applyWorldPatch({ tags: ['a'] }, { tags: { a: {} } })).toEqual({
      ok: false,
      errors: [{ path: 'tags', message: 'this list can only be replaced with an array, not patched by name' }],
    });
  });

  it('survives values JSON cannot hold and deep nesting', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 200; i++) {
      at.x = {};
      at = at.x as Record<string, unknown>;
    }
    expect(applyWorldPatch({}, deep).ok).toBe(false);
    expect(applyWorldPatch({}, { f: () => 1, n: Number.NaN, b: 10n }).ok).toBe(true);
  });

  it('the default base is a fresh copy each time', () => {
    const a = baseWorldInput('default') as { name: string };
    a.name = 'changed';
    expect((baseWorldInput('default') as { name: string }).name).not.toBe('changed');
  });
});
