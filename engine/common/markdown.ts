// Lab Markdown, once for every reader: the Labs pane (renderer/views/labs/Markdown.tsx renders the
// tree as React elements), the result report (markdownHtml below) and the pack loader (which
// refuses a pack whose Markdown nests too deep, naming the field).
//
// Parsing is markdown-it's CommonMark (https://spec.commonmark.org/), chosen because it parses in
// time linear in its input — its emphasis matching keeps the "openers bottom" of the CommonMark
// spec's "process emphasis" procedure, so runs like `*a **b *c` do not rescan — and it bounds
// nesting (maxNesting). Raw HTML is off (markup in a pack is shown as the text it is), links are
// never followed (shown as their text, the target as a tooltip), images show their alt text, and
// nothing turns bare addresses into links.
//
// The output is a tree of plain data (strings and elements from a closed list of tags), built
// without recursion and never deeper than the limits below, so a hostile pack cannot make a
// reader recurse once per `>` (the old reader did, and 22 KB of `>` blanked the console).
import MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';

export const MARKDOWN_LIMITS = {
  /** Block quotes and lists inside each other; deeper containers are flattened into the last one. */
  blockNesting: 8,
  /** Emphasis, strong emphasis and links inside each other; deeper ones are flattened. */
  inlineNesting: 8,
} as const;

export type MdTag = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre' | 'hr' | 'code' | 'strong' | 'em' | 'br' | 'link';

export interface MdElement {
  readonly tag: MdTag;
  readonly children: MdNode[];
  /** First number of an ordered list, when not 1. */
  readonly start?: number;
  /** A link's target (shown as a tooltip, never followed). */
  readonly href?: string;
}
export type MdNode = string | MdElement;

export interface MdDocument {
  readonly children: readonly MdNode[];
  /** Something nested deeper than MARKDOWN_LIMITS and was flattened ('block' or 'inline'), if anything. */
  readonly nestingCut?: 'block' | 'inline';
}

const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open']);
const INLINE_NESTED = new Set(['em_open', 'strong_open', 'link_open']);

type Env = Record<PropertyKey, unknown> & { nestingCut?: boolean };

/**
 * Past this many markdown-it block levels (a block quote is one, a list and its item two) the rest
 * of a container is read as one plain paragraph: no deeper container is opened, so parsing costs
 * at most a bounded number of passes over each line whatever the input.
 */
const BLOCK_LEVEL_CUT = 2 * MARKDOWN_LIMITS.blockNesting;

function cutDeepBlocks(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level <= BLOCK_LEVEL_CUT) return false;
  if (silent) return true;
  (state.env as Env).nestingCut = true;
  const text = state.getLines(startLine, endLine, state.blkIndent, false).trim();
  state.push('paragraph_open', 'p', 1).map = [startLine, endLine];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, endLine];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = endLine;
  return true;
}

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false, maxNesting: BLOCK_LEVEL_CUT + 4 });
md.block.ruler.before('table', 'hv_cut_deep_blocks', cutDeepBlocks);

/** Parses lab Markdown into a bounded tree. Never throws; time and size linear in the text. */
export function parseMarkdown(text: string): MdDocument {
  const env: Env = {};
  const tokens = md.parse(text, env);
  const out = new TreeBuilder();
  for (const t of tokens) {
    if (t.type === 'inline') out.inlineRun(t.children ?? []);
    else out.block(t);
  }
  const cut = env.nestingCut ? 'block' : out.cut;
  return { children: out.root, ...(cut ? { nestingCut: cut } : {}) };
}

/** Builds the tree from markdown-it's flat token stream with an explicit stack (no recursion). */
class TreeBuilder {
  readonly root: MdNode[] = [];
  cut: 'block' | 'inline' | undefined;
  private readonly stack: MdNode[][] = [this.root];
  /** Per open token, in order: whether it opened an element (false: skipped or flattened). */
  private readonly opened: boolean[] = [];
  /** Per block quote or list open: shown ('open') or too deep and flattened (its list items too). */
  private readonly containers: ('open' | 'flat quote' | 'flat list')[] = [];
  private openContainers = 0;
  private inlineDepth = 0;

  block(t: Token): void {
    if (t.nesting === 1) {
      if (t.type === 'paragraph_open' && t.hidden) return this.skipOpen(); // tight list item
      if (t.type === 'list_item_open' && this.containers[this.containers.length - 1] === 'flat list') return this.skipOpen();
      if (CONTAINERS.has(t.type)) {
        if (this.openContainers >= MARKDOWN_LIMITS.blockNesting) {
          this.containers.push(t.type === 'blockquote_open' ? 'flat quote' : 'flat list');
          return this.flatten('block');
        }
        this.containers.push('open');
        this.openContainers++;
      }
      return this.open(elementFor(t));
    }
    if (t.nesting === -1) {
      if (CONTAINERS.has(t.type.replace(/_close$/, '_open')) && this.containers.pop() === 'open') this.openContainers--;
      return this.close(undefined);
    }
    if (t.type === 'fence' || t.type === 'code_block') this.add({ tag: 'pre', children: [{ tag: 'code', children: [t.content.replace(/\n$/, '')] }] });
    else if (t.type === 'hr') this.add({ tag: 'hr', children: [] });
    else if (t.content) this.text(t.content); // html_block cannot occur (html is off); kept as text if it did
  }

  /** One inline token's children; anything they leave open is closed at their end. */
  inlineRun(children: readonly Token[]): void {
    const depth = this.opened.length;
    for (const c of children) this.inline(c);
    while (this.opened.length > depth) this.close('inline');
  }

