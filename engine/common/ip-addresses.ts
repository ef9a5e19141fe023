// IP addresses and subnets, IPv4 and IPv6, as Hyper-V's migration network list takes them
// ("Use these IP addresses for live migration" accepts both families; Add-VMMigrationNetwork's
// -Subnet is "a string representing an IPv4 or IPv6 subnet mask", Microsoft's Add-VMMigrationNetwork
// help for Windows Server 2012 R2). Text forms: IPv4 dotted decimal; IPv6 as RFC 4291 §2.2 allows
// (hexadecimal groups, one `::`, an IPv4 tail), written back in RFC 5952's canonical form
// (lower case, no leading zeros, the longest run of zero groups as `::`). Shared pure layer: the
// engine and the console's Hyper-V Settings dialog use the same reading.

export type IpAddress = { family: 4 | 6; /** The address as a number (128 bits for IPv6). */ value: bigint };

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): bigint | undefined {
  const m = V4.exec(text);
  if (!m) return undefined;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    v = (v << 8n) | BigInt(o);
  }
  return v;
}

function parseV6(text: string): bigint | undefined {
  if (text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let v = 0n;
  for (const g of [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail]) v = (v << 16n) | BigInt(g);
  return v;
}

/** An IPv4 or IPv6 address (blanks around it ignored), or undefined. */
export function parseIp(text: string): IpAddress | undefined {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = t.includes(':') ? parseV6(t) : undefined;
  return v6 !== undefined ? { family: 6, value: v6 } : undefined;
}

const bits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

/** The address in canonical text: dotted decimal, or RFC 5952 IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // The longest run of two or more zero groups (the first of equal runs) becomes `::`.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  return best < 0 ? hex(groups) : `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** Whether two texts name the same address (10.0.0.12 and FD00::1 / fd00:0::1 alike). */
export function sameIp(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return x !== undefined && y !== undefined && x.family === y.family && x.value === y.value;
}

export type Subnet = { address: IpAddress; prefixLength: number };

/** `192.168.10.0/24`, `fd00::/64`; an address alone is that one address (/32 or /128). */
export function parseSubnet(text: string): Subnet | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const address = parseIp(slash < 0 ? t : t.slice(0, slash));
  if (!address) return undefined;
  const max = bits(address.family);
  if (slash < 0) return { address, prefixLength: max };
  const len = t.slice(slash + 1);
  if (!/^\d{1,3}$/.test(len) || Number(len) > max) return undefined;
  return { address, prefixLength: Number(len) };
}

/** The subnet in the form a host stores and lists it: canonical address text, then the prefix. */
export function normalizeSubnet(text: string): string | undefined {
  const s = parseSubnet(text);
  return s ? `${formatIp(s.address)}/${s.prefixLength}` : undefined;
}

/** Whether `ip` lies in `subnet`; an address never lies in a subnet of the other family. */
export function inSubnet(ip: string, subnet: string): boolean {
  const a = parseIp(ip);
  const s = parseSubnet(subnet);
  if (!a || !s || a.family !== s.address.family) return false;
  const shift = BigInt(bits(a.family) - s.prefixLength);
  return a.value >> shift === s.address.value >> shift;
}

/** What an address belongs to: a host's adapters and teams (structurally, so this layer needs no model types). */
export interface Addressed {
  readonly nics: readonly { readonly ipAddress?: string | undefined }[];
  readonly teams: readonly { readonly ipAddress?: string | undefined }[];
}

/** Whether `ip` is one of the host's addresses (an adapter's or a team's), in any spelling. */
export function ownsAddress(host: Addressed, ip: string): boolean {
  const want = parseIp(ip);
  if (!want) return false;
  const same = (a: string | undefined) => {
    const x = a === undefined ? undefined : parseIp(a);
    return x !== undefined && x.family === want.family && x.value === want.value;
  };
  return host.nics.some((n) => same(n.ipAddress)) || host.teams.some((t) => same(t.ipAddress));
}
