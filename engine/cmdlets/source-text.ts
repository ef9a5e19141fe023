// Where something is in a script: offsets for the parser, 1-based line and column for people.
export interface Range {
  offset: number;
  length: number;
}

export interface SourceSpan extends Range {
  /** 1-based line of `offset`. */
  line: number;
  /** 1-based column of `offset` (UTF-16 code units, as editors count them). */
  column: number;
}

/** A script the console cannot run, in PowerShell's words, pointing at the text at fault. */
export class ScriptError extends Error {
  /** The cmdlet whose binding failed (set by the parser when it knows it): the record's Activity. */
  command?: string;

  constructor(
    message: string,
    readonly at: Range,
    readonly parameter?: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

/**
 * Where each line of a text starts, found in one pass, so that turning an offset into a line and
 * column is a binary search: a script of n statements costs O(n log n), not O(n²) (a 40,000-line
 * script took 70 s when every lookup rescanned from the start). Line ends are CRLF, LF or a lone CR.
 */
export class LineIndex {
  /** Offsets where lines 1, 2, 3, ... start. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
    LineIndex.charsScanned += text.length;
  }

  /** Characters scanned by every LineIndex so far: the tests' measure that lookups do not rescan. */
  static charsScanned = 0;

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo]! + 1 };
  }

  span(at: Range): SourceSpan {
    const offset = Math.max(0, Math.min(at.offset, this.text.length));
    return { offset, length: Math.max(0, Math.min(at.length, this.text.length - offset)), ...this.position(offset) };
  }
}

/** One lookup in a text; callers with many lookups in one text keep a LineIndex instead. */
export function spanAt(text: string, at: Range): SourceSpan {
  return new LineIndex(text).span(at);
}

export function rangeBetween(start: number, end: number): Range {
  return { offset: start, length: Math.max(0, end - start) };
}
