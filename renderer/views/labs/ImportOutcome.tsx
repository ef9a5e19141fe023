// What became of the last import: the lab it added, or every problem the door found in the file,
// each with its place in it (tasks[2].checks[0].vm: required), so a trainer fixes them in one pass.
import { observer } from 'mobx-react-lite';
import { CheckmarkCircleFilled, DismissRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useRoot } from '../app/root-context';

const SHOWN = 50;

export const ImportOutcomePanel = observer(function ImportOutcomePanel() {
  const { labs } = useRoot();
  const outcome = labs.lastImport;
  if (!outcome) return null;
  const dismiss = (
    <button type="button" className="hv-labs-close" aria-label="Dismiss" title="Dismiss" onClick={() => labs.dismissImport()} data-testid="labs-import-dismiss">
      <DismissRegular aria-hidden />
    </button>
  );
  if (outcome.ok) {
    return (
      <div className="hv-labs-import ok" role="status" data-testid="labs-import-ok">
        <CheckmarkCircleFilled className="hv-lab-pass" aria-hidden />
        <span>
          Imported “{outcome.lab.title}” from {outcome.fileName}.
        </span>
        {dismiss}
      </div>
    );
  }
  const issues = outcome.error.issues ?? [];
  return (
    <div className="hv-labs-import failed" role="alert" data-testid="labs-import-errors">
      <div className="hv-labs-import-head">
        <ErrorCircleRegular className="hv-lab-fail" aria-hidden />
        <span>
          <strong>{outcome.fileName} was not imported.</strong>{' '}
          {issues.length ? `${issues.length} problem${issues.length === 1 ? '' : 's'} in the file:` : outcome.error.message}
        </span>
        {dismiss}
      </div>
      {issues.length > 0 && (
        <ul className="hv-labs-issues">
          {issues.slice(0, SHOWN).map((i, n) => (
            <li key={n} data-testid="labs-import-issue">
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
          {issues.length > SHOWN && <li>… and {issues.length - SHOWN} more.</li>}
        </ul>
      )}
      {outcome.error.fix && <p className="hv-labs-fix">{outcome.error.fix}</p>}
    </div>
  );
});
