// Lab Markdown on a hostile 150 KB briefing (issue 18, "Lab packs"): nested `>` that made the old
// reader recurse once per character, emphasis runs it rescanned (146 KB froze the page 16 s), deep
// lists and unclosed links. The shared reader (engine/common/markdown.ts) parses in linear time.
import type { Bench } from './harness';
import { peakRssMiB } from './harness';
import { markdownHtml, markdownText, parseMarkdown } from '../../engine/common/markdown';

/** About 150 KB: four hostile parts, each ~37 KB. */
export function hostileBriefing(): string {
  const part = 37_500;
  const quotes = `${'>'.repeat(part - 10)} the end\n\n`;
  const emphasis = `${'*a **b *c _d __e '.repeat(Math.floor(part / 17))}\n\n`;
  const lists = `${Array.from({ length: 150 }, (_, i) => `${' '.repeat((i % 60) * 2)}- item ${i}`).join('\n')}\n${'- '.repeat(Math.floor((part - 150 * 70) / 2))}x\n\n`;
  const links = `${'[a'.repeat(Math.floor(part / 4))}${'](b)'.repeat(Math.floor(part / 8))}\n`;
  return quotes + emphasis + lists + links;
}

export const benches: Bench[] = [
  {
    name: 'labs.markdown-150k',
    description:
      'Parse a hostile 150 KB lab briefing (deep `>`, emphasis runs, deep lists, open links) with the shared Markdown reader, then write it as report HTML',
    target: 'first parse ≤ 300 ms (the old reader: 16 s on 146 KB, or a stack overflow)',
    processes: 3,
    run() {
      const text = hostileBriefing();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const doc = parseMarkdown(text);
      const parseMs = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      const t1 = performance.now();
      const html = markdownHtml(text);
      const htmlMs = performance.now() - t1;
      const t2 = performance.now();
      parseMarkdown(text);
      const warmMs = performance.now() - t2;
      return {
        parse_ms: Math.round(parseMs),
        // CPU time beside wall time tells load on a shared machine from work
        parse_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
        warm_parse_ms: Math.round(warmMs),
        report_html_ms: Math.round(htmlMs),
        input_kb: Math.round(text.length / 1024),
        text_kb: Math.round(markdownText(doc.children).length / 1024),
        html_kb: Math.round(html.length / 1024),
        peak_rss_mb: peakRssMiB(),
      };
    },
  },
];
