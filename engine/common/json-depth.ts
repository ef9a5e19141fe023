// How deep a request nests, found without recursion. Validators (zod) and the engine walk values
// recursively, so a message like [[[[...]]]] 10,000 levels deep ended as "Maximum call stack size
// exceeded" from inside the engine; checked first, it is an error that names the limit. One pass
// with an explicit stack: time linear in the size, stopping at the first offence.
//
// World files and saved states need no such pass: their schemas are strict and hold no free-form
// values, so zod stops at the first level that does not match (test/unit/contract/json-depth.test.ts
// keeps it so), and a lab pack's free-form world patch has its own depth limit (labs/world-patch.ts).

/** Far deeper than anything the contract, a world file or a saved state holds (about 10 levels). */
export const MAX_JSON_DEPTH = 64;
/** Values reachable from one message; more means shared references multiplying (IPC's structured clone keeps them). */
export const MAX_JSON_VALUES = 2_000_000;

export interface JsonShapeProblem {
  /** Where, as `a.b[0].c` (shortened) from the root. */
  path: string;
  /** A sentence for the user, naming the limit. */
  message: string;
}

function tooDeepMessage(maxDepth: number): string {
  return `nested more than ${maxDepth} levels deep (objects and arrays within each other); the limit is ${maxDepth}`;
}

/** A parsed value (a request that came over IPC as a structured clone, or was parsed already). */
export function checkJsonDepth(value: unknown, maxDepth: number = MAX_JSON_DEPTH, maxValues: number = MAX_JSON_VALUES): JsonShapeProblem | undefined {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length > 0) {
    const v = values.pop()!;
    const depth = depths.pop()!;
    if (depth >= maxDepth) return { path: pathTo(value, maxDepth), message: tooDeepMessage(maxDepth) };
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    visited += children.length;
    if (visited > maxValues) return { path: '(root)', message: `holds more than ${maxValues.toLocaleString('en-US')} values` };
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/** The path to the first value nested maxDepth deep (recursion bounded by maxDepth, so safe). */
function pathTo(root: unknown, maxDepth: number): string {
  const keys: (string | number)[] = [];
  const find = (v: unknown, depth: number): boolean => {
    if (typeof v !== 'object' || v === null) return false;
    if (depth >= maxDepth) return true;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, child] of entries) {
      keys.push(k);
      if (find(child, depth + 1)) return true;
      keys.pop();
    }
    return false;
  };
  if (typeof root === 'object' && root !== null) find(root, 0);
  const shown = keys.length > 12 ? [...keys.slice(0, 12), '…'] : keys;
  return shown.map((k, i) => (typeof k === 'number' ? `[${k}]` : k === '…' || i === 0 ? k : `.${k}`)).join('') || '(root)';
}
