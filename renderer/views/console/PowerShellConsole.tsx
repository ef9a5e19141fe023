// The PowerShell pane: Windows PowerShell's blue console with a `PS C:\Users\Administrator>` prompt.
// Enter runs the line in the engine (bridge.run); Up/Down walk the history; Tab completes cmdlet
// names, parameter names and values, cycling on repeated Tab (Shift+Tab goes back). Esc clears
// the line — and lets the next Tab leave the prompt, so the keyboard is never trapped here.
// The output is plain text: select it and copy it like any text.
import { observer } from 'mobx-react-lite';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConsoleBlock } from '../../stores/console-store';
import { useRoot } from '../app/root-context';

export const PowerShellConsole = observer(function PowerShellConsole() {
  const root = useRoot();
  const { console: ps } = root;
  const output = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const measure = useRef<HTMLSpanElement>(null);
  const stick = useRef(true);
  const leaveOnTab = useRef(false);
  const [pendingCursor, setPendingCursor] = useState<number | undefined>();

  // Fit tables to the pane: characters across = width / width of one character.
  useEffect(() => {
    const el = output.current;
    const m = measure.current;
    if (!el || !m || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const charWidth = m.getBoundingClientRect().width / 10 || 7;
      ps.setColumns(Math.floor((el.clientWidth - 16) / charWidth) - 1);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ps]);

  // Keep the newest output in view unless the user scrolled up to read.
  const blocks = ps.blocks;
  useLayoutEffect(() => {
    const el = output.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [blocks]);

  useLayoutEffect(() => {
    if (pendingCursor === undefined) return;
    input.current?.setSelectionRange(pendingCursor, pendingCursor);
    setPendingCursor(undefined);
  }, [pendingCursor]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      if (leaveOnTab.current) {
        leaveOnTab.current = false;
        return; // let focus move on
      }
      e.preventDefault();
      void ps.complete({ text: el.value, cursor: el.selectionStart ?? el.value.length }, e.shiftKey).then((edit) => {
        if (edit) setPendingCursor(edit.cursor);
      });
      return;
    }
    leaveOnTab.current = false;
    if (e.key === 'Escape') {
      if (el.value) {
        e.preventDefault();
        e.stopPropagation();
        ps.setInput('');
      }
      leaveOnTab.current = true;
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (ps.busy) return;
      stick.current = true;
      void ps.submit(el.value);
      return;
    }
    const before = el.value.slice(0, el.selectionStart ?? 0);
    const after = el.value.slice(el.selectionEnd ?? el.value.length);
    if (e.key === 'ArrowUp' && !before.includes('\n')) {
      e.preventDefault();
      ps.historyUp();
      setPendingCursor(ps.input.length);
    } else if (e.key === 'ArrowDown' && !after.includes('\n')) {
      e.preventDefault();
      ps.historyDown();
      setPendingCursor(ps.input.length);
    }
  };

  const rows = Math.min(8, ps.input.split('\n').length);
  return (
    <div className="hv-ps" data-testid="powershell-pane">
      <div className="hv-ps-title" id="ps-title" data-testid="powershell-title">
        {ps.title}
      </div>
      <div
        ref={output}
        className="hv-ps-output"
        role="log"
        aria-labelledby="ps-title"
        data-testid="powershell-output"
        tabIndex={-1}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        onMouseUp={() => {
          // A click (not a selection) anywhere in the console puts the caret back at the prompt.
          if (!window.getSelection()?.toString()) input.current?.focus({ preventScroll: true });
        }}
      >
        <pre className="hv-ps-block output">
          {
            'Windows PowerShell (simulated by Hyper-V Mobility Lab; not a Microsoft product)\nCommands run in the simulated datacenter. Tab completes; Esc then Tab leaves the prompt.\n'
          }
        </pre>
        {blocks.map((b) => (
          <Block key={b.id} block={b} />
        ))}
        <div className="hv-ps-inputline">
          <label htmlFor="ps-input" className="hv-ps-prompt">
            {ps.prompt}
          </label>
          <textarea
            id="ps-input"
            ref={input}
            className="hv-ps-input"
            rows={rows}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            aria-label={`PowerShell prompt on ${ps.computer}`}
            aria-describedby="ps-hint"
            value={ps.input}
            readOnly={ps.busy}
            onChange={(e) => ps.setInput(e.target.value)}
            onKeyDown={onKeyDown}
            data-testid="powershell-input"
            data-autofocus
          />
        </div>
        <div id="ps-hint" className="hv-ps-hint" aria-live="polite" data-testid="powershell-hint">
          {ps.busy ? 'Running…' : (ps.completionHint ?? '')}
        </div>
        <span ref={measure} className="hv-ps-measure" aria-hidden="true">
          MMMMMMMMMM
        </span>
      </div>
    </div>
  );
});

const Block = observer(function Block({ block }: { block: ConsoleBlock }) {
  const { dock } = useRoot();
  if (block.kind === 'jobs') {
    return (
      <div className="hv-ps-block jobs">
        {(block.jobIds ?? []).map((id) => (
          <button
            key={id}
            type="button"
            className="hv-ps-link"
            onClick={() => {
              dock.selectJob(id);
              dock.show('jobs');
            }}
            data-testid={`powershell-job-link-${id}`}
          >
            Follow Job{id} in the Jobs pane
          </button>
        ))}
      </div>
    );
  }
  return (
    <pre className={`hv-ps-block ${block.kind}`} data-testid={`ps-${block.kind}`}>
      {block.text}
    </pre>
  );
});
