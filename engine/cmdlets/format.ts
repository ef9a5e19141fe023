// Canonical PowerShell text of a command object: what "View script" shows and the console echoes.
import type { BoundParams, CmdletSignature, ParamValue } from './signature';

function quote(s: string): string {
  return /^[A-Za-z0-9_.:\\$-]+$/.test(s) && !/^-/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

const units: [number, string][] = [[1024 ** 4, 'TB'], [1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB']];

export function formatBytes(n: number): string {
  for (const [size, unit] of units) if (n >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}

function formatValue(type: string, v: ParamValue): string {
  if (type === 'Bytes' && typeof v === 'number') return formatBytes(v);
  if (typeof v === 'boolean') return v ? '$true' : '$false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return quote(v);
  if (v.length === 0) return '@()';
  if (typeof v[0] === 'string') return (v as string[]).map(quote).join(',');
  return `@(${(v as Record<string, string>[])
    .map((h) => `@{${Object.entries(h).map(([k, x]) => `"${k}"="${x.replace(/"/g, '`"')}"`).join(';')}}`)
    .join(', ')})`;
}

export function formatCommand(sig: CmdletSignature, params: BoundParams): string {
  const parts = [sig.name];
  for (const p of sig.parameters) {
    const v = params[p.name];
    if (v === undefined) continue;
    if (p.type === 'Switch') {
      if (v === true) parts.push(`-${p.name}`);
      else parts.push(`-${p.name}:$false`);
      continue;
    }
    parts.push(`-${p.name} ${formatValue(p.type, v)}`);
  }
  return parts.join(' ');
}
