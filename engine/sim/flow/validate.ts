// Checks of the arguments of the flow network's API: a clear error naming the call, the resource or
// path, and the bad value.

export function pathAt(where: string, i: number): string {
  return `${where}: path ${i}`;
}

export function checkResourceId(op: string, id: string): void {
  if (typeof id !== 'string' || id === '') throw new Error(`FlowNetwork.${op}: a resource id must be a non-empty string`);
}

export function checkCapacity(op: string, id: string, capacity: number): void {
  if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) {
    throw new Error(`FlowNetwork.${op}("${id}"): capacity must be a finite number ≥ 0 (units per second), got ${String(capacity)}`);
  }
}

export function checkMaxRate(where: string, maxRate: number | undefined): void {
  if (maxRate === undefined) return;
  if (typeof maxRate !== 'number' || Number.isNaN(maxRate) || maxRate < 0) {
    throw new Error(`${where}: maxRate must be a number ≥ 0 (bytes per second) or undefined, got ${String(maxRate)}`);
  }
}
