// Size and nesting limits of a lab pack (issue 18, "Lab packs"): each refusal names the limit and
// what the pack has, and a pack over the size limit is refused before its JSON is parsed.
// Before these limits a 22 KB briefing of nested `>` was accepted (and blanked the console once
// started), and so were 146 KB of emphasis runs; the byte and Markdown totals were not checked.
import { describe, expect, it } from 'vitest';
import { LAB_PACK_LIMITS, sizeText, utf8Bytes } from '../../../engine/common/lab-limits';
import { parseLabPackJson } from '../../../engine/labs';
import { lines, loadErrors, loadOk, minimalPack } from './helpers';

type Obj = Record<string, unknown>;

describe('lab pack limits', () => {
  it('a pack file over the byte limit is refused with its size and the limit, before it is parsed', () => {
    const text = `{"briefing": "${'é'.repeat(270_000)}"`; // not even valid JSON: the size is checked first
    const r = parseLabPackJson(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && lines(r.errors)).toEqual(['(root): the pack is 528 KB (540,015 bytes); a lab pack may be at most 512 KB']);
  });

  it('counts UTF-8 bytes as they are written to a file', () => {
    expect(utf8Bytes('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
    expect(utf8Bytes('\ud800x')).toBe(new TextEncoder().encode('\ud800x').length);
    expect(sizeText(512 * 1024)).toBe('512 KB');
    expect(sizeText(900)).toBe('900 bytes');
  });

  it('a Markdown field over its limit, too many tasks or hints: the limit and the count', () => {
    const p = minimalPack();
    p.briefing = 'x'.repeat(LAB_PACK_LIMITS.fieldChars + 1);
    p.tasks = Array.from({ length: LAB_PACK_LIMITS.tasks + 1 }, (_, i) => ({ ...(p.tasks as Obj[])[0]!, id: `t${i}` }));
    p.hints = Array.from({ length: LAB_PACK_LIMITS.hints + 1 }, (_, i) => ({ id: `h${i}`, text: 'Think.', costPoints: 1 }));
    expect(lines(loadErrors(p))).toEqual([
      'briefing: at most 50,000 characters; this has 50,001',
      'tasks: at most 50; this pack has 51',
      'hints: at most 100; this pack has 101',
    ]);
  });

  it('all Markdown of a pack together is limited', () => {
    const p = minimalPack();
    p.briefing = 'x'.repeat(45_000);
    p.tasks = Array.from({ length: 4 }, (_, i) => ({ ...(p.tasks as Obj[])[0]!, id: `t${i}`, description: 'y'.repeat(45_000) }));
    p.hints = [{ id: 'h', text: 'z'.repeat(30_000), costPoints: 1 }];
    expect(lines(loadErrors(p))).toEqual(["(root): the pack's Markdown (briefing, task descriptions and hints) is 255,000 characters in all; at most 200,000"]);
  });

  it('Markdown nested deeper than the Labs pane shows is refused at its field; as deep as it shows is fine', () => {
    const p = minimalPack();
    p.briefing = `${'>'.repeat(22_000)} the text`;
    (p.tasks as Obj[])[1]!.description = `${'- '.repeat(9)}deep`;
    (p.hints as Obj[])[1]!.text = `${'*'.repeat(20)}a${'*'.repeat(20)}`;
    expect(lines(loadErrors(p))).toEqual([
      'briefing: Markdown nests block quotes and lists more than 8 deep (the most the Labs pane shows)',
      'tasks[1].description: Markdown nests block quotes and lists more than 8 deep (the most the Labs pane shows)',
      'hints[1].text: Markdown nests emphasis and links more than 8 deep (the most the Labs pane shows)',
    ]);
    const fine = minimalPack();
    fine.briefing = `${'> '.repeat(8)}eight deep\n\n${'*a **b *c '.repeat(4_000)}`;
    expect(loadOk(fine).briefing).toContain('eight deep');
  });
});
