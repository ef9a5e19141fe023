// Renders lab Markdown (the shared reader, engine/common/markdown.ts) as React elements: text only
// ever becomes text nodes and elements come from a closed list of tags, so a pack cannot inject
// markup. Headings are shifted so that a briefing's "##" sits under the pane's own headings
// (headingLevel: the level a "#" becomes).
import { createElement, memo, useMemo, type ReactNode } from 'react';
import { headingTag, markdownText, parseMarkdown, type MdNode } from '../../../engine/common/markdown';

export const Markdown = memo(function Markdown({
  text,
  headingLevel = 3,
  className,
  testId,
}: {
  text: string;
  headingLevel?: number;
  className?: string;
  testId?: string;
}) {
  const doc = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={`hv-md${className ? ` ${className}` : ''}`} data-testid={testId}>
      {renderNodes(doc.children, headingLevel)}
      {doc.nestingCut && (
        <p className="hv-md-note" data-testid="markdown-nesting-cut">
          (Part of this text is nested too deeply to show as written, so it is shown flattened.)
        </p>
      )}
    </div>
  );
});

/** The tree is at most MARKDOWN_LIMITS deep, so this recursion is bounded too. */
function renderNodes(nodes: readonly MdNode[], headingLevel: number): ReactNode[] {
  return nodes.map((n, key) => {
    if (typeof n === 'string') return n;
    switch (n.tag) {
      case 'hr':
        return <hr key={key} />;
      case 'br':
        return <br key={key} />;
      case 'pre':
        return (
          <pre key={key} className="hv-md-pre">
            <code>{markdownText(n.children)}</code>
          </pre>
        );
      case 'code':
        return (
          <code key={key} className="hv-md-code">
            {markdownText(n.children)}
          </code>
        );
      case 'link':
        // The console is offline and never navigates: a link shows its text, its target as a tooltip.
        return (
          <span key={key} className="hv-md-link" title={n.href}>
            {renderNodes(n.children, headingLevel)}
          </span>
        );
      case 'ol':
        return (
          <ol key={key} start={n.start}>
            {renderNodes(n.children, headingLevel)}
          </ol>
        );
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return createElement(headingTag(n.tag, headingLevel), { key, className: 'hv-md-heading' }, ...renderNodes(n.children, headingLevel));
      default:
        return createElement(n.tag, { key }, ...renderNodes(n.children, headingLevel));
    }
  });
}
