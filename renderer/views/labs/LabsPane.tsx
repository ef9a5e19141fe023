// The Labs pane, docked at the right of the console: the list of labs, or one lab — briefing,
// objectives, tasks with their live check status, hints, Check / Reset / Leave, time and score —
// plus Import (a file picker), Export and the result report. Opened from the Labs menu or the
// toolbar; Escape in the list closes it, focus moves into it when it opens.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { ArrowImportRegular, DismissRegular } from '@fluentui/react-icons';
import { useRoot } from '../app/root-context';
import { LabDetail } from './LabDetail';
import { LabList } from './LabList';
import { ImportOutcomePanel } from './ImportOutcome';
import './labs.css';

export const LabsPane = observer(function LabsPane({ id }: { id: string }) {
  const root = useRoot();
  const { labs } = root;
  const pane = useRef<HTMLElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Menu → Import: open the file picker once the pane is on screen.
  const lastImport = useRef(labs.importRequest);
  useEffect(() => {
    if (labs.importRequest === lastImport.current) return;
    lastImport.current = labs.importRequest;
    fileInput.current?.click();
  }, [labs.importRequest]);

  // Menu / toolbar: move focus into the pane once its content is there (after the menu has
  // handed focus back to its trigger).
  const ready = labs.loaded && (!labs.selectedId || labs.view !== undefined);
  useEffect(() => {
    if (!labs.focusPending || !ready) return;
    const focusIn = () => pane.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
    const first = setTimeout(focusIn, 30);
    // A closing menu may hand focus back to its trigger a little later: take it back once.
    const second = setTimeout(() => {
      const now = document.activeElement;
      if (!pane.current?.contains(now) && (!now || now === document.body || now.closest('[role="menubar"], [role="toolbar"]'))) focusIn();
      labs.focusTaken();
    }, 250);
    return () => {
      clearTimeout(first);
      clearTimeout(second);
    };
  }, [labs, labs.focusPending, ready]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = ''; // picking the same file again must fire again
    if (!file) return;
    const outcome = await labs.importFile(file);
    if (outcome.ok) labs.select(outcome.lab.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented && !(e.target as HTMLElement).closest('input, textarea, details')) {
      e.preventDefault();
      if (labs.selectedId) {
        labs.back();
        requestAnimationFrame(() => pane.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
      } else labs.setOpen(false);
    }
  };

  const active = labs.activeLab;
  return (
    <aside
      id={id}
      ref={pane}
      className="hv-pane hv-labs"
      style={{ width: labs.width }}
      aria-labelledby="labs-pane-title"
      data-testid="labs-pane"
      onKeyDown={onKeyDown}
    >
      <div className="hv-pane-title">
        <h2 id="labs-pane-title">Labs</h2>
        {active && (
          <span className="hv-pane-title-extra" data-testid="labs-active">
            Running: {active.title}
          </span>
        )}
        <button
          type="button"
          className="hv-labs-close"
          aria-label="Close the Labs pane"
          title="Close the Labs pane"
          onClick={() => labs.setOpen(false)}
          data-testid="labs-close"
        >
          <DismissRegular aria-hidden />
        </button>
      </div>
      <div className="hv-labs-bar">
        <Button
          size="small"
          icon={<ArrowImportRegular />}
          onClick={() => fileInput.current?.click()}
          disabled={labs.busy === 'import'}
          data-testid="labs-import"
        >
          Import lab pack…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void onFile(e)}
          data-testid="labs-import-file"
        />
      </div>
      {labs.lastImport && <ImportOutcomePanel />}
      <div className="hv-labs-body">
        {!labs.available ? (
          <p className="hv-empty">This console is connected through a door that does not offer labs.</p>
        ) : labs.selectedId ? (
          <LabDetail />
        ) : (
          <LabList />
        )}
      </div>
    </aside>
  );
});
