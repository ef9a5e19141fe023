// Lab Markdown (engine/common/markdown.ts), shared by the Labs pane and the report: what briefings
// use, nothing that could become markup, and hostile input read in bounded depth and output.
//
// The hostile cases failed before: the old reader (renderer/views/labs/markdown.ts) recursed once
// per `>` (RangeError: Maximum call stack size exceeded on the 22 KB quote) and rescanned emphasis
// runs (the 146 KB case ran for minutes, past the test timeout).
import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMITS, markdownHtml, markdownText, parseMarkdown, type MdNode } from '../../../engine/common/markdown';
import { builtinLabs } from '../../../engine/labs';

/** Deepest nesting of elements, and how many nodes; walked without recursion. */
function shape(nodes: readonly MdNode[]): { depth: number; nodes: number; containers: number; inline: number } {
  let depth = 0;
  let count = 0;
  let containers = 0;
  let inline = 0;
  const todo: { node: MdNode; depth: number; containers: number; inline: number }[] = nodes.map((node) => ({ node, depth: 1, containers: 0, inline: 0 }));
  while (todo.length) {
    const { node, depth: d, containers: c, inline: i } = todo.pop()!;
    count++;
    depth = Math.max(depth, d);
    if (typeof node === 'string') continue;
    const c2 = c + (node.tag === 'blockquote' || node.tag === 'ul' || node.tag === 'ol' ? 1 : 0);
    const i2 = i + (node.tag === 'em' || node.tag === 'strong' || node.tag === 'link' ? 1 : 0);
    containers = Math.max(containers, c2);
    inline = Math.max(inline, i2);
    for (const child of node.children) todo.push({ node: child, depth: d + 1, containers: c2, inline: i2 });
  }
  return { depth, nodes: count, containers, inline };
}

