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

export function spanAt(text: string, at: Range): SourceSpan {
  const offset = Math.max(0, Math.min(at.offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, length: Math.max(0, Math.min(at.length, text.length - offset)), line, column: offset - lineStart + 1 };
}

export function rangeBetween(start: number, end: number): Range {
  return { offset: start, length: Math.max(0, end - start) };
}
