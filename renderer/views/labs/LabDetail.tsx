// One lab: what it is, the learner's standing (status, score, time left), the buttons (Start,
// Check, Reset, Leave; Report, Save result, Export), then the briefing, objectives, tasks with the result of
// the last Check per check ("expected … found …" for the failed ones) and the hints.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type ReactNode } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowExportRegular,
  ArrowLeftRegular,
  ArrowResetRegular,
  CheckmarkCircleFilled,
  CheckmarkRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  CircleRegular,
  DeleteRegular,
  DismissCircleFilled,
  DocumentRegular,
  LightbulbRegular,
  PlayRegular,
  SaveRegular,
  SignOutRegular,
} from '@fluentui/react-icons';
import type { LabHintView, LabTaskView, LabView } from '../../../engine/contract';
import { timeSpanText } from '../../../engine/common/time-span';
import { LAB_STATUS_TEXT } from '../../stores/lab-store';
import { useRoot } from '../app/root-context';
import { PaneBoundary } from '../shared/PaneBoundary';
import { downloadBase64, downloadText, openHtmlDocument } from './download';
import { Markdown } from './Markdown';

export const LabDetail = observer(function LabDetail() {
  const root = useRoot();
  const { labs } = root;
  const item = labs.selectedItem;
  const view = labs.view;
  const back = (
    <button type="button" className="hv-labs-back" onClick={() => labs.back()} data-testid="labs-back" data-autofocus>
      <ArrowLeftRegular aria-hidden /> All labs
    </button>
  );
  if (!view || !item) {
    return (
      <div className="hv-lab-detail">
        {back}
        <p className="hv-empty">{labs.busy === 'show' || !labs.loaded ? 'Loading the lab…' : 'This lab is no longer available.'}</p>
      </div>
    );
  }
  return (
    <div className="hv-lab-detail" data-testid="lab-detail" data-lab={view.summary.id}>
      {back}
      <h3 className="hv-lab-title" data-testid="lab-title">
        {view.summary.title}
      </h3>
      <p className="hv-lab-meta">
        {view.summary.level} · about {view.summary.estimatedMinutes} min
        {view.summary.timeLimitMinutes !== undefined && <> · time limit {view.summary.timeLimitMinutes} min</>}
        {' · '}
        {view.summary.source === 'builtin' ? 'built-in' : 'imported'} · {view.tasks.length} task{view.tasks.length === 1 ? '' : 's'}, {view.maxScore} points
      </p>
      <div className="hv-lab-sticky">
        <Standing view={view} />
        <LabButtons view={view} />
      </div>
      <FileButtons view={view} />
      {labs.error && (
        <div className="hv-labs-error" role="alert" data-testid="labs-error">
          {labs.error.message}
          {labs.error.fix ? ` ${labs.error.fix}` : ''}
        </div>
      )}
      <PaneBoundary name="Lab briefing">
        <CheckSummary view={view} />
        <Section title="Briefing" testId="lab-briefing">
          <Markdown text={view.briefing} headingLevel={4} />
        </Section>
        <Section title="Objectives" testId="lab-objectives">
          <ul className="hv-lab-objectives">
            {view.summary.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </Section>
        <Section title="Tasks" testId="lab-tasks">
          <ol className="hv-lab-tasks">
            {view.tasks.map((t) => (
              <Task key={t.id} task={t} />
            ))}
          </ol>
        </Section>
        <Section title={`Hints (${view.hints.length})`} testId="lab-hints">
          {view.hints.length === 0 ? (
            <p className="hv-empty">This lab has no hints.</p>
          ) : (
            <>
              {!view.summary.active && <p className="hv-lab-note">Start the lab to use its hints.</p>}
              <ol className="hv-lab-hints">
                {view.hints.map((h, i) => (
                  <Hint key={h.id} hint={h} index={i} view={view} />
                ))}
              </ol>
            </>
          )}
        </Section>
      </PaneBoundary>
    </div>
  );
});

/** Status, score, hints' cost, time left. */
const Standing = observer(function Standing({ view }: { view: LabView }) {
  const { labs } = useRoot();
  const left = labs.timeLeftMs;
  const elapsed = labs.elapsedMs;
  const s = view.summary;
  return (
    <dl className="hv-lab-standing" data-testid="lab-standing">
      <div>
        <dt>Status</dt>
        <dd data-testid="lab-status">{LAB_STATUS_TEXT[s.status]}</dd>
      </div>
      <div>
        <dt>Score</dt>
        <dd data-testid="lab-score">
          {view.score !== undefined ? `${view.score} / ${view.maxScore}` : `— / ${view.maxScore}`}
          {s.bestScore !== undefined && <span className="hv-lab-muted"> (best {s.bestScore})</span>}
        </dd>
      </div>
      <div>
        <dt>Hints</dt>
        <dd data-testid="lab-hint-cost">{view.hintPoints > 0 ? `−${view.hintPoints} point${view.hintPoints === 1 ? '' : 's'}` : 'none used'}</dd>
      </div>
      {elapsed !== undefined && (
        <div>
          <dt>Elapsed</dt>
          <dd data-testid="lab-elapsed" title="Simulated time since the lab started">
            {timeSpanText(elapsed)}
          </dd>
        </div>
      )}
      {left !== undefined && (
        <div>
          <dt>Time left</dt>
          <dd data-testid="lab-time-left" className={left < 0 ? 'hv-lab-fail' : undefined} title="Simulated time left before the lab's time limit">
            {left < 0 ? `over by ${timeSpanText(-left)}` : timeSpanText(left)}
          </dd>
        </div>
      )}
    </dl>
  );
});

const LabButtons = observer(function LabButtons({ view }: { view: LabView }) {
  const root = useRoot();
  const { labs, connection } = root;
  const busy = labs.busy !== undefined || !connection.connected;
  const s = view.summary;
  return (
    <div className="hv-lab-buttons" role="group" aria-label="Lab">
      {s.active ? (
        <>
          <Button appearance="primary" size="small" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void labs.check()} data-testid="lab-check">
            {labs.busy === 'check' ? 'Checking…' : 'Check'}
          </Button>
          <Button size="small" icon={<ArrowResetRegular />} disabled={busy} onClick={() => labs.reset()} data-testid="lab-reset">
            Reset…
          </Button>
          <Button
            size="small"
            icon={<SignOutRegular />}
            disabled={busy}
            onClick={() => labs.leave()}
            data-testid="lab-quit"
            title="Leave the lab: your own datacenter comes back; your progress in the lab is kept"
          >
            Leave lab
          </Button>
        </>
      ) : (
        <Button appearance="primary" size="small" icon={<PlayRegular />} disabled={busy} onClick={() => labs.start(s.id)} data-testid="lab-start">
          {s.status === 'NotStarted' ? 'Start lab' : 'Start again'}
        </Button>
      )}
    </div>
  );
});