describe('lab Markdown', () => {
  it('reads headings, paragraphs joined across lines, tight lists, numbered lists and code blocks', () => {
    const doc = parseMarkdown(
      '## The situation\n\nSQL01 runs on **HV01**\nwith `D:`.\n\n- one\n  still one\n- *two*\n\n3. first\n4. second\n\n```powershell\nGet-VM | ft\n<b>x</b>\n```\n> quoted',
    );
    expect(doc.nestingCut).toBeUndefined();
    expect(doc.children).toEqual([
      { tag: 'h2', children: ['The situation'] },
      { tag: 'p', children: ['SQL01 runs on ', { tag: 'strong', children: ['HV01'] }, '\nwith ', { tag: 'code', children: ['D:'] }, '.'] },
      {
        tag: 'ul',
        children: [
          { tag: 'li', children: ['one\nstill one'] },
          { tag: 'li', children: [{ tag: 'em', children: ['two'] }] },
        ],
      },
      {
        tag: 'ol',
        start: 3,
        children: [
          { tag: 'li', children: ['first'] },
          { tag: 'li', children: ['second'] },
        ],
      },
      { tag: 'pre', children: [{ tag: 'code', children: ['Get-VM | ft\n<b>x</b>'] }] },
      { tag: 'blockquote', children: [{ tag: 'p', children: ['quoted'] }] },
    ]);
  });

  it('keeps paths in code spans literal, reads backslash escapes outside them, and follows CommonMark emphasis', () => {
    expect(parseMarkdown('`\\\\FS01\\VMs\\SQL01` or \\\\\\\\FS01 and \\*not italic\\*').children).toEqual([
      { tag: 'p', children: [{ tag: 'code', children: ['\\\\FS01\\VMs\\SQL01'] }, ' or \\\\FS01 and *not italic*'] },
    ]);
    expect(parseMarkdown('snake_case_name and 2*3*4').children).toEqual([
      { tag: 'p', children: ['snake_case_name and 2', { tag: 'em', children: ['3'] }, '4'] },
    ]);
    expect(parseMarkdown('a ** b').children).toEqual([{ tag: 'p', children: ['a ** b'] }]);
    expect(parseMarkdown('*a **b** c*').children).toEqual([
      { tag: 'p', children: [{ tag: 'em', children: ['a ', { tag: 'strong', children: ['b'] }, ' c'] }] },
    ]);
    expect(parseMarkdown('see [the docs](https://example.com/x)').children).toEqual([
      { tag: 'p', children: ['see ', { tag: 'link', href: 'https://example.com/x', children: ['the docs'] }] },
    ]);
  });

  it('turns markup into text, never into elements; script links are not links; images are their alt text', () => {
    const doc = parseMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) ![a chart](http://example.com/p.png)\n\n<div>\nblock\n</div>',
    );
    expect(doc.children).toEqual([
      { tag: 'p', children: ['<script>alert(1)</script><img src=x onerror=alert(1)>'] },
      { tag: 'p', children: ['[x](javascript:alert(1)) a chart'] },
      { tag: 'p', children: ['<div>\nblock\n</div>'] },
    ]);
    expect(markdownHtml('**a** <b onclick="x">b</b> [c](https://e.com/"q) `<i>`')).toBe(
      '<strong>a</strong> &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt; <span class="link" title="https://e.com/%22q">c</span> <code>&lt;i&gt;</code>',
    );
    expect(markdownHtml('# Title\n\n- a\n- b', { headingLevel: 3 })).toBe('<h3>Title</h3><ul><li>a</li><li>b</li></ul>');
  });

  it('reads every built-in briefing, task and hint without losing text or cutting anything', () => {
    for (const pack of builtinLabs()) {
      for (const md of [pack.briefing, ...pack.tasks.map((t) => t.description), ...pack.hints.map((h) => h.text)]) {
        const doc = parseMarkdown(md);
        expect(doc.children.length).toBeGreaterThan(0);
        expect(doc.nestingCut).toBeUndefined();
        const words = (s: string) =>
          s
            .replace(/[`*_\\#>\-[\]()]/g, ' ')
            .split(/\s+/)
            .filter((w) => /^[A-Za-z]{4,}$/.test(w));
        const text = markdownText(doc.children);
        for (const w of words(md)) expect(text, `${pack.id}: ${w}`).toContain(w);
      }
    }
  });

  describe('hostile input: finishes, stays within the nesting limits, output no bigger than the input', () => {
    const bounded = (input: string, cut?: 'block' | 'inline') => {
      const doc = parseMarkdown(input);
      const s = shape(doc.children);
      expect(s.containers).toBeLessThanOrEqual(MARKDOWN_LIMITS.blockNesting);
      expect(s.inline).toBeLessThanOrEqual(MARKDOWN_LIMITS.inlineNesting);
      // blocks and inlines, each element one level, plus the text under them
      expect(s.depth).toBeLessThanOrEqual(2 * MARKDOWN_LIMITS.blockNesting + MARKDOWN_LIMITS.inlineNesting + 4);
      expect(s.nodes).toBeLessThanOrEqual(input.length + 1);
      expect(markdownText(doc.children).length).toBeLessThanOrEqual(input.length);
      expect(doc.nestingCut).toBe(cut);
      // the report's HTML comes from the same tree: escaped text plus bounded markup per node
      expect(markdownHtml(input).length).toBeLessThanOrEqual(40 * input.length + 100);
      return doc;
    };

    it('22 KB of nested `>` on one line: eight quotes deep, the rest shown as its text', () => {
      const input = '>'.repeat(22_000) + ' the text';
      const doc = bounded(input, 'block');
      const text = markdownText(doc.children);
      expect(text.endsWith('the text')).toBe(true);
      expect(text.length).toBeGreaterThan(21_000); // the `>` past the limit are kept as text, not lost
    });

    it('22 KB of quotes nested line after line (a staircase of `>`)', () => {
      const lines: string[] = [];
      for (let i = 0; lines.join('\n').length < 22_000; i++) lines.push(`${'>'.repeat(i % 300)} line ${i}`);
      bounded(lines.join('\n'), 'block');
    });

    it('146 KB of emphasis runs (`*a **b *c`, `_a __b _c`, `***`)', () => {
      bounded('*a **b *c '.repeat(14_600));
      bounded('_a __b _c *d **e '.repeat(8_600));
      bounded('*a'.repeat(73_000));
      bounded(`${'*'.repeat(73_000)}a${'*'.repeat(73_000)}`, 'inline');
      bounded('[a'.repeat(40_000) + '](b)'.repeat(20_000));
      bounded('`a``'.repeat(36_000));
    });

    it('deep lists: bullets on one line, indented staircases, and ordered items', () => {
      bounded(`${'- '.repeat(40_000)}x`, 'block');
      bounded(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n'), 'block');
      bounded(Array.from({ length: 3_000 }, (_, i) => `${' '.repeat((i % 100) * 3)}1. item ${i}`).join('\n'), 'block');
      bounded('> - 1. > * '.repeat(10_000) + 'x', 'block');
    });

    it('eight containers are shown as written; a ninth is flattened and said so', () => {
      expect(shape(parseMarkdown(`${'> '.repeat(8)}x`).children).containers).toBe(8);
      expect(parseMarkdown(`${'> '.repeat(8)}x`).nestingCut).toBeUndefined();
      expect(parseMarkdown(`${'- '.repeat(8)}x`).nestingCut).toBeUndefined();
      expect(parseMarkdown(`${'> '.repeat(9)}x`).nestingCut).toBe('block');
      expect(parseMarkdown(`${'- '.repeat(9)}x`).nestingCut).toBe('block');
    });
  });
});
