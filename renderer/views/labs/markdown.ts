// A small, safe Markdown reader for lab briefings, task descriptions and hints: headings,
// paragraphs, bullet and numbered lists, block quotes, fenced code blocks, **bold**, *italic*,
// `code`, backslash escapes and [links](…) (shown as their text). It builds a tree of plain data
// that Markdown.tsx renders as React elements: no HTML string is ever produced or injected, and
// markup a pack contains (<script>, <img onerror=…>) is shown as the text it is.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'code'; text: string; lang?: string };

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const FENCE = /^ {0,3}(```+|~~~+)\s*([\w-]*)\s*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const BULLET = /^( {0,3})[-*+]\s+(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/** Parses Markdown text into blocks. Never throws. */
export function parseMarkdown(text: string): Block[] {
  return parseBlocks(text.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let para: string[] = [];
  const endParagraph = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.map((l) => l.trim()).join('\n')) });
    para = [];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      endParagraph();
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      endParagraph();
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: body.join('\n'), ...(fence[2] ? { lang: fence[2] } : {}) });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      endParagraph();
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      endParagraph();
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ kind: 'quote', children: parseBlocks(inner) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      endParagraph();
      const isOrdered = !bullet;
      const items: string[][] = [];
      let start = 1;
      while (i < lines.length) {
        const l = lines[i]!;
        const b = BULLET.exec(l);
        const o = ORDERED.exec(l);
        if (isOrdered ? o : b) {
          if (items.length === 0 && o) start = Number(o[2]);
          items.push([(isOrdered ? o![3] : b![2])!]);
          i++;
        } else if (l.trim() && /^\s{2,}\S/.test(l) && items.length) {
          items.at(-1)!.push(l.replace(/^\s{2,4}/, '')); // a continuation or a nested line
          i++;
        } else if (!l.trim() && i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!) && items.length) {
          items.at(-1)!.push('');
          i++;
        } else if (l.trim() && !BULLET.test(l) && !ORDERED.test(l) && !HEADING.test(l) && !FENCE.test(l) && !QUOTE.test(l) && items.length && lines[i - 1]!.trim()) {
          items.at(-1)!.push(l.trim()); // a lazy continuation of the item's paragraph
          i++;
        } else break;
      }
      blocks.push({ kind: 'list', ordered: isOrdered, start, items: items.map((item) => parseBlocks(item)) });
      continue;
    }
    para.push(line);
    i++;
  }
  endParagraph();
  return blocks;
}

/** Parses inline Markdown: code spans first, then escapes, emphasis and links. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      let close = text.indexOf(ticks, i + n);
      while (close >= 0 && text[close + n] === '`') close = text.indexOf(ticks, close + n + 1);
      if (close >= 0) {
        flush();
        let code = text.slice(i + n, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
        out.push({ kind: 'code', text: code });
        i = close + n;
        continue;
      }
      buf += ticks;
      i += n;
      continue;
    }
    if ((c === '*' || c === '_') && text[i + 1] === c) {
      const close = findClose(text, i + 2, c + c);
      if (close > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] !== c && text[i + 1] !== undefined && !/\s/.test(text[i + 1]!)) {
      const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!);
      if (!(c === '_' && wordBefore)) {
        const close = findClose(text, i + 1, c);
        if (close > i + 1) {
          flush();
          out.push({ kind: 'em', children: parseInline(text.slice(i + 1, close)) });
          i = close + 1;
          continue;
        }
      }
    }
    if (c === '[') {
      const m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (m) {
        flush();
        out.push({ kind: 'link', href: m[2]!, children: parseInline(m[1]!) });
        i += m[0].length;
        continue;
      }
    }
    if (c === '\n') {
      buf += ' ';
      i++;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** Index of the closing delimiter (not escaped, not inside a code span, after a non-space), or -1. */
function findClose(text: string, from: number, delim: string): number {
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '`') {
      let n = 1;
      while (text[j + n] === '`') n++;
      const end = text.indexOf('`'.repeat(n), j + n);
      if (end >= 0) j = end + n - 1;
      continue;
    }
    if (ch === delim[0]) {
      // A run of the delimiter's character closes only if it is exactly as long (** inside *...*
      // is a nested strong, not the end), follows a non-space, and (for _) ends a word.
      let n = 1;
      while (text[j + n] === ch) n++;
      if (n === delim.length && j > from && !/\s/.test(text[j - 1]!) && !(ch === '_' && /[\p{L}\p{N}]/u.test(text[j + n] ?? ''))) return j;
      j += n - 1;
    }
  }
  return -1;
}

/** The text of inline nodes, without markup (for labels and reports). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inlineText(n.children))).join('');
}
