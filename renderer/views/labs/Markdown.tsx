// Renders lab Markdown (markdown.ts) as React elements — text only ever becomes text nodes, so a
// pack cannot inject markup. Headings are shifted so that a briefing's "##" sits under the pane's
// own headings (headingLevel: the level a "#" becomes).
import { memo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

export const Markdown = memo(function Markdown({ text, headingLevel = 3, className, testId }: { text: string; headingLevel?: number; className?: string; testId?: string }) {
  const blocks = parseMarkdown(text);
  return (
    <div className={`hv-md${className ? ` ${className}` : ''}`} data-testid={testId}>
      {renderBlocks(blocks, headingLevel)}
    </div>
  );
});

/** Inline Markdown only (a hint, a one-line description). */
export function MarkdownInline({ text }: { text: string }) {
  const blocks = parseMarkdown(text);
  if (blocks.length === 1 && blocks[0]!.kind === 'paragraph') return <>{renderInline(blocks[0]!.children)}</>;
  return <Markdown text={text} />;
}

function renderBlocks(blocks: readonly Block[], headingLevel: number): ReactNode[] {
  return blocks.map((b, i) => {
    switch (b.kind) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, b.level + headingLevel - 1));
        const Tag = `h${level}` as 'h1';
        return <Tag key={i} className="hv-md-heading">{renderInline(b.children)}</Tag>;
      }
      case 'paragraph':
        return <p key={i}>{renderInline(b.children)}</p>;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{renderItem(item, headingLevel)}</li>);
        return b.ordered ? <ol key={i} start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul key={i}>{items}</ul>;
      }
      case 'quote':
        return <blockquote key={i}>{renderBlocks(b.children, headingLevel)}</blockquote>;
      case 'code':
        return <pre key={i} className="hv-md-pre"><code>{b.text}</code></pre>;
    }
  });
}

/** A list item made of one paragraph renders without the <p> (tight list). */
function renderItem(blocks: readonly Block[], headingLevel: number): ReactNode {
  if (blocks.length === 1 && blocks[0]!.kind === 'paragraph') return renderInline(blocks[0]!.children);
  return renderBlocks(blocks, headingLevel);
}

function renderInline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i} className="hv-md-code">{n.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        // The console is offline and never navigates: a link shows its text, its target as a tooltip.
        return <span key={i} className="hv-md-link" title={n.href}>{renderInline(n.children)}</span>;
    }
  });
}
