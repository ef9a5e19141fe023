// The quote and dash characters PowerShell accepts besides the ASCII ones, so that text pasted from
// a document (where a word processor turned ' into ’ and - into –) still reads as the author meant
// (Windows PowerShell Language Specification 3.0, lexical grammar: the single-quote-character,
// double-quote-character and dash productions list exactly these). Shared by the parser,
// the completion, the command writer and the console's error positions.

export const singleQuotes: ReadonlySet<string> = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
export const doubleQuotes: ReadonlySet<string> = new Set(['"', '\u201c', '\u201d', '\u201e']);
export const dashes: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014', '\u2015']);