/** The result report to hand in, and the pack as a file. */
const FileButtons = observer(function FileButtons({ view }: { view: LabView }) {
  const root = useRoot();
  const { labs, connection } = root;
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [nameMissing, setNameMissing] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const busy = labs.busy !== undefined || !connection.connected;
  const s = view.summary;
  const desktop = connection.status.transport === 'desktop';
  /** The report carries the learner's name: asked for before it is made. */
  const named = (): boolean => {
    if (labs.learner.trim()) return true;
    setNameMissing(true);
    nameInput.current?.focus();
    return false;
  };

  const exportPack = async () => {
    const file = await labs.exportPack(s.id);
    if (file) {
      downloadText(file.fileName, file.packJson, 'application/json');
      setMessage(`Exported ${file.fileName}.`);
    }
  };
  const openReport = async () => {
    if (!named()) return;
    const report = await labs.report(s.id, labs.learner);
    if (!report) return;
    if (report.pdf) {
      downloadBase64(report.pdf.fileName, report.pdf.base64, 'application/pdf');
      setMessage(`Saved ${report.pdf.fileName}.`);
    } else if (desktop) {
      setMessage('The PDF could not be made: use “Download report” to save the report as a web page instead.');
    } else if (!openHtmlDocument(report.html)) {
      setMessage('The browser blocked the report window: use “Download report” instead.');
    } else setMessage('The report opened in a new tab: print it from there (Ctrl+P), or download it.');
  };
  /** The result file a trainer regrades: the browser downloads it; the desktop shows its save dialog. */
  const saveResult = async () => {
    if (!named()) return;
    const file = await labs.resultFile(s.id, labs.learner);
    if (!file) return;
    downloadText(file.fileName, file.text, 'application/json');
    setMessage(`Saved ${file.fileName}: hand it to your trainer.`);
  };
  const downloadReport = async () => {
    if (!named()) return;
    const report = await labs.report(s.id, labs.learner);
    if (!report) return;
    downloadText(report.fileName, report.html, 'text/html');
    setMessage(`Downloaded ${report.fileName}.`);
  };

  return (
    <>
      <Field
        className="hv-lab-learner"
        label="Your name (on the report and the result file)"
        size="small"
        {...(nameMissing && !labs.learner.trim()
          ? { validationState: 'error' as const, validationMessage: 'Type your name: it is printed on the report you hand in.' }
          : {})}
      >
        <Input ref={nameInput} size="small" value={labs.learner} maxLength={120} onChange={(_e, d) => labs.setLearner(d.value)} data-testid="lab-learner" />
      </Field>
      <div className="hv-lab-files" role="group" aria-label="Report and pack">
        {desktop ? (
          // Untested here (no Electron runtime): the desktop door answers with a PDF; Electron shows a save dialog.
          <Button
            size="small"
            appearance="subtle"
            icon={<DocumentRegular />}
            disabled={busy}
            onClick={() => void openReport()}
            data-testid="lab-report"
            title="Save your results as a PDF to hand in"
          >
            Report (PDF)…
          </Button>
        ) : (
          <Button
            size="small"
            appearance="subtle"
            icon={<DocumentRegular />}
            disabled={busy}
            onClick={() => void openReport()}
            data-testid="lab-report"
            title="Open your results as a printable page"
          >
            Report
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowDownloadRegular />}
          disabled={busy}
          onClick={() => void downloadReport()}
          data-testid="lab-report-download"
          title="Download your results as an HTML file to hand in"
        >
          Download report
        </Button>
        {view.startedAt !== undefined && (
          <Button
            size="small"
            appearance="subtle"
            icon={<SaveRegular />}
            disabled={busy}
            onClick={() => void saveResult()}
            data-testid="lab-result-save"
            title="Save your attempt (every command you ran, the hints and the grade) as a file your trainer regrades"
          >
            Save result…
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowExportRegular />}
          disabled={busy}
          onClick={() => void exportPack()}
          data-testid="lab-export"
          title="Save this lab pack as a JSON file"
        >
          Export pack
        </Button>
        {s.source === 'imported' && (
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            disabled={busy || s.active}
            onClick={() => labs.remove(s.id)}
            data-testid="lab-remove"
            title={s.active ? 'Leave the lab before removing it' : 'Remove this imported lab, its progress and best score from this console'}
          >
            Remove
          </Button>
        )}
      </div>
      {message && (
        <p className="hv-lab-message" role="status" data-testid="lab-message">
          {message}
        </p>
      )}
    </>
  );
});

/** The last Check in one sentence, announced to screen readers when it changes. */
function CheckSummary({ view }: { view: LabView }) {
  const c = view.lastCheck;
  const passed = c ? c.tasks.filter((t) => t.pass).length : 0;
  return (
    <div className={`hv-lab-summary${c ? (c.passed ? ' pass' : ' fail') : ''}`} role="status" aria-live="polite" data-testid="lab-check-summary">
      {c ? (
        <>
          {c.passed ? <CheckmarkCircleFilled className="hv-lab-pass" aria-hidden /> : <DismissCircleFilled className="hv-lab-fail" aria-hidden />}
          <span>
            Last Check at {timeSpanText(c.checkedAt)} simulated: {passed} of {c.tasks.length} task{c.tasks.length === 1 ? '' : 's'} passed — score {c.score} /{' '}
            {c.maxScore}
            {c.hintPoints > 0 ? ` (hints −${c.hintPoints})` : ''}
            {c.overTime ? ', over the time limit' : ''}.{view.completed && c.passed ? ' Lab completed.' : ''}
          </span>
        </>
      ) : view.summary.active ? (
        'Not checked yet: do the tasks, then press Check.'
      ) : (
        'Start the lab to work on it.'
      )}
    </div>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const bodyId = `${testId}-body`;
  return (
    <section className="hv-lab-section" aria-labelledby={`${testId}-head`} data-testid={testId}>
      <h4 className="hv-lab-section-head">
        <button type="button" id={`${testId}-head`} aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
          <span aria-hidden="true" className="hv-lab-chevron">
            {open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          </span>
          {title}
        </button>
      </h4>
      <div className="hv-lab-section-body" id={bodyId} hidden={!open}>
        {children}
      </div>
    </section>
  );
}

function Task({ task }: { task: LabTaskView }) {
  const r = task.result;
  const state = r ? (r.pass ? 'pass' : 'fail') : 'unknown';
  return (
    <li className={`hv-lab-task ${state}`} data-testid={`lab-task-${task.id}`} data-result={state}>
      <div className="hv-lab-task-head">
        <ResultIcon pass={r?.pass} />
        <strong>{task.title}</strong>
        <span className="hv-lab-muted hv-lab-points">{r ? `${r.pass ? task.points : 0} / ${task.points}` : task.points} points</span>
        <span className="visually-hidden">{r ? (r.pass ? 'passed' : 'failed') : 'not checked yet'}</span>
      </div>
      <Markdown text={task.description} className="hv-lab-task-text" headingLevel={5} />
      <ul className="hv-lab-checks" aria-label={`Checks of “${task.title}”`}>
        {(r ? r.checks : task.checks.map((description) => ({ description, pass: undefined, expected: '', found: '' }))).map((c, i) => (
          <li key={i} className={c.pass === undefined ? 'unknown' : c.pass ? 'pass' : 'fail'} data-testid={`lab-check-${task.id}-${i}`}>
            <ResultIcon pass={c.pass} />
            <span>
              <span className="visually-hidden">{c.pass === undefined ? 'Not checked: ' : c.pass ? 'Passed: ' : 'Failed: '}</span>
              {c.description}
              {c.pass === false && (
                <span className="hv-lab-expected" data-testid="lab-check-expected">
                  <em>Expected</em> <span>{c.expected}</span>
                  <em>Found</em> <span>{c.found}</span>
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function ResultIcon({ pass }: { pass: boolean | undefined }) {
  if (pass === undefined) return <CircleRegular className="hv-lab-icon hv-lab-muted" aria-hidden />;
  return pass ? (
    <CheckmarkCircleFilled className="hv-lab-icon hv-lab-pass" aria-hidden />
  ) : (
    <DismissCircleFilled className="hv-lab-icon hv-lab-fail" aria-hidden />
  );
}

const Hint = observer(function Hint({ hint, index, view }: { hint: LabHintView; index: number; view: LabView }) {
  const root = useRoot();
  const { labs } = root;
  const task = hint.task ? view.tasks.find((t) => t.id === hint.task) : undefined;
  const label = `Hint ${index + 1}${task ? ` for “${task.title}”` : ''}`;
  return (
    <li className={`hv-lab-hint${hint.taken ? ' taken' : ''}`} data-testid={`lab-hint-${hint.id}`}>
      <div className="hv-lab-hint-head">
        <LightbulbRegular className="hv-lab-icon" aria-hidden />
        <span>{label}</span>
        {hint.taken && (
          <span className="hv-lab-muted">
            (−{hint.costPoints} point{hint.costPoints === 1 ? '' : 's'}, taken)
          </span>
        )}
      </div>
      {hint.taken && hint.text !== undefined ? (
        <Markdown text={hint.text} className="hv-lab-hint-text" headingLevel={5} testId={`lab-hint-text-${hint.id}`} />
      ) : (
        <Button
          size="small"
          disabled={!view.summary.active || labs.busy !== undefined || !root.connection.connected}
          onClick={() => labs.takeHint(hint)}
          data-testid={`lab-hint-show-${hint.id}`}
          aria-label={`Show ${label.toLowerCase()} (costs ${hint.costPoints} point${hint.costPoints === 1 ? '' : 's'})`}
        >
          Show hint (−{hint.costPoints} point{hint.costPoints === 1 ? '' : 's'})
        </Button>
      )}
    </li>
  );
});
