// The Labs pane's Markdown reader: what briefings use, and nothing that could become markup.
import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown } from '../../../renderer/views/labs/markdown';
import { builtinLabs } from '../../../engine/labs';

describe('lab Markdown', () => {
  it('reads headings, paragraphs joined across lines, lists with continuation lines, and code blocks', () => {
    const blocks = parseMarkdown('## The situation\n\nSQL01 runs on **HV01**\nwith `D:`.\n\n- one\n  still one\n- *two*\n\n1. first\n2. second\n\n```powershell\nGet-VM | ft\n<b>x</b>\n```\n> quoted');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'code', 'quote']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, children: [{ kind: 'text', text: 'The situation' }] });
    expect(blocks[1]).toEqual({ kind: 'paragraph', children: [
      { kind: 'text', text: 'SQL01 runs on ' }, { kind: 'strong', children: [{ kind: 'text', text: 'HV01' }] }, { kind: 'text', text: ' with ' }, { kind: 'code', text: 'D:' }, { kind: 'text', text: '.' },
    ] });
    const list = blocks[2] as Extract<(typeof blocks)[number], { kind: 'list' }>;
    expect(list.ordered).toBe(false);
    expect(list.items).toHaveLength(2);
    expect(inlineText((list.items[0]![0] as Extract<(typeof blocks)[number], { kind: 'paragraph' }>).children)).toBe('one still one');
    expect(list.items[1]![0]).toEqual({ kind: 'paragraph', children: [{ kind: 'em', children: [{ kind: 'text', text: 'two' }] }] });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true, start: 1 });
    expect(blocks[4]).toEqual({ kind: 'code', lang: 'powershell', text: 'Get-VM | ft\n<b>x</b>' });
  });

  it('keeps paths in code spans literal, and reads backslash escapes outside them', () => {
    expect(parseInline('`\\\\FS01\\VMs\\SQL01` or \\\\\\\\FS01 and \\*not italic\\*')).toEqual([
      { kind: 'code', text: '\\\\FS01\\VMs\\SQL01' },
      { kind: 'text', text: ' or \\\\FS01 and *not italic*' },
    ]);
    expect(parseInline('snake_case_name and 2*3*4')).toEqual([{ kind: 'text', text: 'snake_case_name and 2' }, { kind: 'em', children: [{ kind: 'text', text: '3' }] }, { kind: 'text', text: '4' }]);
    expect(parseInline('a ** b')).toEqual([{ kind: 'text', text: 'a ** b' }]);
    expect(parseInline('*a **b** c*')).toEqual([{ kind: 'em', children: [{ kind: 'text', text: 'a ' }, { kind: 'strong', children: [{ kind: 'text', text: 'b' }] }, { kind: 'text', text: ' c' }] }]);
    expect(parseInline('see [the docs](https://example.com/x)')).toEqual([{ kind: 'text', text: 'see ' }, { kind: 'link', href: 'https://example.com/x', children: [{ kind: 'text', text: 'the docs' }] }]);
  });

  it('turns markup into text, never into elements', () => {
    const nodes = parseInline('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(nodes).toEqual([{ kind: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }]);
  });

  it('reads every built-in briefing, task and hint without losing text', () => {
    for (const pack of builtinLabs()) {
      for (const md of [pack.briefing, ...pack.tasks.map((t) => t.description), ...pack.hints.map((h) => h.text)]) {
        const blocks = parseMarkdown(md);
        expect(blocks.length).toBeGreaterThan(0);
        const words = (s: string) => s.replace(/[`*_\\#>\-[\]()]/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
        const text = JSON.stringify(blocks);
        for (const w of words(md)) expect(text, `${pack.id}: ${w}`).toContain(w);
      }
    }
  });
});
