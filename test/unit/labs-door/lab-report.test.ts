// The HTML report's own helpers: escaping, hint Markdown, simulated durations.
import { describe, expect, it } from 'vitest';
import { hintHtml, simulatedDuration } from '../../../doors/common/lab-report';
import { escapeHtml } from '../../../engine/common/markdown';

describe('the lab report', () => {
  it('escapes text and renders the inline Markdown hints use, never markup from the pack', () => {
    expect(escapeHtml(`<img src=x onerror="a">'&`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&#39;&amp;');
    expect(hintHtml('You want **storage migration**, the *single location* option: `Move-VMStorage -DestinationStoragePath \\\\FS01\\VMs` <b>x</b>')).toBe(
      'You want <strong>storage migration</strong>, the <em>single location</em> option: <code>Move-VMStorage -DestinationStoragePath \\\\FS01\\VMs</code> &lt;b&gt;x&lt;/b&gt;',
    );
    expect(hintHtml('2 * 3 * 4 and \\*not\\*')).toBe('2 * 3 * 4 and *not*');
    expect(hintHtml('`<script>`')).toBe('<code>&lt;script&gt;</code>');
  });

  it('writes simulated durations for people', () => {
    expect(simulatedDuration(200)).toBe('0.2 s');
    expect(simulatedDuration(12_500)).toBe('13 s');
    expect(simulatedDuration(255_000)).toBe('4 min 15 s');
    expect(simulatedDuration(3_725_000)).toBe('1 h 02 min 05 s');
    expect(simulatedDuration(-60_000)).toBe('−1 min 00 s');
  });
});
