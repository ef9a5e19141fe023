// Deep JSON gets an error naming the depth limit, in linear time, never "Maximum call stack size
// exceeded" (issue 18). The check itself uses no recursion, so it survives any depth.
import { describe, expect, it } from 'vitest';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../../engine/common/json-depth';
import { EngineHost } from '../../../doors/common/engine-host';
import { parseWorldJson } from '../../../engine/model/validate';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { defaultWorld } from '../../../engine/model/default-world';
import { Engine } from '../../../engine/engine';

const nestedArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const nestedObjects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('checkJsonDepth', () => {
  it('accepts up to the limit and names the path past it', () => {
    expect(checkJsonDepth(JSON.parse(nestedObjects(MAX_JSON_DEPTH)))).toBeUndefined();
    const problem = checkJsonDepth({ command: { params: { Name: JSON.parse(nestedArrays(MAX_JSON_DEPTH + 5)) as unknown } } });
    expect(problem?.message).toBe(`nested more than ${MAX_JSON_DEPTH} levels deep (objects and arrays within each other); the limit is ${MAX_JSON_DEPTH}`);
    expect(problem?.path).toBe('command.params.Name[0][0][0][0][0][0][0][0][0]…');
  });

  it('200,000 levels: no recursion, so no stack overflow', () => {
    expect(checkJsonDepth(JSON.parse(nestedArrays(200_000)))?.message).toMatch(/^nested more than 64 levels deep/);
  });

  it('wide is fine; a cycle or shared references multiplying end at the limits', () => {
    expect(checkJsonDepth({ vms: Array.from({ length: 100_000 }, (_, i) => ({ id: i, files: [{ path: 'x' }] })) })).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(checkJsonDepth(cycle)?.message).toMatch(/^nested more than 64/);
    let shared: unknown = [];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(checkJsonDepth(shared, 64, 100_000)?.message).toBe('holds more than 100,000 values');
  });
});

describe('where JSON comes in', () => {
  it('a request over the bridge (EngineHost.handle, used by the WebSocket and IPC)', () => {
    const host = new EngineHost({ startClock: false });
    const raw = JSON.parse(`{"kind":"invoke","id":7,"command":{"cmdlet":"Get-VM","params":{"Name":${nestedArrays(10_000)}}}}`) as unknown;
    // Before: { code: 'Internal', message: 'The engine failed: Maximum call stack size exceeded' }.
    const r = host.handle(raw);
    expect(r.id).toBe(7);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) {
      expect(r.result.error.code).toBe('InvalidRequest');
      expect(r.result.error.message).toMatch(/^Invalid request: command\.params\.Name\[0\].*: nested more than 64 levels deep .* the limit is 64\.$/);
    }
    expect(host.respond(JSON.parse(`{"kind":"run","id":8,"text":${nestedArrays(10_000)}}`))).toMatchObject({
      id: 8,
      result: { ok: false, error: { code: 'InvalidRequest' } },
    });
    expect(host.handle({ kind: 'query', id: 9, query: { name: 'clock' } }).result.ok).toBe(true);
    host.dispose();
  });

  it('a world file and a saved state: the schemas hold no free-form values, so deep JSON is dropped or refused unread', () => {
    // No free-form value in either schema: zod never descends into the 100,000 levels.
    const world = JSON.stringify({ ...defaultWorld(), extra: '__X__' }).replace('"__X__"', nestedObjects(100_000));
    const w = parseWorldJson(world);
    expect(w.ok && 'extra' in w.world).toBe(false); // an unknown key is dropped unread
    const notes = JSON.stringify(defaultWorld()).replace(/"notes":"[^"]*"/, `"notes":${nestedArrays(100_000)}`);
    const n = parseWorldJson(notes);
    expect(!n.ok && n.errors[0]?.message).toMatch(/expected string, received array/);
    const state = encodeState(new Engine({ world: defaultWorld() }).state()).replace('"format"', `"deep":${nestedArrays(100_000)},"format"`);
    const s = decodeState(state);
    expect(s.ok && 'deep' in s.state).toBe(false); // unknown keys are dropped unread
    const badClock = encodeState(new Engine({ world: defaultWorld() }).state()).replace(/"now":\d+/, `"now":${nestedArrays(100_000)}`);
    const c = decodeState(badClock);
    expect(!c.ok && c.reason).toMatch(/saved-state schema .*expected number, received array/);
  });
});