  private inline(t: Token): void {
    if (t.nesting === 1) {
      if (!INLINE_NESTED.has(t.type)) return this.skipOpen();
      if (this.inlineDepth >= MARKDOWN_LIMITS.inlineNesting) return this.flatten('inline');
      this.inlineDepth++;
      return this.open(elementFor(t));
    }
    if (t.nesting === -1) return this.close('inline');
    switch (t.type) {
      case 'code_inline':
        return this.add({ tag: 'code', children: [t.content] });
      case 'softbreak':
        return this.text('\n');
      case 'hardbreak':
        return this.add({ tag: 'br', children: [] });
      case 'image':
        return this.text(t.content); // the alt text: an offline console loads no pictures
      default:
        return this.text(t.content); // text, and html_inline as its text if it ever occurred
    }
  }

  private get top(): MdNode[] {
    return this.stack[this.stack.length - 1]!;
  }

  private add(node: MdElement): void {
    this.top.push(node);
  }

  private text(s: string): void {
    if (!s) return;
    const top = this.top;
    const last = top.length - 1;
    if (last >= 0 && typeof top[last] === 'string') top[last] = top[last] + s;
    else top.push(s);
  }

  private open(el: MdElement): void {
    this.top.push(el);
    this.stack.push(el.children);
    this.opened.push(true);
  }

  private skipOpen(): void {
    this.opened.push(false);
  }

  private flatten(kind: 'block' | 'inline'): void {
    this.cut ??= kind;
    this.opened.push(false);
  }

  private close(kind: 'inline' | undefined): void {
    if (!this.opened.pop()) return;
    this.stack.pop();
    if (kind === 'inline') this.inlineDepth--;
  }
}

function elementFor(t: Token): MdElement {
  switch (t.type) {
    case 'heading_open':
      return { tag: /^h[1-6]$/.test(t.tag) ? (t.tag as MdTag) : 'h6', children: [] };
    case 'ordered_list_open': {
      const start = Number(t.attrGet('start') ?? 1);
      return { tag: 'ol', children: [], ...(Number.isSafeInteger(start) && start !== 1 ? { start } : {}) };
    }
    case 'bullet_list_open':
      return { tag: 'ul', children: [] };
    case 'list_item_open':
      return { tag: 'li', children: [] };
    case 'blockquote_open':
      return { tag: 'blockquote', children: [] };
    case 'em_open':
      return { tag: 'em', children: [] };
    case 'strong_open':
      return { tag: 'strong', children: [] };
    case 'link_open':
      return { tag: 'link', children: [], href: String(t.attrGet('href') ?? '') };
    default:
      return { tag: 'p', children: [] };
  }
}

/** The text of a tree, without markup (for labels, terminals and tests). */
export function markdownText(nodes: readonly MdNode[]): string {
  let out = '';
  const todo: (readonly MdNode[])[] = [nodes];
  const at: number[] = [0];
  while (todo.length) {
    const list = todo[todo.length - 1]!;
    const i = at[at.length - 1]!;
    if (i >= list.length) {
      todo.pop();
      at.pop();
      continue;
    }
    at[at.length - 1] = i + 1;
    const n = list[i]!;
    if (typeof n === 'string') out += n;
    else {
      todo.push(n.children);
      at.push(0);
    }
  }
  return out;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export interface MarkdownHtmlOptions {
  /** The level a "#" becomes (a briefing's "##" sits under the page's own headings). Default 1. */
  headingLevel?: number;
}

/**
 * Lab Markdown as an HTML fragment for a static document (the report): every text escaped, only
 * the tags of MdTag, a link as its text with the target as a tooltip. A text that is one paragraph
 * comes without its <p>, to sit in a table cell or a sentence.
 */
export function markdownHtml(text: string, options: MarkdownHtmlOptions = {}): string {
  const doc = parseMarkdown(text);
  const only = doc.children.length === 1 ? doc.children[0] : undefined;
  const nodes = only !== undefined && typeof only !== 'string' && only.tag === 'p' ? only.children : doc.children;
  return nodesHtml(nodes, options.headingLevel ?? 1);
}

/** Depth is bounded by MARKDOWN_LIMITS, so this recursion is too. */
function nodesHtml(nodes: readonly MdNode[], headingLevel: number): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += escapeHtml(n);
      continue;
    }
    const inner = nodesHtml(n.children, headingLevel);
    switch (n.tag) {
      case 'hr':
        out += '<hr>';
        break;
      case 'br':
        out += '<br>';
        break;
      case 'link':
        out += `<span class="link" title="${escapeHtml(n.href ?? '')}">${inner}</span>`;
        break;
      case 'ol':
        out += `<ol${n.start !== undefined ? ` start="${n.start}"` : ''}>${inner}</ol>`;
        break;
      default: {
        const tag = headingTag(n.tag, headingLevel);
        out += `<${tag}>${inner}</${tag}>`;
      }
    }
  }
  return out;
}

/** A heading's tag shifted by headingLevel (h1 with level 4 → h4), at most h6; other tags as they are. */
export function headingTag<T extends string>(tag: T, headingLevel: number): T | `h${1 | 2 | 3 | 4 | 5 | 6}` {
  const m = /^h([1-6])$/.exec(tag);
  if (!m) return tag;
  return `h${Math.min(6, Math.max(1, Number(m[1]) + headingLevel - 1)) as 1 | 2 | 3 | 4 | 5 | 6}`;
}
