// PowerShell wildcard patterns (* ? [abc] [a-z], backtick escapes), matched case-insensitively.

export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function toRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/[\\^\]]/g, (m) => `\\${m}`);
        out += body ? `[${body}]` : '\\[\\]';
        i = close;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`, 'is');
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, (m) => `\\${m}`);
}

/** Whether `text` matches the wildcard pattern (a pattern without wildcards must match exactly, any case). */
export function wildcardMatch(pattern: string, text: string): boolean {
  return wildcardMatcher(pattern)(text);
}

/** wildcardMatch with the pattern compiled once, for matching it against many names. */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  if (!hasWildcard(pattern)) {
    const lower = pattern.toLowerCase();
    return (text) => lower === text.toLowerCase();
  }
  let re: RegExp;
  try {
    re = toRegExp(pattern);
  } catch {
    // A pattern that cannot be compiled matches nothing, as an invalid -like pattern finds nothing.
    return () => false;
  }
  return (text) => re.test(text);
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
