// What the CLI writes to a terminal is made safe here, once: a world, a lab pack, a script or a flow
// file can carry control characters (in a VM name, a briefing, a string argument echoed in an error),
// and a terminal obeys them — ESC sequences recolour, move the cursor or retitle the window, OSC 52
// writes the clipboard, BEL rings, a bare CR rewrites the line, bidirectional overrides reorder
// what is shown (ECMA-48 defines the sequences; Unicode TR #9 the overrides).
//
// Text: sequences are removed whole (so no "]52;c;..." tail is left behind), then every control
// character but line feed and tab. JSON: JSON.stringify already escapes C0 controls, but not C1
// controls (U+0080–U+009F, where U+009B is a one-character CSI) nor the overrides; those become
// \u escapes, which JSON.parse reads back as the same string.

/** ESC- or C1-introduced sequences: CSI (ESC [ or U+009B), OSC/DCS/SOS/PM/APC strings to ST or BEL, any other ESC + one character. */
const SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;
/** Controls left after the sequences (keeping \n and \t), and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** In JSON text only C1 controls and the bidi characters can still appear raw (inside strings). */
const JSON_UNSAFE = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export type TerminalFormat = 'text' | 'json';

/** `text` made safe to write to a terminal; for `json`, the same JSON with the unsafe characters escaped. */
export function toTerminal(text: string, format: TerminalFormat = 'text'): string {
  if (format === 'json') return text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.replace(/\r\n/g, '\n').replace(SEQUENCE, '').replace(CONTROL, '');
}
