// PowerShell numeric literals as the console accepts them: 42, -5, 1.5, 1e3, 0x1F, a type suffix
// (l, d) and the size multipliers KB, MB, GB, TB and PB, case-insensitive, where KB = 1024.
// The same rules convert a quoted string bound to a numeric parameter ("512MB" works there too,
// as it does in PowerShell).

const multipliers: Record<string, number> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};

const literal = /^([+-]?)(?:0x([0-9a-f]+)|((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))(l|d)?(kb|mb|gb|tb|pb)?$/i;

/** The value of a numeric literal, or undefined when the text is not one. */
export function parseNumberLiteral(text: string): number | undefined {
  const m = literal.exec(text);
  if (!m) return undefined;
  const [, sign, hex, decimal, suffix, multiplier] = m;
  if (hex !== undefined && suffix?.toLowerCase() === 'd') return undefined;
  const base = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  const value = (sign === '-' ? -1 : 1) * base * (multiplier ? multipliers[multiplier.toLowerCase()]! : 1);
  // "-0" is the integer 0 in PowerShell; as -0 it would print as 0 and read back as a different
  // number (found by test/unit/cmdlets/fuzz.test.ts: -Timeout -0 did not round-trip).
  return Number.isFinite(value) ? value + 0 : undefined;
}

/** Rounds as .NET converts a double to an integer type: to the nearest, ties to even. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
